/// Question sections that lost their line breaks (kazakh-text.md §5.4,
/// rule 6): «Деңгейлік тапсырмалар: I деңгей: …? I деңгей: … II деңгей: …
/// ОБӨЖ тапсырмалары: …» on one line. The line is cut before every level
/// label, task label and section heading, and after the heading, so each
/// item becomes a line of its own and nothing is merged into one question.
///
/// Only unmistakable labels inside a line are cut: a level label that ends
/// in a mark or names «сұрақ»/«тапсырма» and is followed by a capital (the
/// question) or by the first item of a numbered list (`2 деңгей 1. Кеден
/// …`), and `ОБӨЖ/БӨЖ тапсырмалары:` with its colon. Each place is
/// looked at through a window around the word, so a line of many megabytes
/// costs one scan.
enum GluedLabelRepair {
    static func repair(_ line: SourceLine, file: String) -> ([SourceLine], [Repair]) {
        let text = line.text
        guard text.contains(text: "еңгей") || text.contains(text: "тапсырма") else { return ([line], []) }
        var cuts: Set<String.Index> = []
        // `ranges(of:)`, not Foundation's `range(of:)`: that one measured
        // each hit's place from the start of the line, so a line of many
        // labels took time quadratic in its length (4 s a MB).
        for hit in text.ranges(of: "еңгей") {
            // The label starts at most a numeral and a dash before the word.
            var start = hit.lowerBound
            if start > text.startIndex { start = text.index(before: start) }  // Д/д
            // Candidate openings: the word «деңгей» itself, or a numeral
            // up to two words before it; the label must follow a space.
            // A numeral before the word is tried first: «2 деңгей 1. Кеден …»
            // is level 2 and its first item, not «деңгей 1.».
            for candidate in openings(before: start, in: text).filter({ $0 != start }) + [start] {
                guard candidate > text.startIndex, text[text.index(before: candidate)] == " " else { continue }
                let window = text[candidate..<(text.index(candidate, offsetBy: 60, limitedBy: text.endIndex) ?? text.endIndex)]
                if let label = LevelLabel.parse(window),
                    (label.isStrong && label.rest.first?.isUppercase == true)
                        || label.rest.prefixMatch(of: Patterns.inlineNumberedItem)?.1 == "1"
                {
                    cuts.insert(candidate)
                    break
                }
                if window.hasPrefix("Деңгейлік тапсырмалар") || window.hasPrefix("Деңгейлік сұрақтар") {
                    cuts.insert(candidate)
                    break
                }
            }
            // After the section heading's colon.
            if text[start...].hasPrefix("Деңгейлік тапсырмалар:") || text[start...].hasPrefix("Деңгейлік сұрақтар:"),
                let colon = text[start...].firstIndex(of: ":")
            {
                let after = text.index(after: colon)
                if after < text.endIndex, !text[after...].allSatisfy({ $0 == " " }) { cuts.insert(after) }
            }
        }
        for label in ["ОБӨЖ", "БӨЖ", "СӨЖ", "СОӨЖ", "СРО", "СРСП"] {
            for hit in text.ranges(of: label + " тапсырма") {
                guard hit.lowerBound > text.startIndex, text[text.index(before: hit.lowerBound)] == " " else { continue }
                let tail = text[hit.upperBound...].prefix(12)
                if tail.contains(":") { cuts.insert(hit.lowerBound) }
            }
        }
        guard !cuts.isEmpty else { return ([line], []) }
        var pieces: [SourceLine] = []
        var repairs: [Repair] = []
        var start = text.startIndex
        for cut in cuts.sorted() {
            let piece = String(text[start..<cut]).trimmingCharacters(in: " ")
            if !piece.isEmpty {
                pieces.append(SourceLine(number: line.number, text: piece))
                let next = text[cut...].prefix(24)
                repairs.append(Repair(
                    kind: .gluedText, file: file, line: line.number, before: String(piece.suffix(24)) + " " + next,
                    after: String(piece.suffix(24)) + "⏎" + next, reason: "a question label glued into the line"))
            }
            start = cut
        }
        let last = String(text[start...]).trimmingCharacters(in: " ")
        if !last.isEmpty { pieces.append(SourceLine(number: line.number, text: last)) }
        return (pieces, repairs)
    }

    /// Where a numeral before «деңгей» may start: up to two words back
    /// (`III –деңгейлік`, `2 - деңгейлік`), within 40 characters (a line
    /// without spaces is not walked back to its start at every label).
    static func openings(before start: String.Index, in text: String) -> [String.Index] {
        var result: [String.Index] = []
        var i = start
        var words = 0
        var walked = 0
        while i > text.startIndex, words < 3, walked < 40 {
            walked += 1
            i = text.index(before: i)
            if text[i] == " " {
                words += 1
                result.append(text.index(after: i))
            }
        }
        return result
    }
}
