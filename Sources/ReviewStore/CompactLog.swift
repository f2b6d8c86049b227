import GRDB

/// The review log's compact layout (migration `scale-2-compact-log`).
///
/// The first layout kept, in every row, the card's key, its deck file and
/// session as text, the kind as a word, and the card's whole progress both
/// before and after: about 250 bytes a row with its indexes. Yet the
/// progress before an entry is, by construction, the progress after the
/// card's previous entry (`appendTransition` reads it from the state the
/// previous entry wrote), so it can be derived instead of stored. Now:
///
/// - `review` holds one row per entry: integers for the card (`log_card`),
///   the deck file and session (`log_name`), and the kind
///   (`ReviewKind.storedCode`); the progress after the entry, its due time
///   and last review stored as offsets from the entry's time (0, stored in
///   no bytes at all, for an answer's last review); since
///   `store-2-packed-review` the kind, rating, state, step and suspended
///   flag are one integer (`ReviewShape`, `Layout`);
/// - `review_before` holds the progress before an entry only where it is
///   not the card's previous `after` (never, in a log jatta wrote itself;
///   a migrated or hand-made log loses nothing either way);
/// - `review_log` is a view giving back the first layout column for column
///   (`b_*` derived), and inserting into it goes through a trigger that
///   stores the row compactly. Every reader and writer of the log uses
///   those columns, so the layout is one rule kept in this file.
///
/// `review` and `review_before` are append-only (triggers refuse UPDATE and
/// DELETE), as the first layout's table was. Every join of the view is a
/// LEFT JOIN on a primary key (the foreign keys make each match exist), so
/// SQLite leaves out the joins whose columns a query does not read: a pass
/// over the log's `after`s reads only `review` and the keys.
enum CompactLog {
    /// The progress columns of the compact tables, in `ProgressColumns`
    /// order (`review` keeps due and last review as offsets from `at`).
    static let afterColumns = [
        "state", "step", "stability", "difficulty", "due_offset", "last_review_offset", "reps", "lapses", "suspended",
        "buried_until",
    ]

    static let tables = """
        CREATE TABLE log_card (
            id INTEGER PRIMARY KEY,
            key TEXT NOT NULL UNIQUE
        );
        CREATE TABLE log_name (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE
        );
        CREATE TABLE review (
            id INTEGER PRIMARY KEY,
            card INTEGER NOT NULL REFERENCES log_card(id),
            deck INTEGER NOT NULL REFERENCES log_name(id),
            session INTEGER REFERENCES log_name(id),
            at INTEGER NOT NULL,
            kind INTEGER NOT NULL CHECK (kind BETWEEN 0 AND 7),
            rating INTEGER CHECK (rating BETWEEN 1 AND 4),
            duration_ms INTEGER CHECK (duration_ms >= 0),
            undoes INTEGER REFERENCES review(id),
            state INTEGER, step INTEGER, stability REAL, difficulty REAL,
            due_offset INTEGER, last_review_offset INTEGER, reps INTEGER, lapses INTEGER,
            suspended INTEGER NOT NULL, buried_until INTEGER
        );
        CREATE INDEX review_by_time ON review(at);
        \(reviewIndexes)
        CREATE TABLE review_before (
            id INTEGER PRIMARY KEY REFERENCES review(id),
            state INTEGER, step INTEGER, stability REAL, difficulty REAL,
            due INTEGER, last_review INTEGER, reps INTEGER, lapses INTEGER,
            suspended INTEGER NOT NULL, buried_until INTEGER
        );
        \(reviewAppendOnly)
        CREATE TRIGGER review_before_no_update BEFORE UPDATE ON review_before
            BEGIN SELECT RAISE(ABORT, 'review_log is append-only'); END;
        CREATE TRIGGER review_before_no_delete BEFORE DELETE ON review_before
            BEGIN SELECT RAISE(ABORT, 'review_log is append-only'); END;
        """

    /// The indexes of `review`, for the layouts of `tables` and
    /// `ReviewShape`: the card's entries, a session's, the entry an undo
    /// reverses.
    static let reviewIndexes = """
        CREATE INDEX review_by_card ON review(card);
        \(reviewIndexesBesideCard)
        """

