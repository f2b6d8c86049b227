import FSRS
import Foundation
import GRDB
import Testing

@testable import ReviewStore

/// What the statistics read instead of the registry — the kept groups of
/// deck file and level (`card_group`, with their registered cards) and each
/// state row's group (`card_state.grp`), kept by triggers (`KeptCounts`) —
/// equals the registry and the states, recomputed here with a join of our own, after answers, undos, suspensions, burials, cards
/// moved to another deck file or level, new cards and a rebuilt state; the
/// migration builds them for a store recorded without them, losing nothing;
/// and the statistics' pass reads the same from them as from the registry.
@Suite struct StatisticsGroupsTests {
    /// Every registered card that has a state row, with its deck file,
    /// level and state, as the registry and the states hold them, and the
    /// registered cards counted per deck file and level (the expectation).
    static func registryRows(_ store: ProgressStore) throws -> [String] {
        try rows(
            store,
            """
            SELECT c.key, c.deck_file, c.level, s.state, s.step, s.stability, s.difficulty, s.due, s.last_review,
                s.reps, s.lapses, s.suspended, s.buried_until
            FROM card c JOIN card_state s ON s.key = c.key
            """)
            + rows(store, "SELECT 'pair', deck_file, level, count(*) FROM card GROUP BY deck_file, level")
    }

    /// The same read from the states and the kept groups.
    static func keptRows(_ store: ProgressStore) throws -> [String] {
        try rows(
            store,
            """
            SELECT s.key, g.deck_file, nullif(g.level_key, ''), s.state, s.step, s.stability, s.difficulty, s.due,
                s.last_review, s.reps, s.lapses, s.suspended, s.buried_until
            FROM card_state s JOIN card_group g ON g.id = s.grp
            """)
            + rows(store, "SELECT 'pair', deck_file, nullif(level_key, ''), total FROM card_group WHERE total > 0")
    }

    private static func rows(_ store: ProgressStore, _ sql: String) throws -> [String] {
        try store.read { db in
            try Row.fetchAll(db, sql: sql).map { row in
                (0..<row.count).map { "\(row[$0] as DatabaseValue)" }.joined(separator: "|")
            }.sorted()
        }
    }

    /// `registryOnly`: the registry was edited by hand so that the log's
    /// own checks cannot hold (an answered card taken out of it); only
    /// the kept groups are checked.
    static func expectKeptEqualsRegistry(_ store: ProgressStore, _ moment: String, registryOnly: Bool = false) throws {
        let expected = try registryRows(store)
        #expect(!expected.isEmpty, "\(moment)")
        #expect(try keptRows(store) == expected, "\(moment)")
        let problems = try store.verify()
        let groupProblems = problems.filter { $0.contains("kept counts") || $0.contains("group") }
        #expect((registryOnly ? groupProblems : problems) == [], "\(moment)")
    }

    @Test func keptRowsEqualTheRegistryAndStatesAfterEveryKindOfChange() throws {
        let store = try ProgressStore()
        try AnswerSummaryTests.history(store)
        try Self.expectKeptEqualsRegistry(store, "after answers and undos")
        let time = t0.addingTimeInterval(400 * 86_400)
        _ = try store.suspend(key: "k3", at: time)
        _ = try store.bury(key: "k4", until: time.addingTimeInterval(86_400), at: time)
        _ = try store.suspend(key: "k5", at: time)
        try Self.expectKeptEqualsRegistry(store, "after suspending and burying")
        _ = try store.unsuspend(key: "k5", at: time.addingTimeInterval(1))
        _ = try store.undoLast(at: time.addingTimeInterval(2))
        try Self.expectKeptEqualsRegistry(store, "after unsuspending and undoing it")
        // A never-answered card flagged: a state row without a schedule.
        try store.register([RegisteredCard(key: "fresh", deckFile: "decks/c.deck", prompt: "?", level: 3)], at: time)
        _ = try store.suspend(key: "fresh", at: time)
        // Cards moved: another level (a new pair), no level, another deck file.
        try store.register(
            [
                RegisteredCard(key: "k1", deckFile: "decks/b.deck", prompt: "Prompt of k1", level: 2),
                RegisteredCard(key: "k2", deckFile: "decks/a.deck", prompt: "Prompt of k2", level: nil),
                RegisteredCard(key: "k6", deckFile: "decks/c.deck", prompt: "Prompt of k6", level: 1),
                RegisteredCard(key: "never", deckFile: "decks/c.deck", prompt: "never answered", level: 1),
            ], at: time)
        try Self.expectKeptEqualsRegistry(store, "after registering and moving cards")
        let k1 = try store.read { db in
            try Row.fetchOne(
                db,
                sql: "SELECT g.deck_file, nullif(g.level_key, '') FROM card_state s JOIN card_group g ON g.id = s.grp WHERE s.key = 'k1'")
        }
        #expect(k1?[0] == "decks/b.deck" && k1?[1] == 2)
        // An answer through `record` (which registers too), then the state rebuilt from the log.
        _ = try store.record(
            answer("k7", deck: "decks/c.deck", level: 3, at: time.addingTimeInterval(5), session: "late",
                after: StatisticsQueryTests.review(interval: 30, at: time.addingTimeInterval(5))))
        try store.rebuildState()
        try Self.expectKeptEqualsRegistry(store, "after a rebuilt state")
        // A card removed from the registry leaves its group, and comes
        // back with its state when registered again.
        try store.executeRaw("DELETE FROM card WHERE key IN ('never', 'k7')")
        try Self.expectKeptEqualsRegistry(store, "after cards left the registry", registryOnly: true)
        #expect(try !Self.keptRows(store).contains { $0.hasPrefix("\"k7\"") })
        try store.register([RegisteredCard(key: "k7", deckFile: "decks/a.deck", prompt: "back", level: 2)], at: time)
        try Self.expectKeptEqualsRegistry(store, "after a card with a state was registered again", registryOnly: true)
        #expect(try Self.keptRows(store).contains { $0.hasPrefix("\"k7\"") })
    }

