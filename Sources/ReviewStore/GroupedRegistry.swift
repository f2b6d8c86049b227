import GRDB

/// The registry stored by group (migration `store-3-grouped-registry`,
/// issue 20: the store at Anki's size). Every registry row held its deck
/// file's whole path (about 40 bytes) and its level, and the deck index
/// `card_by_deck` held them again: 12 MiB of a 125 MiB store at 100,000
/// cards. A row of `registry` names its group instead (`card_group.id`:
/// the deck file and level, kept by the counts' triggers since
/// `queue-1-kept-counts`), one byte or two.
///
/// `card` is now a view with the table's columns, so every query that
/// read the registry reads it as before. Its deck file and level are
/// scalar subqueries on the group, not a join: SQLite 3.40 does not
/// flatten a view that is a join into the right side of a LEFT JOIN, and
/// an answer's look-up (`registrationAndProgress`) would have read every
/// row. A question by deck file scans `card_by_deck` (the registry's
/// group index, a few MiB); the ones on a hot path ask by group.
///
/// Writes to the view go through its INSTEAD OF triggers (a new group
/// made first, as the counts' triggers made it), and the registry's own
/// triggers keep the groups' totals, the state rows' groups, the answers'
/// summaries and the fingerprints as the triggers on the table did.
/// Renaming a group (`ProgressStore.respell`) now renames its cards with
/// it, without a write to their rows.
enum GroupedRegistry {
    static let migrationName = "store-3-grouped-registry"

    /// Whether the registry is stored by group: a store opened read-only
    /// may predate the migration, and its `card` is still the table.
    static func isGrouped(_ db: Database) throws -> Bool { try Schema.hasTable(db, "registry") }

    /// The table, its indexes and the view with the first layout's columns.
    static let table = """
        CREATE TABLE registry (
            key TEXT NOT NULL PRIMARY KEY,
            grp INTEGER NOT NULL REFERENCES card_group(id),
            prompt TEXT NOT NULL,
            first_seen INTEGER NOT NULL,
            answered INTEGER NOT NULL DEFAULT 0
        ) WITHOUT ROWID;
        """

    static let indexesAndView = """
        CREATE INDEX card_by_deck ON registry(grp, answered);
        CREATE INDEX card_new ON registry(first_seen, key, answered) WHERE answered = 0;
        CREATE VIEW card AS SELECT r.key AS key,
            (SELECT g.deck_file FROM card_group g WHERE g.id = r.grp) AS deck_file,
            r.prompt AS prompt,
            (SELECT nullif(g.level_key, '') FROM card_group g WHERE g.id = r.grp) AS level,
            r.first_seen AS first_seen, r.answered AS answered
        FROM registry r;
        """

    /// A card that has answers in the log (their summaries follow its group).
    private static func answered(_ row: String) -> String {
        "EXISTS (SELECT 1 FROM log_card WHERE key = \(row).key)"
    }

