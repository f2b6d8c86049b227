import GRDB

/// The statistics' summaries of the review log, kept in the same
/// transaction as every answer and undo so that `jatta stats` reads a few
/// thousand rows instead of the whole log (docs/stats.md):
///
/// - `answer_slot`: per quarter hour and deck file, the answers not undone,
///   those rated above Again, their time, and the True Retention counts;
/// - `quiz_summary`: per quiz session, card and deck file, the quiz answers
///   not undone, those right, and the first one's time.
///
/// What an answer contributes is said once, in SQL over `review_log e`
/// (`slotContribution`, `quizContribution`): adding an answer, taking an
/// undone one away, building the tables for an existing store, checking
/// them, and reading a filter the summaries cannot serve all use it.
enum AnswerSummaries {
    /// The tables, made empty by the migration before `rebuild` fills them.
    static let schema = """
        CREATE TABLE answer_slot (
            slot INTEGER NOT NULL,
            deck_file TEXT NOT NULL,
            answers INTEGER NOT NULL, correct INTEGER NOT NULL, duration_ms INTEGER NOT NULL,
            young_passed INTEGER NOT NULL, young_failed INTEGER NOT NULL,
            mature_passed INTEGER NOT NULL, mature_failed INTEGER NOT NULL,
            PRIMARY KEY (slot, deck_file)
        ) WITHOUT ROWID;
        CREATE TABLE quiz_summary (
            session TEXT NOT NULL,
            key TEXT NOT NULL,
            deck_file TEXT NOT NULL,
            first_at INTEGER NOT NULL,
            answers INTEGER NOT NULL, correct INTEGER NOT NULL,
            PRIMARY KEY (session, key, deck_file)
        ) WITHOUT ROWID;
        """

    /// The seven sums of `answer_slot` in column order.
    static let slotColumns = [
        "answers", "correct", "duration_ms", "young_passed", "young_failed", "mature_passed", "mature_failed",
    ]

    /// The answers of `review_log e` selected by `condition` (and the
    /// scope `clause`), summed per quarter hour and deck file, each sum
    /// multiplied by `sign`. The True Retention population is Anki's:
    /// answers given on an interval (due − last review) of a day or more,
    /// which is every answer to a card in review and none in minute-long
    /// learning steps; mature when that interval rounds to 21 days or more.
    static func slotContribution(from: String = "review_log e", where condition: String, clause: String = "", sign: Int = 1)
        -> String
    {
        let mature = "(e.b_due - e.b_last_review) >= 1771200000"  // 20.5 days in ms
        let reviewed = "(e.b_state = 2 OR e.b_due - e.b_last_review >= 86400000)"
        // A first answer has no schedule before it: its NULLs count as "no".
        func sum(_ condition: String) -> String { "\(sign) * sum(coalesce(\(condition), 0))" }
        return """
            SELECT e.at / \(AnswerSlot.widthMilliseconds) AS slot, e.deck_file AS deck_file,
                \(sign) * count(*), \(sum("e.rating > 1")), \(sum("e.duration_ms")),
                \(sum("\(reviewed) AND NOT \(mature) AND e.rating > 1")),
                \(sum("\(reviewed) AND NOT \(mature) AND e.rating = 1")),
                \(sum("\(reviewed) AND \(mature) AND e.rating > 1")),
                \(sum("\(reviewed) AND \(mature) AND e.rating = 1"))
            FROM \(from)
            WHERE \(condition) AND e.kind IN ('study', 'quiz', 'override') \(clause)
            GROUP BY slot, e.deck_file
            """
    }

    /// The quiz answers of `review_log e` selected by `condition`, per
    /// session, card and deck file.
    static func quizContribution(where condition: String) -> String {
        """
        SELECT coalesce(e.session, '') AS session, e.key AS key, e.deck_file AS deck_file, min(e.at) AS first_at,
            count(*) AS answers, sum(coalesce(e.rating > 1, 0)) AS correct
        FROM review_log e WHERE \(condition) AND e.kind = 'quiz'
        GROUP BY coalesce(e.session, ''), e.key, e.deck_file
        """
    }

    /// Counts the log entry `id` in the summaries (nothing for an entry that
    /// is not an answer).
    static func add(entry id: Int64, db: Database) throws {
        try upsertSlot(entry: id, sign: 1, db: db)
        try db.cachedStatement(
            sql: """
                INSERT INTO quiz_summary (session, key, deck_file, first_at, answers, correct)
                \(quizContribution(where: "e.id = ?1"))
                ON CONFLICT (session, key, deck_file) DO UPDATE SET
                    first_at = min(first_at, excluded.first_at), answers = answers + excluded.answers,
                    correct = correct + excluded.correct
                """
        ).execute(arguments: [id])
    }

