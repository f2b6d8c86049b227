import GRDB

/// SQL conditions on a log entry `e` that several queries share, so the
/// rule each one states lives in one place.
enum LogClauses {
    /// The entry `e` still counts: no later entry undid it.
    static let notUndone = "NOT EXISTS (SELECT 1 FROM review_log u WHERE u.undoes = e.id)"

    /// The entry `e` was made in `[start, end)` (`end` nil: from `start`
    /// on), in milliseconds (`ProgressColumns.bound`). The kept hours
    /// (`ReviewHours`) narrow the entries read to a run of ids, with the
    /// times still compared, so the answer is the time comparison's alone;
    /// a store that predates them (opened read-only) compares the times
    /// through its time index.
    static func during(_ db: Database, from start: Int64, to end: Int64? = nil) throws -> String {
        var clause = "e.at >= \(start)"
        if let end { clause += " AND e.at < \(end)" }
        guard try ReviewHours.isKept(db) else { return "(\(clause))" }
        let ids = ReviewHours.idBounds(from: start, to: end)
        return "(\(clause) AND e.id BETWEEN \(ids.low) AND \(ids.high))"
    }
}
