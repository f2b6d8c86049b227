/// SQL conditions on a log entry `e` that several queries share, so the
/// rule each one states lives in one place.
enum LogClauses {
    /// The entry `e` still counts: no later entry undid it.
    static let notUndone = "NOT EXISTS (SELECT 1 FROM review_log u WHERE u.undoes = e.id)"
}
