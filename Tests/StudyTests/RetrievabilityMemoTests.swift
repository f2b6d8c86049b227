import FSRS
import Foundation
import Testing

@testable import Study

/// The statistics remember R per (stability, elapsed days): a remembered
/// value must be the one computed for that very pair, whichever pairs
/// shared its slot before, and a pair met again must not be computed again.
@Suite struct RetrievabilityMemoTests {
    @Test func everyValueIsTheSchedulersOwnForItsPair() throws {
        let scheduler = try Scheduler(SchedulerConfiguration())
        var memo = RetrievabilityMemo()
        var generator = SeededGenerator(seed: 20)
        // Far more pairs than slots, so slots are shared and taken over;
        // stabilities that differ in their last bit only, and pairs that
        // recur (the first 500 again and again).
        var pairs: [(Double, Int)] = (0..<3 * RetrievabilityMemo.slotCount).map { _ in
            (Double.random(in: 0.01...400, using: &generator), Int.random(in: 0...800, using: &generator))
        }
        var close = 3.5
        for index in 0..<200 {
            close = close.nextUp
            pairs.append((close, index % 3))
        }
        pairs += (0..<6).flatMap { _ in pairs.prefix(500) }
        pairs.shuffle(using: &generator)
        var computed = 0
        for (stability, days) in pairs {
            let value = memo.value(stability: stability, days: days) {
                computed += 1
                return scheduler.retrievability(stability: stability, elapsedDays: days)
            }
            #expect(
                value.bitPattern == scheduler.retrievability(stability: stability, elapsedDays: days).bitPattern,
                "S \(stability) after \(days) days")
        }
        // The recurring pairs were mostly remembered.
        #expect(computed < pairs.count - 2000)
    }

    @Test func aPairMetAgainIsNotComputedAgain() {
        var memo = RetrievabilityMemo()
        var computed = 0
        for _ in 0..<3 {
            _ = memo.value(stability: 12.25, days: 7) {
                computed += 1
                return 0.5
            }
        }
        #expect(computed == 1)
        // Another stability or another day is another pair.
        _ = memo.value(stability: 12.25.nextUp, days: 7) { computed += 1; return 0.4 }
        _ = memo.value(stability: 12.25, days: 8) { computed += 1; return 0.3 }
        #expect(computed == 3)
    }
}
