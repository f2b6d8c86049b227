import GRDB

/// What the home screen's counts per deck file and level are read from
/// (issue 20; migration `queue-1-kept-counts`), so that
/// `counts(dueBy:now:)` reads a few summary rows and index ranges instead of
/// every card:
///
/// - `card_group`: one row per deck file and level of the registry, with
///   its registered and answered cards, kept by triggers on `card`.
/// - `card_state.grp`: the group of each state row's card, set when the row
///   is made and when its card moves to another deck or level (both rare),
///   so an answer touches no summary at all: keeping a summary row per
///   answer cost more than half of an answer's CPU time again.
/// - `card_state_by_due` covers every column of a schedule and the group:
///   the cards due today are counted per group, and today's reviews read
///   with their schedules, in index order without a lookup per card
///   (half of a 9,999-card queue); about 3 MB more at 100,000 cards.
/// - `card_state_hidden`: the few suspended and buried rows, for those
///   counts and for leaving hidden new cards out of the new-card queue.
///
/// A group's level is stored as `level_key`: the level, or '' for none (a
/// text never equals an integer, and NULLs never conflict in a UNIQUE key).
/// A state row whose card is not registered has no group, as in a join.
enum KeptCounts {
    /// Whether the group row `g` is the group of the registry row `c`:
    /// the one rule joining a card to its deck file and level.
    static let sameGroup = "g.deck_file = c.deck_file AND g.level_key = coalesce(c.level, '')"

    /// The group of the registry row `row` ("NEW" or "OLD" in a trigger).
    static func groupOf(_ row: String) -> String { groupOf(deckFile: "\(row).deck_file", level: "\(row).level") }

    /// The number of the group of deck file `deckFile` and level `level`
    /// (SQL expressions): the one rule naming a group, which a registry
    /// row stored by group (`GroupedRegistry`) holds.
    static func groupOf(deckFile: String, level: String) -> String {
        "(SELECT id FROM card_group WHERE deck_file = \(deckFile) AND level_key = coalesce(\(level), ''))"
    }

    /// Makes the group of the registry row `row` if it is new (a trigger
    /// that needs the group to exist, whichever trigger fires first).
    static func makeGroup(_ row: String) -> String { makeGroup(deckFile: "\(row).deck_file", level: "\(row).level") }

    /// Makes the group of deck file `deckFile` and level `level` (SQL
    /// expressions) if it is new.
    static func makeGroup(deckFile: String, level: String) -> String {
        """
        INSERT INTO card_group (deck_file, level_key, total, answered)
        SELECT \(deckFile), coalesce(\(level), ''), 0, 0 WHERE \(groupOf(deckFile: deckFile, level: level)) IS NULL;
        """
    }

    /// Adds (`sign` "+") or takes away ("-") the registry row `row` in its
    /// group's totals, making the group first if it is new.
    static func totals(sign: String, row: String) -> String {
        """
        \(makeGroup(row))
        UPDATE card_group SET total = total \(sign) 1, answered = answered \(sign) \(row).answered
        WHERE id = \(groupOf(row));
        """
    }

    /// Whether an update of a registry row moves it to another group.
    static let groupChanged = "(OLD.key IS NOT NEW.key OR OLD.deck_file IS NOT NEW.deck_file OR OLD.level IS NOT NEW.level)"

