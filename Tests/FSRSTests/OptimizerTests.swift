import Foundation
import Testing

@testable import FSRS

/// The optimiser's steps besides the gradient: thresholds, determinism,
/// the outlier filter, pre-training, clipping, the learning-rate schedule,
/// and that training finds a student's true forgetting curve.
@Suite struct OptimizerTests {
    /// A simulated student: `cards` cards reviewed when the default
    /// scheduler says, recalled with probability R under `truth`.
    static func student(truth: [Double], cards: Int, seed: UInt64) -> [ReviewHistory] {
        let model = MemoryModel(weights: truth, maximumStability: 36_500)
        let app = MemoryModel(weights: FSRSParameters.defaults, maximumStability: 36_500)
        var generator = SeededGenerator(seed: seed)
        var histories: [ReviewHistory] = []
        for _ in 0..<cards {
            var day = generator.below(300)
            let first: Rating = [.again, .hard, .good, .good, .good, .easy][generator.below(6)]
            var memory = model.nextMemoryState(nil, elapsedDays: 0, rating: first)
            var scheduled = app.nextMemoryState(nil, elapsedDays: 0, rating: first)
            var reviews = [ReviewHistory.Review(day: day, rating: first, time: Int64(day))]
            while true {
                let interval = app.nextInterval(stability: scheduled.stability, desiredRetention: 0.9, maximumInterval: 36_500)
                // Reviews from a third of the interval to three times it, so
                // that the shape of the forgetting curve shows in the data.
                let elapsed = max(1, interval * (1 + generator.below(9)) / 3)
                day += elapsed
                if day > 700 { break }
                let r = model.retrievability(elapsedDays: Double(elapsed), stability: memory.stability)
                let recalled = Double(generator.below(1 << 20)) / Double(1 << 20) < r
                let rating: Rating = recalled ? (generator.below(10) == 0 ? .hard : .good) : .again
                memory = model.nextMemoryState(memory, elapsedDays: Double(elapsed), rating: rating)
                scheduled = app.nextMemoryState(scheduled, elapsedDays: Double(elapsed), rating: rating)
                reviews.append(ReviewHistory.Review(day: day, rating: rating, time: Int64(day)))
            }
            histories.append(ReviewHistory(reviews: reviews))
        }
        return histories
    }

    /// A student who remembers much better than the defaults assume:
    /// Good on a new card lasts 8 days (default 2.3), and every success
    /// grows stability more (w8 = 2.5, default 1.87).
    static var steepTruth: [Double] {
        var w = FSRSParameters.defaults
        w[2] = 8.0
        w[8] = 2.5
        return w
    }

    @Test func trainingFindsTheStudentsMemory() throws {
        let train = TrainingSet(histories: Self.student(truth: Self.steepTruth, cards: 600, seed: 1))
        let test = TrainingSet(histories: Self.student(truth: Self.steepTruth, cards: 300, seed: 2))
        let result = Optimizer.fit(train)
        #expect(result.outcome == .trained)
        #expect(FSRSParameters.problems(in: result.parameters).isEmpty)
        #expect(result.parameters[2] > 5, "w2 \(result.parameters[2]) should move towards 8")
        // No check on w8 (truth 2.5, default 1.87): on this very history
        // fsrs-rs's own fit leaves it at 1.859, as jatta's now does; the
        // steeper growth shows in w2 and in the held-out log loss below.
        let fitted = try #require(ModelEvaluation.of(weights: result.parameters, on: test))
        let defaults = try #require(ModelEvaluation.of(weights: FSRSParameters.defaults, on: test))
        let truth = try #require(ModelEvaluation.of(weights: Self.steepTruth, on: test))
        #expect(fitted.logLoss < defaults.logLoss)
        #expect(fitted.logLoss < truth.logLoss * 1.01)
        #expect(fitted.rmseBins < defaults.rmseBins)
    }

    @Test func theSameHistoryAndSeedGiveTheSameBits() {
        let set = TrainingSet(histories: Self.student(truth: Self.steepTruth, cards: 300, seed: 3))
        let a = Optimizer.fit(set)
        let b = Optimizer.fit(set)
        #expect(a.parameters == b.parameters)
        let other = Optimizer.fit(set, configuration: OptimizerConfiguration(seed: 7))
        #expect(other.parameters != a.parameters)
    }

    @Test func fewItemsKeepTheDefaultsOrFitOnlyInitialStabilities() {
        let histories = Self.student(truth: Self.steepTruth, cards: 300, seed: 4)
        let set = TrainingSet(histories: histories)
        // Under 8 items: the defaults.
        let tiny = set.keeping(Array(set.items.prefix(5)))
        let none = Optimizer.fit(tiny)
        #expect(none.outcome == .defaults && none.parameters == FSRSParameters.defaults)
        // Under 64 items: w0 … w3 only.
        let few = set.keeping(Array(set.items.prefix(40)))
        let initial = Optimizer.fit(few, configuration: OptimizerConfiguration(filtersOutliers: false))
        #expect(initial.outcome == .initialStabilityOnly)
        #expect(Array(initial.parameters[4...]) == Array(FSRSParameters.defaults[4...]))
        #expect(Array(initial.parameters[0..<4]) != Array(FSRSParameters.defaults[0..<4]))
        // Asked for w0 … w3 only, with plenty of items.
        let asked = Optimizer.fit(set, configuration: OptimizerConfiguration(fitsAllWeights: false))
        #expect(asked.outcome == .initialStabilityOnly)
    }

