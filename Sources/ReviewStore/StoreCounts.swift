/// How many cards of a group (a deck, a level) are in each stage, for the
/// study screen's overview.
public struct CardCounts: Hashable, Sendable {
    /// Registered cards never answered (and not suspended).
    public var new: Int = 0
    /// Cards in learning or relearning steps.
    public var learning: Int = 0
    /// Cards in review.
    public var review: Int = 0
    /// Answered cards due by the end of the day asked about (not suspended or buried).
    public var due: Int = 0
    /// Suspended cards.
    public var suspended: Int = 0
    /// Cards buried at the moment asked about.
    public var buried: Int = 0
    /// All registered cards of the group.
    public var total: Int = 0

    /// Creates counts.
    public init(
        new: Int = 0, learning: Int = 0, review: Int = 0, due: Int = 0, suspended: Int = 0, buried: Int = 0,
        total: Int = 0
    ) {
        self.new = new
        self.learning = learning
        self.review = review
        self.due = due
        self.suspended = suspended
        self.buried = buried
        self.total = total
    }
}

/// Counts for one deck file and one level within it (`level` nil for cards
/// without a level).
public struct GroupCounts: Hashable, Sendable {
    /// The deck file.
    public var deckFile: String
    /// The level, if the cards have one.
    public var level: Int?
    /// The counts.
    public var counts: CardCounts

    /// Creates a group.
    public init(deckFile: String, level: Int?, counts: CardCounts) {
        self.deckFile = deckFile
        self.level = level
        self.counts = counts
    }
}

/// What was studied in a period, for daily limits: answers that were not undone.
public struct StudiedCounts: Hashable, Sendable {
    /// Cards answered for the first time.
    public var newCards: Int
    /// Answers to cards that were in review state (learning and relearning
    /// steps are not limited, as in Anki).
    public var reviews: Int
    /// All answers.
    public var answers: Int

    /// Creates counts.
    public init(newCards: Int, reviews: Int, answers: Int) {
        self.newCards = newCards
        self.reviews = reviews
        self.answers = answers
    }
}