    /// The indexes of `review` other than the one by card, which the chain
    /// of each card's entries replaces (`EntryChain`).
    static let reviewIndexesBesideCard = """
        CREATE INDEX review_by_session ON review(session) WHERE session IS NOT NULL;
        CREATE UNIQUE INDEX review_undone ON review(undoes) WHERE undoes IS NOT NULL;
        """

    /// The triggers that keep `review` append-only.
    static let reviewAppendOnly = """
        CREATE TRIGGER review_no_update BEFORE UPDATE ON review
            BEGIN SELECT RAISE(ABORT, 'review_log is append-only'); END;
        CREATE TRIGGER review_no_delete BEFORE DELETE ON review
            BEGIN SELECT RAISE(ABORT, 'review_log is append-only'); END;
        """

    /// The kind as a word, from the stored code in `expression`.
    private static func kindWord(_ expression: String) -> String {
        "CASE \(expression) " + ReviewKind.allCases.map { "WHEN \($0.storedCode) THEN '\($0.rawValue)'" }.joined(separator: " ")
            + " END"
    }

    /// The stored code of the kind word in `expression` (NULL for any other
    /// word, which the NOT NULL on `review.kind` refuses).
    private static func kindCode(_ expression: String) -> String {
        "CASE \(expression) " + ReviewKind.allCases.map { "WHEN '\($0.rawValue)' THEN \($0.storedCode)" }.joined(separator: " ")
            + " END"
    }

    /// How a `review` row holds the entry's kind, rating and progress after
    /// it: a column each (migration `scale-2-compact-log`), or the kind,
    /// rating, state, step and suspended flag packed into one integer
    /// (`ReviewShape`, migration `store-2-packed-review`).
    enum Layout {
        /// A column each for the kind, rating, state, step and flag.
        case separate
        /// Those five in `shape`.
        case shaped
        /// As `shaped`, and each row names the card's previous entry in
        /// `prev` (migration `log-2-previous-entry`, `EntryChain`).
        case chained

        /// The previous entry of the same card as `r`, joined as `p`:
        /// searched for in the index of entries by card before the chain,
        /// named by the row since.
        var previousJoin: String {
            switch self {
            case .separate, .shaped:
                "LEFT JOIN review p ON p.id = (SELECT max(q.id) FROM review q WHERE q.card = r.card AND q.id < r.id)"
            case .chained: "LEFT JOIN review p ON p.id = r.prev"
            }
        }

        /// The columns an appended row names its place in its card's
        /// chain by, and their values for the card `card` (an SQL
        /// expression of its id in `log_card`): the card's last entry until
        /// now (`EntryChain`). None before the chain.
        func chainLink(card: String) -> (columns: [String], values: [String]) {
            switch self {
            case .separate, .shaped: ([], [])
            case .chained: (["prev"], [EntryChain.lastEntry(ofCard: card)])
            }
        }

        /// The kind's stored code and the rating of the row `alias`.
        func kindAndRating(_ alias: String) -> (kind: String, rating: String) {
            switch self {
            case .separate: ("\(alias).kind", "\(alias).rating")
            case .shaped, .chained: (ReviewShape.kind(alias), ReviewShape.rating(alias))
            }
        }

        /// The progress after the row `alias`, in `ProgressColumns` order,
        /// due and last review as times.
        func progress(_ alias: String) -> [String] {
            let packed: (state: String, step: String, suspended: String) =
                switch self {
                case .separate: ("\(alias).state", "\(alias).step", "\(alias).suspended")
                case .shaped, .chained: (ReviewShape.state(alias), ReviewShape.step(alias), ReviewShape.suspended(alias))
                }
            return [
                packed.state, packed.step, "\(alias).stability", "\(alias).difficulty", "\(alias).at + \(alias).due_offset",
                "\(alias).at + \(alias).last_review_offset", "\(alias).reps", "\(alias).lapses", packed.suspended,
                "\(alias).buried_until",
            ]
        }

        /// The `review` columns that hold the kind, rating and progress,
        /// and their values from SQL expressions of the kind's code, the
        /// rating and the progress in `ProgressColumns` order (due and last
        /// review already as offsets).
        func stored(kind: String, rating: String, progress: [String]) -> (columns: [String], values: [String]) {
            switch self {
            case .separate:
                return (["kind", "rating"] + afterColumns, [kind, rating] + progress)
            case .shaped, .chained:
                let shape = ReviewShape.encode(
                    kind: kind, rating: rating, state: progress[0], step: progress[1], suspended: progress[8])
                // Stability, difficulty, due, last review, reps, lapses and
                // burial keep their columns.
                let kept = [2, 3, 4, 5, 6, 7, 9]
                return (["shape"] + kept.map { afterColumns[$0] }, [shape] + kept.map { progress[$0] })
            }
        }

