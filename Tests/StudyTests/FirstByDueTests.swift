import FSRS
import Foundation
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
            var first = FirstByDue<Int>(limit: limit)
            for (i, element) in elements.enumerated() { first.offer(i, due: element.due, key: element.key) }
            #expect(first.sorted() == Self.wholeSort(elements, first: limit), "seed \(seed), limit \(limit)")
        }
    }

    @Test func aNegativeLimitKeepsNothing() {
        var first = FirstByDue<Int>(limit: -3)
        first.offer(1, due: Fixtures.now, key: "a")
        #expect(first.sorted().isEmpty)
    }
}
