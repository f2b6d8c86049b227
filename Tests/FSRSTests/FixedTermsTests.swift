import FSRS
import Foundation
import Testing

/// `MemoryModel.goodAndAgain`, which takes the powers of a state once for
/// many elapsed times, gives `nextMemoryState`'s bits for Good and Again.
@Suite struct FixedTermsTests {
    /// Weights drawn between each weight's bounds, and the defaults.
    static func weightSets(count: Int, seed: UInt64) -> [[Double]] {
        var random = SeededGenerator(seed: seed)
        var sets = [FSRSParameters.defaults]
        for _ in 0..<count {
            sets.append(
                (0..<FSRSParameters.count).map { i in
                    // A bound itself now and then: w9 and w19 at 0 skip `pow`.
                    let choice = Int.random(in: 0..<6, using: &random)
                    if choice == 0 { return FSRSParameters.lowerBounds[i] }
                    if choice == 1 { return FSRSParameters.upperBounds[i] }
                    return Double.random(
                        in: FSRSParameters.lowerBounds[i]...FSRSParameters.upperBounds[i], using: &random)
                })
        }
        return sets
    }

    @Test func goodAndAgainAreNextMemoryStateBitForBit() {
        var random = SeededGenerator(seed: 20_261_207)
        var compared = 0
        for weights in Self.weightSets(count: 40, seed: 7) {
            for capped in [false, true] {
                let model = MemoryModel(
                    weights: weights, maximumStability: capped ? SchedulerConfiguration.ankiMaximumStability : .infinity)
                for _ in 0..<200 {
                    // Stabilities below the clamp and above the cap too.
                    let memory = MemoryState(
                        stability: pow(10, Double.random(in: -4...5.5, using: &random)),
                        difficulty: Double.random(in: 0...11, using: &random))
                    let terms = model.fixedTerms(of: memory)
                    for _ in 0..<5 {
                        let elapsed = Double(Int.random(in: 1...400, using: &random))
                        let pair = model.goodAndAgain(terms, elapsedDays: elapsed)
                        let good = model.nextMemoryState(memory, elapsedDays: elapsed, rating: .good)
                        let again = model.nextMemoryState(memory, elapsedDays: elapsed, rating: .again)
                        #expect(pair.good.stability.bitPattern == good.stability.bitPattern)
                        #expect(pair.good.difficulty.bitPattern == good.difficulty.bitPattern)
                        #expect(pair.again.stability.bitPattern == again.stability.bitPattern)
                        #expect(pair.again.difficulty.bitPattern == again.difficulty.bitPattern)
                        let r = model.retrievability(elapsedDays: elapsed, stability: terms.stability)
                        #expect(pair.retrievability.bitPattern == r.bitPattern)
                        compared += 1
                    }
                }
            }
        }
        #expect(compared == 41 * 2 * 200 * 5)
    }
}
