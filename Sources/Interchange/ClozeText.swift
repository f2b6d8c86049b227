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
        escapePlain(text.replacingOccurrences(of: "|", with: "/"))
    }
}

extension String {
    fileprivate func replacingOccurrences(of a: Character, with b: Character) -> String {
        String(map { $0 == a ? b : $0 })
    }

    func replacingOccurrences(of a: String, with b: String) -> String {
        guard a.count == 1, b.count == 1, let ca = a.first, let cb = b.first else { return self }
        return replacingOccurrences(of: ca, with: cb)
    }
}
