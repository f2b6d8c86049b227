import FSRS
import Foundation
import GRDB
import Testing
@testable import ReviewStore

/// Each log entry names its card's previous entry (`EntryChain`, migration
/// `log-2-previous-entry`): a store written before the chain reads back
/// entry for entry, state for state and summary for summary after the
/// migration, keeps recording and undoing from there, and no way of
/// appending leaves a broken chain.
@Suite struct EntryChainTests {
    /// A history of interleaved answers to twelve cards in two deck files,
    /// with suspensions, burials, quiz answers and undos, recorded through
    /// the store's own API.
    private func recordHistory(_ store: ProgressStore) throws {
        var rng = SeededGenerator(seed: 20)
        let decks = ["decks/a.deck", "decks/b.deck"]
        let keys = (0..<12).map { "card-\($0)" }
        try store.register(
            keys.enumerated().map { i, key in
                RegisteredCard(key: key, deckFile: decks[i % 2], prompt: "Сұрақ \(i)?", level: i % 3 == 0 ? nil : i % 3)
            }, at: t0)
        var schedules: [String: CardSchedule] = [:]
        var time = t0
        for step in 0..<150 {
            time = time.addingTimeInterval(Double.random(in: 30...40_000, using: &rng))
            let key = keys[Int.random(in: 0..<keys.count, using: &rng)]
            let index = keys.firstIndex(of: key)!
            switch step % 23 {
            case 5: _ = try store.suspend(key: key, at: time)
            case 6: _ = try store.unsuspend(key: key, at: time)
            case 11: _ = try store.bury(key: key, until: time.addingTimeInterval(86_400), at: time)
            case 17: _ = try store.undoLast(at: time)
            default:
                let rating = Rating(rawValue: Int.random(in: 1...4, using: &rng))!
                let after = scheduleAfter(schedules[key], rating: rating, at: time, using: &rng)
                var recorded = answer(
                    key, deck: decks[index % 2], level: index % 3 == 0 ? nil : index % 3, rating: rating, at: time,
                    kind: step % 7 == 0 ? .quiz : .study, session: "s\(step / 40)", before: schedules[key], after: after)
                recorded.prompt = "Сұрақ \(index)?"
                _ = try store.record(recorded)
                schedules[key] = after
            }
        }
    }

    /// What a reader sees of the store: every entry of the log with the
    /// progress before and after it, every card's state, the statistics'
    /// summaries, and each card's history as `history(key:)` reads it.
    private func snapshot(_ store: ProgressStore) throws -> [String] {
        var lines = try store.read { db in
            var lines: [String] = []
            for table in ["review_log", "card_state", "answer_slot", "quiz_summary", "quiz_answer"] {
                let order = table == "review_log" ? "ORDER BY id" : ""
                lines += try Row.fetchAll(db, sql: "SELECT * FROM \(table) \(order)").map { "\(table) \($0)" }.sorted()
            }
            return lines
        }
        for key in (0..<12).map({ "card-\($0)" }) {
            lines += try store.history(key: key).map { "history \(key) \($0)" }
        }
        return lines
    }

