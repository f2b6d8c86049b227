import GRDB

/// The statistics' copy of the registered cards in two small tables, kept
/// by triggers on the registry (`card`) and the states (`card_state`), so
/// `jatta stats` and the statistics screen read one narrow table in one
/// pass instead of stepping the registry (whose pages also hold every
/// prompt) and the states side by side (docs/stats.md):
///
/// - `stats_group`: each deck file and level met, numbered, with how many
///   registered cards it has now (a course has a few dozen; a pair is
///   never renumbered, and may come to have none);
/// - `stats_card`: per registered card that has a state row (answered, or
///   flagged), its key, its pair's number and the ten progress columns of
///   its state. A registered card without one is new, and only counted.
///
/// Triggers, not the recording code, keep them: every path that registers
/// a card, moves it to another deck file or level, answers, undoes,
/// suspends or rebuilds the states changes them in the same statement,
/// whoever wrote that path. What they should hold is said once (the view
/// `stats_card_source`, `expectedCounts`): to keep them, to build them
/// for an existing store and to check them (`mismatches`).
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
        INSERT INTO stats_group (deck_file, level, cards) SELECT \(source).deck_file, \(source).level, 0
            WHERE NOT EXISTS (SELECT 1 FROM stats_group g WHERE g.deck_file = \(source).deck_file AND g.level IS \(source).level);
        """
    }

    /// Adds `change` to the count of the pair of `source`.
    private static func count(_ source: String, _ change: String) -> String {
        "UPDATE stats_group SET cards = cards \(change) WHERE id = \(groupOf(source));"
    }

    /// The columns of `stats_card` and of its view, in order.
    private static let cardColumns = "key, grp, " + progressColumns.joined(separator: ", ")

    /// Sets the row of registered card `key` from the view: none when it
    /// has no state. A DELETE and an INSERT, not INSERT OR REPLACE: in a
    /// trigger, the statement that fired it decides what a conflict does.
    /// (A card just registered has no row to delete: the row goes when
    /// its registry row goes, so registering copies without this.)
    private static func setCard(_ key: String) -> String {
        """
        DELETE FROM stats_card WHERE key = \(key);
        INSERT INTO stats_card (\(cardColumns)) SELECT \(cardColumns) FROM stats_card_source WHERE key = \(key);
        """
    }

    /// The tables, the view saying what `stats_card` should hold (every
    /// registered card with a state row: the triggers copy a card's row
    /// from it, the migration all of them, `verify` compares), and the
    /// triggers; `rebuild` fills the tables. `stats_group` has no index:
    /// a course's few dozen pairs fit in one page.
    static let schema = """
        CREATE TABLE stats_group (
            id INTEGER PRIMARY KEY,
            deck_file TEXT NOT NULL,
            level INTEGER,
            cards INTEGER NOT NULL
        );
        CREATE TABLE stats_card (
            key TEXT NOT NULL PRIMARY KEY,
            grp INTEGER NOT NULL REFERENCES stats_group(id),
            state INTEGER, step INTEGER, stability REAL, difficulty REAL,
            due INTEGER, last_review INTEGER, reps INTEGER, lapses INTEGER,
            suspended INTEGER NOT NULL, buried_until INTEGER
        ) WITHOUT ROWID;
        CREATE VIEW stats_card_source (\(cardColumns)) AS
            SELECT c.key, \(groupOf("c")), \(progressColumns.map { "s.\($0)" }.joined(separator: ", "))
            FROM card c JOIN card_state s ON s.key = c.key;
        CREATE TRIGGER stats_card_registered AFTER INSERT ON card BEGIN
            \(addGroup("NEW"))
            \(count("NEW", "+ 1"))
            INSERT INTO stats_card (\(cardColumns)) SELECT \(cardColumns) FROM stats_card_source WHERE key = NEW.key;
        END;
        CREATE TRIGGER stats_card_moved AFTER UPDATE OF key, deck_file, level ON card
        WHEN NEW.key IS NOT OLD.key OR NEW.deck_file IS NOT OLD.deck_file OR NEW.level IS NOT OLD.level BEGIN
            \(addGroup("NEW"))
            \(count("OLD", "- 1"))
            \(count("NEW", "+ 1"))
            DELETE FROM stats_card WHERE key = OLD.key;
            \(setCard("NEW.key"))
        END;
        CREATE TRIGGER stats_card_unregistered AFTER DELETE ON card BEGIN
            \(count("OLD", "- 1"))
            DELETE FROM stats_card WHERE key = OLD.key;
        END;
        CREATE TRIGGER stats_card_state_added AFTER INSERT ON card_state BEGIN
            \(setCard("NEW.key"))
        END;
        CREATE TRIGGER stats_card_state_changed AFTER UPDATE ON card_state BEGIN
            DELETE FROM stats_card WHERE key = OLD.key;
            \(setCard("NEW.key"))
        END;
        CREATE TRIGGER stats_card_state_removed AFTER DELETE ON card_state BEGIN
            DELETE FROM stats_card WHERE key = OLD.key;
        END;
        """

    /// What `stats_group.cards` should be: the registered cards of each pair.
    private static let expectedCounts = """
        SELECT g.id, (SELECT count(*) FROM card c WHERE c.deck_file = g.deck_file AND c.level IS g.level)
        FROM stats_group g
        """

    /// The registered cards whose keys are in the JSON array bound to
    /// `?`, counted per pair: pair number, count.
    static let registeredOfKeys = """
        SELECT \(groupOf("c")), count(*) FROM card c WHERE c.key IN (SELECT value FROM json_each(?))
        GROUP BY c.deck_file, c.level
        """

    /// Fills the tables from the registry and the states (the migration,
    /// for a store recorded before them).
    static func rebuild(_ db: Database) throws {
        try db.execute(sql: "DELETE FROM stats_card")
        try db.execute(
            sql: """
                INSERT INTO stats_group (deck_file, level, cards)
                SELECT DISTINCT c.deck_file, c.level, 0 FROM card c
                WHERE NOT EXISTS (SELECT 1 FROM stats_group g WHERE g.deck_file = c.deck_file AND g.level IS c.level)
                """)
        try db.execute(
            sql: """
                UPDATE stats_group SET cards = counted.cards
                FROM (SELECT deck_file, level, count(*) AS cards FROM card GROUP BY deck_file, level) AS counted
                WHERE counted.deck_file = stats_group.deck_file AND counted.level IS stats_group.level
                """)
        try db.execute(sql: "INSERT INTO stats_card (\(cardColumns)) SELECT \(cardColumns) FROM stats_card_source")
    }

    /// Whether the store keeps the tables: a store opened read-only may
    /// predate them (its migration could not run), and is read as before.
    static func isKept(_ db: Database) throws -> Bool { try db.tableExists("stats_card") }

    /// What differs between the kept tables and the registry and states:
    /// empty when they agree (`ProgressStore.verify`).
    static func mismatches(_ db: Database) throws -> [String] {
        guard try isKept(db) else { return [] }
        let kept = "SELECT \(cardColumns) FROM stats_card"
        let expectedCards = "SELECT \(cardColumns) FROM stats_card_source"
        func first(_ sql: String) throws -> [String] {
            try String.fetchAll(db, sql: "SELECT * FROM (\(sql)) ORDER BY 1 LIMIT 20")
        }
        let keptCounts = "SELECT id, cards FROM stats_group"
        return try first("SELECT key FROM (\(kept) EXCEPT \(expectedCards))").map {
            "card \($0): statistics summary differs from its state"
        }
            + first("SELECT key FROM (\(expectedCards) EXCEPT \(kept))").map {
                "card \($0): statistics summary lacks its state"
            }
            + first("SELECT id FROM (\(keptCounts) EXCEPT \(expectedCounts))").map {
                "statistics summary: registered cards of pair \($0) miscounted"
            }
    }
}
