import Foundation

/// Every figure of the statistics screen and of `jatta stats --json`.
/// Days are scheduler days (they start at the rollover hour, local time),
/// numbered as `SchedulerDay` numbers them; `today` is today's number.
public struct StudyStatistics: Hashable, Sendable, Encodable {
    /// What was done today.
    public struct Today: Hashable, Sendable, Encodable {
        /// Distinct cards answered today.
        public var cardsStudied: Int
        /// Answers today.
        public var answers: Int
        /// Answers today rated above Again.
        public var correct: Int
        /// Time spent answering today, in seconds.
        public var seconds: Double
        /// Consecutive days with at least one answer, ending today (or
        /// yesterday, while nothing has been answered yet today).
        public var streakDays: Int
    }

    /// How many cards are in each stage, and how much of them is known.
    public struct Knowledge: Hashable, Sendable, Encodable {
        /// Never answered (and not suspended or buried).
        public var new = 0
        /// In learning or relearning steps.
        public var learning = 0
        /// In review with an interval under 21 days.
        public var young = 0
        /// In review with an interval of 21 days or more.
        public var mature = 0
        /// Suspended.
        public var suspended = 0
        /// Buried now (and not suspended).
        public var buried = 0
        /// All cards.
        public var total = 0
        /// Σ R over the answered cards: how many of them the student would
        /// recall now, by FSRS's estimate (Anki's Retrievability graph).
        public var known = 0.0
        /// Answered cards whose retrievability now is at least 90 %.
        public var aboveNinetyPercent = 0
    }

    /// The knowledge of one deck file and level (nil: no level).
    public struct KnowledgeGroup: Hashable, Sendable, Encodable {
        /// The deck file.
        public var deckFile: String
        /// The level.
        public var level: Int?
        /// Its figures.
        public var knowledge: Knowledge
    }

    /// Reviews coming due.
    public struct FutureDue: Hashable, Sendable, Encodable {
        /// Answered, unsuspended cards due before today began: the backlog.
        public var backlog: Int
        /// Cards coming due on each of the next days, today first.
        public var days: [Int]
    }

    /// Answers on one day.
    public struct DayCount: Hashable, Sendable, Encodable {
        /// The scheduler day number.
        public var day: Int
        /// The calendar date the day starts on (`yyyy-MM-dd`).
        public var date: String
        /// Answers that day.
        public var answers: Int
    }

    /// Passed and failed review answers over one period (Anki's True Retention).
    public struct Retention: Hashable, Sendable, Encodable {
        /// `today`, `yesterday`, `week`, `month`, `year` or `all`.
        public var period: String
        /// Young reviews passed.
        public var youngPassed = 0
        /// Young reviews failed.
        public var youngFailed = 0
        /// Mature reviews passed.
        public var maturePassed = 0
        /// Mature reviews failed.
        public var matureFailed = 0
    }

    /// One of the hardest cards.
    public struct HardCard: Hashable, Sendable, Encodable {
        /// Its progress key.
        public var key: String
        /// Its deck file.
        public var deckFile: String
        /// Its line there, when the deck was read.
        public var line: Int?
        /// Its prompt.
        public var prompt: String
        /// How often it was forgotten after reaching review.
        public var lapses: Int
        /// Its retrievability now.
        public var retrievability: Double
    }

    /// The answers of one quiz at one level.
    public struct QuizLevelScore: Hashable, Sendable, Encodable {
        /// The level (nil: cards without one).
        public var level: Int?
        /// Questions answered.
        public var answers: Int
        /// Answered right.
        public var correct: Int
    }

    /// One quiz.
    public struct QuizScore: Hashable, Sendable, Encodable {
        /// Its session id.
        public var session: String
        /// When it started.
        public var start: Date
        /// Questions answered.
        public var answers: Int
        /// Answered right.
        public var correct: Int
        /// The same per level.
        public var levels: [QuizLevelScore]
    }

    /// Today's scheduler day number.
    public var today: Int
    /// The moment the figures are for.
    public var now: Date
    /// Today.
    public var studiedToday: Today
    /// All cards in scope together.
    public var knowledge: Knowledge
    /// Per deck file and level.
    public var knowledgeGroups: [KnowledgeGroup]
    /// The next 30 days.
    public var futureDue: FutureDue
    /// The last 26 weeks, oldest day first, today last.
    public var calendar: [DayCount]
    /// Today, yesterday, the last 7, 30 and 365 days, and all time.
    public var trueRetention: [Retention]
    /// The ten hardest cards.
    public var hardest: [HardCard]
    /// Every quiz, oldest first.
    public var quizzes: [QuizScore]
}
