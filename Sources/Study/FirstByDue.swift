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
    /// The progress key of an element, asked only to break a tie of due
    /// times: with the limits at 9,999, a string for each of the tens of
    /// thousands of reviews that entered the heap was a third of the time
    /// the larger queue costs, and exact ties of due times are rare.
    let keyOf: @Sendable (Element) -> String
    /// The kept elements by slot, with what they are ordered by: when
    /// each is due, its progress key (ties of due time; made when first
    /// needed, then kept) and the order it was offered in (ties of key).
    /// A slot, once filled, is only ever given to a later element that
    /// displaces the one in it.
    private var dues: [Date] = []
    private var keys: [String?] = []
    private var sequences: [Int] = []
    private var elements: [Element] = []
    /// The slots, a heap with the last in due order at the root once
    /// `limit` are kept (`isHeap`); until then in the order they were
    /// filled, since nothing is dropped before and neither `sorted` nor
    /// `forEachKept` needs the heap's order. The heap moves slot numbers
    /// only: with the limits at 9,999, moving whole entries (a key's string
    /// and a schedule each) was a fifth of a start at 100,000 cards.
    private var heap: [Int] = []
    /// Whether `heap` is in heap order: made so, in one pass, when an
    /// element is offered to a full list. The kept queue offers the
    /// reviews soonest first, each of which went to the root of the heap:
    /// at limits of 9,999, sifting every one up was a ninth of the start's
    /// extra work.
    private var isHeap = true
    /// How many were offered, counting the dropped ones.
    private var offered = 0

    init(limit: Int, keyOf: @escaping @Sendable (Element) -> String) {
        self.limit = max(0, limit)
        self.keyOf = keyOf
    }

    /// Offers one element, due at `due`. An element due later than the
    /// root, once the heap is full, is dropped by its due time alone.
    mutating func offer(_ element: Element, due: Date) {
        let sequence = offered
        offered += 1
        guard limit > 0 else { return }
        if heap.count < limit {
            dues.append(due)
            keys.append(nil)
            sequences.append(sequence)
            elements.append(element)
            heap.append(heap.count)
            isHeap = false
            return
        }
        if !isHeap {
            for parent in stride(from: heap.count / 2 - 1, through: 0, by: -1) { siftDown(parent) }
            isHeap = true
        }
        if due <= dues[heap[0]] {
            let root = heap[0]
            var newKey: String?
            if due == dues[root] {
                // Later offers come after the root on every tie of due and key.
                let key = keyOf(element)
                guard key < self.key(root) else { return }
                newKey = key
            }
            dues[root] = due
            keys[root] = newKey
            sequences[root] = sequence
            elements[root] = element
            siftDown(0)
        }
    }

    /// Calls `body` with each kept element and its due time, in the order
    /// they were offered: offered so to another `FirstByDue` after its
    /// own, they are kept there as if every element this one was offered
    /// had been offered there (an element this one dropped has `limit`
    /// kept ones before it, which come before it there too).
    func forEachKept(_ body: (Element, Date) -> Void) {
        for slot in heap.indices.sorted(by: { sequences[$0] < sequences[$1] }) {
            body(elements[slot], dues[slot])
        }
    }

    /// The key of the element in `slot`, made once.
    private mutating func key(_ slot: Int) -> String {
        if let key = keys[slot] { return key }
        let key = keyOf(elements[slot])
        keys[slot] = key
        return key
    }

    /// Whether the element in slot `a` comes before the one in slot `b`.
    private mutating func precedes(_ a: Int, _ b: Int) -> Bool {
        if dues[a] != dues[b] { return dues[a] < dues[b] }
        let (keyA, keyB) = (key(a), key(b))
        if keyA != keyB { return keyA < keyB }
        return sequences[a] < sequences[b]
    }

    /// The kept elements, soonest due first.
    mutating func sorted() -> [Element] {
        // By due time first (then as offered); only a run of equal due
        // times is put in key order, its keys made then. Finding the ties
        // by hashing every due time was a third of ordering 9,999 reviews.
        let (dues, sequences) = (dues, sequences)
        var order = heap.sorted { a, b in dues[a] != dues[b] ? dues[a] < dues[b] : sequences[a] < sequences[b] }
        var start = 0
        while start < order.count {
            var end = start + 1
            while end < order.count, dues[order[end]] == dues[order[start]] { end += 1 }
            if end - start > 1 {
                for slot in order[start..<end] { _ = key(slot) }
                let keys = keys
                order[start..<end].sort { a, b in
                    keys[a] != keys[b] ? keys[a]! < keys[b]! : sequences[a] < sequences[b]
                }
            }
            start = end
        }
        return order.map { elements[$0] }
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