    /// Takes the log entry `id`, just undone, out of the summaries. A quiz
    /// card's row is counted again from the log (the first answer's time
    /// may be the one undone); that reads only the card's own entries.
    static func remove(entry id: Int64, db: Database) throws {
        try upsertSlot(entry: id, sign: -1, db: db)
        try db.cachedStatement(
            sql: """
                DELETE FROM answer_slot WHERE answers = 0 AND (slot, deck_file) IN
                    (SELECT e.at / \(AnswerSlot.widthMilliseconds), e.deck_file FROM review_log e WHERE e.id = ?)
                """
        ).execute(arguments: [id])
        guard
            let row = try Row.fetchOne(
                db.cachedStatement(
                    sql: "SELECT coalesce(session, ''), key, deck_file FROM review_log WHERE id = ? AND kind = 'quiz'"),
                arguments: [id])
        else { return }
        let (session, key, deckFile): (String, String, String) = (row[0], row[1], row[2])
        try db.cachedStatement(sql: "DELETE FROM quiz_summary WHERE session = ? AND key = ? AND deck_file = ?")
            .execute(arguments: [session, key, deckFile])
        try db.cachedStatement(
            sql: """
                INSERT INTO quiz_summary (session, key, deck_file, first_at, answers, correct)
                \(quizContribution(where: """
                    e.key = ?2 AND coalesce(e.session, '') = ?1 AND e.deck_file = ?3
                    AND \(LogClauses.notUndone)
                    """))
                """
        ).execute(arguments: [session, key, deckFile])
    }

    private static func upsertSlot(entry id: Int64, sign: Int, db: Database) throws {
        let updates = slotColumns.map { "\($0) = \($0) + excluded.\($0)" }.joined(separator: ", ")
        try db.cachedStatement(
            sql: """
                INSERT INTO answer_slot (slot, deck_file, \(slotColumns.joined(separator: ", ")))
                \(slotContribution(where: "e.id = ?", sign: sign))
                ON CONFLICT (slot, deck_file) DO UPDATE SET \(updates)
                """
        ).execute(arguments: [id])
    }

