/// What students type for the nine Kazakh letters when only a Russian (or
/// English) keyboard layout is at hand (docs: kazakh-text.md §2.1).
///
/// The relation is directional: к typed where қ is expected is a fallback,
/// but қ typed where к is expected is a mistake.
public enum KeyboardFallback {
    /// The nine letters of the Kazakh alphabet that a Russian layout lacks,
    /// in both cases.
    public static let kazakhLetters: Set<Character> = [
        "ә", "ғ", "қ", "ң", "ө", "ұ", "ү", "һ", "і",
        "Ә", "Ғ", "Қ", "Ң", "Ө", "Ұ", "Ү", "Һ", "І",
    ]

    /// Expected lowercase Kazakh letter → the letters a student without the
    /// layout types instead. і has three: и and ы on a Russian layout, Latin
    /// i on an English one.
    public static let fallbacks: [Character: Set<Character>] = [
        "қ": ["к"], "ғ": ["г"], "ң": ["н"], "ө": ["о"], "ұ": ["у"], "ү": ["у"],
        "һ": ["х"], "ә": ["а"], "і": ["и", "ы", "i"],
    ]

    /// Where the Kazakh layout (KBDKAZ) has a Kazakh letter on the number
    /// row, the digit or sign a Russian layout gives on the same key. A
    /// student who believes the Kazakh layout is on types these.
    public static let numberRow: [Character: Character] = [
        "ә": "2", "і": "3", "ң": "4", "ғ": "5", "ү": "8", "ұ": "9", "қ": "0", "ө": "-", "һ": "=",
    ]

    /// Whether `text` has any of the nine Kazakh letters: then its writer
    /// has a Kazakh layout.
    public static func containsKazakhLetter(_ text: String) -> Bool {
        text.contains { kazakhLetters.contains($0) }
    }

    /// True when `typed` is `expected` or one of its fallbacks (both lower
    /// case).
    public static func isSameOrFallback(expected: Character, typed: Character) -> Bool {
        expected == typed || fallbacks[expected]?.contains(typed) == true
    }

    /// The (typed, expected) letter pairs when `typed` differs from
    /// `expected` only by fallbacks, letter for letter; nil when any other
    /// difference exists or they are equal.
    public static func fallbackPairs(expected: String, typed: String) -> [(typed: Character, expected: Character)]? {
        let e = Array(expected)
        let t = Array(typed)
        guard e.count == t.count, e != t else { return nil }
        var pairs: [(typed: Character, expected: Character)] = []
        for (x, y) in zip(e, t) where x != y {
            guard isSameOrFallback(expected: x, typed: y) else { return nil }
            pairs.append((typed: y, expected: x))
        }
        return pairs
    }

    /// A lossy fold to what a Russian keyboard can write, used only to
    /// compare morphemes (сіз ~ сиз ~ сыз): Kazakh letters to their
    /// fallbacks, and і, ы, и all to и.
    static func lossyFold(_ text: String) -> String {
        String(text.map { ch -> Character in
            switch ch {
            case "қ": "к"
            case "ғ": "г"
            case "ң": "н"
            case "ө": "о"
            case "ұ", "ү": "у"
            case "һ": "х"
            case "ә": "а"
            case "і", "ы", "i": "и"
            default: ch
            }
        })
    }
}
