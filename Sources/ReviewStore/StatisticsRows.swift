import FSRS
import Foundation
import GRDB

/// One registered card as the statistics tally it: where it comes from and
/// what the figures read of its progress.
public struct StatisticsCardRow: Hashable, Sendable {
    /// The deck file it was registered from.
    public var deckFile: String
    /// Its level as last registered, if any.
    public var level: Int?
    /// What the figures read of its current progress.
    public var progress: StatisticsProgress
    /// The pass's number for its deck file and level (small, the same for
    /// all the pair's cards): whoever tallies the cards per pair can find
    /// the pair by it, without comparing deck files card after card.
    public var group: Int

    public init(deckFile: String, level: Int?, progress: StatisticsProgress, group: Int) {
        self.deckFile = deckFile
        self.level = level
        self.progress = progress
        self.group = group
    }
}

/// What the statistics read of a card's progress: its stage, what R
/// needs, its lapses and flags. Not its step, difficulty or number of
/// reviews: no figure shows them, and reading three columns fewer of
/// every state row was a tenth of the statistics screen at 100,000 cards.
public struct StatisticsProgress: Hashable, Sendable {
    /// The scheduling state; nil for a card never answered (only flagged).
    public var state: SchedulingState?
    /// The memory state's stability (nil: none yet).
    public var stability: Double?
    /// When it is next due (the epoch for a card never answered).
    public var due: Date
    /// When it was last reviewed, if ever.
    public var lastReview: Date?
    /// Times it lapsed.
    public var lapses: Int
    /// Whether it is suspended.
    public var suspended: Bool
    /// Buried until this moment, if buried.
    public var buriedUntil: Date?

    /// The figures' part of a whole progress value.
    public init(_ progress: CardProgress) {
        let schedule = progress.schedule
        self.init(
            state: schedule?.state, stability: schedule?.memory?.stability,
            due: schedule?.due ?? ProgressColumns.date(0), lastReview: schedule?.lastReview,
            lapses: schedule?.lapses ?? 0, suspended: progress.suspended, buriedUntil: progress.buriedUntil)
    }

    init(
        state: SchedulingState?, stability: Double?, due: Date, lastReview: Date?, lapses: Int, suspended: Bool,
        buriedUntil: Date?
    ) {
        self.state = state
        self.stability = stability
        self.due = due
        self.lastReview = lastReview
        self.lapses = lapses
        self.suspended = suspended
        self.buriedUntil = buriedUntil
    }
}

/// The key and prompt of the card being read, read only when asked: the
/// statistics name ten cards out of 100,000.
public struct StatisticsCardIdentity {
    /// The card's row in the pass.
    let row: StatementRow
    /// `SELECT prompt FROM card WHERE key = ?`.
    let promptStatement: Statement

    /// The card's progress key.
    public func key() throws -> String { try row.string(Self.keyColumn, required: true)! }

    /// Where the pass over the states selects the key.
    static let keyColumn = 0

    /// The card's prompt as last registered.
    public func prompt() throws -> String {
        let key = try key()
        guard let found = try Row.fetchOne(promptStatement, arguments: [key]) else {
            throw row.corrupt(Self.keyColumn, "card gone while read")
        }
        return try StoredRow(found, keyColumn: nil, knownKey: key, path: row.path).prompt(0, required: true)!
    }
}

/// How many registered cards one deck file and level has, with the
/// pass's number for the pair (`StatisticsCardRow.group`).
public struct RegisteredGroup: Hashable, Sendable {
    /// The deck file.
    public var deckFile: String
    /// The level (nil: none).
    public var level: Int?
    /// The pass's number for the pair.
    public var group: Int
    /// Registered cards of the pair in the scope.
    public var count: Int
}

/// The answers (not undone) recorded in one quarter of an hour. Quarter-hour
/// slots are fine enough to be cut into days in any time zone (every UTC
/// offset is a whole number of quarter hours), and few enough that a year of
/// history is a few thousand rows whatever the number of answers.
public struct AnswerSlot: Hashable, Sendable {
    /// The first instant of the slot.
    public var start: Date
    /// Answers in the slot.
    public var answers: Int
    /// Answers rated Hard, Good or Easy.
    public var correct: Int
    /// Time spent answering, in milliseconds.
    public var durationMilliseconds: Int
    /// Answers to review cards (the True Retention population) whose
    /// scheduled interval was under 21 days, passed (rating > Again) …
    public var youngPassed: Int
    /// … and failed.
    public var youngFailed: Int
    /// Answers to review cards with an interval of 21 days or more, passed …
    public var maturePassed: Int
    /// … and failed.
    public var matureFailed: Int

    /// Quarter hours in milliseconds: the slot width.
    public static let widthMilliseconds: Int64 = 900_000
}

/// The answers of one quiz session to the cards of one level.
public struct QuizTallyRow: Hashable, Sendable {
    /// The session id.
    public var session: String
    /// Its first answer.
    public var start: Date
    /// The level of the cards (nil for cards without one).
    public var level: Int?
    /// Answers.
    public var answers: Int
    /// Answers rated Hard, Good or Easy.
    public var correct: Int
}

/// What decides which rows the statistics read: some deck files, and
/// optionally an explicit list of card keys (a level or tag filter).
public struct StatisticsScope: Hashable, Sendable {
    /// Only these deck files (nil: every deck).
    public var deckFiles: [String]?
    /// Only these card keys (nil: every card of those decks).
    public var keys: [String]? {
        didSet { keysJSON = keys.map(JSONTextArray.of) }
    }
    /// `keys` as the one JSON array every statistics query binds them as
    /// (`json_each`), written once when they are set: a level's 100,000
    /// keys were written again for each query.
    private(set) var keysJSON: String?

    /// Creates a scope.
    public init(deckFiles: [String]? = nil, keys: [String]? = nil) {
        self.deckFiles = deckFiles
        self.keys = keys
        keysJSON = keys.map(JSONTextArray.of)
    }
}
