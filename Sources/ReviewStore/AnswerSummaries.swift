import GRDB

/// The statistics' summaries of the review log, kept in the same
/// transaction as every answer and undo so that `jatta stats` reads a few
/// thousand rows instead of the whole log (docs/stats.md):
///
/// - `answer_slot`: per quarter hour, deck file and group of the card
///   (`grp`: its deck file and level in the registry, `KeptCounts`; 0 for
///   a card not registered), the answers not undone, those rated above
///   Again, their time, and the True Retention counts. The group lets a
///   `--level` filter read the summary instead of the log; it follows the
///   registry (triggers on `card`, `groupTriggers`), so a card moved to
///   another level takes its answers with it;
/// - `quiz_summary`: per quiz session, card and deck file, the quiz answers
///   not undone, those right (a wrong one the student overruled, "I was
///   right", counts as right, as the quiz's own score counts it), and the
///   first one's time.
///
/// What an answer contributes is said once, in SQL over `review_log e`
/// (`slotContribution`, `quizContribution`): adding an answer, taking an
/// undone one away, building the tables for an existing store, checking
/// them, and reading a filter the summaries cannot serve all use it.
enum AnswerSummaries {
    /// The tables as the migration `stats-1-answer-summaries` made them
    /// (`answer_slot` without groups; `groupedSlotTable` replaces it).
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

    /// `answer_slot` with the card's group (migration
    /// `stats-2-answer-slot-groups`).
    static let groupedSlotTable = """
        CREATE TABLE answer_slot (
            slot INTEGER NOT NULL,
            deck_file TEXT NOT NULL,
            grp INTEGER NOT NULL,
            answers INTEGER NOT NULL, correct INTEGER NOT NULL, duration_ms INTEGER NOT NULL,
            young_passed INTEGER NOT NULL, young_failed INTEGER NOT NULL,
            mature_passed INTEGER NOT NULL, mature_failed INTEGER NOT NULL,
            PRIMARY KEY (slot, deck_file, grp)
        ) WITHOUT ROWID;
        """

    /// The group an answer `e` is summed under: its card's deck file and
    /// level in the registry, through the one rule that joins them
    /// (`KeptCounts.sameGroup`); 0 when the card is not registered.
    static let registryGroup =
        "coalesce((SELECT g.id FROM card c JOIN card_group g ON \(KeptCounts.sameGroup) WHERE c.key = e.key), 0)"

    /// The seven sums of `answer_slot` in column order.
    static let slotColumns = [
        "answers", "correct", "duration_ms", "young_passed", "young_failed", "mature_passed", "mature_failed",
    ]

    /// The answers of `review_log e` selected by `condition` (and the
    /// scope `clause`), summed per quarter hour, deck file and `group` (an
    /// SQL expression; nil: no group column, as `stats-1-answer-summaries`
    /// summed them), each sum multiplied by `sign`; what an answer counts
    /// for is `slotTerms`.
    static func slotContribution(
        from: String = "review_log e", where condition: String, clause: String = "", sign: Int = 1,
        group: String? = registryGroup
    ) -> String {
        let terms = slotTerms()
        // A first answer has no schedule before it: its NULLs count as "no".
        func sum(_ condition: String) -> String { "\(sign) * sum(coalesce(\(condition), 0))" }
        return """
            SELECT e.at / \(AnswerSlot.widthMilliseconds) AS slot, e.deck_file AS deck_file,
                \(group.map { "\($0) AS grp," } ?? "")
                \(sign) * count(*), \(sum(terms[0])), \(sum(terms[1])),
                \(sum(terms[2])),
                \(sum(terms[3])),
                \(sum(terms[4])),
                \(sum(terms[5]))
            FROM \(from)
            WHERE \(condition) AND \(LogClauses.isAnswer) \(clause)
            GROUP BY slot, e.deck_file \(group == nil ? "" : ", grp")
            """
    }

