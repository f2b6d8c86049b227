/// A sentence of a paragraph, with the line it starts on.
public struct Sentence: Hashable, Sendable {
    /// The sentence's text: a slice of its paragraph's text, which it
    /// shares. Copies of every sentence were one more lecture-sized buffer
    /// on a large file, held until the passage index was built.
    public var text: Substring
    /// The 1-based file line the sentence starts on.
    public var line: Int
    /// Whether the sentence opens its paragraph.
    public var opensParagraph: Bool

    public init(text: Substring, line: Int, opensParagraph: Bool) {
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
    /// closing quotes) where a space and a capital, digit, quote, bullet or
    /// `№` follow, but not after initials (В.И.) or abbreviations (т.б.).
    public static func split(_ paragraph: Paragraph) -> [Sentence] {
        let text = paragraph.text
        var chars: [Character] = []
        // Where each Character starts in the text's UTF-8 (and its end), to
        // cut the sentences out as slices: counted as the Characters are
        // read, not by breaking the text into Characters a second time.
        var offsets: [Int] = []
        var offset = 0
        for c in text {
            chars.append(c)
            offsets.append(offset)
            offset += c.utf8.count
        }
        offsets.append(offset)
        let utf8 = text.utf8
        var result: [Sentence] = []
        var start = 0
        var i = 0
        func emit(_ end: Int) {
            var first = start
            var last = end
            while first < last, chars[first] == " " { first += 1 }
            while last > first, chars[last - 1] == " " { last -= 1 }
            if first < last {
                result.append(Sentence(
                    text: text[utf8.index(utf8.startIndex, offsetBy: offsets[first])..<utf8.index(utf8.startIndex, offsetBy: offsets[last])],
                    line: paragraph.line(at: first),
                    opensParagraph: result.isEmpty))
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
                let opens = next.isUppercase || next.isNumber || "«\"•–—-(№".contains(next)
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
