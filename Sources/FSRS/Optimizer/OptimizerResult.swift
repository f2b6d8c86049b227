/// What a fit produced and how far it got.
public struct OptimizerResult: Hashable, Sendable {
    /// How much of the method the data allowed.
    public enum Outcome: String, Hashable, Sendable, Codable {
        /// Fewer than `Optimizer.minimumItemsForAnything` items: the defaults.
        case defaults
        /// Enough for the initial stabilities w0 … w3 only.
        case initialStabilityOnly
        /// All 21 weights trained.
        case trained
    }

    /// The 21 fitted weights, inside the scheduler's bounds.
    public var parameters: [Double]
    /// How much of the method the data allowed.
    public var outcome: Outcome
    /// Items left after the outlier filter.
    public var trainingItemCount: Int
    /// All items the histories gave.
    public var itemCount: Int
}
