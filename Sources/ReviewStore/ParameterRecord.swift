import FSRS
import Foundation

/// One row of the parameter history: the FSRS weights a fit (or a reset)
/// put in use, with what it was based on and how well it did.
public struct ParameterRecord: Hashable, Sendable {
    /// When the row was written.
    public var time: Date
    /// The 21 weights; nil after a reset (the defaults are in use).
    public var parameters: [Double]?
    /// What produced the row: an `OptimizerResult.Outcome` name, or "reset".
    public var outcome: String
    /// Reviews the fit read from the log.
    public var reviewCount: Int
    /// Training items those reviews gave.
    public var itemCount: Int
    /// The new parameters' figures on those reviews.
    public var evaluation: ModelEvaluation?
    /// The figures of the parameters in use before, on the same reviews.
    public var previousEvaluation: ModelEvaluation?

    public init(
        time: Date, parameters: [Double]?, outcome: String, reviewCount: Int, itemCount: Int,
        evaluation: ModelEvaluation?, previousEvaluation: ModelEvaluation?
    ) {
        self.time = time
        self.parameters = parameters
        self.outcome = outcome
        self.reviewCount = reviewCount
        self.itemCount = itemCount
        self.evaluation = evaluation
        self.previousEvaluation = previousEvaluation
    }
}
