/// Restricted Damerau–Levenshtein (optimal string alignment) distance over
/// Swift `Character`s, so that a letter written with a combining mark
/// (й as и + U+0306) counts as one letter, and the edits that make it up.
public enum EditDistance {
    /// One edit of an alignment of an expected word with a typed one.
    public enum Edit: Hashable, Sendable {
        /// The typed text has `typed` where `expected` was expected.
        case substitution(expected: Character, typed: Character)
        /// A letter of the expected text is missing.
        case deletion(expected: Character)
        /// The typed text has an extra letter.
        case insertion(typed: Character)
        /// Two neighbouring letters are swapped.
        case transposition(Character, Character)
        /// Not an edit: a different letter that the comparison counts as the
        /// same (a Russian-layout fallback such as к for қ), kept so the
        /// student can be told about it.
        case equivalent(expected: Character, typed: Character)
    }

    /// The OSA distance between `a` and `b`.
    public static func distance(_ a: String, _ b: String) -> Int {
        distance(Array(a), Array(b))
    }

    /// The distance, or any number above `limit` as soon as it is clear
    /// the distance exceeds it. Memory is linear in the shorter text (three
    /// rows), and with a finite `limit` only a band of `2·limit+1` cells per
    /// row is filled: cells further from the diagonal need more than `limit`
    /// edits. Two 120 KB texts cost a few rows and a few million cells, not
    /// a table of 10¹⁰.
    static func distance<Letter: Equatable>(
        _ a: [Letter], _ b: [Letter], limit: Int = .max, same: (Letter, Letter) -> Bool = { $0 == $1 }
    ) -> Int {
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        if abs(a.count - b.count) > limit { return limit &+ 1 }
        // Rows run over the longer text, so a row is as long as the shorter
        // one; the comparison keeps its direction (expected, typed).
        if b.count > a.count {
            return distance(b, a, limit: limit, same: { x, y in same(y, x) })
        }
        let band = limit >= a.count ? a.count : limit
        let outside = band &+ 1
        var twoBack = [Int](repeating: outside, count: b.count + 1)
        var previous = [Int](repeating: outside, count: b.count + 1)
        var current = [Int](repeating: outside, count: b.count + 1)
        for j in 0...min(b.count, band) { previous[j] = j }
        for i in 1...a.count {
            let low = max(1, i - band)
            let high = min(b.count, i + band)
            current[0] = i <= band ? i : outside
            if low > 1 { current[low - 1] = outside }
            var rowMinimum = current[0]
            if low <= high {
                for j in low...high {
                    let cost = same(a[i - 1], b[j - 1]) ? 0 : 1
                    var best = min(previous[j] &+ 1, current[j - 1] &+ 1, previous[j - 1] &+ cost)
                    if i > 1, j > 1, same(a[i - 1], b[j - 2]), same(a[i - 2], b[j - 1]) {
                        best = min(best, twoBack[j - 2] &+ 1)
                    }
                    best = min(best, outside)
                    current[j] = best
                    rowMinimum = min(rowMinimum, best)
                }
            }
            if high < b.count { current[high + 1] = outside }
            if rowMinimum > limit { return limit &+ 1 }
            (twoBack, previous, current) = (previous, current, twoBack)
        }
        let result = previous[b.count]
        return result > limit ? limit &+ 1 : result
    }

    /// A cheapest list of edits turning `expected` into `typed` (empty when
    /// they are equal).
    public static func edits(from expected: String, to typed: String) -> [Edit] {
        edits(Array(expected), Array(typed))
    }

    static func edits(_ a: [Character], _ b: [Character], same: (Character, Character) -> Bool = { $0 == $1 }) -> [Edit] {
        var result: [Edit] = []
        var i = 0
        var j = 0
        for step in alignment(a, b, same: same) {
            switch step {
            case .keep:
                if a[i] != b[j] { result.append(.equivalent(expected: a[i], typed: b[j])) }
                i += 1; j += 1
            case .substitute:
                result.append(.substitution(expected: a[i], typed: b[j]))
                i += 1; j += 1
            case .transpose:
                result.append(.transposition(a[i], a[i + 1]))
                i += 2; j += 2
            case .delete:
                result.append(.deletion(expected: a[i]))
                i += 1
            case .insert:
                result.append(.insertion(typed: b[j]))
                j += 1
            }
        }
        return result
    }

