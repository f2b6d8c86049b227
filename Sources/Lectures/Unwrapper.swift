/// Joins the wrapped lines of PDF-extracted text into paragraphs
/// (kazakh-text.md §5.4). Text whose lines are already paragraphs (web
/// pages, Word exports with long lines) is left line by line.
public enum Unwrapper {
    /// How a document's lines are laid out.
    public struct Layout: Hashable, Sendable {
        /// Lines are wrapped at a page width (PDF text): join them.
        public var isWrapped: Bool
        /// Every line is followed by one blank line, so a single blank is
        /// no paragraph break.
        public var isDoubleSpaced: Bool
        /// The median length of a non-empty line, in Characters.
        public var medianLength: Int
    }

    /// The layout of `lines`.
    public static func layout(of lines: [SourceLine]) -> Layout {
        let lengths = lines.map(\.text.count).filter { $0 > 0 }.sorted()
        guard !lengths.isEmpty else { return Layout(isWrapped: false, isDoubleSpaced: false, medianLength: 0) }
        let median = lengths[lengths.count / 2]
        let p90 = lengths[min(lengths.count - 1, lengths.count * 9 / 10)]
        // Double spacing: nearly every line is followed by a blank line
        // (paragraphs then end with two or more).
        var followedByBlank = 0
        var nonEmpty = 0
        for (i, line) in lines.enumerated() where !line.text.isEmpty {
            nonEmpty += 1
            if i + 2 < lines.count, lines[i + 1].text.isEmpty { followedByBlank += 1 }
        }
        let doubleSpaced = nonEmpty > 4 && Double(followedByBlank) > 0.8 * Double(nonEmpty - 1)
        return Layout(isWrapped: p90 <= 100 && lengths.count >= 3, isDoubleSpaced: doubleSpaced, medianLength: median)
    }

    /// The paragraphs of `lines`, with a log of the hyphens decided and the
    /// words rejoined at line breaks.
    public static func paragraphs(_ lines: [SourceLine], file: String, lexicon: Lexicon) -> ([Paragraph], [Repair]) {
        let layout = layout(of: lines)
        var repairs: [Repair] = []
        var paragraphs: [Paragraph] = []
        guard layout.isWrapped else {
            for line in lines {
                let text = line.text.trimmingCharacters(in: " ")
                if !text.isEmpty { paragraphs.append(Paragraph(text: text, marks: [LineMark(offset: 0, line: line.number)])) }
            }
            return (paragraphs, repairs)
        }

        var chars: [Character] = []
        var marks: [LineMark] = []
        var previous: SourceLine? = nil
        var blankRun = 0
        var inLevelSection = false
        var joinedLines = 0

        func finish() {
            let text = String(chars).trimmingCharacters(in: " ")
            if !text.isEmpty { paragraphs.append(Paragraph(text: text, marks: marks)) }
            chars = []
            marks = []
        }

        for line in lines {
            if line.text.trimmingCharacters(in: " ").isEmpty {
                blankRun += 1
                continue
            }
            // A page break leaves extra blank lines in mid-sentence
            // (`ТМД-⏎⏎⏎⏎ның`): a line that cannot end a paragraph continues.
            var hardBreak = blankRun >= (layout.isDoubleSpaced ? 2 : 1)
            if hardBreak, let prev = previous {
                let prevText = prev.text.trimmingCharacters(in: " ")
                let nextStartsLower = line.text.trimmingCharacters(in: " ").first?.isLowercase == true
                if prevText.hasSuffix("-") || (!endsSentence(prevText) && nextStartsLower) { hardBreak = false }
            }
            blankRun = 0
            if BlockMarkers.levelSectionHeading(line.text) || BlockMarkers.levelHeading(line.text) { inLevelSection = true }
            // A list under a label that says what its level tests
            // (`1-деңгей: білу және түсіну`) is a list of questions too.
            if let prev = previous, BlockMarkers.listItem(line.text), !BlockMarkers.dashContinuation(line.text),
                BlockMarkers.describedLevel(prev.text)
            {
                inLevelSection = true
            }
            let text = line.text.trimmingCharacters(in: " ")
            // A paragraph never grows past a few pages: text with no blank
            // lines at all still ends paragraphs at sentence ends.
            if chars.count > LongLineRepair.limit, let prev = previous, endsSentence(prev.text.trimmingCharacters(in: " ")) {
                hardBreak = true
            }
            if chars.count > 4 * LongLineRepair.limit { hardBreak = true }
            guard let prev = previous, !chars.isEmpty, !hardBreak,
                !startsBlock(line, after: prev, layout: layout, inLevelSection: inLevelSection)
            else {
                finish()
                marks = [LineMark(offset: 0, line: line.number)]
                chars = Array(text)
                previous = line
                continue
            }
            // Join `line` onto the paragraph.
            joinedLines += 1
            if let last = chars.last, last == "-", chars.count >= 2, chars[chars.count - 2].isLetter || chars[chars.count - 2].isNumber {
                let (xStart, x) = Dehyphenation.wordBefore(chars, chars.count - 1)
                let y = Dehyphenation.wordAfter(Array(text), 0)
                if !x.isEmpty && !y.isEmpty {
                    let before = String(chars[xStart...]) + "⏎" + y
                    switch Dehyphenation.decide(x, y, spaceAfter: false, lexicon: lexicon) {
                    case .keep(let reason), .dash(let reason):
                        repairs.append(Repair(kind: .hyphenKept, file: file, line: prev.number, before: before, after: x + "-" + y, reason: reason))
                    case .join(let reason):
                        chars.removeLast()
                        repairs.append(Repair(kind: .hyphenJoined, file: file, line: prev.number, before: before, after: x + y, reason: reason))
                    }
                    marks.append(LineMark(offset: chars.count, line: line.number))
                    chars.append(contentsOf: text)
                    previous = line
                    continue
                }
            }
            if let last = chars.last, last.isLetter, let first = text.first, first.isLetter {
                let (xStart, x) = Dehyphenation.wordBefore(chars, chars.count)
                let y = Dehyphenation.wordAfter(Array(text), 0)
                let afterHyphen = xStart > 0 && chars[xStart - 1] == "-"
                if let reason = SplitWordRepair.joinReason(x, y, xFollowsHyphen: afterHyphen, lexicon: lexicon) {
                    repairs.append(Repair(kind: .splitWord, file: file, line: prev.number, before: x + "⏎" + y, after: x + y, reason: reason))
                    marks.append(LineMark(offset: chars.count, line: line.number))
                    chars.append(contentsOf: text)
                    previous = line
                    continue
                }
            }
            chars.append(" ")
            marks.append(LineMark(offset: chars.count, line: line.number))
            chars.append(contentsOf: text)
            previous = line
        }
        finish()
        let spacing = layout.isDoubleSpaced ? "double-spaced, single blank lines ignored" : "blank lines end paragraphs"
        repairs.append(Repair(
            kind: .unwrap, file: file, line: lines.first?.number ?? 1, before: "\(lines.filter { !$0.text.isEmpty }.count) lines",
            after: "\(paragraphs.count) paragraphs", reason: "\(joinedLines) wrapped lines joined; \(spacing)"))
        return (paragraphs, repairs)
    }