    /// Fills the summaries from the whole log (the migration for stores
    /// recorded before they existed).
    static func rebuild(_ db: Database) throws {
        try db.execute(sql: "DELETE FROM answer_slot")
        try db.execute(sql: "DELETE FROM quiz_summary")
        for (key, sums) in try recomputedSlots(db) where sums[0] != 0 {
            try db.execute(
                sql: """
                    INSERT INTO answer_slot (slot, deck_file, \(slotColumns.joined(separator: ", ")))
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: StatementArguments([key.slot, key.deckFile] + sums.map { $0 as DatabaseValueConvertible }))
        }
        try db.execute(
            sql: """
                INSERT INTO quiz_summary (session, key, deck_file, first_at, answers, correct)
                \(quizContribution(where: LogClauses.notUndone))
                """)
    }

    /// Whether the store has the summaries: a store opened read-only may
    /// predate them (its migration could not run), and is read from the log.
    static func areKept(_ db: Database) throws -> Bool {
        try db.tableExists("answer_slot") && db.tableExists("quiz_summary")
    }

    /// The rows of `quiz_summary`, as kept or, without the table, from the log.
    static func quizSource(_ db: Database) throws -> String {
        try areKept(db)
            ? "quiz_summary"
            : "(\(quizContribution(where: LogClauses.notUndone)))"
    }

    /// One row of `answer_slot`'s key.
    struct SlotKey: Hashable {
        var slot: Int64
        var deckFile: String
    }

    /// The slot sums of the log's answers not undone, with the scope
    /// `clause`: every answer in one pass over the table, minus the few
    /// undone ones found through the undo index — far cheaper than asking
    /// "was this one undone?" a million times.
    static func recomputedSlots(_ db: Database, clause: String = "", arguments: StatementArguments = []) throws
        -> [SlotKey: [Int]]
    {
        var sums = try slotRows(db, sql: slotContribution(where: "TRUE", clause: clause), arguments: arguments)
        let undone = try slotRows(
            db,
            sql: slotContribution(
                from: "review_log u JOIN review_log e ON e.id = u.undoes",
                where: "u.undoes IS NOT NULL", clause: clause),
            arguments: arguments)
        for (key, values) in undone {
            sums[key] = sum(sums[key], values.map { -$0 })
        }
        return sums.filter { $0.value.first != 0 }
    }

    /// Whether `count` cards are few enough to read their answers card by
    /// card: a card's answers cost about six times what a row of one
    /// pass over the whole log costs (4.3 µs against 0.7 µs at 100,000
    /// cards and 1,000,000 answers), so card by card wins while the cards
    /// are under a seventh of those registered.
    static func fewCards(_ count: Int, db: Database) throws -> Bool {
        count * 7 < (try Int.fetchOne(db, sql: "SELECT count(*) FROM card") ?? 0)
    }

    /// The slot sums of the answers (not undone) to the cards `keys`, with
    /// the scope `clause` over deck files, read card by card through the
    /// log's per-card index.
    static func slotsOfCards(_ db: Database, keys: [String], clause: String, arguments: StatementArguments) throws
        -> [SlotKey: [Int]]
    {
        let statement = try db.makeStatement(
            sql: slotContribution(where: "e.key = ? AND \(LogClauses.notUndone)", clause: clause))
        var result: [SlotKey: [Int]] = [:]
        for key in Set(keys) {
            statement.arguments = [key] + arguments
            for (slot, sums) in try slotRows(statement) {
                result[slot] = sum(result[slot], sums)
            }
        }
        return result
    }

    /// `a` + `b`, column by column (`a` nil: nothing yet).
    static func sum(_ a: [Int]?, _ b: [Int]) -> [Int] {
        guard let a else { return b }
        return zip(a, b).map { $0 + $1 }
    }

    /// The kept `answer_slot` rows (with `clause` over its `deck_file`).
    static func keptSlots(_ db: Database, clause: String = "", arguments: StatementArguments = []) throws
        -> [SlotKey: [Int]]
    {
        try slotRows(
            db,
            sql: "SELECT slot, deck_file, \(slotColumns.joined(separator: ", ")) FROM answer_slot e WHERE TRUE \(clause)",
            arguments: arguments)
    }

    /// The kept `answer_slot` rows (with `clause` over its `deck_file`)
    /// summed over deck files per slot, by SQLite: one row per quarter
    /// hour, read column by column without boxing.
    static func keptSlotTotals(_ db: Database, path: String, clause: String = "", arguments: StatementArguments = []) throws
        -> [Int64: [Int]]
    {
        let sums = slotColumns.map { "sum(\($0))" }.joined(separator: ", ")
        let statement = try db.makeStatement(
            sql: "SELECT slot, \(sums) FROM answer_slot e WHERE TRUE \(clause) GROUP BY slot")
        statement.arguments = arguments
        var result: [Int64: [Int]] = [:]
        let rows = try Row.fetchCursor(statement)
        while let row = try rows.next() {
            let stored = StatementRow(row: row, statement: statement.sqliteStatement, keyColumn: nil, path: path)
            guard let slot = try stored.int64(0, required: true) else { continue }
            result[slot] = try (1...slotColumns.count).map { try stored.int($0) ?? 0 }
        }
        return result
    }

    private static func slotRows(_ db: Database, sql: String, arguments: StatementArguments) throws -> [SlotKey: [Int]] {
        let statement = try db.makeStatement(sql: sql)
        statement.arguments = arguments
        return try slotRows(statement)
    }

    private static func slotRows(_ statement: Statement) throws -> [SlotKey: [Int]] {
        var result: [SlotKey: [Int]] = [:]
        let rows = try Row.fetchCursor(statement)
        while let row = try rows.next() {
            result[SlotKey(slot: row[0], deckFile: row[1])] = (2...8).map { (row[$0] as Int?) ?? 0 }
        }
        return result
    }

    /// What differs between the kept summaries and a recomputation from the
    /// log: empty when they agree (`ProgressStore.verify`).
    static func mismatches(_ db: Database) throws -> [String] {
        var problems: [String] = []
        let kept = try keptSlots(db)
        let recomputed = try recomputedSlots(db)
        for key in Set(kept.keys).union(recomputed.keys) where kept[key] != recomputed[key] {
            problems.append(
                "answer summary \(key.deckFile) slot \(key.slot): kept \(kept[key] ?? []), log \(recomputed[key] ?? [])")
        }
        let quizSQL = quizContribution(where: LogClauses.notUndone)
        func text(_ row: Row) -> String { (0..<row.count).map { "\(row[$0] as DatabaseValue)" }.joined(separator: " ") }
        let keptQuiz = Set(
            try Row.fetchAll(db, sql: "SELECT session, key, deck_file, first_at, answers, correct FROM quiz_summary")
                .map(text))
        let recomputedQuiz = Set(try Row.fetchAll(db, sql: quizSQL).map(text))
        for row in keptQuiz.symmetricDifference(recomputedQuiz).sorted() {
            problems.append("quiz summary differs from the log: \(row)")
        }
        return problems
    }
}
