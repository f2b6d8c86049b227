import FSRS
import Foundation
import GRDB
import Testing

@testable import ReviewStore

/// A level filter's answers come from the kept summary, broken down by the
/// cards' groups of deck file and level, not from a pass over the log
/// (issue 14), and equal the log's own sums whatever happened to the
/// cards: moved to another level or deck file, taken out of the registry,
/// registered again, answered and undone after the move.
@Suite struct LevelFilterSlotTests {
    /// The registered keys of `level` (nil: no level), from the registry.
    static func keys(_ store: ProgressStore, level: Int?) throws -> [String] {
        try store.read { db in
            try String.fetchAll(db, sql: "SELECT key FROM card WHERE level IS ? ORDER BY key", arguments: [level])
        }
    }

    /// The answers of `keys` (with `deckFiles`), summed per slot from the
    /// log alone, the kept summary not read.
    static func fromLog(_ store: ProgressStore, keys: [String], deckFiles: [String]? = nil) throws -> [AnswerSlot] {
        var clause = " AND e.key IN (SELECT value FROM json_each(?))"
        var arguments: [String] = [String(decoding: try JSONEncoder().encode(keys), as: UTF8.self)]
        if let deckFiles {
            clause += " AND e.deck_file IN (SELECT value FROM json_each(?))"
            arguments.append(String(decoding: try JSONEncoder().encode(deckFiles), as: UTF8.self))
        }
        let perRow = try store.read { db in
            try AnswerSummaries.recomputedSlots(db, clause: clause, arguments: StatementArguments(arguments), group: nil)
        }
        var sums: [Int64: [Int]] = [:]
        for (key, values) in perRow { sums[key.slot] = AnswerSummaries.sum(sums[key.slot], values) }
        return sums.keys.sorted().compactMap { slot in
            guard let v = sums[slot], v[0] > 0 else { return nil }
            return AnswerSlot(
                start: ProgressColumns.date(slot * AnswerSlot.widthMilliseconds), answers: v[0], correct: v[1],
                durationMilliseconds: v[2], youngPassed: v[3], youngFailed: v[4], maturePassed: v[5],
                matureFailed: v[6])
        }
    }

