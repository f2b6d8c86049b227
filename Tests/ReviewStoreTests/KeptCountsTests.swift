import FSRS
import Foundation
import GRDB
import Testing
@testable import ReviewStore

/// The counts per deck and level, the new cards and today's queue read from
/// the kept counts and the small indexes (issue 20) against the queries they
/// replaced, which passed over every card: equal on generated histories of
/// registrations, moves between decks and levels, answers in every state,
/// suspensions, burials, undos and rebuilds, at several ends of day.
@Suite struct KeptCountsTests {
    /// The counts as the query before the kept counts computed them
    /// (`ProgressStore.counts` as it was, word for word): a pass over the
    /// registry and a join with every state row that is not a review
    /// waiting for a later day.
    static func countsByJoin(_ store: ProgressStore, dueBy: Date, now: Date) throws -> [GroupCounts] {
        try store.countsByJoin(dueBy: dueBy, now: now)
    }

    /// New keys as the query before: a join of every new card with its state row.
    static func newKeysByJoin(_ store: ProgressStore, limit: Int, now: Date, deckFiles: [String]?) throws -> [String] {
        guard limit > 0 else { return [] }
        return try store.read { db in
            var arguments: [(any DatabaseValueConvertible)?] = [ProgressColumns.bound(now)]
            var deckClause = ""
            if let deckFiles {
                deckClause = "AND c.deck_file IN (\(Array(repeating: "?", count: deckFiles.count).joined(separator: ", ")))"
                arguments += deckFiles
            }
            arguments.append(limit)
            return try String.fetchAll(
                db,
                sql: """
                    SELECT c.key FROM card c LEFT JOIN card_state s ON s.key = c.key
                    WHERE c.answered = 0 AND s.state IS NULL AND coalesce(s.suspended, 0) = 0
                    AND (s.buried_until IS NULL OR s.buried_until <= ?) \(deckClause)
                    ORDER BY c.first_seen, c.key LIMIT ?
                    """,
                arguments: StatementArguments(arguments))
        }
    }

    /// Ends of day to ask about: around `now`, on a due time, before 1970.
    static func endsOfDay(around now: Date) -> [Date] {
        [
            now, now.addingTimeInterval(6 * 3600), now.addingTimeInterval(86_400), now.addingTimeInterval(-86_400 * 3),
            Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: -5),
        ]
    }

    /// Compares every kept answer with its join at `now`.
    static func expectSame(_ store: ProgressStore, now: Date, step: Int) throws {
        for dueBy in endsOfDay(around: now) {
            let kept = try store.counts(dueBy: dueBy, now: now)
            let joined = try countsByJoin(store, dueBy: dueBy, now: now)
            #expect(kept == joined, "step \(step), due by \(dueBy.timeIntervalSince1970)")
        }
        for deckFiles in [nil, ["a.deck"], ["b.deck", "c.deck"]] as [[String]?] {
            for limit in [0, 1, 7, 1000] {
                #expect(
                    try store.newKeys(limit: limit, now: now, deckFiles: deckFiles)
                        == newKeysByJoin(store, limit: limit, now: now, deckFiles: deckFiles), "step \(step)")
            }
        }
        let dayEnd = now.addingTimeInterval(8 * 3600)
        let queue = try store.studyQueue(
            dayStart: now.addingTimeInterval(-16 * 3600), dayEnd: dayEnd, now: now,
            learnAhead: now.addingTimeInterval(1200), newCardLimit: 9999, reviewLimit: 9999)
        #expect(queue.learning == (try store.learningKeys(dueBy: now.addingTimeInterval(1200), now: now)))
        #expect(queue.schedules == (try store.schedules(for: queue.learning + queue.reviews)), "step \(step)")
        #expect(Set(queue.schedules.keys) == Set(queue.learning + queue.reviews))
    }

    /// A random history on `store`, checked against the joins as it goes.
    static func play(_ store: ProgressStore, seed: UInt64, steps: Int, check: Bool = true) throws -> Date {
        var rng = SeededGenerator(seed: seed)
        let decks = ["a.deck", "b.deck", "c.deck"]
        let levels: [Int?] = [nil, 1, 2, 3, 4]
        let keys = (0..<40).map { "k\($0)" }
        var now = t0
        for step in 0..<steps {
            now = now.addingTimeInterval(Double(rng.next() % 5_000))
            let key = keys[Int(rng.next() % UInt64(keys.count))]
            switch rng.next() % 10 {
            case 0:
                // The decks registered again: some cards move to another
                // deck or level, or lose their level.
                let cards = keys.shuffled(using: &rng).prefix(Int(rng.next() % 12)).map { key in
                    RegisteredCard(
                        key: key, deckFile: decks[Int(rng.next() % 3)], prompt: "p \(key)",
                        level: levels[Int(rng.next() % 5)])
                }
                try store.register(Array(cards), at: now)
            case 1, 2, 3, 4:
                let before = try store.schedules(for: [key])[key]
                let rating = Rating(rawValue: Int(rng.next() % 4) + 1) ?? .good
                var after = scheduleAfter(before, rating: rating, at: now, using: &rng)
                // Due times spread around now, several stretches either side.
                after.due = now.addingTimeInterval(Double(Int(rng.next() % 400_000)) - 150_000)
                try store.record(
                    answer(
                        key, deck: decks[Int(rng.next() % 3)], level: levels[Int(rng.next() % 5)], rating: rating,
                        at: now, before: before, after: after))
            case 5: _ = try? store.suspend(key: key, at: now)
            case 6: _ = try? store.unsuspend(key: key, at: now)
            case 7:
                let until = rng.next() % 4 == 0 ? nil : now.addingTimeInterval(Double(Int(rng.next() % 20_000)) - 5_000)
                _ = try? store.bury(key: key, until: until, at: now)
            case 8: _ = try? store.undoLast(sessionID: nil, at: now)
            default:
                if rng.next() % 8 == 0 { try store.rebuildState() }
            }
            if check, step % 7 == 0 { try expectSame(store, now: now, step: step) }
        }
        return now
    }

    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func keptCountsEqualTheJoinsThroughAHistory(seed: UInt64) throws {
        let store = try ProgressStore()
        let now = try Self.play(store, seed: seed, steps: 400)
        try Self.expectSame(store, now: now, step: 400)
        // Suspended, buried and hidden new cards were all made on the way.
        let counts = try store.counts(dueBy: now.addingTimeInterval(86_400), now: now)
        #expect(counts.contains { $0.counts.suspended > 0 })
        #expect(counts.contains { $0.level == nil } && counts.contains { $0.level == 4 })
    }

    /// A store in a new folder given 300 random steps (`play` with
    /// `seed`), turned back by `makeOlder` into a store of an earlier
    /// schema (its migration forgotten), and opened again, so that the
    /// migration runs on what was stored. The caller removes `folder`.
    static func reopenedAfterPlay(seed: UInt64, makeOlder: (Database) throws -> Void) throws
        -> (store: ProgressStore, now: Date, folder: URL)
    {
        let folder = try temporaryDirectory()
        let path = folder.appendingPathComponent("p.sqlite").path
        let now: Date
        do {
            let store = try ProgressStore(path: path)
            now = try play(store, seed: seed, steps: 300, check: false)
            try store.write { db in try makeOlder(db) }
        }
        return (try ProgressStore(path: path), now, folder)
    }

    /// Makes `db` what a store was before the kept counts: their tables,
    /// triggers and index dropped, the migration forgotten.
    static func takeOutKeptCounts(_ db: Database) throws {
        try FirstLayoutRegistry.restore(db)
        for name in try String.fetchAll(
            db, sql: "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%counts%'")
        {
            try db.execute(sql: "DROP TRIGGER \(name)")
        }
        try db.execute(
            sql: """
                DROP INDEX card_state_by_due; DROP INDEX card_state_hidden;
                ALTER TABLE card_state DROP COLUMN grp; DROP TABLE card_group;
                CREATE INDEX card_state_by_due ON card_state(due) WHERE state IS NOT NULL AND suspended = 0;
                DELETE FROM grdb_migrations WHERE identifier = 'queue-1-kept-counts';
                """)
    }

    /// A database from before the kept counts (its tables, triggers and
    /// index dropped, the migration forgotten) gets them filled from the
    /// registry and the state when it is opened again.
    @Test func theMigrationFillsTheCountsFromWhatIsStored() throws {
        let (store, now, folder) = try Self.reopenedAfterPlay(seed: 9) { db in try Self.takeOutKeptCounts(db) }
        defer { try? FileManager.default.removeItem(at: folder) }
        try Self.expectSame(store, now: now, step: 0)
        // And the triggers keep them from then on.
        _ = try Self.play(store, seed: 10, steps: 100)
    }
}

