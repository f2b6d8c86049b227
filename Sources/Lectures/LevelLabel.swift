/// The label of a level question, in every numbering instructors use:
/// `1–деңгейлік сұрақ.`, `2-деңгей`, `3 деңгейлік тапсырма:`, `III–деңгейлік
/// сұрақ.`, `І деңгей:` (Roman numerals, typed in Latin or with the Cyrillic
/// І), `Деңгей 1.`, `Деңгей II` — the level before or after the word
/// «деңгей», with or without a dash and a final mark.
///
/// A label alone on its line (`1 деңгей`, `2-деңгей тапсырмалары:`,
/// `Бірінші деңгей`, `Деңгей 3 (талдау)`) is a heading: the questions of
/// that level follow it as a list (see `LevelList`). A level written as a
/// word (`Бірінші`) counts only as such a heading, because «Бірінші
/// деңгей – …» in running text describes a level of something else.
/// A label followed by a few words that ask nothing (`1-деңгей: білу және
/// түсіну`) heads a list too when a list follows it (see `mayDescribe`).
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
        /// Whether the label stands alone, naming at most a gloss in
        /// brackets (`1 деңгей (білу)`): the heading of a list of questions.
        var isHeading: Bool

        /// Whether the text after the label may say what the level tests
        /// (`1-деңгей: білу және түсіну`) rather than ask: a few words that
        /// neither ask nor bid. Such a label heads a list when one follows
        /// it, and is its own question otherwise.
        var mayDescribe: Bool {
            let words = rest.split(separator: " ").count
            return !isHeading && (1...6).contains(words) && !QuestionShape.asks(rest)
        }
    }

    /// The level a numeral names: 1–3 in digits (`1`, `1-ші`), Roman
    /// numerals or the ordinal words.
    static func level(_ numeral: Substring) -> Int? {
        let upper = numeral.uppercased()
        if let digit = upper.first?.wholeNumberValue { return (1...3).contains(digit) ? digit : nil }
        switch upper {
        case "БІРІНШІ": return 1
        case "ЕКІНШІ": return 2
        case "ҮШІНШІ": return 3
        default: break
        }
        switch upper.replacingOccurrences(of: "І", with: "I") {
        case "I": return 1
        case "II": return 2
        case "III": return 3
        default: return nil
        }
    }

    /// Whether the text after a label leaves it a heading: nothing, or a
    /// gloss in brackets with at most a final mark.
    static func headingRest(_ rest: Substring) -> Bool {
        guard let first = rest.first else { return true }
        guard first == "(", rest.count <= 60, let close = rest.lastIndex(of: ")") else { return false }
        return rest[rest.index(after: close)...].allSatisfy { ".: ".contains($0) }
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
            let heading = headingRest(m.4)
            // An ordinal word heads a list or is no label at all.
            if !heading, m.1.first?.isLetter == true, m.1.count > 3 { return nil }
            return Match(level: level, rest: m.4, isStrong: strong, isHeading: heading)
        }
        if let m = s.prefixMatch(of: Patterns.levelNumberAfter), let level = level(m.1) {
            return Match(level: level, rest: m.3, isStrong: !m.2.isEmpty, isHeading: headingRest(m.3))
        }
        return nil
    }
}
