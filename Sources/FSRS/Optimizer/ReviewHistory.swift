/// One card's reviews as the optimiser reads them, oldest first: the
/// scheduler day of each review (so that "same day" means what it means to
/// the scheduler) and a time used only to order training items from oldest
/// to newest.
public struct ReviewHistory: Hashable, Sendable {
    /// One rating given on one scheduler day.
    public struct Review: Hashable, Sendable {
        /// The scheduler day number of the review (see `SchedulerDay`).
        public var day: Int
        /// The rating the student gave.
        public var rating: Rating
        /// Any number that grows with time (seconds since 1970, say); it
        /// orders the training items, oldest first, for recency weighting.
        public var time: Int64

        public init(day: Int, rating: Rating, time: Int64) {
            self.day = day
            self.rating = rating
            self.time = time
        }
    }

    /// The card's reviews, oldest first, starting from the first review that
    /// counts (the first learning review).
    public var reviews: [Review]

    public init(reviews: [Review]) {
        self.reviews = reviews
    }
}