    /// One step of an alignment, from the start of both texts.
    enum Step { case keep, substitute, transpose, delete, insert }

    /// The widest band the alignment fills around the diagonal: enough for
    /// any difference a student is told about letter by letter.
    static let alignmentBand = 24

    /// A cheapest alignment of `a` with `b`, in order from the start. The
    /// common beginning and end are kept without a table; the rest is
    /// aligned within a band of `alignmentBand` edits around the diagonal
    /// (memory linear in the texts). Texts that differ by more than that are
    /// shown as one run replaced by another: the letter detail of such an
    /// answer helps nobody, and the table for it would not fit in memory.
    static func alignment(_ a: [Character], _ b: [Character], same: (Character, Character) -> Bool) -> [Step] {
        var head = 0
        while head < a.count, head < b.count, same(a[head], b[head]) { head += 1 }
        var tail = 0
        while tail < a.count - head, tail < b.count - head, same(a[a.count - 1 - tail], b[b.count - 1 - tail]) {
            tail += 1
        }
        let middleA = Array(a[head..<(a.count - tail)])
        let middleB = Array(b[head..<(b.count - tail)])
        var steps = [Step](repeating: .keep, count: head)
        if let banded = bandedAlignment(middleA, middleB, band: alignmentBand, same: same) {
            steps += banded
        } else {
            let common = min(middleA.count, middleB.count)
            steps += [Step](repeating: .substitute, count: common)
            steps += [Step](repeating: .delete, count: middleA.count - common)
            steps += [Step](repeating: .insert, count: middleB.count - common)
        }
        steps += [Step](repeating: .keep, count: tail)
        return steps
    }

    /// The alignment within `band` cells of the diagonal, or nil when the
    /// texts need more than `band` edits. Row `i` keeps columns
    /// `i-band ... i+band` only.
    static func bandedAlignment(
        _ a: [Character], _ b: [Character], band: Int, same: (Character, Character) -> Bool
    ) -> [Step]? {
        if abs(a.count - b.count) > band { return nil }
        let width = 2 * band + 1
        let outside = Int.max / 4
        var d = [Int](repeating: outside, count: (a.count + 1) * width)
        func at(_ i: Int, _ j: Int) -> Int {
            let k = j - i + band
            guard j >= 0, k >= 0, k < width else { return outside }
            return d[i * width + k]
        }
        for i in 0...a.count {
            for j in max(0, i - band)...min(b.count, i + band) {
                var best: Int
                if i == 0 {
                    best = j
                } else if j == 0 {
                    best = i
                } else {
                    let cost = same(a[i - 1], b[j - 1]) ? 0 : 1
                    best = min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost)
                    if i > 1, j > 1, same(a[i - 1], b[j - 2]), same(a[i - 2], b[j - 1]) {
                        best = min(best, at(i - 2, j - 2) + 1)
                    }
                }
                d[i * width + (j - i + band)] = best
            }
        }
        guard at(a.count, b.count) <= band else { return nil }
        var steps: [Step] = []
        var i = a.count
        var j = b.count
        while i > 0 || j > 0 {
            let here = at(i, j)
            if i > 0, j > 0, same(a[i - 1], b[j - 1]), here == at(i - 1, j - 1) {
                steps.append(.keep); i -= 1; j -= 1
            } else if i > 1, j > 1, same(a[i - 1], b[j - 2]), same(a[i - 2], b[j - 1]), here == at(i - 2, j - 2) + 1 {
                steps.append(.transpose); i -= 2; j -= 2
            } else if i > 0, j > 0, here == at(i - 1, j - 1) + 1 {
                steps.append(.substitute); i -= 1; j -= 1
            } else if i > 0, here == at(i - 1, j) + 1 {
                steps.append(.delete); i -= 1
            } else {
                steps.append(.insert); j -= 1
            }
        }
        return steps.reversed()
    }

    /// How many edits a typo may have in a word of `length` Characters:
    /// 0 up to 4, 1 for 5–8, 2 for 9–14, 3 from 15. Deliberately stricter
    /// than flashcard apps for English, because in Kazakh one morpheme
    /// flips the meaning (тәуелсіз / тәуелді).
    public static func typoTolerance(forLength length: Int) -> Int {
        switch length {
        case ...4: 0
        case 5...8: 1
        case 9...14: 2
        default: 3
        }
    }
}