    /// Puts the log back as it was before the chain: `review` without
    /// `prev`, its index by card, the view deriving the progress before an
    /// entry through that index, the summaries' move trigger reading the
    /// log by key, `log_card` without `last`; and forgets the migration.
    private func unchain(_ db: Database) throws {
        try db.execute(
            sql: """
                DROP VIEW review_log;
                DROP VIEW log_walk_entry;
                DROP TABLE log_walk;
                DROP TRIGGER answer_slot_move_insert;
                CREATE TABLE review_unchained AS SELECT id, card, deck, session, at, duration_ms, undoes, shape,
                    stability, difficulty, due_offset, last_review_offset, reps, lapses, buried_until FROM review;
                DROP TABLE review;
                ALTER TABLE log_card DROP COLUMN last;
                """)
        // The table as `store-2-packed-review` made it, rows and ids kept.
        let older = try DatabaseQueue()
        try Schema.migrator.migrate(older, upTo: GroupedRegistry.migrationName)
        let table = try older.read { db in
            try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'review'")
        }
        try db.execute(sql: try #require(table))
        try db.execute(sql: "INSERT INTO review SELECT * FROM review_unchained; DROP TABLE review_unchained")
        try db.execute(sql: CompactLog.reviewIndexes)
        try db.execute(sql: CompactLog.reviewAppendOnly)
        try db.execute(sql: ReviewHours.keeping)
        try db.execute(sql: CompactLog.view(named: "review_log", layout: .shaped))
        try db.execute(sql: AnswerSummaries.moveTrigger(walked: false))
        try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = ?", arguments: [EntryChain.migrationName])
    }

    @Test func aStoreFromBeforeTheChainReadsTheSameAfterTheMigration() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("progress.sqlite").path
        let before: [String]
        do {
            let written = try ProgressStore(path: path)
            try recordHistory(written)
            before = try snapshot(written)
        }
        #expect(before.filter { $0.hasPrefix("review_log ") }.count > 100)
        // Other tables point at `review`'s rows, which come back with their
        // ids: rewritten on a connection that does not check them.
        var configuration = Configuration()
        configuration.foreignKeysEnabled = false
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        let (indexes, chained) = try queue.write { db in
            try unchain(db)
            return (try db.indexes(on: "review").map(\.name), try EntryChain.isChained(db))
        }
        try queue.close()
        #expect(indexes.contains("review_by_card"))
        #expect(!chained)
        // Opened read-only, the unchained store is not migrated and reads
        // as the chained one did, through its index by card.
        #expect(try snapshot(ProgressStore(path: path, options: StoreOptions(readOnly: true))) == before)

        let migrated = try ProgressStore(path: path)
        #expect(try migrated.read { db in try db.indexes(on: "review").map(\.name) }.contains("review_by_card") == false)
        #expect(try snapshot(migrated) == before)
        // Every entry's `prev` is the greatest id below it of its card.
        let links = try migrated.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT r.id, r.prev, (SELECT max(q.id) FROM review q WHERE q.card = r.card AND q.id < r.id)
                    FROM review r
                    """)
        }
        #expect(links.allSatisfy { $0[1] as Int64? == $0[2] as Int64? })
        #expect(links.contains { ($0[1] as Int64?) != nil })

        // Recording and undoing go on from the migrated chain: the answer's
        // progress before is the card's state, and its undo restores it.
        let key = "card-3"
        let state = try migrated.progress(for: [key])[key]
        var rng = SeededGenerator(seed: 7)
        let time = t0.addingTimeInterval(10_000_000)
        let after = scheduleAfter(state?.schedule, rating: .good, at: time, using: &rng)
        _ = try migrated.record(answer(key, deck: "decks/b.deck", level: nil, at: time, before: state?.schedule, after: after))
        let newest = try #require(try migrated.history(key: key).first)
        #expect(newest.before == state)
        _ = try migrated.undoLast(at: time.addingTimeInterval(5))
        #expect(try migrated.progress(for: [key])[key] == state)
    }

    /// The chain's trigger refused the insert (not some other constraint).
    private static func chainRefusal(_ error: any Error) -> Bool {
        "\(error)".contains("a log entry must follow the last entry of its card")
    }

    /// An entry inserted with an id below its card's last entry (a hand
    /// edit, an import naming ids), or naming another previous entry than
    /// its card's last, would break the chain; it is refused and the log
    /// stays as it was. Ids above the card's last, even with gaps, are taken.
    @Test func anEntryOutOfItsCardsOrderIsRefused() throws {
        let store = try ProgressStore()
        func insert(id: Int, key: String) throws {
            try store.executeRaw(
                """
                INSERT INTO review_log (id, key, deck_file, at, kind, rating, b_suspended, a_state, a_suspended)
                VALUES (\(id), '\(key)', 'decks/ir.deck', \(id * 1000), 'study', 3, 0, 2, 0)
                """)
        }
        try insert(id: 10, key: "k")
        try insert(id: 20, key: "k")
        try insert(id: 15, key: "other")
        #expect { try insert(id: 17, key: "k") } throws: { Self.chainRefusal($0) }
        try insert(id: 30, key: "k")
        #expect {
            try store.executeRaw(
                "INSERT INTO review (card, prev, deck, at, shape) VALUES ((SELECT id FROM log_card WHERE key = 'k'), 20, 1, 0, 0)")
        } throws: { Self.chainRefusal($0) }
        #expect {
            try store.executeRaw(
                "INSERT INTO review (card, prev, deck, at, shape) VALUES ((SELECT id FROM log_card WHERE key = 'k'), NULL, 1, 0, 0)")
        } throws: { Self.chainRefusal($0) }
        #expect(try store.history(key: "k").map(\.id) == [30, 20, 10])
        #expect(try store.history(key: "other").map(\.id) == [15])
        #expect(try store.logCount() == 4)
    }

    /// A chain broken by a hand edit past the triggers (an entry's `prev`
    /// cleared, a card's `last` pointed elsewhere) is named by `verify`.
    @Test func verifyNamesABrokenChain() throws {
        let store = try ProgressStore()
        var rng = SeededGenerator(seed: 11)
        for (index, key) in ["a", "b", "a", "b", "a"].enumerated() {
            let time = t0.addingTimeInterval(Double(index) * 600)
            _ = try store.record(answer(key, at: time, after: scheduleAfter(nil, rating: .good, at: time, using: &rng)))
        }
        #expect(try store.verify().isEmpty)
        let third = try #require(try store.history(key: "a").dropFirst().first).id
        try store.executeRaw(
            """
            DROP TRIGGER review_no_update;
            UPDATE review SET prev = NULL WHERE id = \(third);
            UPDATE log_card SET last = 1 WHERE key = 'b';
            """)
        let problems = try store.verify()
        #expect(problems.contains("log chain: entry \(third) does not name its card's entry before it"))
        #expect(problems.contains("log chain: card b does not name its newest entry"))
    }

    /// A chain a hand edit looped (an entry naming itself as the one
    /// before) still ends when walked: the history and the statistics read
    /// a finite list, and `verify` names the entry.
    @Test func aLoopedChainIsWalkedToAnEnd() throws {
        let store = try ProgressStore()
        var rng = SeededGenerator(seed: 13)
        for minutes in [0.0, 10, 20] {
            let time = t0.addingTimeInterval(minutes * 60)
            _ = try store.record(answer("k", at: time, after: scheduleAfter(nil, rating: .good, at: time, using: &rng)))
        }
        let newest = try #require(try store.history(key: "k").first).id
        try store.executeRaw(
            """
            DROP TRIGGER review_no_update;
            UPDATE review SET prev = id WHERE id = \(newest);
            """)
        #expect(try store.history(key: "k").map(\.id) == [newest])
        #expect(try store.verify().contains("log chain: entry \(newest) does not name its card's entry before it"))
    }

    /// A store from before the compact log (no `log_card` at all), opened
    /// read-only and so not migrated, reads a card's history through its
    /// first layout.
    @Test func aStoreFromBeforeTheCompactLogReadsItsHistoryReadOnly() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (path, queue) = try olderStore("v1.sqlite", in: dir, upTo: "v1-progress")
        do {
            try queue.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO review_log (key, deck_file, at, kind, rating, b_suspended, a_state, a_suspended)
                        VALUES ('k', 'decks/ir.deck', 1000, 'study', 3, 0, 2, 0)
                        """)
            }
            try queue.close()
        }
        let store = try ProgressStore(path: path, options: StoreOptions(readOnly: true))
        #expect(try store.history(key: "k").map(\.rating) == [.good])
        #expect(try store.history(key: "other").isEmpty)
    }
}
