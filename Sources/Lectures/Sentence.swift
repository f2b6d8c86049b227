/// A sentence of a paragraph, with the line it starts on.
public struct Sentence: Hashable, Sendable {
    /// The sentence's text.
    public var text: String
    /// The 1-based file line the sentence starts on.
    public var line: Int
    /// Whether the sentence opens its paragraph.
    public var opensParagraph: Bool

    public init(text: String, line: Int, opensParagraph: Bool) {
        self.text = text
        self.line = line
        self.opensParagraph = opensParagraph
    }

    /// Abbreviations ending in a full stop that do not end a sentence
    /// (т.б. "and so on", ж. "year", ғ. "century", б.з.б. "BC").
    static let abbreviations: Set<String> = [
        "т.б", "т.с.с", "ж", "жж", "ғ", "ғғ", "б.з.б", "б.з", "ф.ғ.к", "т.ғ.к", "э.ғ.к", "с.ғ.к", "т.ғ.д", "проф", "доц",
        "т.с", "бб", "мыс", "т", "б", "см", "млн", "млрд", "мың",
    ]

    /// The sentences of `paragraph`: split after `.`, `?` or `!` (and any
    /// closing quotes) where a space and a capital, digit or quote follow,
    /// but not after initials (В.И.) or abbreviations (т.б.).
    public static func split(_ paragraph: Paragraph) -> [Sentence] {
        let chars = Array(paragraph.text)
        var result: [Sentence] = []
        var start = 0
        var i = 0
        func emit(_ end: Int) {
            let piece = String(chars[start..<end])
            let trimmed = piece.trimmingCharacters(in: " ")
            if !trimmed.isEmpty {
                let lead = piece.prefix { $0 == " " }.count
                result.append(Sentence(text: trimmed, line: paragraph.line(at: start + lead), opensParagraph: result.isEmpty))
            }
        }
        while i < chars.count {
            let c = chars[i]
            // Characters compared one by one: `".?!".contains(c)` walks a
            // string for every Character of the lecture.
            if c.is(".") || c.is("?") || c.is("!") {
                var j = i + 1
                while j < chars.count, closesSentence(chars[j]) { j += 1 }
                guard j < chars.count, chars[j].is(" ") else { i = j; continue }
                var k = j
                while k < chars.count, chars[k].is(" ") { k += 1 }
                guard k < chars.count else { i = j; continue }
                let next = chars[k]
                let opens = next.isUppercase || next.isNumber || "«\"•–—-(".contains(next)
                if opens && !(c == "." && isAbbreviation(chars, before: i)) {
                    emit(j)
                    start = k
                }
                i = j
                continue
            }
            i += 1
        }
        emit(chars.count)
        return result
    }

    /// A final mark or a closing quote or bracket after one.
    static func closesSentence(_ c: Character) -> Bool {
        c.is(".") || c.is("?") || c.is("!") || c.is("»") || c.is("\"") || c.is(")")
    }

    /// Whether the full stop at `dot` ends an initial or an abbreviation.
    static func isAbbreviation(_ chars: [Character], before dot: Int) -> Bool {
        var j = dot
        while j > 0, chars[j - 1].isLetter { j -= 1 }
        let segment = chars[j..<dot]
        if segment.count == 1 && segment.first?.isUppercase == true { return true }  // В.И., Н.Ә.
        var k = j
        while k > 0, chars[k - 1].isLetter || chars[k - 1] == "." { k -= 1 }
        return abbreviations.contains(String(chars[k..<dot]).lowercased())
    }
}
