/// Text that lost its line breaks when it was converted (kazakh-text.md
/// §5.4, rule 6): headings glued to the text (`МазмұныКіріспе`), sentences
/// glued at the full stop (`тиіс.Қазіргі`), table-of-contents dot leaders.
/// The repairs need no dictionary: a capital letter straight after a
/// lower-case one never starts a Kazakh word, except in abbreviations like
/// ҚазҰУ, where more capitals follow.
public enum GluedTextRepair {
    /// `line` split where headings were glued on, with glued sentences
    /// spaced and dot leaders removed.
    public static func repair(_ line: SourceLine, file: String) -> ([SourceLine], [Repair]) {
        var repairs: [Repair] = []
        var text = line.text
        // Page references of a converted document: `1/4 бет/`, `2/5бет/`,
        // `З /7-бет/` (a 3 read as З). "бет" is "page".
        while text.contains(text: "бет"), let m = text.firstMatch(of: Patterns.pageMarker) {
            repairs.append(Repair(
                kind: .pageMarker, file: file, line: line.number, before: String(m.output), after: "",
                reason: "a page reference of the converted document"))
            text.replaceSubrange(m.range, with: " ")
        }
        // Nearly every line has nothing glued: said from one pass over its
        // scalars, without building an array of Characters.
        guard mayBeGlued(text) else {
            let trimmed = text.first == " " || text.last == " " ? text.trimmingCharacters(in: " ") : text
            return ([SourceLine(number: line.number, text: trimmed)], repairs)
        }
        var pieces: [String] = []
        var current: [Character] = []
        let chars = Array(text)
        var i = 0
        func context(_ a: Int, _ b: Int) -> String {
            String(chars[max(0, a)..<min(chars.count, b)])
        }
        while i < chars.count {
            let c = chars[i]
            // Dot leaders: four or more dots, then a page number or range.
            if c.is("."), i + 3 < chars.count, chars[i...].prefix(4).allSatisfy({ $0 == "." }) {
                var j = i
                while j < chars.count, chars[j] == "." || chars[j] == " " { j += 1 }
                // Without a page number it is an ellipsis, not a leader.
                guard j < chars.count, chars[j].isNumber else {
                    current.append(contentsOf: chars[i..<j])
                    i = j
                    continue
                }
                while j < chars.count, chars[j].isNumber || chars[j] == "-" || chars[j] == "–" { j += 1 }
                repairs.append(Repair(
                    kind: .dotLeaders, file: file, line: line.number, before: context(i - 12, j + 2),
                    after: "⏎", reason: "table-of-contents dot leader and page number"))
                pieces.append(String(current))
                current = []
                i = j
                continue
            }
            // Both repairs start at a capital: asked first, it spares the
            // other tests on nearly every Character.
            let capital = i > 0 && isUpperCyrillic(c)
            if capital, isLowerCyrillic(chars[i - 1]), i + 1 < chars.count, isLowerCyrillic(chars[i + 1]),
                lettersBefore(chars, i) >= 3
            {
                repairs.append(Repair(
                    kind: .gluedText, file: file, line: line.number, before: context(i - 10, i + 10),
                    after: String(chars[max(0, i - 10)..<i]) + "⏎" + String(chars[i..<min(chars.count, i + 10)]),
                    reason: "a capital straight after a small letter starts a new line"))
                pieces.append(String(current))
                current = []
            } else if capital, ".!?".contains(chars[i - 1]), lettersBefore(chars, i - 1) >= 3,
                i >= 2, isLowerCyrillic(chars[i - 2])
            {
                repairs.append(Repair(
                    kind: .gluedText, file: file, line: line.number, before: context(i - 10, i + 10),
                    after: String(chars[max(0, i - 10)..<i]) + " " + String(chars[i..<min(chars.count, i + 10)]),
                    reason: "a sentence glued to the full stop before it"))
                current.append(" ")
            }
            current.append(c)
            i += 1
        }
        pieces.append(String(current))
        let lines = pieces.map { $0.trimmingCharacters(in: " ") }.filter { !$0.isEmpty }
            .map { SourceLine(number: line.number, text: $0) }
        return (lines.isEmpty ? [SourceLine(number: line.number, text: "")] : lines, repairs)
    }

    /// How many letters stand right before `index` in the same word.
    static func lettersBefore(_ chars: [Character], _ index: Int) -> Int {
        var n = 0
        var j = index - 1
        while j >= 0, chars[j].isLetter { n += 1; j -= 1 }
        return n
    }

    /// Whether `text` may hold a repair: a dot leader (four dots), or a
    /// Cyrillic capital straight after a Cyrillic letter or `.`, `!`, `?`.
    static func mayBeGlued(_ text: String) -> Bool {
        var previous: Unicode.Scalar = " "
        var dots = 0
        for s in text.unicodeScalars {
            dots = s == "." ? dots + 1 : 0
            if dots >= 4 { return true }
            let v = s.value
            if (0x0400...0x04FF).contains(v), isCyrillicOrStop(previous), !(0x0430...0x045F).contains(v),
                s.properties.isUppercase
            {
                return true
            }
            previous = s
        }
        return false
    }

    static func isCyrillicOrStop(_ s: Unicode.Scalar) -> Bool {
        (0x0400...0x04FF).contains(s.value) || s == "." || s == "!" || s == "?"
    }

    static func isLowerCyrillic(_ c: Character) -> Bool {
        guard let s = c.unicodeScalars.first, (0x0400...0x04FF).contains(s.value), c.unicodeScalars.count == 1
        else { return false }
        return c.isLowercase
    }

    static func isUpperCyrillic(_ c: Character) -> Bool {
        guard let s = c.unicodeScalars.first, (0x0400...0x04FF).contains(s.value), c.unicodeScalars.count == 1
        else { return false }
        return c.isUppercase
    }
}
