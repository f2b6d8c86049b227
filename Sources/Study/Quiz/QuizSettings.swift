import Foundation

/// What a quiz is made of and how it runs: the options of `jatta quiz`.
public struct QuizSettings: Hashable, Sendable {
    /// Only cards of this exam level; nil for every level.
    public var level: Int?
    /// Only cards carrying one of these tags (own or section tags); empty
    /// for every card.
    public var tags: [String]
    /// How many questions at most.
    public var count: Int
    /// The seed of the question order, the question formats and the options;
    /// the same seed over the same decks gives the same quiz.
    public var seed: UInt64
    /// Exam (no feedback until the end) or practice (feedback after each).
    public var mode: QuizMode
    /// The time allowed; nil for an untimed quiz.
    public var timeLimit: TimeInterval?

    /// Questions in a quiz when `--count` is not given: about a quarter of
    /// an hour of answering.
    public static let defaultCount = 20

    public init(
        level: Int? = nil, tags: [String] = [], count: Int = QuizSettings.defaultCount, seed: UInt64,
        mode: QuizMode = .exam, timeLimit: TimeInterval? = nil
    ) {
        self.level = level
        self.tags = tags
        self.count = count
        self.seed = seed
        self.mode = mode
        self.timeLimit = timeLimit
    }
}

/// Whether the student sees verdicts as they go.
public enum QuizMode: String, Hashable, Sendable, Codable {
    /// As in an exam: no feedback until the final report.
    case exam
    /// The verdict and the right answer after every question.
    case practice
}
