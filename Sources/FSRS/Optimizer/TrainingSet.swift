/// Review histories laid out for fast replay: every card's reviews in one
/// flat array (rating and whole days since the previous review), plus the
/// items to predict, oldest first.
public struct TrainingSet: Sendable {
    /// The rating of every review (1 … 4), all sequences one after another.
    var ratings: [Int8]
    /// Scheduler days since the previous review of the same card; 0 for the
    /// first review and for same-day reviews.
    var elapsed: [Int32]
    /// How many reviews with `elapsed > 0` the sequence has up to and
    /// including each review (fsrs-rs's long-term review count).
    var longTermCounts: [Int32]
    /// How many lapses (Again after at least a day) came before each review.
    var lapsesBefore: [Int32]
    /// Where each sequence starts in the flat arrays; one more entry than
    /// there are sequences, the last being the total number of reviews.
    var sequenceStarts: [Int]
    /// The items, oldest first: the order recency weighting follows.
    public var items: [TrainingItem]

    /// The number of card sequences.
    public var sequenceCount: Int { sequenceStarts.count - 1 }
    /// The number of reviews in all sequences.
    public var reviewCount: Int { ratings.count }

    private init() {
        ratings = []
        elapsed = []
        longTermCounts = []
        lapsesBefore = []
        sequenceStarts = [0]
        items = []
    }

    /// Appends one sequence of (rating, days since the previous review).
    private mutating func append(_ reviews: some Sequence<(rating: Rating, elapsed: Int)>) {
        var longTerm: Int32 = 0
        var lapses: Int32 = 0
        for review in reviews {
            let days = Int32(clamping: max(0, review.elapsed))
            ratings.append(Int8(review.rating.rawValue))
            elapsed.append(days)
            lapsesBefore.append(lapses)
            if days > 0 {
                longTerm += 1
                if review.rating == .again { lapses += 1 }
            }
            longTermCounts.append(longTerm)
        }
        sequenceStarts.append(ratings.count)
    }

    /// Items from whole card histories: one for every review at least a day
    /// after the previous one, ordered by the review's time (then by card,
    /// in the order given).
    public init(histories: [ReviewHistory]) {
        self.init()
        var keyed: [(time: Int64, item: TrainingItem)] = []
        for (index, history) in histories.enumerated() {
            var previousDay = history.reviews.first?.day ?? 0
            var reviews: [(rating: Rating, elapsed: Int)] = []
            reviews.reserveCapacity(history.reviews.count)
            for (position, review) in history.reviews.enumerated() {
                // A day number that goes back (a clock set back) counts as the same day.
                let days = max(0, review.day - previousDay)
                previousDay = max(previousDay, review.day)
                reviews.append((review.rating, days))
                if position > 0 && days > 0 {
                    keyed.append((review.time, TrainingItem(sequence: index, target: position)))
                }
            }
            append(reviews)
        }
        keyed.sort { a, b in
            a.time != b.time ? a.time < b.time : a.item.sequence < b.item.sequence
        }
        items = keyed.map(\.item)
    }

    /// Items given one by one, as fsrs-rs's `FSRSItem`s: each is the history
    /// up to and including the predicted review, which is the last. The
    /// first review's elapsed days are ignored (taken as 0).
    public init(itemReviews: [[(rating: Rating, elapsed: Int)]]) {
        self.init()
        for reviews in itemReviews where reviews.count >= 2 {
            items.append(TrainingItem(sequence: sequenceCount, target: reviews.count - 1))
            append(reviews.enumerated().map { ($0.element.rating, $0.offset == 0 ? 0 : $0.element.elapsed) })
        }
    }

    // MARK: - Facts about an item

    /// The flat index of the item's predicted review.
    @inline(__always) func reviewIndex(_ item: TrainingItem) -> Int {
        sequenceStarts[item.sequence] + item.target
    }

    /// Whether the student recalled the card at the predicted review (not Again).
    @inline(__always) func recalled(_ item: TrainingItem) -> Bool {
        ratings[reviewIndex(item)] > 1
    }

    /// Days between the predicted review and the one before it.
    @inline(__always) func targetElapsed(_ item: TrainingItem) -> Int {
        Int(elapsed[reviewIndex(item)])
    }

    /// The first rating the card ever got.
    @inline(__always) func firstRating(_ item: TrainingItem) -> Int {
        Int(ratings[sequenceStarts[item.sequence]])
    }

    /// Reviews after day zero up to and including the predicted one.
    @inline(__always) func longTermCount(_ item: TrainingItem) -> Int {
        Int(longTermCounts[reviewIndex(item)])
    }

    /// Lapses among the reviews before the predicted one.
    @inline(__always) func lapses(_ item: TrainingItem) -> Int {
        Int(lapsesBefore[reviewIndex(item)])
    }

    /// The days to the card's first review after day zero.
    func firstLongTermElapsed(_ item: TrainingItem) -> Int {
        let start = sequenceStarts[item.sequence]
        for index in start...reviewIndex(item) where elapsed[index] > 0 {
            return Int(elapsed[index])
        }
        return 0
    }

    /// The same reviews with only `items` kept (in the order given).
    func keeping(_ items: [TrainingItem]) -> TrainingSet {
        var copy = self
        copy.items = items
        return copy
    }
}
