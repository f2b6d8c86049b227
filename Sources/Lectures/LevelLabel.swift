/// The label of a level question, in every numbering instructors use:
/// `1–деңгейлік сұрақ.`, `2-деңгей`, `3 деңгейлік тапсырма:`, `III–деңгейлік
/// сұрақ.`, `І деңгей:` (Roman numerals, typed in Latin or with the Cyrillic
/// І), `Деңгей 1.`, `Деңгей II` — the level before or after the word
/// «деңгей», with or without a dash and a final mark.
enum LevelLabel {
    /// A label found at the start of a text.
    struct Match {
        /// The level, 1–3.
        var level: Int
        /// The text after the label: the question.
        var rest: Substring
        /// Whether the label is unmistakable on its own — it ends in `.`,
        /// `:` or `)` or names «сұрақ»/«тапсырма» — so that it may be cut
        /// out of a line it was glued into.
        var isStrong: Bool
    }

    /// The level a numeral names: 1–3 in digits or Roman numerals.
    static func level(_ numeral: Substring) -> Int? {
        switch numeral.uppercased().replacingOccurrences(of: "І", with: "I") {
        case "1", "I": return 1
        case "2", "II": return 2
        case "3", "III": return 3
        default: return nil
        }
    }

    /// The label opening `text`, if any.
    static func parse(_ text: some StringProtocol) -> Match? {
        // The label opens the text: look for its word near the start only,
        // so a long paragraph is not searched through.
        let head = text.prefix(24)
        guard head.contains(text: "еңгей") || head.contains(text: "ЕҢГЕЙ") else { return nil }
        let s = Substring(text)
        if let m = s.prefixMatch(of: Patterns.levelNumberFirst), let level = level(m.1) {
            let strong = !m.3.isEmpty || m.2 != nil
            return Match(level: level, rest: m.4, isStrong: strong)
        }
        if let m = s.prefixMatch(of: Patterns.levelNumberAfter), let level = level(m.1) {
            return Match(level: level, rest: m.3, isStrong: !m.2.isEmpty)
        }
        return nil
    }
}
