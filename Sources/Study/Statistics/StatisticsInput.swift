import FSRS
import Foundation

/// What the statistics are computed from, as the progress store gives it
/// (the executable copies the store's rows into these; `Study` does not
/// know the store).
public struct StatisticsInput: Sendable {
    /// One card with its progress and, when its deck was read, its line.
    public struct Card: Hashable, Sendable {
        /// The card's progress key.
        public var key: String
        /// Its deck file.
        public var deckFile: String
        /// Its prompt.
        public var prompt: String
        /// Its level, if any.
        public var level: Int?
        /// Its line in the deck file, when the deck was read.
        public var line: Int?
        /// Its schedule; nil for a card never answered.
        public var schedule: CardSchedule?
        /// Whether it is suspended.
        public var suspended: Bool
        /// Buried until this moment, if buried.
        public var buriedUntil: Date?

        public init(
            key: String, deckFile: String, prompt: String, level: Int?, line: Int? = nil, schedule: CardSchedule?,
            suspended: Bool = false, buriedUntil: Date? = nil
        ) {
            self.key = key
            self.deckFile = deckFile
            self.prompt = prompt
            self.level = level
            self.line = line
            self.schedule = schedule
            self.suspended = suspended
            self.buriedUntil = buriedUntil
        }
    }

    /// The answers recorded in one short slot of time (the store's quarter hour).
    public struct AnswerTally: Hashable, Sendable {
        /// When the slot starts.
        public var start: Date
        /// Answers.
        public var answers: Int
        /// Answers rated above Again.
        public var correct: Int
        /// Time spent, in milliseconds.
        public var durationMilliseconds: Int
        /// Review answers on an interval under 21 days, passed.
        public var youngPassed: Int
        /// … failed.
        public var youngFailed: Int
        /// Review answers on an interval of 21 days or more, passed.
        public var maturePassed: Int
        /// … failed.
        public var matureFailed: Int

        public init(
            start: Date, answers: Int, correct: Int, durationMilliseconds: Int, youngPassed: Int = 0,
            youngFailed: Int = 0, maturePassed: Int = 0, matureFailed: Int = 0
        ) {
            self.start = start
            self.answers = answers
            self.correct = correct
            self.durationMilliseconds = durationMilliseconds
            self.youngPassed = youngPassed
            self.youngFailed = youngFailed
            self.maturePassed = maturePassed
            self.matureFailed = matureFailed
        }
    }

    /// One quiz session's answers to cards of one level.
    public struct QuizTally: Hashable, Sendable {
        /// The session id.
        public var session: String
        /// Its first answer.
        public var start: Date
        /// The cards' level (nil: none).
        public var level: Int?
        /// Answers.
        public var answers: Int
        /// Answers rated above Again.
        public var correct: Int

        public init(session: String, start: Date, level: Int?, answers: Int, correct: Int) {
            self.session = session
            self.start = start
            self.level = level
            self.answers = answers
            self.correct = correct
        }
    }

    /// The cards in scope.
    public var cards: [Card]
    /// The answers, by slot, oldest first.
    public var answers: [AnswerTally]
    /// The quizzes, by session and level.
    public var quizzes: [QuizTally]
    /// Distinct cards answered today.
    public var cardsStudiedToday: Int

    public init(cards: [Card], answers: [AnswerTally], quizzes: [QuizTally], cardsStudiedToday: Int) {
        self.cards = cards
        self.answers = answers
        self.quizzes = quizzes
        self.cardsStudiedToday = cardsStudiedToday
    }
}