        /// The progress after the previous entry `p`: what `before` is
        /// unless `review_before` says otherwise. A card's first entry
        /// starts from "unseen" (no schedule, not suspended).
        var derivedBefore: [String] {
            var columns = progress("p")
            columns[8] = "coalesce(\(columns[8]), 0)"
            return columns
        }
    }

    /// The layout of a store every migration ran on: what jatta appends.
    static let layout = Layout.chained

    /// The tables the log's view joins to each `review` row `r`, in its
    /// order, each with the alias its columns are read through: the card's
    /// key, the deck's and the session's names, the state before the entry
    /// where it does not follow from the previous one, the previous entry.
    private static func joins(_ layout: Layout) -> [(alias: String, clause: String)] {
        [
            ("c", "LEFT JOIN log_card c ON c.id = r.card"), ("d", "LEFT JOIN log_name d ON d.id = r.deck"),
            ("s", "LEFT JOIN log_name s ON s.id = r.session"), ("x", "LEFT JOIN review_before x ON x.id = r.id"),
            ("p", layout.previousJoin),
        ]
    }

    /// The columns of the log's view over `review` in `layout`, in its
    /// order: each with the SQL that gives it from a row `r` and the tables
    /// joined to it (`joins`), and the aliases of those it reads.
    private static func columns(_ layout: Layout) -> [(name: String, expression: String, aliases: [String])] {
        let (kind, rating) = layout.kindAndRating("r")
        var columns: [(name: String, expression: String, aliases: [String])] = [
            ("id", "r.id", []), ("key", "c.key", ["c"]), ("deck_file", "d.name", ["d"]), ("session", "s.name", ["s"]),
            ("at", "r.at", []), ("kind", kindWord(kind), []), ("rating", rating, []),
            ("duration_ms", "r.duration_ms", []), ("undoes", "r.undoes", []),
        ]
        for (column, derived) in zip(ProgressColumns.names(), layout.derivedBefore) {
            columns.append(("b_\(column)", "CASE WHEN x.id IS NULL THEN \(derived) ELSE x.\(column) END", ["x", "p"]))
        }
        for (column, stored) in zip(ProgressColumns.names(), layout.progress("r")) {
            columns.append(("a_\(column)", stored, []))
        }
        return columns
    }

    /// The log's entries as the view `review_log` gives them, with only
    /// `columns` (names of the view's columns) and only the joins those
    /// read: a table expression for a query to name `e`, on a store in
    /// `layout`. Naming the view costs its whole expansion at every
    /// compile, SQLite asking GRDB's authorizer about each column of five
    /// joined tables: the two reads of today's log at every start asked
    /// about 190 columns for the five they use.
    static func entries(_ names: [String], layout: Layout = layout) -> String {
        let all = columns(layout)
        var needed: Set<String> = []
        let selected = names.map { name -> String in
            guard let column = all.first(where: { $0.name == name }) else {
                preconditionFailure("the log has no column \(name)")
            }
            needed.formUnion(column.aliases)
            return "\(column.expression) AS \(name)"
        }
        let joined = joins(layout).filter { needed.contains($0.alias) }.map(\.clause)
        return "(SELECT \(selected.joined(separator: ", ")) FROM review r \(joined.joined(separator: " ")))"
    }

