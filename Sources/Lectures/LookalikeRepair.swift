import KazakhText

/// Repairs letters that are wrong in Kazakh text (kazakh-text.md §1.2),
/// word by word through `Homoglyphs`: ӛ → ө and the other letters never
/// used in Kazakh everywhere; Latin look-alikes only inside words that
/// also hold Cyrillic letters, so English words keep their letters.
public enum LookalikeRepair {
    /// `line` repaired, with one log entry per changed word.
    public static func repair(_ line: SourceLine, file: String) -> (SourceLine, [Repair]) {
        guard mayNeedRepair(line.text) else { return (line, []) }
        var repairs: [Repair] = []
        var out = ""
        var word = ""
        func flush() {
            guard !word.isEmpty else { return }
            let fixed = Homoglyphs.repaired(word)
            if fixed != word {
                let latin = word.unicodeScalars.contains { Homoglyphs.latinToCyrillic[$0] != nil && $0.isASCII }
                let wrong = word.unicodeScalars.contains { Homoglyphs.alwaysWrong[$0] != nil }
                let kind: Repair.Kind = wrong ? .wrongLetter : .latinLookalike
                let reason = wrong && !latin ? "letter not used in Kazakh" : "Latin letter inside a Cyrillic word"
                repairs.append(Repair(kind: kind, file: file, line: line.number, before: word, after: fixed, reason: reason))
            }
            out += fixed
            word = ""
        }
        for ch in line.text {
            if ch.isLetter { word.append(ch) } else { flush(); out.append(ch) }
        }
        flush()
        return (SourceLine(number: line.number, text: out), repairs)
    }

    /// Whether any word of `text` may change: it holds a letter that is
    /// always wrong, or a Latin look-alike in a line that also holds
    /// Cyrillic. One pass over the scalars, without building words: nearly
    /// every line of a lecture needs nothing, and looking at it Character
    /// by Character was a good part of reading a large file.
    static func mayNeedRepair(_ text: String) -> Bool {
        var latin = false
        var cyrillic = false
        for s in text.unicodeScalars {
            let v = s.value
            if v < 0x80 {
                if !latin, Homoglyphs.latinToCyrillic[s] != nil { latin = true }
            } else if (0x0410...0x044F).contains(v) {
                cyrillic = true
            } else {
                if Homoglyphs.alwaysWrong[s] != nil { return true }
                if Homoglyphs.isCyrillic(s) { cyrillic = true }
            }
            if latin && cyrillic { return true }
        }
        return false
    }
}
