import ReviewStore

/// A student's progress as an exported package carries it: per face, the
/// card's schedule and FSRS memory state and its review log. Filled by the
/// executable from the progress store's own API; empty for a package
/// without progress.
public struct AnkiProgress: Sendable {
    /// The collection's creation time in seconds (`col.crt`), from which a
    /// review card's due day is counted; nil: the export time.
    public var collectionCreated: Int64?
    /// Schedules by a face's progress key (`StudyFace.key`).
    public var schedules: [String: AnkiSchedule]

    public init(collectionCreated: Int64? = nil, schedules: [String: AnkiSchedule] = [:]) {
        self.collectionCreated = collectionCreated
        self.schedules = schedules
    }
}

/// One face's schedule in Anki's terms.
public struct AnkiSchedule: Sendable, Equatable {
    /// Anki's card states.
    public enum State: Int64, Sendable {
        case new = 0, learning = 1, review = 2, relearning = 3
    }

    /// The card's state.
    public var state: State
    /// When the card is due, in seconds since 1970.
    public var due: Int64
    /// The interval in days (≥ 1 for a review card).
    public var intervalDays: Int64
    /// FSRS stability in days.
    public var stability: Double
    /// FSRS difficulty, 1–10.
    public var difficulty: Double
    /// The last review, in seconds since 1970.
    public var lastReview: Int64
    /// The desired retention the card is scheduled for.
    public var desiredRetention: Double
    /// Answers so far.
    public var repetitions: Int64
    /// Times forgotten after learning.
    public var lapses: Int64
    /// The review log, oldest first.
    public var reviews: [AnkiReview]
    /// Suspended by the student: Anki keeps it out of the queue too.
    public var suspended: Bool

    public init(
        state: State, due: Int64, intervalDays: Int64, stability: Double, difficulty: Double, lastReview: Int64,
        desiredRetention: Double, repetitions: Int64, lapses: Int64, reviews: [AnkiReview], suspended: Bool = false
    ) {
        self.suspended = suspended
        self.state = state
        self.due = due
        self.intervalDays = intervalDays
        self.stability = stability
        self.difficulty = difficulty
        self.lastReview = lastReview
        self.desiredRetention = desiredRetention
        self.repetitions = repetitions
        self.lapses = lapses
        self.reviews = reviews
    }

    /// With FSRS, Anki keeps difficulty in the card's ease factor too:
    /// ((d − 1) / 9 + 0.1) · 1000.
    static func factor(difficulty: Double) -> Int64 { Int64((((difficulty - 1) / 9 + 0.1) * 1000).rounded()) }

    /// Puts this schedule on an exported card row.
    func apply(to row: inout AnkiCardRow, collectionCreated: Int64) {
        row.type = state.rawValue
        // Anki's queue for a relearning card is the learning queue (1).
        row.queue = suspended ? -1 : (state == .relearning ? 1 : state.rawValue)
        switch state {
        case .new:
            return
        case .review:
            // A review card is due on a day counted from the collection's
            // creation; Anki shifts it by the days between the collections.
            // Rounded down, so an overdue card stays overdue.
            row.due = Int64((Double(due - collectionCreated) / 86_400).rounded(.down))
        case .learning, .relearning:
            row.due = due
        }
        row.interval = intervalDays
        row.factor = Self.factor(difficulty: difficulty)
        row.repetitions = repetitions
        row.lapses = lapses
        let s = (stability * 10_000).rounded() / 10_000
        let d = (difficulty * 1_000).rounded() / 1_000
        let dr = (desiredRetention * 100).rounded() / 100
        row.data = "{\"s\":\(s),\"d\":\(d),\"dr\":\(dr),\"lrt\":\(lastReview)}"
    }
}

/// One answer in Anki's review log.
public struct AnkiReview: Sendable, Equatable {
    /// When, in milliseconds since 1970 (the row's id).
    public var time: Int64
    /// The button, 1 Again – 4 Easy.
    public var rating: Int64
    /// 0 learning, 1 review, 2 relearning.
    public var kind: Int64
    /// The interval given, in days.
    public var intervalDays: Int64
    /// The interval before, in days.
    public var lastIntervalDays: Int64
    /// Difficulty after the answer (for the factor column).
    public var difficulty: Double
    /// Milliseconds spent answering.
    public var milliseconds: Int64

    public init(
        time: Int64, rating: Int64, kind: Int64, intervalDays: Int64, lastIntervalDays: Int64, difficulty: Double,
        milliseconds: Int64
    ) {
        self.time = time
        self.rating = rating
        self.kind = kind
        self.intervalDays = intervalDays
        self.lastIntervalDays = lastIntervalDays
        self.difficulty = difficulty
        self.milliseconds = milliseconds
    }

    func row(cardID: Int64) -> AnkiReviewRow {
        AnkiReviewRow(
            id: time, cardID: cardID, ease: rating, interval: intervalDays, lastInterval: lastIntervalDays,
            factor: AnkiSchedule.factor(difficulty: difficulty), milliseconds: milliseconds, type: kind)
    }
}
