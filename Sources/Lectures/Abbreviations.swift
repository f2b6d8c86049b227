import KazakhText

/// The abbreviations the lectures spell out, so a question about «ЕАЭО»
/// finds the passages on «Еуразиялық экономикалық одақ» and back:
/// «Еуразиялық экономикалық одақ (ЕАЭО)» in running text, and glossary
/// entries whose term is an abbreviation («АӨСШК – Азиядағы өзара іс-қимыл
/// және сенім шаралары жөніндегі кеңес.»).
///
/// An expansion is accepted only when the abbreviation's letters can be
/// read off it in order: each used word gives its first letter and maybe
/// more of its own letters (Е-А from «Еуразиялық»); words in between may be
/// passed over (іс-қимыл, және), never the first or the last.
public struct Abbreviations: Sendable {
    /// Lower-case abbreviation → the lower-case words of its expansion.
    public private(set) var expansions: [String: [String]] = [:]

    public init() {}

    /// Learns every «words (ABBR)» in a paragraph.
    mutating func learn(from text: String) {
        // Read as bytes: Foundation's `contains` leaves UTF-16
        // bookkeeping on every paragraph's text for as long as it lives.
        guard text.utf8.contains(UInt8(ascii: "(")) else { return }
        var searchFrom = text.startIndex
        while let open = text[searchFrom...].firstIndex(of: "(") {
            searchFrom = text.index(after: open)
            let inside = text[searchFrom...].prefix { $0 != ")" }
            guard inside.count >= 2, inside.count <= 8, Dehyphenation.isAbbreviation(String(inside)),
                inside.allSatisfy(\.isLetter)
            else { continue }
            let before = text[..<open].suffix(200).split(separator: " ").suffix(10).map(Self.bare)
            for start in stride(from: before.count - 1, through: 0, by: -1) {
                let words = Array(before[start...])
                if Self.spells(Array(inside.lowercased()), words) {
                    add(String(inside).lowercased(), words)
                    break
                }
            }
        }
    }

    /// Learns a glossary entry whose term is an abbreviation.
    mutating func learn(term: String, definition: String) {
        guard Dehyphenation.isAbbreviation(term), term.count <= 8, term.allSatisfy(\.isLetter) else { return }
        let words = definition.split(separator: " ").prefix(10).map(Self.bare)
        for end in 1...max(1, words.count) where end <= words.count {
            if Self.spells(Array(term.lowercased()), Array(words[..<end])) {
                add(term.lowercased(), Array(words[..<end]))
                return
            }
        }
    }

    mutating func add(_ abbreviation: String, _ words: [String]) {
        if expansions[abbreviation] == nil { expansions[abbreviation] = words }
    }

    /// A word without the punctuation around it, lower-cased.
    static func bare(_ word: Substring) -> String {
        String(word.lowercased().drop { !$0.isLetter }.reversed().drop { !$0.isLetter }.reversed())
    }

    /// Whether `letters` can be read off `words` (both lower-case).
    static func spells(_ letters: [Character], _ words: [String]) -> Bool {
        guard !words.isEmpty, words.count <= letters.count * 3 else { return false }
        let chars = words.map(Array.init)
        func match(_ i: Int, _ j: Int) -> Bool {
            if j == chars.count { return i == letters.count }
            guard i < letters.count else { return false }
            // Use word j: its first letter, then maybe more of its letters.
            if chars[j].first == letters[i] {
                var k = i + 1
                var position = 1
                if match(k, j + 1) { return true }
                while k < letters.count, let found = chars[j][position...].firstIndex(of: letters[k]) {
                    k += 1
                    position = found + 1
                    if match(k, j + 1) { return true }
                    if position >= chars[j].count { break }
                }
            }
            // Pass over word j: never the first or the last.
            if j > 0, j < chars.count - 1 { return match(i, j + 1) }
            return false
        }
        return match(0, 0)
    }
}