    /// The view `name` with the first layout's columns over `review` in
    /// `layout`, and the trigger that stores what is inserted into it.
    static func view(named name: String, layout: Layout) -> String {
        let derivedBefore = layout.derivedBefore
        // The columns, laid out as the view was first written: its text is
        // kept in every store's schema.
        let selected = columns(layout).map { "\($0.expression) AS \($0.name)" }
        let count = ProgressColumns.names().count
        let first = selected[0..<5], second = selected[5..<9]
        let before = selected[9..<(9 + count)], after = selected[(9 + count)...]
        let insertedAfter = ProgressColumns.names().map { column in
            column == "due" || column == "last_review" ? "NEW.a_\(column) - NEW.at" : "NEW.a_\(column)"
        }
        let inserted = layout.stored(kind: kindCode("NEW.kind"), rating: "NEW.rating", progress: insertedAfter)
        let differs = zip(ProgressColumns.names(), derivedBefore).map { "NEW.b_\($0) IS NOT \($1)" }
        let card = "(SELECT id FROM log_card WHERE key = NEW.key)"
        let link = layout.chainLink(card: card)
        return """
            CREATE VIEW \(name) AS
            SELECT \(first.joined(separator: ", ")),
                \(second.joined(separator: ", ")),
                \(before.joined(separator: ",\n    ")),
                \(after.joined(separator: ",\n    "))
            FROM review r
            \(joins(layout).map(\.clause).joined(separator: "\n"));

            CREATE TRIGGER \(name)_insert INSTEAD OF INSERT ON \(name) BEGIN
                INSERT OR IGNORE INTO log_card (key) VALUES (NEW.key);
                INSERT OR IGNORE INTO log_name (name) VALUES (NEW.deck_file);
                INSERT OR IGNORE INTO log_name (name) SELECT NEW.session WHERE NEW.session IS NOT NULL;
                INSERT INTO review (id, card, deck, session, at, duration_ms, undoes,
                    \((inserted.columns + link.columns).joined(separator: ", ")))
                VALUES (NEW.id, \(card),
                    (SELECT id FROM log_name WHERE name = NEW.deck_file),
                    (SELECT id FROM log_name WHERE name = NEW.session),
                    NEW.at, NEW.duration_ms, NEW.undoes,
                    \((inserted.values + link.values).joined(separator: ", ")));
                INSERT INTO review_before (id, \(ProgressColumns.names().joined(separator: ", ")))
                SELECT r.id, \(ProgressColumns.names(prefix: "NEW.b_").joined(separator: ", "))
                FROM review r \(layout.previousJoin)
                WHERE r.id = last_insert_rowid()
                AND (\(differs.joined(separator: " OR ")));
            END;
            """
    }

    /// Appends one entry straight to the compact tables and returns its id:
    /// what the view's INSERT trigger does, without its work that an entry
    /// jatta itself writes does not need (it knows the kind's code, and
    /// looks each name up once instead of inserting and selecting it). The
    /// before state is still checked against the card's previous entry in
    /// SQL, so `review_before` keeps whatever does not follow from it.
    /// `before` and `after` are `ProgressColumns.values`; `at` in ms.
    /// `known`: what `knownIDs` gives for the entry's names, when the
    /// caller read it already in this transaction (nil: looked up here).
    static func append(
        db: Database, key: String, deckFile: String, session: String?, at: Int64, kind: ReviewKind, rating: Int?,
        duration: Int?, undoes: Int64?, before: [(any DatabaseValueConvertible)?],
        after: [(any DatabaseValueConvertible)?], knownIDs known: [Int64?]? = nil
    ) throws -> Int64 {
        let known = try known ?? knownIDs(key: key, deckFile: deckFile, session: session, db: db)
        let card = try known[0] ?? nameID(of: key, table: "log_card", column: "key", db: db)
        // The session may be named as the deck file just added: looked up again.
        let deck = try known[1] ?? nameID(of: deckFile, table: "log_name", column: "name", db: db)
        let sessionID = try session.map { try known[2] ?? nameID(of: $0, table: "log_name", column: "name", db: db) }
        var stored = after
        // Due and last review are kept as offsets from the entry's time.
        for index in [4, 5] { stored[index] = (stored[index] as? Int64).map { $0 - at } }
        try db.cachedStatement(sql: appendSQL).execute(
            arguments: StatementArguments([card, deck, sessionID, at, duration, undoes, kind.storedCode, rating] + stored))
        let id = db.lastInsertedRowID
        try db.cachedStatement(sql: keepBeforeSQL).execute(arguments: StatementArguments([id] + before))
        return id
    }

