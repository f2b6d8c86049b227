import Foundation

/// The session's daily limits and timing rules.
public struct StudyLimits: Hashable, Sendable {
    /// New faces introduced per day (Anki's default, 20).
    public var newPerDay: Int
    /// New faces allowed today on top of `newPerDay`: custom study's
    /// "extra new cards today", kept for the study day (`ExtraNewToday`)
    /// and gone at the rollover.
    public var extraNewToday = 0
    /// Reviews per day.
    public var reviewsPerDay: Int
    /// How early a learning card may come back when nothing else is left
    /// (Anki's "learn ahead limit", 20 minutes).
    public var learnAhead: TimeInterval
    /// Whether exams ahead pace the new faces (no `--new-limit` given):
    /// then a session on some decks gets what their own exams' plans leave
    /// for today (`TrainerState.newRoom(decks:)`), not `newPerDay`, the sum
    /// over every exam.
    public var pacedByExams = false
    /// New faces a day for decks without an exam: Anki's default.
    public static let ordinaryNewPerDay = 20

    /// New faces still allowed today after `studiedToday` were introduced:
    /// the queue takes at most this many, and the home screen says so.
    public func newRoom(studiedToday: Int) -> Int {
        max(0, newPerDay + max(0, extraNewToday) - studiedToday)
    }

    public init(newPerDay: Int = StudyLimits.ordinaryNewPerDay, reviewsPerDay: Int = 200, learnAhead: TimeInterval = 20 * 60) {
        self.newPerDay = newPerDay
        self.reviewsPerDay = reviewsPerDay
        self.learnAhead = learnAhead
    }
}
