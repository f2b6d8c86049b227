import FSRS
import Foundation
import Testing

/// The memory model's formulas, checked against values derived by hand from
/// the FSRS-6 definitions with the default weights.
@Suite struct MemoryModelTests {
    let model = MemoryModel(weights: FSRSParameters.defaults)

    @Test func decayAndFactorFollowW20() {
        #expect(model.decay == -0.1542)
        // FACTOR = 0.9^(1/DECAY) - 1, chosen so that R(S, S) = 0.9.
        #expect(abs(model.factor - 0.9803464944134797) < 1e-15)
        for s in [0.5, 3.0, 10.0, 400.0] {
            #expect(abs(model.retrievability(elapsedDays: s, stability: s) - 0.9) < 1e-14)
        }
    }

    @Test(arguments: [(0.0, 1.0), (1, 0.98568), (2, 0.97277), (5, 0.94034), (10, 0.9), (20, 0.84588), (100, 0.69283)])
    func forgettingCurveAtStabilityTen(days: Double, expected: Double) {
        #expect(abs(model.retrievability(elapsedDays: days, stability: 10) - expected) < 5e-6)
    }

    @Test func negativeElapsedTimeCountsAsNone() {
        #expect(model.retrievability(elapsedDays: -3, stability: 10) == 1)
    }

    @Test func initialStabilityIsTheFirstFourWeights() {
        #expect(model.initialStability(.again) == 0.212)
        #expect(model.initialStability(.hard) == 1.2931)
        #expect(model.initialStability(.good) == 2.3065)
        #expect(model.initialStability(.easy) == 8.2956)
    }

    @Test func initialDifficulty() {
        // D0(G) = w4 - e^(w5 (G-1)) + 1, clamped to [1, 10].
        #expect(model.initialDifficulty(.again) == 6.4133)
        #expect(abs(model.initialDifficulty(.hard) - (6.4133 - Foundation.exp(0.8334) + 1)) < 1e-14)
        #expect(abs(model.initialDifficulty(.good) - 2.118103970459016) < 1e-14)
        #expect(model.initialDifficulty(.easy) == 1)
        #expect(abs(model.initialDifficultyUnclamped(.easy) - -4.771630703161737) < 1e-14)
    }

    @Test func difficultyIsDampedAndRevertsToTheEasyMean() {
        // Good leaves ΔD = 0, so only mean reversion acts: 0.001·D0raw(Easy) + 0.999·D.
        let d = 5.0
        let reverted = 0.001 * -4.771630703161737 + 0.999 * d
        #expect(abs(model.nextDifficulty(d, rating: .good) - reverted) < 1e-14)
        // Again: ΔD = 2·w6, damped by (10 - D)/9.
        let again = 0.001 * -4.771630703161737 + 0.999 * (d + (10 - d) * (2 * 3.0194) / 9)
        #expect(abs(model.nextDifficulty(d, rating: .again) - again) < 1e-14)
        // Damping stops difficulty at 10 however often Again comes.
        var hardest = 9.0
        for _ in 0..<50 { hardest = model.nextDifficulty(hardest, rating: .again) }
        #expect(hardest <= 10 && hardest > 9.9)
        #expect(model.nextDifficulty(1, rating: .easy) == 1)
    }

    @Test func sameDayReviewsNeverLowerStabilityExceptAgain() {
        for s in [0.01, 1, 2.3065, 50, 3000] {
            #expect(model.stabilityAfterSameDay(stability: s, rating: .hard) >= s)
            #expect(model.stabilityAfterSameDay(stability: s, rating: .good) >= s)
            #expect(model.stabilityAfterSameDay(stability: s, rating: .easy) > s)
            #expect(model.stabilityAfterSameDay(stability: s, rating: .again) < s)
        }
        // SInc = e^(w17 (G - 3 + w18)) · S^(-w19).
        let s = 4.0
        let easy = s * Foundation.exp(0.5425 * (1 + 0.0912)) * Foundation.pow(s, -0.0658)
        #expect(abs(model.stabilityAfterSameDay(stability: s, rating: .easy) - easy) < 1e-12)
    }

    @Test func recallGrowsStabilityAndLapseShrinksIt() {
        let s = 10.0, d = 5.0, r = 0.9
        let good = model.stabilityAfterRecall(stability: s, difficulty: d, retrievability: r, rating: .good)
        let expected =
            s * (1 + Foundation.exp(1.8722) * (11 - d) * Foundation.pow(s, -0.1666) * (Foundation.exp(0.1 * 0.796) - 1))
        #expect(abs(good - expected) / expected < 1e-14)
        let hard = model.stabilityAfterRecall(stability: s, difficulty: d, retrievability: r, rating: .hard)
        let easy = model.stabilityAfterRecall(stability: s, difficulty: d, retrievability: r, rating: .easy)
        #expect(abs(hard - (s + (expected - s) * 0.6014)) < 1e-12)
        #expect(abs(easy - (s + (expected - s) * 1.8729)) < 1e-12)
        let lapse = model.stabilityAfterLapse(stability: s, difficulty: d, retrievability: r)
        let longTerm =
            1.4835 * Foundation.pow(d, -0.0614) * (Foundation.pow(s + 1, 0.2629) - 1) * Foundation.exp(0.1 * 1.6483)
        #expect(abs(lapse - min(longTerm, s / Foundation.exp(0.5425 * 0.0912))) < 1e-12)
        #expect(lapse < s)
    }

