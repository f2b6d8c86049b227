import Foundation
import Testing

@testable import FSRS

/// fsrs-rs's log loss and RMSE(bins) on items small enough to work out by
/// hand from the forgetting curve (the oracle test compares larger sets with
/// fsrs-rs itself).
@Suite struct ModelEvaluationTests {
    let w = FSRSParameters.defaults

    /// R after a single Good on a new card (S = w2), t days later.
    func recallAfterGood(_ t: Double) -> Double {
        let decay = -w[20]
        let factor = pow(0.9, 1 / decay) - 1
        return pow(1 + factor * t / w[2], decay)
    }

    @Test func twoItemsInTwoBins() throws {
        // Oldest first: recalled after 1 day (weight 0.25), forgotten after 10 (weight 1).
        let set = TrainingSet(itemReviews: [[(.good, 0), (.good, 1)], [(.good, 0), (.again, 10)]])
        let p1 = recallAfterGood(1)
        let p2 = recallAfterGood(10)
        let evaluation = try #require(ModelEvaluation.of(weights: w, on: set))
        let logLoss = -(0.25 * log(p1) + 1 * log(1 - p2)) / 1.25
        #expect(abs(evaluation.logLoss - logLoss) < 1e-12)
        // Intervals 1 and 10 fall in different bins (248 and 898), so each
        // bin holds one item.
        let rmse = ((0.25 * (p1 - 1) * (p1 - 1) + 1 * p2 * p2) / 1.25).squareRoot()
        #expect(abs(evaluation.rmseBins - rmse) < 1e-12)
    }

    @Test func itemsInOneBinAreAveragedBeforeSquaring() throws {
        // Intervals 4 and 5 share a bin (both below 3.62² = 13.1 and above 3.62).
        let set = TrainingSet(itemReviews: [[(.good, 0), (.good, 4)], [(.good, 0), (.again, 5)]])
        let p1 = recallAfterGood(4)
        let p2 = recallAfterGood(5)
        let evaluation = try #require(ModelEvaluation.of(weights: w, on: set))
        let gap = (p1 + p2) / 2 - 0.5
        #expect(abs(evaluation.rmseBins - abs(gap)) < 1e-12)
        #expect(ModelEvaluation.Bin(elapsed: 4, longTermCount: 1, lapses: 0) == ModelEvaluation.Bin(elapsed: 5, longTermCount: 1, lapses: 0))
        #expect(ModelEvaluation.Bin(elapsed: 1, longTermCount: 1, lapses: 0) != ModelEvaluation.Bin(elapsed: 10, longTermCount: 1, lapses: 0))
    }

    @Test func noItemsNoEvaluation() {
        #expect(ModelEvaluation.of(weights: w, on: TrainingSet(itemReviews: [])) == nil)
    }
}
