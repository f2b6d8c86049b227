import Foundation
import GRDB
import Testing
@testable import ReviewStore

/// The log's kind, rating, state, step and suspended flag packed into one
/// integer (`ReviewShape`, migration `store-2-packed-review`): every value
/// jatta writes reads back as it was, before and after the migration and
/// through the view's insert; a value that does not fit is refused, and a
/// log holding one is left as it was.
@Suite struct ReviewShapeTests {
    private static let insert = """
        INSERT INTO review_log (key, deck_file, session, at, kind, rating, duration_ms, undoes,
            b_state, b_step, b_stability, b_difficulty, b_due, b_last_review, b_reps, b_lapses, b_suspended, b_buried_until,
            a_state, a_step, a_stability, a_difficulty, a_due, a_last_review, a_reps, a_lapses, a_suspended, a_buried_until)
        VALUES (?, 'decks/x.deck', 's1', ?, ?, ?, 1200, NULL,
            NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0, NULL,
            ?, ?, 3.5, 6.25, ?, ?, 4, 1, ?, NULL)
        """

    /// The packed fields of each entry inserted: every kind, rating (none
    /// or 1–4), state (none or 0–3), step (none, small and large) and flag.
    private static let combinations: [(kind: String, rating: Int?, state: Int?, step: Int?, suspended: Int)] = {
        var all: [(String, Int?, Int?, Int?, Int)] = []
        for kind in ReviewKind.allCases {
            for rating in [nil, 1, 2, 3, 4] {
                for state in [nil, 0, 1, 2, 3] {
                    for step in [nil, 0, 1, 7, 100_000] {
                        for suspended in [0, 1] { all.append((kind.rawValue, rating, state, step, suspended)) }
                    }
                }
            }
        }
        return all
    }()

    /// Inserts every combination through the view, each on its own card
    /// (so no `before` is stored beside it), at times 1000 ms apart.
    private func insertAll(_ db: Database, keyPrefix: String) throws {
        for (index, c) in Self.combinations.enumerated() {
            let at = Int64(index) * 1000
            try db.execute(
                sql: Self.insert,
                arguments: ["\(keyPrefix)\(index)", at, c.kind, c.rating, c.state, c.step, at + 86_400_000, at, c.suspended])
        }
    }

    /// The packed fields as the view reads them, in id order.
    private func fields(_ db: Database, keyPrefix: String) throws -> [[DatabaseValue]] {
        try Row.fetchAll(
            db, sql: "SELECT kind, rating, a_state, a_step, a_suspended FROM review_log WHERE key LIKE ? ORDER BY id",
            arguments: ["\(keyPrefix)%"]
        ).map { Array($0.databaseValues) }
    }

    /// What was inserted, as the view should give it back.
    private var expected: [[DatabaseValue]] {
        Self.combinations.map { c in
            [c.kind.databaseValue, c.rating.databaseValue, c.state.databaseValue, c.step.databaseValue, c.suspended.databaseValue]
        }
    }

    /// Every column of the log, in id order.
    private func log(_ db: Database) throws -> [[DatabaseValue]] {
        try Row.fetchAll(db, sql: "SELECT * FROM review_log ORDER BY id").map { Array($0.databaseValues) }
    }

    /// A store at `path` as 0.9 left it (a column each), holding every
    /// combination and what `more` inserts; returns its log.
    private func storeBeforeTheMigration(at path: String, more: (Database) throws -> Void = { _ in }) throws
        -> [[DatabaseValue]]
    {
        let queue = try DatabaseQueue(path: path)
        try Schema.migrator.migrate(queue, upTo: "store-1-review-hours")
        return try queue.write { db in
            try insertAll(db, keyPrefix: "old")
            try more(db)
            return try log(db)
        }
    }