    /// Whether `line` starts a new paragraph although no blank lines
    /// separate it from `prev`.
    static func startsBlock(_ line: SourceLine, after prev: SourceLine, layout: Layout, inLevelSection: Bool) -> Bool {
        let text = line.text
        if BlockMarkers.levelSectionHeading(text) || BlockMarkers.levelLabel(text) || BlockMarkers.task(text) { return true }
        let prevText = prev.text.trimmingCharacters(in: " ")
        let prevEndsSentence = endsSentence(prevText)
        if inLevelSection && BlockMarkers.bareLevel(text) { return true }
        if inLevelSection && BlockMarkers.listItem(text) && (prevEndsSentence || !BlockMarkers.dashContinuation(text)) {
            return true
        }
        // Questions one a line under a level heading: a capital after a
        // finished question opens the next.
        // A short capitalised line that asks nothing ends a question left
        // without its stop: the next heading (`Әдебиеттер`).
        let trimmed = text.trimmingCharacters(in: " ")
        if inLevelSection, trimmed.first?.isUppercase == true,
            prevEndsSentence || (BlockMarkers.wordCount(trimmed) <= 3 && !QuestionShape.asks(trimmed))
        {
            return true
        }
        let short = prevText.count < layout.medianLength * 4 / 5
        if BlockMarkers.bullet(text) || BlockMarkers.listedGlossaryEntry(text) { return true }
        guard let first = text.trimmingCharacters(in: " ").first else { return false }
        if prevEndsSentence {
            if BlockMarkers.glossaryHead(text) { return true }
            if text.hasPrefix("    ") { return true }
            if first.isUppercase || first.isNumber { return short }
            return false
        }
        // A short line with no final stop before a capital: a heading.
        if short, first.isUppercase || first.isNumber, prevText.first?.isUppercase == true || prevText.first?.isNumber == true,
            !prevText.hasSuffix(","), !prevText.hasSuffix("-"), !prevText.hasSuffix("–")
        {
            return true
        }
        return false
    }

    /// Whether `text` ends a sentence: `.`, `?`, `!` or `:`, maybe followed
    /// by a closing quote or bracket.
    static func endsSentence(_ text: String) -> Bool {
        var s = Substring(text)
        while let last = s.last, "»\")]".contains(last) { s = s.dropLast() }
        guard let last = s.last else { return false }
        return ".?!:".contains(last)
    }
}
