/// How an item of a list is marked: a number in any of the forms notes
/// use — `1.`, `2)`, `1.2.` (item 2 of section 1), `№3`, `№ 3.`, `№3)`, Roman `IV.` (Latin I or the
/// Cyrillic І), `Сұрақ 2.`, `2-сұрақ:`, `Тапсырма 2:`, `2-тапсырма.` — or
/// a bullet (`•`, `–`, `*`, `·` …). «№N», «N-сұрақ» and «Тапсырма N»
/// number an item as «N.» does; the mark is never part of the item's text.
enum ListMark: Equatable {
    /// A numbered item, with its number.
    case number(Int)
    /// A bulleted item, with its bullet.
    case bullet(Character)

    /// The mark opening `line` and the text after it, or nil when the line
    /// is no list item.
    static func parse(_ line: some StringProtocol) -> (mark: ListMark, body: Substring)? {
        // Asked of every sentence of a glossary: most open with none of
        // the marks' first characters, and are not matched at all.
        guard let first = line.first(where: { $0 != " " && $0 != "\t" }), first.isNumber || "№СсТтIVXІ•▪●◦■*·–—-".contains(first)
        else { return nil }
        guard let m = Substring(line).prefixMatch(of: Patterns.listItem) else { return nil }
        // `1.2.`: the item's own number is the last (the first is its
        // section's, the level's).
        if let digits = m.1 ?? m.2 ?? m.3 ?? m.4, let number = Int(digits) { return (.number(number), m.7) }
        if let numeral = m.5 {
            guard let number = roman(numeral) else { return nil }
            return (.number(number), m.7)
        }
        guard let bullet = m.6?.first else { return nil }
        return (.bullet(bullet), m.7)
    }

    /// The value of a Roman numeral up to XXXIX, written the usual way
    /// (`IV`, not `IIII`); the Cyrillic І stands for I.
    static func roman(_ numeral: some StringProtocol) -> Int? {
        // Asked of words that open sentences: most fail here, uncopied.
        guard numeral.utf8.count <= 12, numeral.allSatisfy({ "IVXІ".contains($0) }) else { return nil }
        let latin = numeral.replacingOccurrences(of: "І", with: "I")
        let values: [Character: Int] = ["I": 1, "V": 5, "X": 10]
        var total = 0
        var largest = 0
        for c in latin.reversed() {
            guard let value = values[c] else { return nil }
            if value < largest { total -= value } else { total += value; largest = value }
        }
        // Only the usual spelling: «IIV» or «VX» are no numbers.
        let tens = String(repeating: "X", count: total / 10)
        let units = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"][total % 10]
        return total > 0 && tens + units == latin ? total : nil
    }
}
