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
    /// the distance exceeds it. Keeps three rows instead of the table: this
    /// runs against every known answer of similar length.
    static func distance<Letter: Equatable>(
        _ a: [Letter], _ b: [Letter], limit: Int = .max, same: (Letter, Letter) -> Bool = { $0 == $1 }
    ) -> Int {
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        if abs(a.count - b.count) > limit { return limit &+ 1 }
        var twoBack = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = i
            for j in 1...b.count {
                let cost = same(a[i - 1], b[j - 1]) ? 0 : 1
                var best = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, same(a[i - 1], b[j - 2]), same(a[i - 2], b[j - 1]) {
                    best = min(best, twoBack[j - 2] + 1)
                }
                current[j] = best
                rowMinimum = min(rowMinimum, best)
            }
            if rowMinimum > limit { return limit &+ 1 }
            (twoBack, previous, current) = (previous, current, twoBack)
        }
        return previous[b.count]
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

    /// A cheapest alignment of `a` with `b`, in order from the start.
    static func alignment(_ a: [Character], _ b: [Character], same: (Character, Character) -> Bool) -> [Step] {
        let d = table(a, b, same: same)
        var steps: [Step] = []
        var i = a.count
        var j = b.count
        while i > 0 || j > 0 {
            if i > 0, j > 0, same(a[i - 1], b[j - 1]), d[i][j] == d[i - 1][j - 1] {
                steps.append(.keep); i -= 1; j -= 1
            } else if i > 1, j > 1, same(a[i - 1], b[j - 2]), same(a[i - 2], b[j - 1]), d[i][j] == d[i - 2][j - 2] + 1 {
                steps.append(.transpose); i -= 2; j -= 2
            } else if i > 0, j > 0, d[i][j] == d[i - 1][j - 1] + 1 {
                steps.append(.substitute); i -= 1; j -= 1
            } else if i > 0, d[i][j] == d[i - 1][j] + 1 {
                steps.append(.delete); i -= 1
            } else {
                steps.append(.insert); j -= 1
            }
        }
        return steps.reversed()
    }

    private static func table(_ a: [Character], _ b: [Character], same: (Character, Character) -> Bool) -> [[Int]] {
        var d = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        if a.isEmpty || b.isEmpty { return d }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = same(a[i - 1], b[j - 1]) ? 0 : 1
                var best = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, same(a[i - 1], b[j - 2]), same(a[i - 2], b[j - 1]) {
                    best = min(best, d[i - 2][j - 2] + 1)
                }
                d[i][j] = best
            }
        }
        return d
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