    /// The ids of `key` in `log_card` and of `deckFile` and `session` in
    /// `log_name`, nil for a name not there yet: one statement, where
    /// nearly always all three are known.
    static func knownIDs(key: String, deckFile: String, session: String?, db: Database) throws -> [Int64?] {
        // Read from the cursor's row in place; the cursor is kept until
        // then, since it resets the statement when it goes.
        let rows = try Row.fetchCursor(db.cachedStatement(sql: knownIDsSQL), arguments: [key, deckFile, session])
        return try withExtendedLifetime(rows) {
            guard let row = try rows.next() else { return [nil, nil, nil] }
            return (0..<3).map { row[$0] as Int64? }
        }
    }

    /// The ids of the card key ?1, the deck file ?2 and the session ?3 in
    /// the name tables, NULL for a name not there yet.
    private static let knownIDsSQL = "SELECT \(knownIDColumns(key: "?1", deckFile: "?2", session: "?3"))"

    /// `knownIDs` as three columns of a select, from the SQL expressions of
    /// the card key, the deck file and the session: a statement that reads
    /// the answer's card anyway (`ProgressStore.registrationAndProgress`)
    /// reads them with it.
    static func knownIDColumns(key: String, deckFile: String, session: String) -> String {
        """
        (SELECT id FROM log_card WHERE key = \(key)), (SELECT id FROM log_name WHERE name = \(deckFile)),
            (SELECT id FROM log_name WHERE name = \(session))
        """
    }

    /// The id of `value` in a name table, added if new.
    private static func nameID(of value: String, table: String, column: String, db: Database) throws -> Int64 {
        let select = "SELECT id FROM \(table) WHERE \(column) = ?"
        if let id = try Int64.fetchOne(db.cachedStatement(sql: select), arguments: [value]) { return id }
        try db.cachedStatement(sql: "INSERT INTO \(table) (\(column)) VALUES (?)").execute(arguments: [value])
        return db.lastInsertedRowID
    }

    /// Parameters: card, deck, session, at, duration, undoes (?1 … ?6),
    /// the kind's code and the rating (?7, ?8), the progress after (?9 …
    /// ?18, due and last review as offsets).
    static let appendSQL: String = {
        let stored = layout.stored(kind: "?7", rating: "?8", progress: (9...18).map { "?\($0)" })
        let link = layout.chainLink(card: "?1")
        return """
            INSERT INTO review (card, deck, session, at, duration_ms, undoes, \((stored.columns + link.columns).joined(separator: ", ")))
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, \((stored.values + link.values).joined(separator: ", ")))
            """
    }()

    /// Keeps the before state of entry ?1 (given as ?2 … ?11) only where it
    /// is not the after of the card's previous entry: the trigger's rule.
    private static let keepBeforeSQL: String = {
        let names = ProgressColumns.names()
        let differs = zip(names.indices, layout.derivedBefore).map { "?\($0 + 2) IS NOT \($1)" }
        return """
            INSERT INTO review_before (id, \(names.joined(separator: ", ")))
            SELECT r.id, \(names.indices.map { "?\($0 + 2)" }.joined(separator: ", "))
            FROM review r \(layout.previousJoin)
            WHERE r.id = ?1 AND (\(differs.joined(separator: " OR ")))
            """
    }()

    /// The migration that converts the first layout's log.
    static let migrationName = "scale-2-compact-log"

    /// Converts a log in the first layout: every row copied through the
    /// view's trigger in id order (ids kept), the old table dropped, the
    /// view put in its place, and `card_state.log_id` and `quiz_answer.log_id`
    /// pointed at `review`.
    static func migrate(_ db: Database) throws {
        try db.execute(sql: tables)
        try db.execute(sql: view(named: "review_log_next", layout: .separate))
        let columns =
            ["id", "key", "deck_file", "session", "at", "kind", "rating", "duration_ms", "undoes"]
            + ProgressColumns.names(prefix: "b_") + ProgressColumns.names(prefix: "a_")
        let list = columns.joined(separator: ", ")
        try db.execute(sql: "INSERT INTO review_log_next (\(list)) SELECT \(list) FROM review_log ORDER BY id")
        try db.execute(sql: "DROP VIEW review_log_next")
        try db.execute(sql: "DROP TABLE review_log")
        try db.execute(sql: view(named: "review_log", layout: .separate))
        // Tables that point at a log entry point at the stored rows: a
        // foreign key cannot name a view.
        for table in ["card_state", "quiz_answer"] {
            try Schema.editTableSQL(db, table: table, old: "REFERENCES review_log(id)", new: "REFERENCES review(id)")
        }
    }
}
