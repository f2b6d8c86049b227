/// A line far longer than any paragraph — text that lost all its line
/// breaks, or a file that is no lecture — cut into pieces of at most
/// `limit` characters, at a sentence end where there is one in the second
/// half of the piece, else at a space, else anywhere. No later step then
/// works on one string of megabytes (each step's arrays of Characters
/// stay the size of a paragraph), and a real paragraph is never cut.
enum LongLineRepair {
    /// The longest piece, in Unicode scalars; a page of text is ~3,000.
    static let limit = 8_000

    static func repair(_ line: SourceLine, file: String) -> ([SourceLine], [Repair]) {
        let text = line.text
        guard text.utf8.count > limit else { return ([line], []) }
        let scalars = text.unicodeScalars
        var pieces: [SourceLine] = []
        var start = scalars.startIndex
        var count = 0
        var sentenceEnd: String.Index? = nil
        var space: String.Index? = nil
        var previous: Unicode.Scalar = " "
        var i = start
        while i < scalars.endIndex {
            let c = scalars[i]
            let next = scalars.index(after: i)
            count += 1
            if c == " " {
                if count >= limit / 2 {
                    space = next
                    if ".?!".unicodeScalars.contains(previous) { sentenceEnd = next }
                }
            }
            previous = c
            if count >= limit {
                let cut = sentenceEnd ?? space ?? next
                pieces.append(SourceLine(number: line.number, text: String(text[start..<cut])))
                count = scalars.distance(from: cut, to: next)
                start = cut
                sentenceEnd = nil
                space = nil
            }
            i = next
        }
        if start < scalars.endIndex { pieces.append(SourceLine(number: line.number, text: String(text[start...]))) }
        let repair = Repair(
            kind: .gluedText, file: file, line: line.number, before: "\(text.unicodeScalars.count) characters on one line",
            after: "\(pieces.count) lines", reason: "a line longer than \(limit) characters is cut at sentence ends")
        return (pieces, [repair])
    }
}
