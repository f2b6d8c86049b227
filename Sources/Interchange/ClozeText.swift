/// Writing text into a jatta cloze: `{`, `}` and `\` take a backslash
/// there (docs/deck-format.md, cloze).
enum ClozeText {
    static func escapePlain(_ text: String) -> String {
        var out = ""
        for ch in text {
            if ch == "{" || ch == "}" || ch == "\\" { out.append("\\") }
            out.append(ch)
        }
        return out
    }

    /// A gap's answer: escaped like plain text; a `|` would split the gap,
    /// so it becomes `/`.
    static func escapeGapAnswer(_ text: String) -> String {
        escapePlain(String(text.map { $0 == "|" ? "/" : $0 }))
    }
}

