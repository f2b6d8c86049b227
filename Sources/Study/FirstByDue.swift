import Foundation

/// The first `limit` elements offered, in the queue's one due order:
/// soonest due first, then by key, then in the order offered. Only those
/// are kept, in a heap whose root is the last of them, so an element that
/// comes after it is dropped with one comparison: at 100,000 cards tens of
/// thousands of reviews are due and 200 are asked, and sorting them all
/// was a tenth of a start.
struct FirstByDue<Element> {
    /// How many are kept at most.
    let limit: Int
    /// The kept elements by slot, with what they are ordered by: when
    /// each is due, its progress key (ties of due time) and the order it
    /// was offered in (ties of key). A slot, once filled, is only ever
    /// given to a later element that displaces the one in it.
    private var dues: [Date] = []
    private var keys: [String] = []
    private var sequences: [Int] = []
    private var elements: [Element] = []
    /// The slots, a heap with the last in due order at the root. The heap
    /// moves slot numbers only: with the limits at 9,999, moving whole
    /// entries (a key's string and a schedule each) was a fifth of a start
    /// at 100,000 cards.
    private var heap: [Int] = []
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
            dues.append(due)
            keys.append(key())
            sequences.append(sequence)
            elements.append(element)
            heap.append(heap.count)
            siftUp(heap.count - 1)
        } else if due <= dues[heap[0]] {
            let root = heap[0]
            let key = key()
            // Later offers come after the root on every tie of due and key.
            guard due < dues[root] || key < keys[root] else { return }
            dues[root] = due
            keys[root] = key
            sequences[root] = sequence
            elements[root] = element
            siftDown(0)
        }
    }

    /// Calls `body` with each kept element, its due time and its key, in
    /// the order they were offered: offered so to another `FirstByDue`
    /// after its own, they are kept there as if every element this one
    /// was offered had been offered there (an element this one dropped
    /// has `limit` kept ones before it, which come before it there too).
    func forEachKept(_ body: (Element, Date, String) -> Void) {
        for slot in heap.indices.sorted(by: { sequences[$0] < sequences[$1] }) {
            body(elements[slot], dues[slot], keys[slot])
        }
    }

    /// Whether the element in slot `a` comes before the one in slot `b`.
    private func precedes(_ a: Int, _ b: Int) -> Bool {
        if dues[a] != dues[b] { return dues[a] < dues[b] }
        if keys[a] != keys[b] { return keys[a] < keys[b] }
        return sequences[a] < sequences[b]
    }

    /// The kept elements, soonest due first.
    func sorted() -> [Element] {
        heap.sorted { precedes($0, $1) }.map { elements[$0] }
    }

    private mutating func siftUp(_ start: Int) {
        var child = start
        while child > 0 {
            let parent = (child - 1) / 2
            guard precedes(heap[parent], heap[child]) else { return }
            heap.swapAt(parent, child)
            child = parent
        }
    }

    private mutating func siftDown(_ start: Int) {
        var parent = start
        while true {
            var latest = parent
            let left = 2 * parent + 1, right = left + 1
            if left < heap.count, precedes(heap[latest], heap[left]) { latest = left }
            if right < heap.count, precedes(heap[latest], heap[right]) { latest = right }
            guard latest != parent else { return }
            heap.swapAt(parent, latest)
            parent = latest
        }
    }
}

/// A list of plain values (dates, keys, numbers) and its elements: handed
/// from the thread that walked the second half of the faces to the one that
/// joins the halves (`QueueBuilder`).
extension FirstByDue: Sendable where Element: Sendable {}