    /// The triggers: the view's writes, and what the table's triggers kept
    /// (`KeptCounts`, `AnswerSummaries.groupTriggers`, the fingerprints).
    static let triggers = """
        CREATE TRIGGER card_insert INSTEAD OF INSERT ON card BEGIN
        \(KeptCounts.makeGroup("NEW"))
        INSERT INTO registry (key, grp, prompt, first_seen, answered)
        VALUES (NEW.key, \(KeptCounts.groupOf("NEW")), NEW.prompt, NEW.first_seen,
            coalesce(NEW.answered, 0));
        END;
        CREATE TRIGGER card_update INSTEAD OF UPDATE ON card BEGIN
        \(KeptCounts.makeGroup("NEW"))
        UPDATE registry SET key = NEW.key, grp = \(KeptCounts.groupOf("NEW")),
            prompt = NEW.prompt, first_seen = NEW.first_seen, answered = NEW.answered
        WHERE key = OLD.key;
        END;
        CREATE TRIGGER card_delete INSTEAD OF DELETE ON card BEGIN
        DELETE FROM registry WHERE key = OLD.key;
        END;

        CREATE TRIGGER registry_counts_insert AFTER INSERT ON registry BEGIN
        UPDATE card_group SET total = total + 1, answered = answered + NEW.answered WHERE id = NEW.grp;
        UPDATE card_state SET grp = NEW.grp WHERE key = NEW.key;
        END;
        CREATE TRIGGER registry_counts_delete AFTER DELETE ON registry BEGIN
        UPDATE card_group SET total = total - 1, answered = answered - OLD.answered WHERE id = OLD.grp;
        UPDATE card_state SET grp = NULL WHERE key = OLD.key;
        END;
        CREATE TRIGGER registry_counts_update AFTER UPDATE OF key, grp, answered ON registry
        WHEN OLD.key IS NOT NEW.key OR OLD.grp IS NOT NEW.grp OR OLD.answered IS NOT NEW.answered BEGIN
        UPDATE card_group SET total = total - 1, answered = answered - OLD.answered WHERE id = OLD.grp;
        UPDATE card_group SET total = total + 1, answered = answered + NEW.answered WHERE id = NEW.grp;
        UPDATE card_state SET grp = NULL WHERE (OLD.key IS NOT NEW.key OR OLD.grp IS NOT NEW.grp) AND key = OLD.key;
        UPDATE card_state SET grp = NEW.grp WHERE (OLD.key IS NOT NEW.key OR OLD.grp IS NOT NEW.grp) AND key = NEW.key;
        END;

        CREATE TRIGGER registry_slots_insert AFTER INSERT ON registry WHEN \(answered("NEW")) BEGIN
        INSERT INTO answer_slot_move VALUES (NEW.key, 0, NEW.grp);
        END;
        CREATE TRIGGER registry_slots_delete AFTER DELETE ON registry WHEN \(answered("OLD")) BEGIN
        INSERT INTO answer_slot_move VALUES (OLD.key, OLD.grp, 0);
        END;
        CREATE TRIGGER registry_slots_regroup AFTER UPDATE OF grp ON registry
        WHEN OLD.key IS NEW.key AND OLD.grp IS NOT NEW.grp AND \(answered("NEW")) BEGIN
        INSERT INTO answer_slot_move VALUES (NEW.key, OLD.grp, NEW.grp);
        END;
        CREATE TRIGGER registry_slots_rekey AFTER UPDATE OF key ON registry
        WHEN OLD.key IS NOT NEW.key AND (\(answered("OLD")) OR \(answered("NEW"))) BEGIN
        INSERT INTO answer_slot_move VALUES (OLD.key, OLD.grp, 0);
        INSERT INTO answer_slot_move VALUES (NEW.key, 0, NEW.grp);
        END;

        CREATE TRIGGER registered_deck_card_left AFTER UPDATE OF grp ON registry
        WHEN (SELECT deck_file FROM card_group WHERE id = OLD.grp) IS NOT (SELECT deck_file FROM card_group WHERE id = NEW.grp) BEGIN
            DELETE FROM registered_deck WHERE deck_file = (SELECT deck_file FROM card_group WHERE id = OLD.grp);
        END;
        """

    /// Copies the registry into `registry` by group and puts the view in
    /// the table's place. Every row keeps its key, prompt, first sighting
    /// and `answered`; its deck file and level come back through its group.
    /// A level of the empty text, which jatta never writes (only a hand
    /// edit makes one), comes back as no level: its group is already the
    /// group of no level, so nothing the counts or summaries keep changes,
    /// and a store so edited still opens.
    static func migrate(_ db: Database) throws {
        // Every card's group exists (the counts' triggers made it); one
        // missing is made with the cards it counts.
        try db.execute(
            sql: """
                INSERT INTO card_group (deck_file, level_key, total, answered)
                SELECT c.deck_file, coalesce(c.level, ''), count(*), sum(c.answered) FROM card c
                WHERE NOT EXISTS (SELECT 1 FROM card_group g WHERE \(KeptCounts.sameGroup))
                GROUP BY 1, 2
                """)
        try db.execute(sql: table)
        try db.execute(
            sql: """
                INSERT INTO registry (key, grp, prompt, first_seen, answered)
                SELECT c.key, g.id, c.prompt, c.first_seen, c.answered
                FROM card c JOIN card_group g ON \(KeptCounts.sameGroup) ORDER BY c.key
                """)
        let (before, after) = (
            try Int.fetchOne(db, sql: "SELECT count(*) FROM card") ?? 0,
            try Int.fetchOne(db, sql: "SELECT count(*) FROM registry") ?? 0
        )
        guard before == after else {
            throw DatabaseError(
                resultCode: .SQLITE_CORRUPT, message: "the registry's \(before) rows became \(after) in their groups")
        }
        try db.execute(sql: "DROP TABLE card")
        try db.execute(sql: indexesAndView)
        try db.execute(sql: triggers)
    }
}

/// A deck file and level as a registration names them: what a group of
/// the registry is (`card_group`, `GroupedRegistry`).
struct RegistryGroupName: Hashable {
    /// The deck file's stored name.
    var deckFile: String
    /// The level as bound to SQL (NULL for none).
    var level: DatabaseValue
}
