import Foundation
import Testing

@testable import FSRS

/// The optimiser's hand-written reverse-mode gradient against central finite
/// differences of the same loss, and its forward pass against the
/// scheduler's own memory model.
@Suite struct OptimizerGradientTests {
    /// Random card histories: first rating, same-day steps and reviews from
    /// 1 to 400 days apart, including lapses.
    static func randomSet(seed: UInt64, cards: Int) -> TrainingSet {
        var generator = SeededGenerator(seed: seed)
        var histories: [ReviewHistory] = []
        var time: Int64 = 0
        for _ in 0..<cards {
            var day = generator.below(30)
            var reviews: [ReviewHistory.Review] = []
            for position in 0..<(2 + generator.below(12)) {
                if position > 0 {
                    day += generator.below(4) == 0 ? 0 : 1 + generator.below(generator.below(3) == 0 ? 400 : 20)
                }
                let rating = Rating(rawValue: 1 + generator.below(4)) ?? .good
                time += 1
                reviews.append(ReviewHistory.Review(day: day, rating: rating, time: time))
            }
            histories.append(ReviewHistory(reviews: reviews))
        }
        return TrainingSet(histories: histories)
    }

    /// Weights well inside their bounds, so that no clamp or `min` sits on
    /// a kink where the finite difference would straddle two formulas.
    static let interiorWeights: [Double] = [
        0.4, 1.1, 3.0, 12.0, 6.0, 0.7, 2.2, 0.03, 1.6, 0.2, 0.9,
        1.7, 0.08, 0.3, 1.4, 0.5, 2.1, 0.45, 0.15, 0.12, 0.35,
    ]

    /// The loss of all items of `set` and its gradient, one card at a time.
    static func lossAndGradient(_ w: [Double], _ set: TrainingSet) -> (Double, [Double]) {
        let weights = set.items.indices.map { RecencyWeight.weight(index: $0, count: set.items.count) }
        let batch = Optimizer.batches(set, items: set.items, weights: weights, size: 1 << 30)[0]
        let replay = SequenceReplay(weights: w)
        var steps: [SequenceReplay.Step] = []
        var gradient = [Double](repeating: 0, count: 21)
        let loss = gradient.withUnsafeMutableBufferPointer { g in
            batch.loss(replay, in: set, steps: &steps, gradient: g)
        }
        return (loss, gradient)
    }

    @Test(arguments: [(UInt64(1), false), (2, false), (3, true)])
    func gradientMatchesFiniteDifferences(seed: UInt64, defaults: Bool) {
        let set = Self.randomSet(seed: seed, cards: 60)
        #expect(set.items.count > 200)
        let w = defaults ? FSRSParameters.defaults : Self.interiorWeights
        let (_, gradient) = Self.lossAndGradient(w, set)
        for i in 0..<21 {
            let h = max(abs(w[i]), 0.01) * 1e-6
            var plus = w
            var minus = w
            plus[i] += h
            minus[i] -= h
            let numeric = (Self.lossAndGradient(plus, set).0 - Self.lossAndGradient(minus, set).0) / (2 * h)
            let scale = max(abs(numeric), abs(gradient[i]), 1e-3)
            #expect(
                abs(numeric - gradient[i]) / scale < 1e-4,
                "w\(i): analytic \(gradient[i]), finite difference \(numeric)")
        }
    }

    @Test func gradientIsNotZero() {
        // A gradient of zeros would pass the comparison above only if the
        // loss were flat too; make sure the data moves every trained weight.
        let set = Self.randomSet(seed: 4, cards: 80)
        let (_, gradient) = Self.lossAndGradient(Self.interiorWeights, set)
        for i in [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20] {
            #expect(gradient[i] != 0, "w\(i)")
        }
    }

    @Test func forwardPassEqualsTheSchedulersMemoryModel() {
        let set = Self.randomSet(seed: 5, cards: 50)
        for w in [FSRSParameters.defaults, Self.interiorWeights] {
            let model = MemoryModel(weights: w, maximumStability: 36_500)
            let predicted = ModelEvaluation.predictions(weights: w, set: set)
            for sequence in 0..<set.sequenceCount {
                var memory: MemoryState?
                for index in set.sequenceStarts[sequence]..<set.sequenceStarts[sequence + 1] {
                    let t = Double(set.elapsed[index])
                    if let memory, t > 0 {
                        let r = model.retrievability(elapsedDays: t, stability: memory.stability)
                        #expect(abs(predicted[index] - r) <= 1e-12 * r)
                    }
                    memory = model.nextMemoryState(
                        memory, elapsedDays: t, rating: Rating(rawValue: Int(set.ratings[index])) ?? .good)
                }
            }
        }
    }
}
