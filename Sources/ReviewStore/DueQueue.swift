import FSRS

/// The keys a study session starts from, as the store reads them in one
/// snapshot: learning cards due within the session, today's reviews and new
/// cards, each list within what the daily limits leave after what was
/// already studied today. It is the store's raw answer, not the order of a
/// session (that is `StudyQueue` in the study module).
public struct DueQueue: Hashable, Sendable {
    /// Cards in (re)learning steps due by the end of the look-ahead, earliest first.
    public var learning: [String]
    /// Review cards due by the end of the day, earliest first, at most the
    /// review limit minus the reviews already done today.
    public var reviews: [String]
    /// Never-answered cards in registration order, at most the new-card
    /// limit minus the new cards already started today.
    public var new: [String]
    /// What was already answered today.
    public var studied: StudiedCounts
    /// The schedules of the learning and review cards, read with their keys.
    public var schedules: [String: CardSchedule]

    /// Creates a queue.
    public init(
        learning: [String], reviews: [String], new: [String], studied: StudiedCounts,
        schedules: [String: CardSchedule] = [:]
    ) {
        self.schedules = schedules
        self.learning = learning
        self.reviews = reviews
        self.new = new
        self.studied = studied
    }
}