    /// What one answer `e` counts for in the six sums of `slotColumns`
    /// after `answers`, as conditions (or the time, for `duration_ms`);
    /// NULL counts as 0. The True Retention population is Anki's: answers
    /// given on an interval (due − last review) of a day or more, which is
    /// every answer to a card in review and none in minute-long learning
    /// steps; mature when that interval rounds to 21 days or more.
    private static func slotTerms() -> [String] {
        let mature = "(e.b_due - e.b_last_review) >= 1771200000"  // 20.5 days in ms
        let reviewed = "(e.b_state = 2 OR e.b_due - e.b_last_review >= 86400000)"
        return [
            "e.rating > 1", "e.duration_ms",
            "\(reviewed) AND NOT \(mature) AND e.rating > 1",
            "\(reviewed) AND NOT \(mature) AND e.rating = 1",
            "\(reviewed) AND \(mature) AND e.rating > 1",
            "\(reviewed) AND \(mature) AND e.rating = 1",
        ]
    }

    /// One log entry given as parameters, under the names of the
    /// `review_log` columns the summaries read, as the row `e`: time ?1,
    /// deck file ?2, key ?3, kind ?4 (the word), rating ?5, time taken ?6,
    /// and the state, due and last review before it ?7 … ?9, session ?10.
    /// An entry just appended reads so without the log's view, whose joins
    /// (the card's previous entry among them) cost more than the rest of
    /// the summaries' work.
    private static let givenEntry = """
        (SELECT ?1 AS at, ?2 AS deck_file, ?3 AS key, ?4 AS kind, ?5 AS rating, ?6 AS duration_ms,
            ?7 AS b_state, ?8 AS b_due, ?9 AS b_last_review, ?10 AS session) e
        """

    /// `answer_slot` plus what the answer `givenEntry` adds: the
    /// aggregate of `slotContribution` for a single entry, which needs no
    /// grouping (SQLite sorts for a GROUP BY even of one row). Whether the
    /// entry is an answer is asked in Swift (`add`): SQLite builds a
    /// temporary table for `LogClauses.isAnswer`'s list of three at every run. (The
    /// WHERE is there for SQLite's grammar of an upsert from a SELECT.)
    private static let addGivenSlotSQL: String = {
        let terms = ["1"] + slotTerms().map { "coalesce(\($0), 0)" }
        return """
            INSERT INTO answer_slot (slot, deck_file, grp, \(slotColumns.joined(separator: ", ")))
            SELECT e.at / \(AnswerSlot.widthMilliseconds), e.deck_file, \(registryGroup), \(terms.joined(separator: ", "))
            FROM \(givenEntry)
            WHERE TRUE
            ON CONFLICT (slot, deck_file, grp) DO UPDATE SET \(slotSums);
            """
    }()

    /// How an `answer_slot` row takes in the row `excluded`.
    private static let slotSums = slotColumns.map { "\($0) = \($0) + excluded.\($0)" }.joined(separator: ", ")

    /// The quiz answers of `review_log e` selected by `condition`, per
    /// session, card and deck file.
    /// An override ("I was right") of the same session, card and deck file
    /// makes one wrong answer right; one without a quiz answer there (a
    /// study session's) makes no row.
    static func quizContribution(from: String = "review_log e", where condition: String) -> String {
        """
        SELECT coalesce(e.session, '') AS session, e.key AS key, e.deck_file AS deck_file,
            min(CASE WHEN e.kind = 'quiz' THEN e.at END) AS first_at,
            sum(e.kind = 'quiz') AS answers,
            min(sum(e.kind = 'quiz'), sum(CASE WHEN e.kind = 'quiz' THEN coalesce(e.rating > 1, 0) ELSE 1 END)) AS correct
        FROM \(from) WHERE \(condition) AND \(isQuizEntry)
        GROUP BY coalesce(e.session, ''), e.key, e.deck_file
        HAVING sum(e.kind = 'quiz') > 0
        """
    }

    /// Whether the log entry `e` counts in a quiz summary: a quiz answer,
    /// or an override of one.
    private static let isQuizEntry = "e.kind IN ('quiz', 'override')"

