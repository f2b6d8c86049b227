import Foundation

/// How the student rated their recall. The raw values are FSRS's `G`.
public enum Rating: Int, Hashable, Sendable, CaseIterable, Codable {
    case again = 1
    case hard = 2
    case good = 3
    case easy = 4
}

/// Where a card stands in the FSRS state machine. A card that has never
/// been reviewed is `learning` with no memory state (as in py-fsrs).
public enum SchedulingState: Int, Hashable, Sendable, CaseIterable, Codable {
    case learning = 1
    case review = 2
    case relearning = 3
}

/// The two quantities of the DSR model that persist between reviews.
public struct MemoryState: Hashable, Sendable, Codable {
    /// S: days until retrievability falls to 90 %.
    public var stability: Double
    /// D: 1 (easy) … 10 (hard).
    public var difficulty: Double

    public init(stability: Double, difficulty: Double) {
        self.stability = stability
        self.difficulty = difficulty
    }
}

/// Everything the scheduler needs to know about one card, and nothing it
/// does not: no text, no deck, no storage.
public struct CardSchedule: Hashable, Sendable, Codable {
    public var state: SchedulingState
    /// Index into the learning or relearning steps; nil in review.
    public var step: Int?
    /// nil until the first review.
    public var memory: MemoryState?
    /// When the card is next due.
    public var due: Date
    /// When it was last reviewed; nil for a new card.
    public var lastReview: Date?
    /// Reviews so far (seeds the fuzz, so the same history gives the same
    /// schedule).
    public var reps: Int
    /// Times it fell from review back to relearning.
    public var lapses: Int

    public init(
        state: SchedulingState = .learning, step: Int? = 0, memory: MemoryState? = nil, due: Date,
        lastReview: Date? = nil, reps: Int = 0, lapses: Int = 0
    ) {
        self.state = state
        self.step = step
        self.memory = memory
        self.due = due
        self.lastReview = lastReview
        self.reps = reps
        self.lapses = lapses
    }

    /// A card never reviewed, due at `date`.
    public static func new(at date: Date) -> CardSchedule { CardSchedule(due: date) }

    public var isNew: Bool { lastReview == nil }
}
