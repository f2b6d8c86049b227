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
///   no bytes at all, for an answer's last review);
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
        CREATE INDEX review_by_card ON review(card);
        CREATE INDEX review_by_time ON review(at);
        CREATE INDEX review_by_session ON review(session) WHERE session IS NOT NULL;
        CREATE UNIQUE INDEX review_undone ON review(undoes) WHERE undoes IS NOT NULL;
        CREATE TABLE review_before (
            id INTEGER PRIMARY KEY REFERENCES review(id),
            state INTEGER, step INTEGER, stability REAL, difficulty REAL,
            due INTEGER, last_review INTEGER, reps INTEGER, lapses INTEGER,
            suspended INTEGER NOT NULL, buried_until INTEGER
        );
        CREATE TRIGGER review_no_update BEFORE UPDATE ON review
            BEGIN SELECT RAISE(ABORT, 'review_log is append-only'); END;
        CREATE TRIGGER review_no_delete BEFORE DELETE ON review
            BEGIN SELECT RAISE(ABORT, 'review_log is append-only'); END;
        CREATE TRIGGER review_before_no_update BEFORE UPDATE ON review_before
            BEGIN SELECT RAISE(ABORT, 'review_log is append-only'); END;
        CREATE TRIGGER review_before_no_delete BEFORE DELETE ON review_before
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

    /// The previous entry of the same card as `r`, joined as `p`.
    private static let previousJoin =
        "LEFT JOIN review p ON p.id = (SELECT max(q.id) FROM review q WHERE q.card = r.card AND q.id < r.id)"

    /// The progress after the previous entry `p`, column by column in
    /// `ProgressColumns` order: what `before` is unless `review_before`
    /// says otherwise. A card's first entry starts from "unseen" (no
    /// schedule, not suspended).
    private static let derivedBefore = [
        "p.state", "p.step", "p.stability", "p.difficulty", "p.at + p.due_offset", "p.at + p.last_review_offset",
        "p.reps", "p.lapses", "coalesce(p.suspended, 0)", "p.buried_until",
    ]

    /// The view `name` with the first layout's columns, and the trigger that
    /// stores what is inserted into it.
    static func view(named name: String) -> String {
        let before = zip(ProgressColumns.names(), derivedBefore).map { column, derived in
            "CASE WHEN x.id IS NULL THEN \(derived) ELSE x.\(column) END AS b_\(column)"
        }
        let after = zip(ProgressColumns.names(), afterColumns).map { column, stored in
            stored.hasSuffix("_offset") ? "r.at + r.\(stored) AS a_\(column)" : "r.\(stored) AS a_\(column)"
        }
        let insertedAfter = ProgressColumns.names().map { column in
            column == "due" || column == "last_review" ? "NEW.a_\(column) - NEW.at" : "NEW.a_\(column)"
        }
        let differs = zip(ProgressColumns.names(), derivedBefore).map { "NEW.b_\($0) IS NOT \($1)" }
        return """
            CREATE VIEW \(name) AS
            SELECT r.id AS id, c.key AS key, d.name AS deck_file, s.name AS session, r.at AS at,
                \(kindWord("r.kind")) AS kind, r.rating AS rating, r.duration_ms AS duration_ms, r.undoes AS undoes,
                \(before.joined(separator: ",\n    ")),
                \(after.joined(separator: ",\n    "))
            FROM review r
            LEFT JOIN log_card c ON c.id = r.card
            LEFT JOIN log_name d ON d.id = r.deck
            LEFT JOIN log_name s ON s.id = r.session
            LEFT JOIN review_before x ON x.id = r.id
            \(previousJoin);

            CREATE TRIGGER \(name)_insert INSTEAD OF INSERT ON \(name) BEGIN
                INSERT OR IGNORE INTO log_card (key) VALUES (NEW.key);
                INSERT OR IGNORE INTO log_name (name) VALUES (NEW.deck_file);
                INSERT OR IGNORE INTO log_name (name) SELECT NEW.session WHERE NEW.session IS NOT NULL;
                INSERT INTO review (id, card, deck, session, at, kind, rating, duration_ms, undoes,
                    \(afterColumns.joined(separator: ", ")))
                VALUES (NEW.id, (SELECT id FROM log_card WHERE key = NEW.key),
                    (SELECT id FROM log_name WHERE name = NEW.deck_file),
                    (SELECT id FROM log_name WHERE name = NEW.session),
                    NEW.at, \(kindCode("NEW.kind")), NEW.rating, NEW.duration_ms, NEW.undoes,
                    \(insertedAfter.joined(separator: ", ")));
                INSERT INTO review_before (id, \(ProgressColumns.names().joined(separator: ", ")))
                SELECT r.id, \(ProgressColumns.names(prefix: "NEW.b_").joined(separator: ", "))
                FROM review r \(previousJoin)
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
    static func append(
        db: Database, key: String, deckFile: String, session: String?, at: Int64, kind: ReviewKind, rating: Int?,
        duration: Int?, undoes: Int64?, before: [(any DatabaseValueConvertible)?],
        after: [(any DatabaseValueConvertible)?]
    ) throws -> Int64 {
        let card = try nameID(of: key, table: "log_card", column: "key", db: db)
        let deck = try nameID(of: deckFile, table: "log_name", column: "name", db: db)
        let sessionID = try session.map { try nameID(of: $0, table: "log_name", column: "name", db: db) }
        var stored = after
        // Due and last review are kept as offsets from the entry's time.
        for index in [4, 5] { stored[index] = (stored[index] as? Int64).map { $0 - at } }
        try db.cachedStatement(sql: appendSQL).execute(
            arguments: StatementArguments([card, deck, sessionID, at, kind.storedCode, rating, duration, undoes] + stored))
        let id = db.lastInsertedRowID
        try db.cachedStatement(sql: keepBeforeSQL).execute(arguments: StatementArguments([id] + before))
        return id
    }

    /// The id of `value` in a name table, added if new.
    private static func nameID(of value: String, table: String, column: String, db: Database) throws -> Int64 {
        let select = "SELECT id FROM \(table) WHERE \(column) = ?"
        if let id = try Int64.fetchOne(db.cachedStatement(sql: select), arguments: [value]) { return id }
        try db.cachedStatement(sql: "INSERT INTO \(table) (\(column)) VALUES (?)").execute(arguments: [value])
        return db.lastInsertedRowID
    }

    private static let appendSQL = """
        INSERT INTO review (card, deck, session, at, kind, rating, duration_ms, undoes, \(afterColumns.joined(separator: ", ")))
        VALUES (\(Array(repeating: "?", count: 8 + afterColumns.count).joined(separator: ", ")))
        """

    /// Keeps the before state of entry ?1 (given as ?2 … ?11) only where it
    /// is not the after of the card's previous entry: the trigger's rule.
    private static let keepBeforeSQL: String = {
        let names = ProgressColumns.names()
        let differs = zip(names.indices, derivedBefore).map { "?\($0 + 2) IS NOT \($1)" }
        return """
            INSERT INTO review_before (id, \(names.joined(separator: ", ")))
            SELECT r.id, \(names.indices.map { "?\($0 + 2)" }.joined(separator: ", "))
            FROM review r \(previousJoin)
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
        try db.execute(sql: view(named: "review_log_next"))
        let columns =
            ["id", "key", "deck_file", "session", "at", "kind", "rating", "duration_ms", "undoes"]
            + ProgressColumns.names(prefix: "b_") + ProgressColumns.names(prefix: "a_")
        let list = columns.joined(separator: ", ")
        try db.execute(sql: "INSERT INTO review_log_next (\(list)) SELECT \(list) FROM review_log ORDER BY id")
        try db.execute(sql: "DROP VIEW review_log_next")
        try db.execute(sql: "DROP TABLE review_log")
        try db.execute(sql: view(named: "review_log"))
        // Tables that point at a log entry point at the stored rows: a
        // foreign key cannot name a view.
        for table in ["card_state", "quiz_answer"] {
            try Schema.editTableSQL(db, table: table, old: "REFERENCES review_log(id)", new: "REFERENCES review(id)")
        }
    }
}
