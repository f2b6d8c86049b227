import FSRS
import Foundation
import GRDB
import Testing
@testable import ReviewStore

/// The compact review log (`CompactLog`, migration `scale-2-compact-log`):
/// a log in the first layout reads back column for column after the
/// migration, a `before` that does not follow from the previous entry is
/// kept, and what jatta itself writes never needs one stored.
@Suite struct CompactLogTests {
    /// Every column of the log, in id order, as `DatabaseValue`s.
    private func rows(_ db: Database) throws -> [[DatabaseValue]] {
        try Row.fetchAll(db, sql: "SELECT * FROM review_log ORDER BY id").map { Array($0.databaseValues) }
    }

    @Test func aFirstLayoutLogReadsBackExactlyAfterTheMigration() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("old.sqlite").path
        let before: [[DatabaseValue]]
        do {
            let queue = try DatabaseQueue(path: path)
            try Schema.migrator.migrate(queue, upTo: "scale-1-registered-decks")
            before = try queue.write { db in
                // Card a: new → learning (session s1) → review; an undo of
                // that review; a suspension. Card b: its first entry already
                // had progress before it (history brought from elsewhere),
                // then an answer whose `before` is not b's previous `after`
                // (a hand-edited log): both must be kept as written.
                let columns = """
                    INSERT INTO review_log (key, deck_file, session, at, kind, rating, duration_ms, undoes,
                        b_state, b_step, b_stability, b_difficulty, b_due, b_last_review, b_reps, b_lapses,
                        b_suspended, b_buried_until,
                        a_state, a_step, a_stability, a_difficulty, a_due, a_last_review, a_reps, a_lapses,
                        a_suspended, a_buried_until) VALUES
                    """
                try db.execute(
                    sql: columns + """
                        ('a', 'decks/x.deck', 's1', 1000, 'study', 3, 4200, NULL,
                            NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0, NULL,
                            1, 0, 2.3065, 2.118830120213, 601000, 1000, 1, 0, 0, NULL),
                        ('a', 'decks/x.deck', 's1', 700000, 'study', 3, 3100, NULL,
                            1, 0, 2.3065, 2.118830120213, 601000, 1000, 1, 0, 0, NULL,
                            2, NULL, 0.30000000000000004, 9.999999999999998, 259900000, 700000, 2, 0, 0, NULL),
                        ('a', 'decks/y.deck', 's1', 800000, 'undo', NULL, NULL, 2,
                            2, NULL, 0.30000000000000004, 9.999999999999998, 259900000, 700000, 2, 0, 0, NULL,
                            1, 0, 2.3065, 2.118830120213, 601000, 1000, 1, 0, 0, NULL),
                        ('a', 'decks/y.deck', NULL, 900000, 'suspend', NULL, NULL, NULL,
                            1, 0, 2.3065, 2.118830120213, 601000, 1000, 1, 0, 0, NULL,
                            1, 0, 2.3065, 2.118830120213, 601000, 1000, 1, 0, 1, NULL),
                        ('b', 'decks/x.deck', 's2', 950000, 'quiz', 1, 0, NULL,
                            2, NULL, 12.5, 5.5, 940000, 100, 7, 1, 0, NULL,
                            3, 0, 1.25, 7.5, 1550000, 950000, 8, 2, 0, NULL),
                        ('b', 'decks/x.deck', 's2', 960000, 'bury', NULL, NULL, NULL,
                            3, 1, 1.25, 7.5, 1550000, 950000, 8, 2, 0, NULL,
                            3, 0, 1.25, 7.5, 1550000, 950000, 8, 2, 0, 86400000)
                        """)
                return try rows(db)
            }
        }
        let store = try ProgressStore(path: path)
        let after = try store.read { db in try rows(db) }
        #expect(after == before)
        #expect(after.count == 6)
        // Only b's two `before`s do not follow from the entry before them.
        let kept = try store.read { db in try Int64.fetchAll(db, sql: "SELECT id FROM review_before ORDER BY id") }
        #expect(kept == [5, 6])
        // The API reads the same entries, undo links included.
        let log = try store.log()
        #expect(log.map(\.kind) == [.bury, .quiz, .suspend, .undo, .study, .study])
        #expect(log.first { $0.id == 2 }?.undoneBy == 3)
        #expect(log.first { $0.id == 6 }?.before.suspended == false)
        #expect(log.first { $0.id == 5 }?.before.schedule?.reps == 7)
    }

    @Test func whatJattaWritesNeverStoresABeforeState() throws {
        let store = try ProgressStore()
        var rng = SeededGenerator(seed: 12)
        var schedule: CardSchedule?
        var time = t0
        for n in 0..<6 {
            let next = scheduleAfter(schedule, rating: n % 3 == 0 ? .again : .good, at: time, using: &rng)
            try store.record(answer("k", at: time, session: n % 2 == 0 ? "s1" : nil, before: schedule, after: next))
            schedule = next
            time = time.addingTimeInterval(3600.000_7)
        }
        try store.suspend(key: "k", at: time)
        try store.bury(key: "k", until: time.addingTimeInterval(86400), at: time)
        _ = try store.undoLast(at: time)
        _ = try store.undoLast(at: time)
        try store.adopt(
            [FormerKeys(card: RegisteredCard(key: "k2", deckFile: "d", prompt: "p", level: 1), former: [.init(key: "k")])],
            at: time)
        #expect(try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM review_before") } == 0)
        // Each entry's `before` is the previous entry's `after` of its card.
        var last: [String: CardProgress] = [:]
        for entry in try store.log().reversed() {
            #expect(entry.before == last[entry.key] ?? .unseen)
            last[entry.key] = entry.after
        }
        #expect(try store.verify().isEmpty)
    }

    /// An answer appended straight to the compact tables (not through the
    /// view's trigger) whose `before` is not the card's previous `after`
    /// (its state was changed behind the log's back) keeps that `before`,
    /// and the entry reads back through `review_log` exactly as recorded.
    @Test func aRecordedBeforeThatDoesNotFollowIsKept() throws {
        let store = try ProgressStore()
        var rng = SeededGenerator(seed: 5)
        let first = scheduleAfter(nil, rating: .good, at: t0, using: &rng)
        try store.record(answer("k", at: t0, session: "s", before: nil, after: first))
        try store.write { db in
            try db.execute(sql: "UPDATE card_state SET stability = 99.5, reps = 40 WHERE key = 'k'")
        }
        let edited = try #require(try store.schedules(for: ["k"])["k"])
        let later = t0.addingTimeInterval(86_400.25)
        let second = scheduleAfter(edited, rating: .hard, at: later, using: &rng)
        let id = try store.record(answer("k", rating: .hard, at: later, session: nil, before: edited, after: second))
        #expect(try store.read { db in try Int64.fetchAll(db, sql: "SELECT id FROM review_before") } == [id])
        let entries = try store.history(key: "k")
        let entry = try #require(entries.first { $0.id == id })
        #expect(entry.before.schedule == edited)
        #expect(entry.after.schedule?.memory == second.memory)
        #expect(entry.after.schedule?.due == ProgressColumns.date(try ProgressColumns.millis(second.due, path: "")))
        #expect(entry.sessionID == nil && entry.rating == .hard && entry.kind == .study)
        // The first entry, written without a stored before, still derives it.
        #expect(entries.first { $0.id != id }?.before == .unseen)
    }
}