    @Test func stabilityCapApplies() {
        let capped = MemoryModel(weights: FSRSParameters.defaults, maximumStability: 36_500)
        let s = capped.stabilityAfterRecall(stability: 30_000, difficulty: 1, retrievability: 0.5, rating: .easy)
        #expect(s == 36_500)
        let uncapped = model.stabilityAfterRecall(stability: 30_000, difficulty: 1, retrievability: 0.5, rating: .easy)
        #expect(uncapped > 36_500)
    }

    /// A stability whose raw interval at 90% retention is exactly `target`:
    /// the quotient is off by an ulp or so, so the neighbours are searched.
    private func stability(givingRawInterval target: Double) -> Double? {
        var candidate = target / model.rawInterval(stability: 1, desiredRetention: 0.9)
        for _ in 0..<16 { candidate = candidate.nextDown }
        for _ in 0..<33 {
            if model.rawInterval(stability: candidate, desiredRetention: 0.9) == target { return candidate }
            candidate = candidate.nextUp
        }
        return nil
    }

    @Test func intervalEqualsStabilityAtNinetyPercentAndRoundsHalfToEven() throws {
        #expect(model.nextInterval(stability: 10.971048263078135, desiredRetention: 0.9, maximumInterval: 36_500) == 11)
        #expect(model.nextInterval(stability: 2.3065, desiredRetention: 0.9, maximumInterval: 36_500) == 2)
        #expect(model.nextInterval(stability: 0.01, desiredRetention: 0.9, maximumInterval: 36_500) == 1)
        #expect(model.nextInterval(stability: 1e12, desiredRetention: 0.9, maximumInterval: 365) == 365)
        // Raw intervals of exactly 2.5 and 3.5 days round to the even
        // neighbour, 2 and 4, as Python's round does.
        let twoAndAHalf = try #require(stability(givingRawInterval: 2.5))
        try #require(model.rawInterval(stability: twoAndAHalf, desiredRetention: 0.9) == 2.5)
        #expect(model.nextInterval(stability: twoAndAHalf, desiredRetention: 0.9, maximumInterval: 36_500) == 2)
        let threeAndAHalf = try #require(stability(givingRawInterval: 3.5))
        try #require(model.rawInterval(stability: threeAndAHalf, desiredRetention: 0.9) == 3.5)
        #expect(model.nextInterval(stability: threeAndAHalf, desiredRetention: 0.9, maximumInterval: 36_500) == 4)
        // Lower retention means longer intervals: I/S = 3.316 at 0.8, 0.4026 at 0.95.
        #expect(abs(model.rawInterval(stability: 1, desiredRetention: 0.8) - 3.316) < 5e-4)
        #expect(abs(model.rawInterval(stability: 1, desiredRetention: 0.95) - 0.4026) < 5e-5)
    }
}

/// A weight of 0 as an exponent (w9 or w19 fitted to their lower bound)
/// skips its `pow`, which must not change a bit: `pow(x, -0)` is 1.
@Suite struct ZeroExponentTests {
    @Test func recallAndSameDayEqualTheFormulaWithPow() {
        var weights = FSRSParameters.defaults
        weights[9] = 0
        weights[19] = 0
        let model = MemoryModel(weights: weights)
        let e = 2.718281828459045
        for s in [0.001, 0.3, 1, 2.5, 77.7, 3000] {
            for d in [1.0, 4.2, 10] {
                let r = model.retrievability(elapsedDays: 3, stability: s)
                let recall = s * (1 + Foundation.pow(e, weights[8]) * (11 - d) * Foundation.pow(s, -weights[9])
                    * (Foundation.pow(e, (1 - r) * weights[10]) - 1))
                let got = model.stabilityAfterRecall(stability: s, difficulty: d, retrievability: r, rating: .good)
                #expect(got.bitPattern == max(recall, 0.001).bitPattern, "S \(s), D \(d)")
            }
            let again = Foundation.pow(e, weights[17] * (-2 + weights[18])) * Foundation.pow(s, -weights[19])
            #expect(model.stabilityAfterSameDay(stability: s, rating: .again).bitPattern == max(s * again, 0.001).bitPattern)
        }
    }
}