    /// Counts `entry`, just appended, in the summaries (nothing for an
    /// entry that is not an answer), from its own values: what the log's
    /// view gives back for it (`before` is the entry's as stored).
    static func add(_ entry: ReviewLogEntry, db: Database, path: String) throws {
        // The answers are the kinds `AnswerKind` names (`LogClauses.isAnswer`).
        guard AnswerKind(rawValue: entry.kind.rawValue) != nil else { return }
        let before = try ProgressColumns.values(entry.before, path: path)
        let values: [(any DatabaseValueConvertible)?] = [
            try ProgressColumns.millis(entry.time, path: path), entry.deckFile, entry.key, entry.kind.rawValue,
            entry.rating?.rawValue, entry.durationMilliseconds, before[0], before[4], before[5], entry.sessionID,
        ]
        let arguments = StatementArguments(values)
        try db.cachedStatement(sql: addGivenSlotSQL).execute(arguments: arguments)
        // Only a quiz answer has a quiz summary; an override changes its
        // answer's. Its row is counted again from the card's entries, so
        // that it is what the log gives in whatever order they came.
        if entry.kind == .quiz || entry.kind == .override {
            try recountQuizRow(session: entry.sessionID ?? "", key: entry.key, deckFile: entry.deckFile, db: db)
        }
    }

