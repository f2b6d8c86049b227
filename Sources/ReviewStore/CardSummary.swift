import GRDB

/// The statistics' copy of every registered card in one narrow table, kept
/// by triggers on the registry (`card`) and the states (`card_state`), so
/// `jatta stats` and the statistics screen read one small table in one
/// pass instead of stepping the registry (whose pages also hold every
/// prompt) and the states side by side (docs/stats.md):
///
/// - `stats_group`: each deck file and level met, numbered (a course has a
///   few dozen); a pair is never renumbered, so a number may name a pair
///   no card has any more;
/// - `stats_card`: per registered card, its key, its pair's number, and the
///   ten progress columns of its `card_state` row, all NULL when it has
///   none (never answered nor flagged: `suspended`, NOT NULL in
///   `card_state`, is NULL only then).
///
/// Triggers, not the recording code, keep it: every path that registers a
/// card, moves it to another deck file or level, answers, undoes, suspends
/// or rebuilds the states changes it in the same statement, whoever wrote
/// that path. What a row should be is said once (`expectedRows`): to build
/// the table for an existing store and to check it (`mismatches`).
enum CardSummary {
    /// The progress columns copied from `card_state`, in `ProgressColumns` order.
    static let progressColumns = ProgressColumns.names()

    /// The pair number of `deck_file`/`level` (of the row `source`).
    private static func groupOf(_ source: String) -> String {
        "(SELECT g.id FROM stats_group g WHERE g.deck_file = \(source).deck_file AND g.level IS \(source).level)"
    }

    /// Numbers the deck file and level of `source` if they are new.
    private static func addGroup(_ source: String) -> String {
        """
        INSERT INTO stats_group (deck_file, level) SELECT \(source).deck_file, \(source).level
            WHERE NOT EXISTS (SELECT 1 FROM stats_group g WHERE g.deck_file = \(source).deck_file AND g.level IS \(source).level);
        """
    }

    /// The summary row of the registered card `source` (a row of `card`
    /// or a trigger's NEW), with the state it has now.
    private static func rowOfCard(_ source: String) -> String {
        let columns = progressColumns.map { "s.\($0)" }.joined(separator: ", ")
        return """
            SELECT \(source).key, \(groupOf(source)), \(columns)
            FROM (SELECT 1) LEFT JOIN card_state s ON s.key = \(source).key
            """
    }

    private static let insertColumns = "key, grp, " + progressColumns.joined(separator: ", ")

    /// Sets the progress columns of `key`'s row to those of `source` (a
    /// trigger's NEW, or NULLs when `source` is nil: the state was deleted).
    private static func setProgress(key: String, from source: String?) -> String {
        let values = progressColumns.map { column in source.map { "\($0).\(column)" } ?? "NULL" }
            .joined(separator: ", ")
        return "UPDATE stats_card SET (\(progressColumns.joined(separator: ", "))) = (\(values)) WHERE key = \(key);"
    }

    /// The tables and the triggers that keep them; `rebuild` fills them.
    static let schema = """
        CREATE TABLE stats_group (
            id INTEGER PRIMARY KEY,
            deck_file TEXT NOT NULL,
            level INTEGER
        );
        CREATE INDEX stats_group_by_name ON stats_group(deck_file, level);
        CREATE TABLE stats_card (
            key TEXT NOT NULL PRIMARY KEY,
            grp INTEGER NOT NULL REFERENCES stats_group(id),
            state INTEGER, step INTEGER, stability REAL, difficulty REAL,
            due INTEGER, last_review INTEGER, reps INTEGER, lapses INTEGER,
            suspended INTEGER, buried_until INTEGER
        ) WITHOUT ROWID;
        CREATE TRIGGER stats_card_registered AFTER INSERT ON card BEGIN
            \(addGroup("NEW"))
            INSERT INTO stats_card (\(insertColumns)) \(rowOfCard("NEW"));
        END;
        CREATE TRIGGER stats_card_moved AFTER UPDATE OF key, deck_file, level ON card
        WHEN NEW.key IS NOT OLD.key OR NEW.deck_file IS NOT OLD.deck_file OR NEW.level IS NOT OLD.level BEGIN
            \(addGroup("NEW"))
            DELETE FROM stats_card WHERE key = OLD.key;
            INSERT INTO stats_card (\(insertColumns)) \(rowOfCard("NEW"));
        END;
        CREATE TRIGGER stats_card_unregistered AFTER DELETE ON card BEGIN
            DELETE FROM stats_card WHERE key = OLD.key;
        END;
        CREATE TRIGGER stats_card_state_added AFTER INSERT ON card_state BEGIN
            \(setProgress(key: "NEW.key", from: "NEW"))
        END;
        CREATE TRIGGER stats_card_state_changed AFTER UPDATE ON card_state BEGIN
            \(setProgress(key: "OLD.key AND OLD.key IS NOT NEW.key", from: nil))
            \(setProgress(key: "NEW.key", from: "NEW"))
        END;
        CREATE TRIGGER stats_card_state_removed AFTER DELETE ON card_state BEGIN
            \(setProgress(key: "OLD.key", from: nil))
        END;
        """

    /// What `stats_card` should hold: every registered card with its state.
    private static let expectedRows = """
        SELECT c.key, \(groupOf("c")), \(progressColumns.map { "s.\($0)" }.joined(separator: ", "))
        FROM card c LEFT JOIN card_state s ON s.key = c.key
        """

    /// Fills the tables from the registry and the states (the migration,
    /// for a store recorded before them).
    static func rebuild(_ db: Database) throws {
        try db.execute(sql: "DELETE FROM stats_card")
        try db.execute(
            sql: """
                INSERT INTO stats_group (deck_file, level)
                SELECT DISTINCT c.deck_file, c.level FROM card c
                WHERE NOT EXISTS (SELECT 1 FROM stats_group g WHERE g.deck_file = c.deck_file AND g.level IS c.level)
                """)
        try db.execute(sql: "INSERT INTO stats_card (\(insertColumns)) \(expectedRows)")
    }

    /// Whether the store keeps the table: a store opened read-only may
    /// predate it (its migration could not run), and is read as before.
    static func isKept(_ db: Database) throws -> Bool { try db.tableExists("stats_card") }

    /// What differs between `stats_card` and the registry and states:
    /// empty when they agree (`ProgressStore.verify`).
    static func mismatches(_ db: Database) throws -> [String] {
        guard try isKept(db) else { return [] }
        let kept = "SELECT \(insertColumns) FROM stats_card"
        func keys(_ sql: String) throws -> [String] {
            try String.fetchAll(db, sql: "SELECT key FROM (\(sql)) ORDER BY key LIMIT 20")
        }
        return try keys("\(kept) EXCEPT \(expectedRows)").map { "card \($0): statistics summary differs from its state" }
            + keys("\(expectedRows) EXCEPT \(kept)").map { "card \($0): statistics summary lacks its state" }
    }
}
