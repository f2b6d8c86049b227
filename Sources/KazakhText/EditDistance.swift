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

    static func distance(_ a: [Character], _ b: [Character], same: (Character, Character) -> Bool = { $0 == $1 }) -> Int {
        table(a, b, same: same).last?.last ?? max(a.count, b.count)
    }

    /// A cheapest list of edits turning `expected` into `typed` (empty when
    /// they are equal).
    public static func edits(from expected: String, to typed: String) -> [Edit] {
        edits(Array(expected), Array(typed))
    }

    static func edits(_ a: [Character], _ b: [Character], same: (Character, Character) -> Bool = { $0 == $1 }) -> [Edit] {
        let d = table(a, b, same: same)
        var result: [Edit] = []
        var i = a.count
        var j = b.count
        while i > 0 || j > 0 {
            if i > 0, j > 0, same(a[i - 1], b[j - 1]), d[i][j] == d[i - 1][j - 1] {
                if a[i - 1] != b[j - 1] { result.append(.equivalent(expected: a[i - 1], typed: b[j - 1])) }
                i -= 1; j -= 1
            } else if i > 1, j > 1, same(a[i - 1], b[j - 2]), same(a[i - 2], b[j - 1]), d[i][j] == d[i - 2][j - 2] + 1 {
                result.append(.transposition(a[i - 2], a[i - 1]))
                i -= 2; j -= 2
            } else if i > 0, j > 0, d[i][j] == d[i - 1][j - 1] + 1 {
                result.append(.substitution(expected: a[i - 1], typed: b[j - 1]))
                i -= 1; j -= 1
            } else if i > 0, d[i][j] == d[i - 1][j] + 1 {
                result.append(.deletion(expected: a[i - 1]))
                i -= 1
            } else {
                result.append(.insertion(typed: b[j - 1]))
                j -= 1
            }
        }
        return result.reversed()
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
