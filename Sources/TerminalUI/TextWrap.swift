/// Breaks text into lines that fit a width in terminal columns.
public enum TextWrap {
    /// Wraps `text` to `width` columns: breaks at spaces where it can, inside
    /// a word only when the word alone is wider than the line; keeps the
    /// text's own line breaks (an empty line stays empty).
    public static func lines(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var result: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            result.append(contentsOf: wrapParagraph(paragraph, width: width))
        }
        return result
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
            // A word wider than the line is cut by columns.
            while wordWidth > width {
                let (head, tail) = split(rest, atWidth: width)
                lines.append(String(head))
                rest = tail
                wordWidth = DisplayWidth.of(rest)
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
        var used = 0
        var index = text.startIndex
        while index < text.endIndex {
            let w = DisplayWidth.of(text[index])
            if used + w > width, index > text.startIndex { break }
            used += w
            index = text.index(after: index)
        }
        return (text[..<index], text[index...])
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
