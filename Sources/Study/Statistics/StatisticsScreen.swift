/// The statistics screen of the trainer: which cards its figures cover,
/// the figures once the store has given them, and the page shown.
public struct StatisticsScreen: Hashable, Sendable {
    /// The cards the figures are for: the home row and filters the screen
    /// was opened from (nil decks: every deck of the session).
    public var filter: StudyFilter
    /// The figures; nil until the store has answered the load effect.
    public var figures: StudyStatistics?
    /// The page shown, counted from 0. The runtime stops it at the last
    /// page the terminal holds (as for the help), the view clamps it too.
    public var page = 0
    /// The exams ahead of the screen's decks, with plan and readiness
    /// forecast, as the home screen shows them (docs/exam.md).
    public var exams: [ExamOutlook]

    public init(filter: StudyFilter, figures: StudyStatistics? = nil, page: Int = 0, exams: [ExamOutlook] = []) {
        self.filter = filter
        self.figures = figures
        self.page = page
        self.exams = exams
    }
}
