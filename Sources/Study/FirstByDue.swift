import Foundation

/// The first `limit` elements offered, in the queue's one due order:
/// soonest due first, then by key, then in the order offered. Only those
/// are kept, in a heap whose root is the last of them, so an element that
/// comes after it is dropped with one comparison: at 100,000 cards tens of
/// thousands of reviews are due and 200 are asked, and sorting them all
/// was a tenth of a start.
struct FirstByDue<Element> {
    /// One kept element with what it is ordered by.
    private struct Entry {
        /// When it is due.
        var due: Date
        /// Its progress key (ties of due time).
        var key: String
        /// The order it was offered in (ties of key).
        var sequence: Int
        /// The element.
        var element: Element

        /// Whether `self` comes before `other` in the due order.
        func precedes(_ other: Entry) -> Bool {
            (due, key, sequence) < (other.due, other.key, other.sequence)
        }
    }

    /// How many are kept at most.
    let limit: Int
    /// The kept elements, a heap with the last in due order at the root.
    private var heap: [Entry] = []
    /// How many were offered, counting the dropped ones.
    private var offered = 0

    init(limit: Int) {
        self.limit = max(0, limit)
    }

    /// Offers one element, due at `due` under progress key `key`. The key
    /// is made only when it may count: while the heap fills, and for an
    /// element due no later than the root (an element due later comes
    /// after it whatever its key). Most reviews offered at a start are
    /// dropped by their due time alone, and making each one's key was a
    /// string per review.
    mutating func offer(_ element: Element, due: Date, key: @autoclosure () -> String) {
        let sequence = offered
        offered += 1
        guard limit > 0 else { return }
        if heap.count < limit {
            heap.append(Entry(due: due, key: key(), sequence: sequence, element: element))
            siftUp(heap.count - 1)
        } else if due <= heap[0].due {
            let entry = Entry(due: due, key: key(), sequence: sequence, element: element)
            guard entry.precedes(heap[0]) else { return }
            heap[0] = entry
            siftDown(0)
        }
    }

    /// The kept elements, soonest due first.
    func sorted() -> [Element] {
        heap.sorted { $0.precedes($1) }.map(\.element)
    }

    private mutating func siftUp(_ start: Int) {
        var child = start
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[parent].precedes(heap[child]) else { return }
            heap.swapAt(parent, child)
            child = parent
        }
    }

    private mutating func siftDown(_ start: Int) {
        var parent = start
        while true {
            var latest = parent
            let left = 2 * parent + 1, right = left + 1
            if left < heap.count, heap[latest].precedes(heap[left]) { latest = left }
            if right < heap.count, heap[latest].precedes(heap[right]) { latest = right }
            guard latest != parent else { return }
            heap.swapAt(parent, latest)
            parent = latest
        }
    }
}
