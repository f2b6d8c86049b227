import GRDB

/// The small columns of a log entry packed into one integer (migration
/// `store-2-packed-review`; docs/progress-store.md, "The store's size").
///
/// A `review` row of the compact log kept the kind, the rating, and the
/// state, learning step and suspended flag after the entry in a column
/// each: five of the row's nineteen columns, each with a byte in the
/// record header, for values that need a few bits. They are one integer
/// now, `shape`, a number in mixed radix read from the lowest digit:
///
///     kind (8) · rating + 1 or 0 for none (5) · state + 1 or 0 for none (5)
///     · suspended (2) · step + 1 or 0 for none (the rest)
///
/// so an answer rated Good in review with no step is `0 + 8·3 + 40·3 = 144`
/// (two bytes), and the step, the one digit without a bound, is the top one.
/// Every value jatta writes fits; a value it never writes (a rating of 17, a
/// state of 9, a negative step, text) does not, and is refused on insert
/// (the encoding is NULL, which `shape`'s NOT NULL refuses), not stored as
/// something else. A `shape` that is text or negative (a hand edit past
/// the CHECK) decodes to -1 in every field, which every reader reports as
/// a damaged store.
enum ReviewShape {
    static let migrationName = "store-2-packed-review"

    /// The place value of each digit above the kind's.
    private static let ratingPlace = 8, statePlace = 40, suspendedPlace = 200, stepPlace = 400

    /// `expression` as an integer when it holds one (an integral real too,
    /// as the INTEGER column it replaces would have stored it).
    private static func whole(_ expression: String) -> String { "CAST(\(expression) AS INTEGER)" }

    /// The largest learning step the shape holds: one more and the step's
    /// digit would carry the shape past a 64-bit integer (jatta's steps are
    /// a few).
    static let largestStep = Int64.max / Int64(stepPlace) - 2

    /// Whether the values fit their digits. The kind as one of its codes,
    /// not merely between them: 3.5 passed the separate column's CHECK.
    private static func fits(kind: String, rating: String, state: String, step: String, suspended: String) -> String {
        """
        \(isOneOf(kind, 0...7)) AND (\(rating) IS NULL OR \(isOneOf(rating, 1...4))) \
        AND (\(state) IS NULL OR \(isOneOf(state, 0...3))) AND \(suspended) IN (0, 1) \
        AND (\(step) IS NULL OR (typeof(\(step)) IN ('integer', 'real') AND \(step) >= 0 AND \(step) = \(whole(step)) \
        AND \(step) <= \(largestStep)))
        """
    }

    /// `expression IN (values)` spelled as one comparison per value, which
    /// is how SQLite itself runs a list of two constants or fewer (the same
    /// rules of affinity and NULL). For a longer list it fills a temporary
    /// table at every run of the statement: three for `fits`, at every
    /// answer (migration `log-1-shape-check-comparisons`).
    private static func isOneOf(_ expression: String, _ values: ClosedRange<Int>) -> String {
        "(" + values.map { "\(expression) = \($0)" }.joined(separator: " OR ") + ")"
    }

    /// The shape of an entry, from SQL expressions of its fields: NULL when
    /// one does not fit.
    static func encode(kind: String, rating: String, state: String, step: String, suspended: String) -> String {
        """
        CASE WHEN \(fits(kind: kind, rating: rating, state: state, step: step, suspended: suspended)) THEN \
        \(whole(kind)) + \(ratingPlace) * coalesce(\(whole(rating)), 0) + \(statePlace) * coalesce(\(whole(state)) + 1, 0) \
        + \(suspendedPlace) * \(whole(suspended)) + \(stepPlace) * coalesce(\(whole(step)) + 1, 0) END
        """
    }

    /// One field of the shape of the row `alias`: `digit` applied to a
    /// shape that is a number from 0 up, -1 for any other (text or a
    /// negative number), NULL when there is no row (a LEFT JOIN that found
    /// none: a card's first entry has no previous one). A BETWEEN rather
    /// than `typeof`, which cost a pass over a million entries a quarter
    /// more; a real, which the CHECK refuses as `typeof` would, decodes to
    /// a fractional step or state that the readers refuse in turn.
    private static func field(_ alias: String, _ digit: (String) -> String) -> String {
        let shape = "\(alias).shape"
        return "CASE WHEN \(shape) BETWEEN 0 AND \(Int64.max) THEN \(digit(shape)) WHEN \(shape) IS NOT NULL THEN -1 END"
    }