    @Test func theCheckFindsARowOrACountThatDrifted() throws {
        let store = try ProgressStore()
        try AnswerSummaryTests.history(store)
        #expect(try store.verify() == [])
        try store.executeRaw("UPDATE card_state SET grp = NULL WHERE key = 'k2'")
        #expect(try store.verify().contains { $0.contains("k2") && $0.contains("group") })
        let other = try ProgressStore()
        try AnswerSummaryTests.history(other)
        try other.executeRaw("UPDATE card_state SET grp = grp + 100 WHERE key = 'k3'")
        #expect(try other.verify().contains { $0.contains("k3") && $0.contains("group") })
        let third = try ProgressStore()
        try AnswerSummaryTests.history(third)
        try third.executeRaw("UPDATE card_group SET total = total + 1 WHERE id = 1")
        #expect(try third.verify().contains { $0.contains("miscounted") })
    }

    /// What the statistics' pass hands over, as text, per scope.
    static func pass(_ store: ProgressStore, _ scope: StatisticsScope) throws -> [String] {
        var cards: [String] = []
        let groups = try store.forEachStatisticsCard(scope: scope) { row, identity in
            cards.append("\(try identity.key()) \(row.deckFile) \(row.level ?? -1) \(row.progress) \(try identity.prompt())")
        }
        return cards.sorted() + groups.map { "\($0.deckFile) \($0.level ?? -1) \($0.count)" }.sorted()
    }

    static let scopes = [
        StatisticsScope(), StatisticsScope(deckFiles: ["decks/b.deck"]),
        StatisticsScope(keys: ["k1", "k2", "k3", "k9", "nothing"]),
        StatisticsScope(deckFiles: ["decks/a.deck"], keys: ["k1", "k2", "k3", "k4"]),
    ]

    @Test func theMigrationBuildsTheGroupsForAStoreRecordedWithoutThem() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("old.sqlite").path
        var before: [[String]] = []
        var counts: [Int] = []
        let countSQL = "SELECT (SELECT count(*) FROM card) * 1000000 + (SELECT count(*) FROM card_state) * 1000 + (SELECT count(*) FROM review)"
        do {
            let store = try ProgressStore(path: path)
            try AnswerSummaryTests.history(store)
            try store.register([RegisteredCard(key: "never", deckFile: "decks/b.deck", prompt: "?", level: 2)], at: t0)
            _ = try store.suspend(key: "k8", at: t0.addingTimeInterval(9e6))
            before = try Self.scopes.map { try Self.pass(store, $0) }
            counts = try store.read { db in [try Int.fetchOne(db, sql: countSQL) ?? 0] }
        }
        // The store as jatta wrote it before the groups: none of them, no migration.
        do {
            let queue = try DatabaseQueue(path: path)
            try queue.write { db in try KeptCountsTests.takeOutKeptCounts(db) }
        }
        // Opened read-only, the migration cannot run: the pass reads the
        // registry and the states, and hands over the same.
        do {
            let readOnly = try ProgressStore(path: path, options: StoreOptions(readOnly: true))
            #expect(try readOnly.read { db in try KeptCounts.isKept(db) } == false)
            #expect(try Self.scopes.map { try Self.pass(readOnly, $0) } == before)
        }
        let reopened = try ProgressStore(path: path)
        #expect(try reopened.read { db in try KeptCounts.isKept(db) })
        try Self.expectKeptEqualsRegistry(reopened, "after the migration")
        #expect(try reopened.read { db in [try Int.fetchOne(db, sql: countSQL) ?? 0] } == counts)
        #expect(try Self.scopes.map { try Self.pass(reopened, $0) } == before)
        // And keeps it from there on.
        _ = try reopened.record(
            answer("k1", deck: "decks/b.deck", at: t0.addingTimeInterval(9e6), session: "late",
                after: StatisticsQueryTests.review(interval: 3, at: t0.addingTimeInterval(9e6))))
        _ = try reopened.suspend(key: "k2", at: t0.addingTimeInterval(9e6 + 1))
        try Self.expectKeptEqualsRegistry(reopened, "after answers past the migration")
    }
}
