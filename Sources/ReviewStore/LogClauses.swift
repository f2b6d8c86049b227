import GRDB

/// SQL conditions on a log entry `e` that several queries share, so the
/// rule each one states lives in one place.
enum LogClauses {
    /// The entry `e` is an answer (`ReviewKind.isAnswer`, the kinds
    /// `AnswerKind` names): it carries a rating and counts towards the
    /// daily limits, the summaries and the statistics. The schema's
    /// summary triggers hold this text, so it never changes spelling.
    static let isAnswer = "e.kind IN ('study', 'quiz', 'override')"

    /// The entry `e` still counts: no later entry undid it.
    static let notUndone = "NOT EXISTS (SELECT 1 FROM review_log u WHERE u.undoes = e.id)"

    /// `notUndone` for a query run once, not kept in the schema: where the
    /// log is kept compact (as `during` tells, by the kept hours that came
    /// after it) the undoing entry is looked up in `review` itself, whose
    /// rows and `undoes` the view `review_log` gives one for one. Naming
    /// the view costs its whole expansion at every compile (SQLite asks
    /// GRDB's authorizer about each of its columns): about a third of a
    /// millisecond at each start, twice. The schema's triggers keep the
    /// view's form, which every layout has.
    static func notUndone(_ db: Database) throws -> String {
        guard try ReviewHours.isKept(db) else { return notUndone }
        return "NOT EXISTS (SELECT 1 FROM review u WHERE u.undoes = e.id)"
    }

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