extension ProgressStore {
    func countsByJoin(dueBy: Date, now: Date) throws -> [GroupCounts] {
        struct Group: Hashable {
            var deckFile: String
            var level: Int?
        }
        return try read { db in
            var totals: [Group: (total: Int, answered: Int)] = [:]
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT deck_file, level, count(*), sum(answered) FROM card
                    GROUP BY deck_file, level
                    """)
            {
                let stored = try StoredRow(row, keyColumn: nil, path: path)
                totals[Group(deckFile: try stored.string(0) ?? "?", level: try stored.int(1))] =
                    (try stored.count(2) ?? 0, try stored.count(3) ?? 0)
            }
            var special: [Group: [Int]] = [:]
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT c.deck_file, c.level,
                        sum(s.state IN (1, 3)),
                        sum(s.state IS NOT NULL AND s.suspended = 0 AND s.due <= ?1
                            AND (s.buried_until IS NULL OR s.buried_until <= ?2)),
                        sum(s.suspended),
                        sum(s.suspended = 0 AND s.buried_until > ?2),
                        sum(s.state IS NULL AND s.suspended = 1)
                    FROM card_state s CROSS JOIN card c ON c.key = s.key
                    WHERE s.state IN (1, 3) OR s.due <= ?1 OR s.suspended = 1 OR s.buried_until > ?2
                    GROUP BY c.deck_file, c.level
                    """,
                arguments: [ProgressColumns.bound(dueBy), ProgressColumns.bound(now)])
            {
                let stored = try StoredRow(row, keyColumn: nil, path: path)
                special[Group(deckFile: try stored.string(0) ?? "?", level: try stored.int(1))] =
                    try (2...6).map { try stored.count($0) ?? 0 }
            }
            let groups = totals.keys.sorted {
                ($0.deckFile, $0.level ?? Int.min) < ($1.deckFile, $1.level ?? Int.min)
            }
            return groups.map { group in
                let total = totals[group] ?? (0, 0)
                let row = special[group]
                let learning = row?[0] ?? 0
                let suspendedUnanswered = row?[4] ?? 0
                return GroupCounts(
                    deckFile: group.deckFile, level: group.level,
                    counts: CardCounts(
                        new: total.total - total.answered - suspendedUnanswered, learning: learning,
                        review: total.answered - learning, due: row?[1] ?? 0, suspended: row?[2] ?? 0,
                        buried: row?[3] ?? 0, total: total.total))
            }
        }
    }
}