    static func kind(_ alias: String) -> String { field(alias) { "\($0) % \(ratingPlace)" } }
    static func rating(_ alias: String) -> String { field(alias) { "nullif(\($0) / \(ratingPlace) % 5, 0)" } }
    static func state(_ alias: String) -> String { field(alias) { "nullif(\($0) / \(statePlace) % 5, 0) - 1" } }
    static func suspended(_ alias: String) -> String { field(alias) { "\($0) / \(suspendedPlace) % 2" } }
    static func step(_ alias: String) -> String { field(alias) { "nullif(\($0) / \(stepPlace), 0) - 1" } }

    /// `review` with the shape, named `name`: the columns of
    /// `CompactLog.tables` less the five packed ones, and (`chained`) the
    /// link to the card's previous entry (`EntryChain`).
    static func table(named name: String, chained: Bool = false) -> String {
        """
        CREATE TABLE \(name) (
            id INTEGER PRIMARY KEY,
            card INTEGER NOT NULL REFERENCES log_card(id),\(chained ? "\n    prev INTEGER REFERENCES review(id)," : "")
            deck INTEGER NOT NULL REFERENCES log_name(id),
            session INTEGER REFERENCES log_name(id),
            at INTEGER NOT NULL,
            duration_ms INTEGER CHECK (duration_ms >= 0),
            undoes INTEGER REFERENCES review(id),
            shape INTEGER NOT NULL CHECK (typeof(shape) = 'integer' AND shape >= 0),
            stability REAL, difficulty REAL, due_offset INTEGER, last_review_offset INTEGER,
            reps INTEGER, lapses INTEGER, buried_until INTEGER
        );
        """
    }

    /// Rewrites `review` with the shape, ids and every other column kept:
    /// the view and the table's indexes and triggers are made again over
    /// the new table. A log holding a value that does not fit is refused
    /// whole, naming the entry, and nothing changes.
    static func migrate(_ db: Database) throws {
        let shape = encode(kind: "kind", rating: "rating", state: "state", step: "step", suspended: "suspended")
        // Anything but an integer is refused here, naming the entry, rather
        // than by the new table's CHECK halfway through the copy.
        let unfit = "SELECT r.id, c.key FROM review r LEFT JOIN log_card c ON c.id = r.card WHERE typeof(\(shape)) <> 'integer' ORDER BY r.id LIMIT 1"
        if let row = try Row.fetchOne(db, sql: unfit) {
            throw Unfit(entry: row[0], key: row[1] ?? "?")
        }
        try db.execute(sql: "DROP VIEW review_log")
        try db.execute(sql: table(named: "review_shaped"))
        let kept = "id, card, deck, session, at, duration_ms, undoes"
        let rest = "stability, difficulty, due_offset, last_review_offset, reps, lapses, buried_until"
        try db.execute(
            sql: "INSERT INTO review_shaped (\(kept), shape, \(rest)) SELECT \(kept), \(shape), \(rest) FROM review ORDER BY id")
        try db.execute(sql: "DROP TABLE review")
        // Other tables' foreign keys name `review`, the table now dropped;
        // the legacy rename leaves them as they are, naming the new one.
        try db.execute(sql: "PRAGMA legacy_alter_table = ON")
        try db.execute(sql: "ALTER TABLE review_shaped RENAME TO review")
        try db.execute(sql: "PRAGMA legacy_alter_table = OFF")
        try db.execute(sql: CompactLog.reviewIndexes)
        try db.execute(sql: CompactLog.reviewAppendOnly)
        try db.execute(sql: ReviewHours.keeping)
        try db.execute(sql: CompactLog.view(named: "review_log", layout: .shaped))
    }

    /// The migration that makes the log view's insert trigger again with
    /// `fits` spelled without constant lists.
    static let comparisonsMigrationName = "log-1-shape-check-comparisons"

    /// Makes the view `review_log` and its insert trigger again from
    /// `CompactLog.view`: a store packed before `isOneOf` keeps the older
    /// spelling of `fits` in its trigger, which accepts and refuses the same
    /// values, so that every store holds the one text jatta makes now.
    /// No row is read or written.
    static func remakeLogView(_ db: Database) throws {
        try db.execute(sql: "DROP VIEW review_log")
        try db.execute(sql: CompactLog.view(named: "review_log", layout: .shaped))
    }

    /// A log entry whose values the shape cannot hold: the migration stops
    /// and the store is reported damaged at that entry (not retried as a
    /// race between two processes would be).
    struct Unfit: Error {
        /// The entry's id in the log.
        var entry: Int64
        /// Its card's key.
        var key: String
    }
}
