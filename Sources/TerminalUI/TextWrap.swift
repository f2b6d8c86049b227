/// Breaks text into lines that fit a width in terminal columns.
public enum TextWrap {
    /// Wraps `text` to `width` columns: breaks at spaces where it can, inside
    /// a word only when the word alone is wider than the line; keeps the
    /// text's paragraph breaks and list lines (see `reflowed`; an empty line
    /// stays empty).
    public static func lines(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var result: [String] = []
        for paragraph in reflowed(text).split(separator: "\n", omittingEmptySubsequences: false) {
            result.append(contentsOf: wrapParagraph(paragraph, width: width))
        }
        return result
    }

    /// `text` with the line breaks that only wrap a sentence turned into
    /// spaces: the deck's author wrapped it for an editor's width, the screen
    /// wraps it again for its own, and a kept break leaves a ragged line at
    /// each of them. A break the author meant stays: a blank line (a
    /// paragraph break), a break after the end of a sentence or a colon
    /// (`.` `!` `?` `:` `;`) unless the next line goes on in lower case, and a
    /// break before a list item (`- `, `* `, `• `, `1. `, `1) `).
    public static func reflowed(_ text: String) -> String {
        guard text.contains("\n") else { return text }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var out = String(lines[0])
        for (previous, line) in zip(lines, lines.dropFirst()) {
            out += continuesSentence(previous, line) ? " " : "\n"
            out += line
        }
        return out
    }

    /// Whether `line` only continues the sentence of `previous`.
    static func continuesSentence(_ previous: Substring, _ line: Substring) -> Bool {
        let before = previous.trimmingSuffix { $0 == " " || $0 == "\t" }
        let after = line.drop { $0 == " " || $0 == "\t" }
        guard let last = before.last, let first = after.first, !startsListItem(after) else { return false }
        if first.isLowercase { return true }
        return !".!?:;".contains(last)
    }

    /// Whether a line starts a list item: a bullet or a number with `.` or
    /// `)`, then a space. A dash is left out: in Kazakh and Russian prose a
    /// spaced dash often opens a line in the middle of a sentence.
    static func startsListItem(_ line: Substring) -> Bool {
        if let first = line.first, "-*•".contains(first) {
            return line.dropFirst().first == " "
        }
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        guard (1...2).contains(digits.count) else { return false }
        let rest = line.dropFirst(digits.count)
        return (rest.first == "." || rest.first == ")") && rest.dropFirst().first == " "
    }

    static func wrapParagraph(_ paragraph: Substring, width: Int) -> [String] {
        let words = paragraph.split(separator: " ", omittingEmptySubsequences: true)
        if words.isEmpty { return [""] }
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        for word in words {
            var rest = Substring(word)
            var wordWidth = DisplayWidth.of(rest)
            if lineWidth > 0, lineWidth + 1 + wordWidth <= width {
                line += " " + rest
                lineWidth += 1 + wordWidth
                continue
            }
            if lineWidth > 0 {
                lines.append(line)
                line = ""
                lineWidth = 0
            }
            // A word wider than the line is cut by columns. The rest's width
            // is what is left after the cut, not measured again: measuring a
            // 100,000-character word once per line made wrapping quadratic.
            while wordWidth > width {
                let (head, tail, used) = measuredSplit(rest, atWidth: width)
                lines.append(String(head))
                rest = tail
                wordWidth -= used
            }
            line = String(rest)
            lineWidth = wordWidth
        }
        lines.append(line)
        return lines
    }

    /// The longest prefix of `text` that fits `width` columns (at least one
    /// character, so wrapping always advances) and the rest.
    static func split(_ text: Substring, atWidth width: Int) -> (Substring, Substring) {
        let (head, tail, _) = measuredSplit(text, atWidth: width)
        return (head, tail)
    }

    /// `split`, with the columns the prefix takes.
    static func measuredSplit(_ text: Substring, atWidth width: Int) -> (Substring, Substring, Int) {
        var used = 0
        var index = text.startIndex
        while index < text.endIndex {
            let w = DisplayWidth.of(text[index])
            if used + w > width, index > text.startIndex { break }
            used += w
            index = text.index(after: index)
        }
        return (text[..<index], text[index...], used)
    }

    /// The first `count` of `lines`, the last of them ending with `…` when
    /// lines were left out: a message cut at a row limit says so.
    public static func first(_ count: Int, of lines: [String], width: Int) -> [String] {
        guard count < lines.count else { return lines }
        var shown = Array(lines.prefix(max(0, count)))
        if let last = shown.indices.last { shown[last] = truncate(shown[last] + " …", width: width) }
        return shown
    }

    /// Cuts `text` to `width` columns, ending with `…` when something was
    /// left out.
    public static func truncate(_ text: String, width: Int) -> String {
        guard width > 0 else { return "" }
        let flat = text.replacingNewlines()
        if DisplayWidth.of(flat) <= width { return flat }
        let (head, _) = split(Substring(flat), atWidth: width - 1)
        return String(head) + "…"
    }
}

extension String {
    func replacingNewlines() -> String {
        String(map { $0.isNewline ? " " : $0 })
    }
}

extension Substring {
    /// The substring without its trailing characters that match `drop`.
    func trimmingSuffix(while drop: (Character) -> Bool) -> Substring {
        var end = endIndex
        while end > startIndex, drop(self[index(before: end)]) { end = index(before: end) }
        return self[startIndex..<end]
    }
}
