import FSRS
import Foundation
import Synchronization
import Testing
@testable import Study

/// `FirstByDue` keeps the first elements of the due order without sorting
/// every element offered (issue 20): against the whole sort it replaced,
/// on generated dues and keys with many ties of both, for every limit.
@Suite struct FirstByDueTests {
    /// The order as `QueueBuilder.byDue` made it before, word for word:
    /// every element sorted by due, key and place, then the first `limit`.
    static func wholeSort(_ elements: [(due: Date, key: String)], first limit: Int) -> [Int] {
        let order = elements.indices.map { i in (due: elements[i].due, key: elements[i].key, index: i) }
            .sorted { ($0.due, $0.key, $0.index) < ($1.due, $1.key, $1.index) }
        return order.prefix(limit).map(\.index)
    }

    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func keepsTheFirstOfTheWholeSort(seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        // Few distinct dues and keys: most elements tie with another on
        // due, many on due and key, so each part of the order is used.
        let elements = (0..<300).map { _ in
            (due: Fixtures.now.addingTimeInterval(Double(rng.below(7)) * 3600), key: "k\(rng.below(40))")
        }
        for limit in [0, 1, 2, 3, 7, 50, 199, 299, 300, 301, Int.max] {
            var first = FirstByDue<Int>(limit: limit) { elements[$0].key }
            for (i, element) in elements.enumerated() { first.offer(i, due: element.due) }
            #expect(first.sorted() == Self.wholeSort(elements, first: limit), "seed \(seed), limit \(limit)")
        }
    }

    @Test func aNegativeLimitKeepsNothing() {
        var first = FirstByDue<Int>(limit: -3) { _ in "a" }
        first.offer(1, due: Fixtures.now)
        #expect(first.sorted().isEmpty)
    }
    /// A key is made only to break a tie of due times: with every due
    /// time distinct none is, and with ties only the tied elements' are.
    @Test func keysAreMadeOnlyForTiesOfDueTimes() {
        let made = Mutex(0)
        let distinct = (0..<2_000).map { i in Fixtures.now.addingTimeInterval(Double((i * 7_919) % 2_000)) }
        var first = FirstByDue<Int>(limit: 300) { i in
            made.withLock { $0 += 1 }
            return "k\(i)"
        }
        for (i, due) in distinct.enumerated() { first.offer(i, due: due) }
        #expect(first.sorted().count == 300)
        #expect(made.withLock { $0 } == 0)
        // Two elements share the soonest due time: only their keys are
        // made, and the key orders them.
        made.withLock { $0 = 0 }
        var tied = FirstByDue<Int>(limit: 300) { i in
            made.withLock { $0 += 1 }
            return "k\(i)"
        }
        for (i, due) in distinct.enumerated() { tied.offer(i, due: due) }
        tied.offer(2_000, due: Fixtures.now)
        let sorted = tied.sorted()
        #expect(made.withLock { $0 } == 2)
        #expect(Array(sorted.prefix(2)) == [0, 2_000])
        #expect(sorted.count == 300)
    }
}