    @Test func everyCombinationReadsBackBeforeAndAfterTheMigration() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("old.sqlite").path
        let before = try storeBeforeTheMigration(at: path)
        let store = try ProgressStore(path: path)
        let (old, after, kept, columns) = try store.read { db in
            (
                try fields(db, keyPrefix: "old"),
                try log(db),
                try Int.fetchOne(db, sql: "SELECT count(*) FROM review_before"),
                try db.columns(in: "review").map(\.name)
            )
        }
        #expect(old == expected)
        // Every other column too, `before`s derived as they were.
        #expect(after == before)
        #expect(kept == 0)
        // The five columns are one.
        #expect(columns.contains("shape"))
        #expect(!columns.contains("kind") && !columns.contains("state") && !columns.contains("step"))
        // Inserting into the view of the packed layout stores the same.
        try store.write { db in try insertAll(db, keyPrefix: "new") }
        let new = try store.read { db in try fields(db, keyPrefix: "new") }
        #expect(new == expected)
    }

    @Test(arguments: [
        ("study", 3, 9, nil, 0),  // no such state
        ("study", 3, 2, -2, 0),  // a negative step
        ("study", 3, 2, nil, 2),  // a flag that is not one
        ("study", 7, 2, nil, 0),  // no such rating
    ] as [(String, Int?, Int?, Int?, Int)])
    func aValueJattaNeverWritesIsRefused(kind: String, rating: Int?, state: Int?, step: Int?, suspended: Int) throws {
        let store = try ProgressStore()
        #expect(throws: (any Error).self) {
            try store.write { db in
                try db.execute(
                    sql: Self.insert, arguments: ["k", 1000, kind, rating, state, step, 90_000, 1000, suspended])
            }
        }
        #expect(try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM review") } == 0)
    }

    @Test func aStateAsTextIsRefused() throws {
        let store = try ProgressStore()
        #expect(throws: (any Error).self) {
            try store.write { db in
                try db.execute(sql: Self.insert, arguments: ["k", 1000, "study", 3, "two", nil, 90_000, 1000, 0])
            }
        }
        #expect(try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM review") } == 0)
    }

    /// A hand-made entry jatta never writes, as the separate columns held
    /// it: a state beyond the four, a kind between two codes (the old
    /// CHECK took 3.5), a step whose digit would carry past 64 bits. The
    /// entry is edited in place as a hand edit would (the append-only
    /// trigger dropped first).
    @Test(arguments: [
        "DROP TRIGGER review_no_update; UPDATE review SET state = 9 WHERE id = (SELECT max(id) FROM review)",
        "DROP TRIGGER review_no_update; UPDATE review SET kind = 3.5 WHERE id = (SELECT max(id) FROM review)",
        "DROP TRIGGER review_no_update; UPDATE review SET step = 100000000000000000 WHERE id = (SELECT max(id) FROM review)",
    ])
    func aLogThatDoesNotFitIsLeftAsItWas(edit: String) throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("old.sqlite").path
        let before = try storeBeforeTheMigration(at: path) { db in
            try db.execute(sql: Self.insert, arguments: ["odd", 5_000_000, "study", 3, 2, nil, 90_000, 1000, 0])
            try db.execute(sql: edit)
        }
        let oddEntry = before.count
        // Refused as a damaged store, naming the card and the entry.
        do {
            _ = try ProgressStore(path: path)
            Issue.record("the store opened")
        } catch let error as StoreError {
            guard case .corruptValue(let key, let what) = error.kind else {
                Issue.record("refused as \(error.kind)")
                return
            }
            #expect(key == "odd")
            #expect(what.contains("log entry \(oddEntry)"))
        }
        let queue = try DatabaseQueue(path: path)
        let (rows, columns, applied) = try queue.read { db in
            (
                try log(db),
                try db.columns(in: "review").map(\.name),
                try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
            )
        }
        #expect(rows == before)
        #expect(columns.contains("state"))
        // The migrations before it may have run; the packing did not.
        #expect(applied.contains(ReviewHours.migrationName))
        #expect(!applied.contains(ReviewShape.migrationName))
    }

    /// A card's entries one after another: each `before` is derived from
    /// the previous entry's packed fields, and a `before` that says
    /// otherwise (kept in `review_before`) stays as written, across the
    /// migration.
    @Test func beforesReadBackAcrossThePacking() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("old.sqlite").path
        let chain = """
            INSERT INTO review_log (key, deck_file, session, at, kind, rating, duration_ms, undoes,
                b_state, b_step, b_stability, b_difficulty, b_due, b_last_review, b_reps, b_lapses, b_suspended, b_buried_until,
                a_state, a_step, a_stability, a_difficulty, a_due, a_last_review, a_reps, a_lapses, a_suspended, a_buried_until)
            VALUES ('chain', 'decks/x.deck', 's1', ?, 'study', ?, 1200, NULL,
                ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL,
                ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)
            """
        // (rating, before: state, step, suspended; after: state, step, suspended)
        let steps: [(Int, Int?, Int?, Int, Int, Int?, Int)] = [
            (3, nil, nil, 0, 1, 0, 0),  // new → learning step 0
            (3, 1, 0, 0, 1, 1, 1),  // step 1, suspended
            (4, 1, 1, 1, 2, nil, 0),  // review
            (1, 0, 7, 1, 3, 0, 0),  // a before that is not the previous after: kept
        ]
        let before = try storeBeforeTheMigration(at: path) { db in
            for (n, s) in steps.enumerated() {
                let at = Int64(10_000_000 + n * 1000)
                let stability = 1.5 + Double(n) / 7, difficulty = 5.25 + Double(n) / 3
                let previousStability: Double? = n == 0 ? nil : 1.5 + Double(n - 1) / 7
                let previousDifficulty: Double? = n == 0 ? nil : 5.25 + Double(n - 1) / 3
                let previousAt: Int64? = n == 0 ? nil : at - 1000
                try db.execute(
                    sql: chain,
                    arguments: [
                        at, s.0,
                        s.1, s.2, previousStability, previousDifficulty, previousAt.map { $0 + 86_400_000 }, previousAt,
                        n == 0 ? nil : n, n == 0 ? nil : 0, s.3,
                        s.4, s.5, stability, difficulty, at + 86_400_000, at, n + 1, 0, s.6,
                    ])
            }
        }
        let kept = try DatabaseQueue(path: path).read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM review_before") }
        #expect(kept == 1)
        let store = try ProgressStore(path: path)
        let after = try store.read { db in try log(db) }
        #expect(after == before)
    }

    /// The opcodes SQLite would run for `sql`, with those of the triggers it
    /// fires (EXPLAIN lists them after the statement's own).
    /// `parameters`: how many the statement takes (bound to NULL).
    private func opcodes(_ db: Database, _ sql: String, parameters: Int = 0) throws -> [String] {
        let arguments = StatementArguments(Array(repeating: DatabaseValue.null, count: parameters))
        return try Row.fetchAll(db, sql: "EXPLAIN \(sql)", arguments: arguments).map { $0["opcode"] }
    }

    /// jatta's own append checks the shape without filling a temporary
    /// table: SQLite fills one for each list of more than two constants at
    /// every run of the statement, at every answer (`ReviewShape.isOneOf`).
    /// (The view's insert trigger holds the same check; its INSERT … SELECT
    /// into `review_before` fills one of its own, so it is compared by its
    /// text in `theMigrationRemakesAnOlderTrigger`.)
    @Test func theShapeCheckFillsNoTemporaryTable() throws {
        let store = try ProgressStore()
        let append = try store.read { db in try opcodes(db, CompactLog.appendSQL, parameters: 18) }
        #expect(append.contains("Insert"))
        #expect(!append.contains("OpenEphemeral"))
    }

    /// The shape's check as 0.11 spelled it (`IN` lists), from the text
    /// jatta makes now.
    private func listSpelling(_ trigger: String) throws -> String {
        // "(X = 0 OR X = 1 … OR X = n)" → "X IN (0, 1, … n)"; X has no
        // " = " of its own.
        let chain = try NSRegularExpression(
            pattern: #"\(((?:(?! = ).)+) = 0 OR (?:\1 = \d+ OR )*\1 = \d+\)|\(((?:(?! = ).)+) = 1 OR (?:\2 = \d+ OR )*\2 = \d+\)"#)
        var text = trigger
        while let match = chain.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) {
            let whole = Range(match.range, in: text)!
            let group = match.range(at: 1).location != NSNotFound ? 1 : 2
            let expression = String(text[Range(match.range(at: group), in: text)!])
            // Each comparison's value: what follows its last " = ".
            let values = text[whole].components(separatedBy: " OR ").map { comparison in
                comparison.components(separatedBy: " = ").last!.trimmingCharacters(in: CharacterSet(charactersIn: ")"))
            }
            text.replaceSubrange(whole, with: "\(expression) IN (\(values.joined(separator: ", ")))")
        }
        return text
    }

    /// A store whose log view's trigger still spells the check with `IN`
    /// lists (as packed by 0.11) gets the trigger jatta makes now, the log
    /// as it was, and inserts through it store what they stored before.
    @Test func theMigrationRemakesAnOlderTrigger() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("old.sqlite").path
        let triggerSQL = "SELECT sql FROM sqlite_master WHERE name = 'review_log_insert'"
        let fresh = try ProgressStore().read { db in try String.fetchOne(db, sql: triggerSQL) }
        let queue = try DatabaseQueue(path: path)
        try Schema.migrator.migrate(queue, upTo: ReviewShape.migrationName)
        let (before, old) = try queue.write { db in
            let current = try String.fetchOne(db, sql: triggerSQL) ?? ""
            let old = try listSpelling(current)
            try db.execute(sql: "DROP TRIGGER review_log_insert")
            try db.execute(sql: old)
            try insertAll(db, keyPrefix: "old")
            return (try log(db), old)
        }
        try queue.close()
        #expect(old.contains("IN (0, 1, 2, 3, 4, 5, 6, 7)") && old.contains("IN (1, 2, 3, 4)") && old.contains("IN (0, 1, 2, 3)"))
        #expect(old != fresh)
        let store = try ProgressStore(path: path)
        let (trigger, after) = try store.read { db in (try String.fetchOne(db, sql: triggerSQL), try log(db)) }
        #expect(trigger == fresh)
        #expect(after == before)
        try store.write { db in try insertAll(db, keyPrefix: "new") }
        #expect(try store.read { db in try fields(db, keyPrefix: "new") } == expected)
    }
}
