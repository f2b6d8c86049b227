/// Prefixes that flip or change a word's meaning, so that a difference in
/// them is never forgiven as a typo (kazakh-text.md §3.4, guard 4):
/// интеграция / дезинтеграция, биполярлы / униполярлы. Suffixes are
/// `DerivationalSuffix`, found by `WordAnalysis` at the end of the stem
/// rather than anywhere in the word.
enum MeaningMorphemes {
    /// Prefixes of international terms, longest first so дез- wins over де-.
    static let prefixes: [String] = ["мульти", "контр", "анти", "пост", "нео", "дез", "уни", "бей", "де", "би"]

    /// A word's prefix from the list, if the rest is still a word (three or
    /// more letters), and the rest.
    static func splitPrefix(_ word: String) -> (prefix: String, rest: String) {
        for p in prefixes where word.hasPrefix(p) && word.count - p.count >= 3 {
            return (p, String(word.dropFirst(p.count)))
        }
        return ("", word)
    }

    /// The two prefixes when `expected` and `typed` are the same word with a
    /// different prefix (or one without it); nil otherwise.
    static func prefixFlip(expected: String, typed: String) -> (expected: String, typed: String)? {
        let e = splitPrefix(KeyboardFallback.lossyFold(expected))
        let t = splitPrefix(KeyboardFallback.lossyFold(typed))
        guard e.prefix != t.prefix, e.rest == t.rest else { return nil }
        return (e.prefix, t.prefix)
    }
}
