import GRDB

/// Which log entries fall in each hour (migration `store-1-review-hours`),
/// in place of an index of every entry's time.
///
/// The log's time index (`review_by_time`, one entry per answer) was 16 MiB
/// of a 150 MiB store at 1,000,000 answers, and it served only questions
/// about a span of time: today's answers for the daily limits, the new
/// cards an exam's plan saw today, the faces failed this week, the cards
/// answered in a span. Entries are numbered as they are appended, so the
/// entries of a span are, but for a hand-made or imported entry, a run of
/// consecutive ids. `review_hour` keeps, per hour of the entries' times
/// (`at / 3600000`), a range of ids holding every entry of that hour: every
/// entry of a span lies between the smallest first id and the largest last
/// id of the hours the span touches, whatever order the times were
/// appended in, so a query reads that run of ids and keeps the entries
/// whose time is in the span (`LogClauses.during`). A few rows a day
/// instead of one per answer.
///
/// The latest hour is open: its range runs to the log's newest id, so an
/// answer in the hour already begun (nearly every answer) writes nothing
/// here, and costs less than the index entry it replaces. An entry of a
/// later hour closes it (its last id: the newest id before that entry, a
/// range that may be wider than its entries, never narrower) and opens
/// its own; an entry of an earlier hour (appended out of time order)
/// widens that hour's range. jatta's own entries take growing ids, but an
/// insert into the `review_log` view may name its id: an id below the open
/// hour's first widens that hour too, so no way of appending leaves an
/// entry outside its hour's range. Kept by a trigger on `review`, so every
/// way of appending (jatta's own `CompactLog.append`, an insert into the
/// view, a migration) keeps it alike; the log is append-only, so a range
/// only widens.
enum ReviewHours {
    /// Milliseconds in one row's span.
    static let width: Int64 = 3_600_000

    static let migrationName = "store-1-review-hours"

    /// The hour of the time `at` (an SQL expression) as an integer, also
    /// for a time a hand-edited store holds as a real: `at / width` would
    /// then be a real, which the hour's integer key refuses (and the store
    /// could not be opened). CAST truncates toward zero, as the integer
    /// division of `idBounds` does.
    static func hour(_ at: String) -> String { "CAST(\(at) / \(width) AS INTEGER)" }

    /// The trigger that keeps the hours as entries are appended to `review`.
    static let keeping = """
        CREATE TRIGGER review_hour_insert AFTER INSERT ON review
        WHEN \(hour("NEW.at")) IS NOT (SELECT max(hour) FROM review_hour)
            OR NEW.id < (SELECT first_id FROM review_hour ORDER BY hour DESC LIMIT 1) BEGIN
            UPDATE review_hour
            SET last_id = max(last_id, (SELECT id FROM review WHERE id <> NEW.id ORDER BY id DESC LIMIT 1))
            WHERE hour = (SELECT max(hour) FROM review_hour) AND hour < \(hour("NEW.at"));
            INSERT INTO review_hour (hour, first_id, last_id) VALUES (\(hour("NEW.at")), NEW.id, NEW.id)
            ON CONFLICT (hour) DO UPDATE SET first_id = min(first_id, excluded.first_id),
                last_id = max(last_id, excluded.last_id);
        END;
        """

    static let migration = """
        CREATE TABLE review_hour (
            hour INTEGER PRIMARY KEY,
            first_id INTEGER NOT NULL,
            last_id INTEGER NOT NULL
        );
        INSERT INTO review_hour (hour, first_id, last_id)
        SELECT \(hour("at")), min(id), max(id) FROM review GROUP BY 1;
        \(keeping)
        DROP INDEX review_by_time;
        """

    /// Adds the table, fills it from the log, keeps it from then on, and
    /// drops the time index it replaces.
    static func migrate(_ db: Database) throws {
        try db.execute(sql: migration)
    }

    /// Whether the store keeps the hours: a store opened read-only may
    /// predate them (its migration could not run) and still has the time
    /// index.
    static func isKept(_ db: Database) throws -> Bool { try Schema.hasTable(db, "review_hour") }

    /// The last id of the range of the `review_hour` row in scope: the
    /// newest id for the open (latest) hour.
    static let rangeEnd = "CASE WHEN hour = (SELECT max(hour) FROM review_hour) THEN (SELECT max(id) FROM review) ELSE last_id END"

    /// Entries outside their hour's range: empty when the kept hours hold
    /// every entry (`ProgressStore.verify`).
    static func mismatches(_ db: Database) throws -> [String] {
        guard try isKept(db) else { return [] }
        return try Int64.fetchAll(
            db,
            sql: """
                SELECT r.id FROM review r LEFT JOIN (SELECT hour, first_id, \(rangeEnd) AS last FROM review_hour) h
                ON h.hour = \(hour("r.at"))
                WHERE h.hour IS NULL OR r.id NOT BETWEEN h.first_id AND h.last ORDER BY r.id LIMIT 20
                """
        ).map { "kept hours: log entry \($0) lies outside its hour's range" }
    }

    /// The ids between which every entry with a time in `[start, end)` lies
    /// (`end` nil: no end), as SQL of two scalar sub-queries: an empty range
    /// (1 to 0) when no entry is in those hours; the open hour's range ends
    /// at the newest id. SQLite's `/` truncates toward zero, as Swift's
    /// does, so the hours are the trigger's.
    static func idBounds(from start: Int64, to end: Int64?) -> (low: String, high: String) {
        var hours = "hour >= \(start / width)"
        if let end { hours += " AND hour <= \((max(end, .min + 1) - 1) / width)" }
        return (
            "(SELECT coalesce(min(first_id), 1) FROM review_hour WHERE \(hours))",
            "(SELECT coalesce(max(\(rangeEnd)), 0) FROM review_hour WHERE \(hours))"
        )
    }
}