    /// Every level's filter, with and without a deck scope, and a filter
    /// cutting across groups (a tag's), equal the log's sums.
    static func expectFiltersEqualTheLog(_ store: ProgressStore, _ moment: Comment) throws {
        // A registry row deleted by hand (no command does) leaves the log's
        // answers without the registry's answered flag; that is not ours.
        let problems = try store.verify().filter { !$0.hasSuffix("answered flag differs from the log") }
        #expect(problems == [], "\(moment): \(problems.prefix(3))")
        for level in [1, 2, 3, nil] as [Int?] {
            let keys = try keys(store, level: level)
            guard !keys.isEmpty else { continue }
            #expect(try store.answerSlots(scope: StatisticsScope(keys: keys)) == fromLog(store, keys: keys), moment)
            let scope = StatisticsScope(deckFiles: ["decks/b.deck"], keys: keys)
            #expect(
                try store.answerSlots(scope: scope) == fromLog(store, keys: keys, deckFiles: ["decks/b.deck"]), moment)
        }
        // Most of a level but its first card (a tag on most of a deck):
        // the groups more than half chosen are read as kept rows less
        // the cards left out.
        for level in [1, 2, 3] {
            let keys = try keys(store, level: level)
            guard keys.count > 2 else { continue }
            let most = Array(keys.dropFirst()) + ["never-registered"]
            #expect(try store.answerSlots(scope: StatisticsScope(keys: most)) == fromLog(store, keys: most), moment)
            let scope = StatisticsScope(deckFiles: ["decks/b.deck"], keys: most)
            #expect(
                try store.answerSlots(scope: scope) == fromLog(store, keys: most, deckFiles: ["decks/b.deck"]), moment)
        }
        let across = try keys(store, level: 1).prefix(2) + keys(store, level: 2) + ["never-registered", "k7"]
        #expect(
            try store.answerSlots(scope: StatisticsScope(keys: Array(across))) == fromLog(store, keys: Array(across)),
            moment)
    }

    @Test func aLevelFilterEqualsTheLogAfterCardsMoveAndReadsTheKeptRows() throws {
        let store = try ProgressStore()
        try AnswerSummaryTests.history(store)
        try Self.expectFiltersEqualTheLog(store, "all at level 1")
        // Levels given to the cards answered: their answers move with them.
        let time = t0.addingTimeInterval(2e7)
        try store.register(
            (0..<40).map { n in
                RegisteredCard(
                    key: "k\(n)", deckFile: n.isMultiple(of: 10) ? "decks/c.deck" : n % 10 == 1 ? "decks/b.deck" : "decks/a.deck",
                    prompt: "Prompt of k\(n)", level: n.isMultiple(of: 7) ? nil : n % 3 + 1)
            }, at: time)
        try Self.expectFiltersEqualTheLog(store, "levels given, some cards in another deck file")
        // Answers and an undo after the move, a card taken out of the
        // registry, and registered again at another level.
        _ = try store.record(
            answer("k4", deck: "decks/a.deck", level: 2, at: time.addingTimeInterval(10), session: "late",
                after: StatisticsQueryTests.review(interval: 30, at: time.addingTimeInterval(10))))
        _ = try store.record(
            answer("k5", deck: "decks/a.deck", level: 3, at: time.addingTimeInterval(20), session: "late",
                after: StatisticsQueryTests.review(interval: 3, at: time.addingTimeInterval(20))))
        _ = try store.undoLast(sessionID: "late", at: time.addingTimeInterval(30))
        try store.executeRaw("DELETE FROM card WHERE key = 'k7'")
        try Self.expectFiltersEqualTheLog(store, "a card taken out")
        try store.register([RegisteredCard(key: "k7", deckFile: "decks/b.deck", prompt: "back", level: 3)], at: time)
        try Self.expectFiltersEqualTheLog(store, "registered again")
        // A registry row given another key (its answers stay with the old
        // key, now registered nowhere), and given its key back.
        try store.executeRaw("UPDATE card SET key = 'k9-renamed' WHERE key = 'k9'")
        try Self.expectFiltersEqualTheLog(store, "a key changed")
        try store.executeRaw("UPDATE card SET key = 'k9', level = 3 WHERE key = 'k9-renamed'")
        try Self.expectFiltersEqualTheLog(store, "the key changed back, at another level")

        // The filter of a whole level reads the kept rows: a kept row
        // changed by hand shows in it (and `verify` reports it).
        let level2 = try Self.keys(store, level: 2)
        let before = try store.answerSlots(scope: StatisticsScope(keys: level2))
        try store.executeRaw(
            """
            UPDATE answer_slot SET answers = answers + 1000
            WHERE grp IN (SELECT id FROM card_group WHERE level_key = 2)
            """)
        let after = try store.answerSlots(scope: StatisticsScope(keys: level2))
        let (answersAfter, answersBefore) = (after.map(\.answers).reduce(0, +), before.map(\.answers).reduce(0, +))
        #expect(answersAfter >= answersBefore + 1000)
        #expect(try store.verify().contains { $0.hasPrefix("answer summary") })
    }

    /// The migration gives a store's existing answers their groups, and
    /// the triggers keep them from then on.
    @Test func theMigrationGroupsTheSummaryOfAStoreRecordedWithoutGroups() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("old.sqlite").path
        do {
            let store = try ProgressStore(path: path)
            try AnswerSummaryTests.history(store)
            try store.register(
                (0..<40).map { RegisteredCard(key: "k\($0)", deckFile: "decks/a.deck", prompt: "k\($0)", level: $0 % 3 + 1) },
                at: t0.addingTimeInterval(2e7))
        }
        // As the store was before the groups: the summary per deck file only.
        do {
            let queue = try DatabaseQueue(path: path)
            try queue.write { db in
                try FirstLayoutRegistry.restore(db)
                try db.execute(
                    sql: """
                        DROP TRIGGER answer_slot_card_insert; DROP TRIGGER answer_slot_card_delete;
                        DROP TRIGGER answer_slot_card_regroup; DROP TRIGGER answer_slot_card_rekey; DROP VIEW answer_slot_move; DROP TABLE answer_slot;
                        \(AnswerSummaries.schema.components(separatedBy: "CREATE TABLE quiz_summary")[0])
                        DELETE FROM grdb_migrations WHERE identifier = 'stats-2-answer-slot-groups';
                        """)
                try db.execute(
                    sql: """
                        INSERT INTO answer_slot
                        \(AnswerSummaries.slotContribution(where: LogClauses.notUndone, group: nil))
                        """)
            }
        }
        // Read-only, the migration cannot run: the filter reads the log.
        do {
            let readOnly = try ProgressStore(path: path, options: StoreOptions(readOnly: true))
            let keys = try Self.keys(readOnly, level: 2)
            #expect(try readOnly.answerSlots(scope: StatisticsScope(keys: keys)) == Self.fromLog(readOnly, keys: keys))
        }
        let store = try ProgressStore(path: path)
        #expect(try store.read { db in try AnswerSummaries.areGrouped(db) })
        try Self.expectFiltersEqualTheLog(store, "migrated")
        try store.register([RegisteredCard(key: "k2", deckFile: "decks/b.deck", prompt: "k2", level: 1)], at: t0)
        try Self.expectFiltersEqualTheLog(store, "migrated, then a card moved")
    }

    /// A filter choosing most of a group but not all of it (a tag on most
    /// of a deck) reads the group's kept rows, less the answers of the
    /// cards it leaves out (read card by card): a kept row changed by hand
    /// shows in it, and before that it equals the log's own sums.
    @Test func aFilterOnMostOfAGroupReadsItsKeptRowsLessTheCardsLeftOut() throws {
        let store = try ProgressStore()
        try AnswerSummaryTests.history(store)
        try store.register(
            (0..<40).map { RegisteredCard(key: "k\($0)", deckFile: "decks/a.deck", prompt: "k\($0)", level: $0 < 36 ? 1 : 2) },
            at: t0.addingTimeInterval(2e7))
        let level1 = try Self.keys(store, level: 1)
        #expect(level1.count == 36)
        // All of level 1 but k3 and k5, and a card of level 2.
        let chosen = level1.filter { $0 != "k3" && $0 != "k5" } + ["k37"]
        let fromLog = try Self.fromLog(store, keys: chosen)
        #expect(fromLog.map(\.answers).reduce(0, +) > 0)
        #expect(try store.answerSlots(scope: StatisticsScope(keys: chosen)) == fromLog)
        let answersLeftOut = try Self.fromLog(store, keys: ["k3", "k5"]).map(\.answers).reduce(0, +)
        #expect(answersLeftOut > 0)
        try store.executeRaw(
            """
            UPDATE answer_slot SET answers = answers + 1000
            WHERE grp IN (SELECT id FROM card_group WHERE level_key = 1) AND deck_file = 'decks/a.deck'
            AND slot = (
                SELECT min(slot) FROM answer_slot
                WHERE grp IN (SELECT id FROM card_group WHERE level_key = 1) AND deck_file = 'decks/a.deck')
            """)
        let after = try store.answerSlots(scope: StatisticsScope(keys: chosen))
        let answersAfter: Int = after.map(\.answers).reduce(0, +)
        let answersOfLog: Int = fromLog.map(\.answers).reduce(0, +)
        #expect(answersAfter == answersOfLog + 1000)
    }
}
