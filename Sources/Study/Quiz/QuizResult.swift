import Foundation

/// What the student gave for one question.
public enum QuizResponse: Hashable, Sendable {
    /// Typed text, one entry per blank.
    case typed([String])
    /// The options picked (indices into the shown options).
    case choices(Set<Int>)
    /// The key points ticked after revealing the model answer.
    case keyPoints(Set<Int>)
    /// "I knew it" or not, after revealing the answer.
    case selfGraded(Bool)
    /// Passed over with the skip key.
    case skipped
}

/// How a question came out.
public enum QuizOutcome: String, Hashable, Sendable, Codable {
    /// Right as given.
    case correct
    /// Counted right with a note: another script or keyboard, a small typo.
    case accepted
    /// Some of the key points of an open question.
    case partial
    /// Wrong, or a guard fired.
    case wrong
    /// Passed over.
    case skipped
    /// Never answered: the time ran out or the student stopped.
    case unanswered
}

/// The verdict on one answered question.
public struct QuizResult: Hashable, Sendable {
    /// The question's `number`.
    public var questionNumber: Int
    public var response: QuizResponse
    public var outcome: QuizOutcome
    /// Share of the question's point earned, 0…1.
    public var credit: Double
    /// The judging tier of a typed answer (`exact`, `typo`, …), else nil.
    public var tier: String?
    /// Why, in Kazakh and English (empty when nothing needs saying).
    public var reasonKK: String
    public var reasonEN: String
    /// When the answer was given.
    public var answeredAt: Date
    /// Time spent on the question.
    public var duration: TimeInterval
    /// True when the student said "I was right" and the verdict was turned.
    public var overruled: Bool

    public init(
        questionNumber: Int, response: QuizResponse, outcome: QuizOutcome, credit: Double, tier: String? = nil,
        reasonKK: String = "", reasonEN: String = "", answeredAt: Date, duration: TimeInterval, overruled: Bool = false
    ) {
        self.questionNumber = questionNumber
        self.response = response
        self.outcome = outcome
        self.credit = credit
        self.tier = tier
        self.reasonKK = reasonKK
        self.reasonEN = reasonEN
        self.answeredAt = answeredAt
        self.duration = duration
        self.overruled = overruled
    }

    /// Whether the student may say "I was right": only a typed answer the
    /// checker rejected (options and self-grading have nothing to appeal).
    public var canBeOverruled: Bool {
        guard !overruled, outcome == .wrong, case .typed = response else { return false }
        return true
    }

    public func reason(language: String) -> String { language.hasPrefix("kk") ? reasonKK : reasonEN }
}