    static let migration = """
        CREATE TABLE card_group (
            id INTEGER PRIMARY KEY,
            deck_file TEXT NOT NULL,
            level_key NOT NULL,
            total INTEGER NOT NULL,
            answered INTEGER NOT NULL,
            UNIQUE (deck_file, level_key)
        );
        ALTER TABLE card_state ADD COLUMN grp INTEGER;
        CREATE INDEX card_state_hidden ON card_state(key) WHERE suspended = 1 OR buried_until IS NOT NULL;
        DROP INDEX card_state_by_due;
        CREATE INDEX card_state_by_due ON card_state(
            due, key, grp, state, step, stability, difficulty, last_review, reps, lapses, suspended, buried_until
        ) WHERE state IS NOT NULL AND suspended = 0;

        INSERT INTO card_group (deck_file, level_key, total, answered)
        SELECT deck_file, coalesce(level, ''), count(*), sum(answered) FROM card GROUP BY 1, 2;
        UPDATE card_state SET grp = (
            SELECT g.id FROM card c JOIN card_group g ON \(sameGroup)
            WHERE c.key = card_state.key);

        CREATE TRIGGER card_counts_insert AFTER INSERT ON card BEGIN
        \(totals(sign: "+", row: "NEW"))
        UPDATE card_state SET grp = \(groupOf("NEW")) WHERE key = NEW.key;
        END;
        CREATE TRIGGER card_counts_delete AFTER DELETE ON card BEGIN
        \(totals(sign: "-", row: "OLD"))
        UPDATE card_state SET grp = NULL WHERE key = OLD.key;
        END;
        CREATE TRIGGER card_counts_update AFTER UPDATE OF key, deck_file, level, answered ON card
        WHEN \(groupChanged) OR OLD.answered IS NOT NEW.answered BEGIN
        \(totals(sign: "-", row: "OLD"))
        \(totals(sign: "+", row: "NEW"))
        UPDATE card_state SET grp = NULL WHERE \(groupChanged) AND key = OLD.key;
        UPDATE card_state SET grp = \(groupOf("NEW")) WHERE \(groupChanged) AND key = NEW.key;
        END;
        CREATE TRIGGER card_state_counts_insert AFTER INSERT ON card_state BEGIN
        UPDATE card_state SET grp = (
            SELECT g.id FROM card c JOIN card_group g ON \(sameGroup)
            WHERE c.key = NEW.key)
        WHERE key = NEW.key;
        END;
        CREATE TRIGGER card_state_counts_rekey AFTER UPDATE OF key ON card_state WHEN OLD.key IS NOT NEW.key BEGIN
        UPDATE card_state SET grp = (
            SELECT g.id FROM card c JOIN card_group g ON \(sameGroup)
            WHERE c.key = NEW.key)
        WHERE key = NEW.key;
        END;
        """

    /// Adds the group table, the state rows' groups and the indexes, fills
    /// them from the registry and the state as they are, and adds the
    /// triggers that keep them from then on.
    static func migrate(_ db: Database) throws {
        try db.execute(sql: migration)
    }
}

extension KeptCounts {
    /// Whether the store keeps the groups: a store opened read-only may
    /// predate them (its migration could not run), and is read as before.
    static func isKept(_ db: Database) throws -> Bool { try Schema.hasTable(db, "card_group") }

    /// The groups with their registered cards: number, deck file, level
    /// (NULL for none, as the registry writes it), cards.
    static let groupsWithLevel = "SELECT id, deck_file, nullif(level_key, ''), total FROM card_group"

    /// The group of each registry row `c`, joined.
    private static let registryGroups = """
        card c JOIN card_group g ON \(sameGroup)
        """

    /// The registered cards whose keys are in the JSON array bound to
    /// `?`, counted per group: group number, count.
    static let registeredOfKeys = """
        SELECT g.id, count(*) FROM \(registryGroups) WHERE c.key IN (SELECT value FROM json_each(?)) GROUP BY g.id
        """

    /// What differs between the kept groups and the registry and states:
    /// empty when they agree (`ProgressStore.verify`).
    static func mismatches(_ db: Database) throws -> [String] {
        guard try isKept(db) else { return [] }
        func first(_ sql: String) throws -> [String] {
            try String.fetchAll(db, sql: "SELECT * FROM (\(sql)) ORDER BY 1 LIMIT 20")
        }
        let kept = "SELECT id, total, answered FROM card_group WHERE total <> 0 OR answered <> 0"
        let expected = "SELECT g.id, count(*), sum(c.answered) FROM \(registryGroups) GROUP BY g.id"
        return try first(
            "SELECT id FROM (\(kept) EXCEPT \(expected)) UNION SELECT id FROM (\(expected) EXCEPT \(kept))"
        ).map { "kept counts: the cards of group \($0) are miscounted" }
            + first(
                """
                SELECT s.key FROM card_state s LEFT JOIN card c ON c.key = s.key
                LEFT JOIN card_group g ON \(sameGroup)
                WHERE s.grp IS NOT g.id
                """
            ).map { "card \($0): its state row names another group than its deck file and level" }
            + (try GroupedRegistry.isGrouped(db)
                ? first(
                    """
                    SELECT 'card ' || quote(key) || ': its group ' || quote(grp) || ' does not exist' FROM registry r
                    WHERE NOT EXISTS (SELECT 1 FROM card_group g WHERE g.id = r.grp)
                    """
                )
                : first(
                    """
                    SELECT 'kept counts: no group for ' || deck_file || ' ' || coalesce(level, '') FROM card c
                    WHERE NOT EXISTS (SELECT 1 FROM card_group g WHERE \(sameGroup))
                    """
                ))
    }
}