    /// The `quiz_summary` row of one quiz session, card and deck file,
    /// counted again from the card's own entries (`EntryChain`).
    static func recountQuizRow(session: String, key: String, deckFile: String, db: Database) throws {
        try db.cachedStatement(sql: "DELETE FROM quiz_summary WHERE session = ? AND key = ? AND deck_file = ?")
            .execute(arguments: [session, key, deckFile])
        try db.cachedStatement(
            sql: """
                INSERT INTO quiz_summary (session, key, deck_file, first_at, answers, correct)
                \(quizContribution(where: """
                    \(EntryChain.isEntry(ofKey: "?2")) AND coalesce(e.session, '') = ?1 AND e.deck_file = ?3
                    AND \(LogClauses.notUndone)
                    """))
                """
        ).execute(arguments: [session, key, deckFile])
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
                    sql: "SELECT coalesce(session, ''), key, deck_file FROM review_log WHERE id = ? AND kind IN ('quiz', 'override')"),
                arguments: [id])
        else { return }
        try recountQuizRow(session: row[0], key: row[1], deckFile: row[2], db: db)
    }

    private static func upsertSlot(entry id: Int64, sign: Int, db: Database) throws {
        try db.cachedStatement(sql: addSlots(slotContribution(where: "e.id = ?", sign: sign))).execute(arguments: [id])
    }

    /// Adds the rows of `contribution` (a `slotContribution` with groups) to `answer_slot`.
    private static func addSlots(_ contribution: String) -> String {
        """
        INSERT INTO answer_slot (slot, deck_file, grp, \(slotColumns.joined(separator: ", ")))
        \(contribution)
        ON CONFLICT (slot, deck_file, grp) DO UPDATE SET \(slotSums);
        """
    }

    /// Moves the answers of the card `key` (an SQL expression) from the
    /// group `from` to the group `to` (SQL expressions too), dropping the
    /// rows left empty.
    ///
    /// The card's entries are found through the log's index by card, or
    /// (`walked`) by walking the card's chain of entries (`EntryChain`)
    /// through `log_walk`, as a trigger cannot hold the walk's WITH clause.
    private static func move(key: String, from: String, to: String, walked: Bool) -> String {
        let ofCard = walked ? "e.id IN (SELECT id FROM log_walk_entry)" : "e.key = \(key)"
        let answers = "\(ofCard) AND \(LogClauses.notUndone)"
        return """
            \(walked ? "DELETE FROM log_walk; INSERT INTO log_walk (key) VALUES (\(key));" : "")
            \(addSlots(slotContribution(where: answers, sign: -1, group: from)))
            \(addSlots(slotContribution(where: answers, group: to)))
            DELETE FROM answer_slot WHERE answers = 0 AND (slot, deck_file) IN
                (SELECT e.at / \(AnswerSlot.widthMilliseconds), e.deck_file FROM review_log e WHERE \(ofCard));
            \(walked ? "DELETE FROM log_walk;" : "")
            """
    }

    /// The trigger that moves a card's answers from one group to another
    /// (a row inserted into `answer_slot_move`), finding the card's entries
    /// as `move` says.
    static func moveTrigger(walked: Bool) -> String {
        """
        CREATE TRIGGER answer_slot_move_insert INSTEAD OF INSERT ON answer_slot_move BEGIN
        \(move(key: "NEW.key", from: "NEW.from_grp", to: "NEW.to_grp", walked: walked))
        END;
        """
    }

    /// The triggers that keep each card's answers under its group in the
    /// registry: a card registered, taken out, or moved to another deck
    /// file or level (straight from its old group to its new one) or
    /// another key moves its answers, in the same statement. Only cards
    /// with answers in the log do anything; a registration of new cards
    /// costs one probe of `log_card` each. Each trigger makes the card's
    /// group first if it is new, as `KeptCounts`' own triggers do, so the
    /// order SQLite fires them in does not matter. The move itself is
    /// written once, as the INSTEAD OF trigger of the view
    /// `answer_slot_move` (a row inserted there is a move), not copied
    /// into every trigger: the schema is read at every opening.
    static let groupTriggers = """
        CREATE VIEW answer_slot_move AS SELECT NULL AS key, NULL AS from_grp, NULL AS to_grp WHERE 0;
        \(moveTrigger(walked: false))
        CREATE TRIGGER answer_slot_card_insert AFTER INSERT ON card
        WHEN EXISTS (SELECT 1 FROM log_card WHERE key = NEW.key) BEGIN
        \(KeptCounts.makeGroup("NEW"))
        INSERT INTO answer_slot_move VALUES (NEW.key, 0, \(KeptCounts.groupOf("NEW")));
        END;
        CREATE TRIGGER answer_slot_card_delete AFTER DELETE ON card
        WHEN EXISTS (SELECT 1 FROM log_card WHERE key = OLD.key) BEGIN
        INSERT INTO answer_slot_move VALUES (OLD.key, \(KeptCounts.groupOf("OLD")), 0);
        END;
        CREATE TRIGGER answer_slot_card_regroup AFTER UPDATE OF deck_file, level ON card
        WHEN OLD.key IS NEW.key AND \(KeptCounts.groupChanged)
            AND EXISTS (SELECT 1 FROM log_card WHERE key = NEW.key) BEGIN
        \(KeptCounts.makeGroup("NEW"))
        INSERT INTO answer_slot_move VALUES (NEW.key, \(KeptCounts.groupOf("OLD")), \(KeptCounts.groupOf("NEW")));
        END;
        CREATE TRIGGER answer_slot_card_rekey AFTER UPDATE OF key ON card
        WHEN OLD.key IS NOT NEW.key AND (EXISTS (SELECT 1 FROM log_card WHERE key = OLD.key)
            OR EXISTS (SELECT 1 FROM log_card WHERE key = NEW.key)) BEGIN
        \(KeptCounts.makeGroup("NEW"))
        INSERT INTO answer_slot_move VALUES (OLD.key, \(KeptCounts.groupOf("OLD")), 0);
        INSERT INTO answer_slot_move VALUES (NEW.key, 0, \(KeptCounts.groupOf("NEW")));
        END;
        """

    /// The migration `stats-2-answer-slot-groups`: `answer_slot` made
    /// again with the cards' groups, from the whole log, and the triggers
    /// that keep the groups.
    static func groupSlots(_ db: Database) throws {
        try db.execute(sql: "DROP TABLE answer_slot")
        try db.execute(sql: groupedSlotTable)
        try insert(try recomputedSlots(db), db: db)
        try db.execute(sql: groupTriggers)
    }

    /// Writes `slots` (without the rows of no answers) into `answer_slot`.
    private static func insert(_ slots: [SlotKey: [Int]], db: Database) throws {
        for (key, sums) in slots where sums[0] != 0 {
            let columns = ["slot", "deck_file"] + (key.group == nil ? [] : ["grp"]) + slotColumns
            let values: [DatabaseValueConvertible?] = [key.slot, key.deckFile] + (key.group.map { [$0] } ?? []) + sums
            try db.execute(
                sql: """
                    INSERT INTO answer_slot (\(columns.joined(separator: ", ")))
                    VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))
                    """,
                arguments: StatementArguments(values))
        }
    }

    /// Fills the summaries from the whole log (the migration
    /// `stats-1-answer-summaries`, for stores recorded before they
    /// existed: `answer_slot` without groups, as it was made then).
    static func rebuild(_ db: Database) throws {
        try db.execute(sql: "DELETE FROM answer_slot")
        try db.execute(sql: "DELETE FROM quiz_summary")
        try insert(try recomputedSlots(db, group: nil), db: db)
        try db.execute(
            sql: """
                INSERT INTO quiz_summary (session, key, deck_file, first_at, answers, correct)
                \(quizContribution(where: LogClauses.notUndone))
                """)
    }

    /// The migration that counts overrides in `quiz_summary`.
    static let overridesMigrationName = "stats-3-quiz-overrides"

    /// `quiz_summary` made again from the whole log.
    static func rebuildQuizSummary(_ db: Database) throws {
        guard try Schema.hasTable(db, "quiz_summary") else { return }
        try db.execute(sql: "DELETE FROM quiz_summary")
        try db.execute(
            sql: """
                INSERT INTO quiz_summary (session, key, deck_file, first_at, answers, correct)
                \(quizContribution(where: LogClauses.notUndone))
                """)
    }

    /// Whether the store has the summaries: a store opened read-only may
    /// predate them (its migration could not run), and is read from the log.
    static func areKept(_ db: Database) throws -> Bool {
        try Schema.hasTable(db, "answer_slot") && Schema.hasTable(db, "quiz_summary")
    }

    /// Whether `answer_slot` keeps the cards' groups (a store opened
    /// read-only may predate `stats-2-answer-slot-groups`).
    static func areGrouped(_ db: Database) throws -> Bool {
        try areKept(db) && db.columns(in: "answer_slot").contains { $0.name == "grp" }
    }

    /// The rows of `quiz_summary`, as kept or, without the table, from the log.
    static func quizSource(_ db: Database) throws -> String {
        try areKept(db)
            ? "quiz_summary"
            : "(\(quizContribution(where: LogClauses.notUndone)))"
    }

    /// One row of `answer_slot`'s key.
    struct SlotKey: Hashable {
        /// The quarter hour (milliseconds since 1970 / `AnswerSlot.widthMilliseconds`).
        var slot: Int64
        /// The deck file the answers were given from.
        var deckFile: String
        /// The card's group (nil: summed without groups).
        var group: Int? = nil
    }

    /// The slot sums of the log's answers not undone, with the scope
    /// `clause`: every answer in one pass over the table, minus the few
    /// undone ones found through the undo index — far cheaper than asking
    /// "was this one undone?" a million times.
    static func recomputedSlots(
        _ db: Database, clause: String = "", arguments: StatementArguments = [], group: String? = registryGroup
    ) throws -> [SlotKey: [Int]] {
        var sums = try slotRows(
            db, sql: slotContribution(where: "TRUE", clause: clause, group: group), arguments: arguments)
        let undone = try slotRows(
            db,
            sql: slotContribution(
                from: "review_log u JOIN review_log e ON e.id = u.undoes",
                where: "u.undoes IS NOT NULL", clause: clause, group: group),
            arguments: arguments)
        for (key, values) in undone {
            sums[key] = sum(sums[key], values.map { -$0 })
        }
        return sums.filter { $0.value.first != 0 }
    }

    /// Whether `count` cards are few enough to read their answers card by
    /// card: a card's answers cost about six times what a row of one
    /// pass over the whole log costs (4.3 µs against 0.7 µs at 100,000
    /// cards and 1,000,000 answers, measured through the log's index by
    /// card; the chain's walk reads the same rows, by id), so card by card
    /// wins while the cards are under a seventh of those registered.
    static func fewCards(_ count: Int, db: Database) throws -> Bool {
        count * 7 < (try Int.fetchOne(db, sql: "SELECT count(*) FROM card") ?? 0)
    }

    /// The slot sums of the answers (not undone) to the cards `keys`, with
    /// the scope `clause` over deck files, read card by card through each
    /// card's chain of entries (`EntryChain`).
    static func slotsOfCards(_ db: Database, keys: [String], clause: String, arguments: StatementArguments) throws
        -> [SlotKey: [Int]]
    {
        let statement = try db.makeStatement(
            sql: slotContribution(
                where: "\(EntryChain.isEntry(ofKey: "?", chained: try EntryChain.isChained(db))) AND \(LogClauses.notUndone)",
                clause: clause,
                group: nil))
        var result: [SlotKey: [Int]] = [:]
        for key in Set(keys) {
            statement.arguments = [key] + arguments
            for (slot, sums) in try slotRows(statement) {
                result[slot] = sum(result[slot], sums)
            }
        }
        return result
    }

    /// The slot sums of the answers (not undone) to the cards `keys` (their
    /// JSON array `keysJSON`), with the scope `clause` over deck files, for
    /// a store whose summaries keep the groups (`areGrouped`): the kept
    /// rows of the groups whose every registered card is among the keys (a
    /// level filter: those deck files' groups of that level), and the keys
    /// left over (cards of a group only partly chosen, as a tag's, or not
    /// registered) from the log — card by card when they are few, else in
    /// one pass. A card's answers are kept under its group in the registry
    /// now, so a whole group's rows are exactly its cards' answers.
    ///
    /// A group more than half chosen (a tag on most of a deck, or a tag
    /// and a level) is read the other way round when that makes the cards
    /// left for the log few enough to read card by card: its kept rows,
    /// less the answers of its cards *not* chosen. The log is then read
    /// for at most half of such a group's cards, and never in a pass.
    static func slotTotals(
        ofCards keys: [String], keysJSON: String, db: Database, path: String, clause: String,
        arguments: StatementArguments
    ) throws -> [Int64: [Int]] {
        var chosen: [Int: Int] = [:]
        for row in try Row.fetchAll(db, sql: KeptCounts.registeredOfKeys, arguments: [keysJSON]) {
            let stored = try StoredRow(row, keyColumn: nil, path: path)
            if let group = try stored.int(0) { chosen[group] = try stored.count(1) ?? 0 }
        }
        var whole: [Int] = []
        var mostly: [Int] = []
        for row in try Row.fetchAll(db, sql: KeptCounts.groupsWithLevel) {
            let stored = try StoredRow(row, keyColumn: nil, path: path)
            guard let group = try stored.int(0), let total = try stored.count(3), total > 0 else { continue }
            let count = chosen[group] ?? 0
            if count == total {
                whole.append(group)
            } else if count * 2 > total {
                mostly.append(group)
            }
        }
        func json(_ groups: [Int]) -> String { "[\(groups.map(String.init).joined(separator: ","))]" }
        /// The kept rows of `groups`, summed per slot.
        func kept(_ groups: [Int]) throws -> [Int64: [Int]] {
            try keptSlotTotals(
                db, path: path, clause: clause + " AND e.grp IN (SELECT value FROM json_each(?))",
                arguments: arguments + [json(groups)])
        }
        var result = try kept(whole)
        // Every key is a card of a whole group: nothing left for the log.
        if whole.reduce(0, { $0 + (chosen[$1] ?? 0) }) == Set(keys).count { return result }
        // The keys that are not registered cards of a whole group, each
        // with whether it is one of a group more than half chosen: read
        // once, for both ways of reading the log below.
        var outsideWhole: [String] = []
        var outsideBoth: [String] = []
        let mostlySet = Set(mostly)
        let outside = try Row.fetchCursor(
            db,
            sql: """
                SELECT DISTINCT k.value, g.id FROM json_each(?) k
                LEFT JOIN card c ON c.key = k.value LEFT JOIN card_group g ON \(KeptCounts.sameGroup)
                WHERE g.id IS NULL OR g.id NOT IN (SELECT value FROM json_each(?))
                """,
            arguments: [keysJSON, json(whole)])
        while let row = try outside.next() {
            let stored = try StoredRow(row, keyColumn: nil, path: path)
            guard let key = try stored.string(0, required: true) else { continue }
            outsideWhole.append(key)
            if let group = try stored.int(1), mostlySet.contains(group) { continue }
            outsideBoth.append(key)
        }
        if !mostly.isEmpty {
            let rest = outsideBoth
            let unchosen = try String.fetchAll(
                db,
                sql: """
                    SELECT c.key FROM card c JOIN card_group g ON \(KeptCounts.sameGroup)
                    WHERE g.id IN (SELECT value FROM json_each(?))
                    AND c.key NOT IN (SELECT value FROM json_each(?))
                    """,
                arguments: [json(mostly), keysJSON])
            if try fewCards(rest.count + unchosen.count, db: db) {
                for (slot, sums) in try kept(mostly) { result[slot] = sum(result[slot], sums) }
                for (key, sums) in try slotsOfCards(db, keys: rest, clause: clause, arguments: arguments) {
                    result[key.slot] = sum(result[key.slot], sums)
                }
                for (key, sums) in try slotsOfCards(db, keys: unchosen, clause: clause, arguments: arguments) {
                    result[key.slot] = sum(result[key.slot], sums.map { -$0 })
                }
                return result
            }
        }
        let rest = outsideWhole
        let restSums: [SlotKey: [Int]]
        if try fewCards(rest.count, db: db) {
            restSums = try slotsOfCards(db, keys: rest, clause: clause, arguments: arguments)
        } else {
            let restJSON = JSONTextArray.of(rest)
            restSums = try recomputedSlots(
                db, clause: clause + " AND e.key IN (SELECT value FROM json_each(?))", arguments: arguments + [restJSON],
                group: nil)
        }
        for (key, sums) in restSums { result[key.slot] = sum(result[key.slot], sums) }
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
        let group = try areGrouped(db) ? "grp, " : ""
        return try slotRows(
            db,
            sql: """
                SELECT slot, deck_file, \(group)\(slotColumns.joined(separator: ", ")) FROM answer_slot e
                WHERE TRUE \(clause)
                """,
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
        var result: [Int64: [Int]] = [:]
        try StatementRow.forEach(of: statement, arguments: arguments, keyColumn: nil, path: path) { stored in
            guard let slot = try stored.int64(0, required: true) else { return }
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
            // With a group column (10 columns), the sums start one further.
            let grouped = row.count > 2 + slotColumns.count
            let first = grouped ? 3 : 2
            result[SlotKey(slot: row[0], deckFile: row[1], group: grouped ? row[2] : nil)] =
                (first..<(first + slotColumns.count)).map { (row[$0] as Int?) ?? 0 }
        }
        return result
    }

    /// What differs between the kept summaries and a recomputation from the
    /// log: empty when they agree (`ProgressStore.verify`).
    static func mismatches(_ db: Database) throws -> [String] {
        var problems: [String] = []
        let kept = try keptSlots(db)
        let recomputed = try recomputedSlots(db, group: try areGrouped(db) ? registryGroup : nil)
        for key in Set(kept.keys).union(recomputed.keys) where kept[key] != recomputed[key] {
            problems.append(
                "answer summary \(key.deckFile) group \(key.group.map(String.init) ?? "-") slot \(key.slot): kept \(kept[key] ?? []), log \(recomputed[key] ?? [])")
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
