/// The settings of a fit. The defaults are fsrs-rs's.
public struct OptimizerConfiguration: Hashable, Sendable {
    /// Passes over the training items.
    public var epochs: Int
    /// Predictions per mini-batch (whole cards are kept together).
    public var batchSize: Int
    /// Adam's initial step size, annealed along a cosine to 0.
    public var learningRate: Double
    /// Seeds the order of the mini-batches in each epoch.
    public var seed: UInt64
    /// Items longer than this many reviews are not trained on.
    public var maximumSequenceLength: Int
    /// Strength of the penalty that keeps the weights near their starting
    /// values when there are few items (fsrs-rs's γ).
    public var penaltyWeight: Double
    /// Relearning steps the scheduler uses; more than one caps w17 and w18.
    public var relearningSteps: Int
    /// Whether the first-review outlier filter runs (fsrs-rs's
    /// `FSRS_NO_OUTLIER` turns it off).
    public var filtersOutliers: Bool
    /// False to fit the initial stabilities w0 … w3 only (too few reviews
    /// for the rest, by the caller's rule).
    public var fitsAllWeights: Bool
    /// True for batches of whole cards (fsrs-rs with card ids: each card
    /// replayed once for all its items); false for batches of items of
    /// similar length, each replayed on its own (fsrs-rs without card ids).
    public var batchesByCard: Bool

    public init(
        epochs: Int = 5, batchSize: Int = 512, learningRate: Double = 0.04, seed: UInt64 = 2023,
        maximumSequenceLength: Int = 256, penaltyWeight: Double = 1, relearningSteps: Int = 1,
        filtersOutliers: Bool = true, fitsAllWeights: Bool = true,
        batchesByCard: Bool = false
    ) {
        self.epochs = epochs
        self.batchSize = batchSize
        self.learningRate = learningRate
        self.seed = seed
        self.maximumSequenceLength = maximumSequenceLength
        self.penaltyWeight = penaltyWeight
        self.relearningSteps = relearningSteps
        self.filtersOutliers = filtersOutliers
        self.fitsAllWeights = fitsAllWeights
        self.batchesByCard = batchesByCard
    }
}
