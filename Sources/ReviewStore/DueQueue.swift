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
    /// The schedule of each of `learning`, in its order, read with the keys.
    public var learningSchedules: [CardSchedule]
    /// The schedule of each of `reviews`, in its order, read with the keys:
    /// lists in the order of the index walk, not a table by key (making one
    /// of 10,000 keys was a fifth of a 9,999-card queue).
    public var reviewSchedules: [CardSchedule]

    /// Creates a queue; the schedules, when given, are those of `learning`
    /// and `reviews` in their order.
    public init(
        learning: [String], reviews: [String], new: [String], studied: StudiedCounts,
        learningSchedules: [CardSchedule] = [], reviewSchedules: [CardSchedule] = []
    ) {
        self.learning = learning
        self.reviews = reviews
        self.new = new
        self.studied = studied
        self.learningSchedules = learningSchedules
        self.reviewSchedules = reviewSchedules
    }

    /// The schedules of the learning and review cards by key, made when
    /// asked for.
    public var schedules: [String: CardSchedule] {
        var table = [String: CardSchedule](minimumCapacity: learning.count + reviews.count)
        for (key, schedule) in zip(learning, learningSchedules) { table[key] = schedule }
        for (key, schedule) in zip(reviews, reviewSchedules) { table[key] = schedule }
        return table
    }
}
