import GRDB

/// Each log entry names its card's previous entry, and each card its last
/// (migration `log-2-previous-entry`), in place of an index of the log by
/// card.
///
/// The index `review_by_card` (one entry per answer) was 11 to 13 MiB of a
/// 111 to 119 MiB store at 1,000,000 answers, and every answer inserted into
/// it at the place of its card, a page of its own among thousands (split
/// now and then) on top of the log's last page. What it served is a walk
/// of one card's entries: the progress before an entry (the progress after
/// the previous one), a card's history, its answers moved in the
/// statistics' summaries when the card changes group, undo. The log is
/// append-only and a card's entries take growing ids, so a card's entries
/// form a chain: `review.prev` names the card's entry before (NULL for its
/// first), three bytes a row, and `log_card.last` the card's newest. The
/// previous entry is one lookup by id instead of a search of the index, and
/// a card's entries are the chain walked back from `last`.
///
/// The chain is kept by a trigger on `review`, so every way of appending (jatta's
/// own `CompactLog.append`, an insert into the `review_log` view) keeps it
/// alike; an entry that does not follow its card's last one (an explicit
/// id below it, a wrong `prev`) is refused, not stored as a broken chain.
enum EntryChain {
    static let migrationName = "log-2-previous-entry"

    /// The id of the last entry of the card `card` (an SQL expression of its
    /// id in `log_card`): what a new entry of it names as `prev`.
    static func lastEntry(ofCard card: String) -> String {
        "(SELECT last FROM log_card WHERE id = \(card))"
    }

    /// A select of the ids of the entries of the cards whose last entries
    /// `heads` selects, each chain walked back from its last entry (the
    /// chains of distinct cards share no entry). Each step goes to a lower
    /// id, so the walk ends even on a chain a hand edit past the triggers
    /// looped (`verify` names it).
    static func entries(from heads: String) -> String {
        """
        WITH RECURSIVE chain(id) AS (\(heads) UNION ALL \
        SELECT r.prev FROM review r JOIN chain ON r.id = chain.id WHERE r.prev < r.id) \
        SELECT id FROM chain
        """
    }

    /// The condition that the entry `e` of `review_log` is one of the card
    /// whose key is `key` (an SQL expression): through the card's chain, or
    /// (not `chained`: a store opened read-only from before the chain)
    /// through the log's index by card.
    static func isEntry(ofKey key: String, chained: Bool = true) -> String {
        chained ? "e.id IN (\(entries(from: "SELECT last FROM log_card WHERE key = \(key)")))" : "e.key = \(key)"
    }

    /// Whether the store's log is chained: every store jatta writes is;
    /// one opened read-only may predate `log-2-previous-entry`.
    static func isChained(_ db: Database) throws -> Bool {
        // A store from before the compact log has no `log_card` at all.
        try Schema.hasTable(db, "log_card") && db.columns(in: "log_card").contains { $0.name == "last" }
    }

    /// The entries whose `prev` is not their card's entry before them, and
    /// the cards whose `last` is not their newest entry (a hand edit past
    /// the triggers), for `verify`; at most 20 of each.
    static func mismatches(_ db: Database) throws -> [String] {
        guard try isChained(db) else { return [] }
        let links = try Int64.fetchAll(
            db,
            sql: """
                SELECT id FROM (SELECT id, prev, lag(id) OVER (PARTITION BY card ORDER BY id) AS before FROM review)
                WHERE prev IS NOT before ORDER BY id LIMIT 20
                """
        ).map { "log chain: entry \($0) does not name its card's entry before it" }
        let heads = try String.fetchAll(
            db,
            sql: """
                SELECT l.key FROM log_card l LEFT JOIN (SELECT card, max(id) AS newest FROM review GROUP BY card) n
                ON n.card = l.id WHERE l.last IS NOT n.newest ORDER BY l.key LIMIT 20
                """
        ).map { "log chain: card \($0) does not name its newest entry" }
        return links + heads
    }

    /// The trigger that keeps the chain: it refuses an entry whose `prev` is
    /// not its card's last entry, or whose id does not come after it, and
    /// makes the entry its card's last.
    static let keeping = """
        CREATE TRIGGER review_chain AFTER INSERT ON review BEGIN
            SELECT RAISE(ABORT, 'a log entry must follow the last entry of its card')
            WHERE NEW.prev IS NOT \(lastEntry(ofCard: "NEW.card")) OR NEW.id <= NEW.prev;
            UPDATE log_card SET last = NEW.id WHERE id = NEW.card;
        END;
        """

    /// The walk of `isEntry(ofKey:)` for a trigger, which SQLite does not
    /// let hold a WITH clause but lets read a view that does: the trigger
    /// empties `log_walk`, puts the card's key in it, reads
    /// `log_walk_entry`, and empties it again.
    static let triggerWalk = """
        CREATE TABLE log_walk (key TEXT NOT NULL);
        CREATE VIEW log_walk_entry AS
        \(entries(from: "SELECT l.last FROM log_card l JOIN log_walk w ON w.key = l.key"));
        """

    /// Rewrites `review` with each entry's `prev` (the greatest id below it
    /// of the same card: what the view derived the progress before from
    /// until now), every column and id kept; sets each card's `last`; drops
    /// the index by card; makes the view, the triggers and the remaining
    /// indexes again over the new table; and moves the statistics'
    /// summaries' group trigger onto the walk.
    static func migrate(_ db: Database) throws {
        try db.execute(sql: "DROP VIEW review_log")
        try db.execute(sql: ReviewShape.table(named: "review_chained", chained: true))
        let kept = """
            id, card, deck, session, at, duration_ms, undoes, shape, stability, difficulty, due_offset,
            last_review_offset, reps, lapses, buried_until
            """
        try db.execute(
            sql: """
                INSERT INTO review_chained (prev, \(kept))
                SELECT lag(id) OVER (PARTITION BY card ORDER BY id), \(kept) FROM review ORDER BY id
                """)
        try db.execute(sql: "DROP TABLE review")
        // Other tables' foreign keys name `review`, the table now dropped;
        // the legacy rename leaves them as they are, naming the new one.
        try db.execute(sql: "PRAGMA legacy_alter_table = ON")
        try db.execute(sql: "ALTER TABLE review_chained RENAME TO review")
        try db.execute(sql: "PRAGMA legacy_alter_table = OFF")
        try db.execute(sql: "ALTER TABLE log_card ADD COLUMN last INTEGER REFERENCES review(id)")
        try db.execute(
            sql: """
                UPDATE log_card SET last = m.last
                FROM (SELECT card, max(id) AS last FROM review GROUP BY card) AS m WHERE m.card = log_card.id
                """)
        try db.execute(sql: CompactLog.reviewIndexesBesideCard)
        try db.execute(sql: CompactLog.reviewAppendOnly)
        try db.execute(sql: ReviewHours.keeping)
        try db.execute(sql: keeping)
        try db.execute(sql: CompactLog.view(named: "review_log", layout: .chained))
        try db.execute(sql: triggerWalk)
        try db.execute(sql: "DROP TRIGGER answer_slot_move_insert")
        try db.execute(sql: AnswerSummaries.moveTrigger(walked: true))
    }
}
