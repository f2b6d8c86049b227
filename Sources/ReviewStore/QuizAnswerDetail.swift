/// What a quiz answer was, kept beside its log entry (table `quiz_answer`):
/// what a class report's item analysis needs and the log's rating lacks.
public struct QuizAnswerDetail: Hashable, Sendable {
    /// The mark, 0…1: the share of the question's point earned.
    public var credit: Double
    /// For multiple choice, the text of the option(s) chosen, joined by
    /// "; " in the order shown; nil for other kinds of question.
    public var chosen: String?

    /// Creates a detail.
    public init(credit: Double, chosen: String?) {
        self.credit = credit
        self.chosen = chosen
    }
}
