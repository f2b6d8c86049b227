/// Prefixes and suffixes that flip or change a word's meaning, so that a
/// difference inside them is never forgiven as a typo (kazakh-text.md §3.4,
/// guard 4): тәуелсіз (independent) / тәуелді (dependent), реализм /
/// реалист, интеграция / дезинтеграция, биполярлы / униполярлы.
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

    /// A suffix family whose presence changes the meaning.
    struct Family: Sendable {
        /// How the family is named to the student, e.g. `-сыз/-сіз`.
        let label: String
        /// Its spellings, folded as by `KeyboardFallback.lossyFold`.
        let spellings: [String]
        /// True when only a spelling at the end of the word, or before a
        /// plural, possessive or case ending, counts: -шы/-ші and -лық/-лік
        /// also occur inside roots (шығыс, халық).
        let finalOnly: Bool
    }

    static let families: [Family] = [
        Family(label: "-сыз/-сіз", spellings: ["сиз"], finalOnly: false),
        Family(label: "-изм", spellings: ["изм"], finalOnly: false),
        Family(label: "-ист", spellings: ["ист"], finalOnly: false),
        Family(label: "-лық/-лік", spellings: ["лик", "дик", "тик"], finalOnly: true),
        Family(label: "-шы/-ші", spellings: ["ши"], finalOnly: true),
    ]

    /// Endings (folded) that may follow a final-only suffix: plural,
    /// possessive, genitive, dative, locative, accusative.
    static let endings: Set<String> = [
        "тар", "тер", "лар", "лер", "и", "ти", "ни", "ниң", "нин", "тин", "дин", "ка", "ке", "га", "ге", "та", "те", "да", "де",
    ]

    /// How often a family occurs in a folded word, not counting its first
    /// two letters (a suffix needs a stem).
    static func count(_ family: Family, in folded: String) -> Int {
        let letters = Array(folded)
        var n = 0
        for spelling in family.spellings {
            let s = Array(spelling)
            guard letters.count >= s.count + 2 else { continue }
            for start in 2...(letters.count - s.count) where Array(letters[start..<start + s.count]) == s {
                let end = start + s.count
                if family.finalOnly && end != letters.count && !endings.contains(String(letters[end...])) {
                    continue
                }
                n += 1
            }
        }
        return n
    }

    /// The suffix families found a different number of times in the two
    /// words (e.g. `-сыз/-сіз` in тәуелсіздік but not in тәуелділік).
    static func suffixFlips(expected: String, typed: String) -> [String] {
        let e = KeyboardFallback.lossyFold(expected)
        let t = KeyboardFallback.lossyFold(typed)
        return families.filter { count($0, in: e) != count($0, in: t) }.map(\.label)
    }
}