    @Test func outlierFilterDropsRareFirstIntervalsWithTheirCards() {
        // 200 cards first rated Good and seen again 3 days later; 4 cards seen
        // again after 500 days (a rare group, and beyond 100 days).
        var histories: [ReviewHistory] = []
        for card in 0..<204 {
            let gap = card < 200 ? 3 : 500
            histories.append(
                ReviewHistory(reviews: [
                    .init(day: 0, rating: .good, time: 0), .init(day: gap, rating: .good, time: Int64(gap)),
                    .init(day: gap + 10, rating: .good, time: Int64(gap + 10)),
                ]))
        }
        let set = TrainingSet(histories: histories)
        let filter = OutlierFilter(set)
        #expect(set.items.count == 408)
        #expect(filter.training.count == 400)
        #expect(filter.training.allSatisfy { $0.sequence < 200 })
        #expect(filter.firstIntervals.count == 200)
        #expect(OutlierFilter(set, enabled: false).training.count == 408)
    }

    @Test func initialStabilitiesAreMadeIncreasingAndFilledIn() throws {
        // Good below Hard: the rating with fewer items gives way.
        let smoothed = try #require(
            InitialStability.smoothAndFill([2: 3.0, 3: 2.0], counts: [2: 10, 3: 100]))
        #expect(smoothed[1] == 2.0 && abs(smoothed[2] - 2.0) < 1e-12)
        #expect(smoothed[0] <= smoothed[1] + 1e-12 && smoothed[2] <= smoothed[3] + 1e-12)
        // Present and increasing: kept as they are; missing ones filled in between.
        let gap = try #require(InitialStability.smoothAndFill([1: 0.5, 3: 4.0, 4: 20.0], counts: [1: 30, 3: 200, 4: 40]))
        #expect(gap[0] == 0.5 && gap[2] == 4.0 && gap[3] == 20.0)
        #expect(gap[1] > 0.5 && gap[1] < 4.0)
        // One rating: the defaults scaled by its ratio.
        let one = try #require(InitialStability.smoothAndFill([3: 2 * 2.3065], counts: [3: 50]))
        for i in 0..<4 { #expect(abs(one[i] - 2 * FSRSParameters.defaults[i]) < 1e-12) }
        #expect(InitialStability.smoothAndFill([:], counts: [:]) == nil)
    }

    @Test func clippingKeepsEveryWeightInItsTrainingRange() {
        var w = [Double](repeating: 1000, count: 21)
        ParameterClipping.clip(&w, relearningSteps: 1)
        #expect(Array(w[0..<4]) == [100, 100, 100, 100])
        #expect(w[17] == 2 && w[18] == 2 && w[20] == 0.8)
        var low = [Double](repeating: -1, count: 21)
        ParameterClipping.clip(&low, relearningSteps: 1)
        #expect(low[19] == 0.01 && low[4] == 1 && low[20] == 0.1)
        var several = FSRSParameters.defaults
        several[17] = 2
        several[18] = 2
        ParameterClipping.clip(&several, relearningSteps: 3)
        #expect(several[17] < 2 && several[17] == several[18])
    }

    @Test func cosineScheduleFallsFromTheInitialRateToZero() {
        let schedule = CosineSchedule(initialRate: 0.04, totalSteps: 10)
        #expect(schedule.rate(at: 0) == 0.04)
        #expect(abs(schedule.rate(at: 5) - 0.02) < 1e-15)
        #expect(abs(schedule.rate(at: 10)) < 1e-15)
    }

    /// The batch order is fsrs-rs's: its generator is rand's `StdRng`
    /// (ChaCha12). The words are rand's own reference values for
    /// `StdRng::from_seed([0; 32])` (its test `test_chacha_true_values_1`,
    /// the first two u128s, little-endian).
    @Test func batchShuffleRunsRandsChaCha12() {
        var zero = BatchShuffle(keyWords: Array(repeating: 0, count: 8))
        let words = (0..<8).map { _ in zero.nextWord() }
        let expected: [UInt32] = [
            0x6a9a_f49b, 0x53f9_5507, 0x12ce_1f81, 0xd583_265f, 0xbbc3_2904, 0x1474_e049, 0xa589_007e, 0x5f15_ae2e,
        ]
        #expect(words == expected)
    }

    /// Every epoch's order is a permutation, and epochs differ.
    @Test func batchShuffleGivesPermutations() {
        var shuffle = BatchShuffle(seed: 2023)
        let first = shuffle.order(200)
        let second = shuffle.order(200)
        #expect(first.sorted() == Array(0..<200) && second.sorted() == Array(0..<200))
        #expect(first != second && first != Array(0..<200))
        #expect(shuffle.order(1) == [0] && shuffle.order(0) == [])
    }
}
