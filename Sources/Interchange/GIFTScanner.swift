import DeckFormat

/// Reads one GIFT block into a question, a category or problems.
///
/// The scan is an explicit state machine over the block's bytes, one pass,
/// so a 100 MB line costs time linear in its length; the answer block is
/// then cut into answers by a second single pass.
struct GIFTScanner {
    /// What a block turned out to be.
    enum Outcome {
        case question(GIFTQuestion)
        /// `$CATEGORY: path`, the path's parts.
        case category([String])
        /// A block of comments only.
        case comments([String])
        /// A block that could not be read: its problems are reported.
        case failed
    }

    /// Where the top-level scan stands.
    enum State {
        /// At the start: a title or a format may come.
        case lead
        /// Inside `::title::`, since `titleStart`.
        case title(titleStart: Int)
        /// In the question text.
        case text
        /// Inside `{…}`, since the `{` at `open`.
        case answers(open: Int)
        /// After the `}` at `close`.
        case after
    }

    let source: GIFTSource
    let block: GIFTSource.Block
    let text: GIFTBlockText
    /// Problems found, in order.
    var diagnostics: [Diagnostic] = []

    init(source: GIFTSource, block: GIFTSource.Block) {
        self.source = source
        self.block = block
        self.text = GIFTBlockText(block, in: source)
    }

    mutating func report(_ issue: InterchangeIssue, at offset: Int) {
        diagnostics.append(issue.at(text.location(offset, in: source)))
    }

    mutating func scan() -> Outcome {
        let bytes = text.bytes
        let end = bytes.count
        if end == 0 { return .comments(block.comments) }
        let category = Array("$CATEGORY:".utf8)
        if bytes.starts(with: category) {
            let line = text.starts.count > 1 ? text.starts[1].offset - 1 : end
            return .category(Self.categoryParts(String(decoding: bytes[category.count..<line], as: UTF8.self)))
        }
        var state = State.lead
        var title: (Int, Int)?
        var textStart = 0
        var textEnd = end
        var answers: (Int, Int)?
        var afterStart = end
        // `[html]`: the text is HTML (every Moodle export marks it so).
        var isHTML = false
        var i = 0
        while i < end {
            if text.isEscape(i, end: end) {
                i += 2
                continue
            }
            let byte = bytes[i]
            switch state {
            case .lead:
                if byte == 0x20 || byte == 0x09 || byte == 0x0A {
                    i += 1
                } else if byte == 0x3A, i + 1 < end, bytes[i + 1] == 0x3A {
                    state = .title(titleStart: i + 2)
                    i += 2
                } else if byte == UInt8(ascii: "["), let close = Self.formatEnd(bytes, from: i) {
                    isHTML = Self.isHTMLFormat(bytes, from: i)
                    i = close + 1
                    textStart = i
                    state = .text
                } else {
                    textStart = i
                    state = .text
                }
            case .title(let start):
                if byte == 0x3A, i + 1 < end, bytes[i + 1] == 0x3A {
                    title = (start, i)
                    i += 2
                    // A format such as [html] may follow the title.
                    var j = i
                    while j < end, bytes[j] == 0x20 || bytes[j] == 0x09 || bytes[j] == 0x0A { j += 1 }
                    if j < end, bytes[j] == UInt8(ascii: "["), let close = Self.formatEnd(bytes, from: j) {
                        isHTML = Self.isHTMLFormat(bytes, from: j)
                        i = close + 1
                    }
                    textStart = i
                    state = .text
                } else {
                    i += 1
                }
            case .text:
                if byte == UInt8(ascii: "{") {
                    textEnd = i
                    state = .answers(open: i)
                } else if byte == UInt8(ascii: "}") {
                    report(.closingBraceInText, at: i)
                    return .failed
                }
                i += 1
            case .answers(let open):
                if byte == UInt8(ascii: "}") {
                    answers = (open + 1, i)
                    afterStart = i + 1
                    state = .after
                } else if byte == UInt8(ascii: "{") {
                    report(.braceInAnswerBlock, at: i)
                    return .failed
                }
                i += 1
            case .after:
                if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "}") {
                    report(.secondAnswerBlock, at: i)
                    return .failed
                }
                i += 1
            }
        }
        switch state {
        case .title(let start):
            report(.unclosedTitle, at: start - 2)
            return .failed
        case .answers(let open):
            report(.unclosedAnswerBlock, at: open)
            return .failed
        case .lead, .text, .after:
            break
        }
        let location = text.location(0, in: source)
        var question = GIFTQuestion(
            title: title.map { text.unescaped($0.0, $0.1) },
            text: textStart < textEnd ? text.unescaped(textStart, textEnd) : "",
            textAfter: afterStart < end ? text.unescaped(afterStart, end) : "",
            answers: .description, generalFeedback: nil, comments: block.comments, location: location)
        if let (from, to) = answers {
            guard let parsed = readAnswers(from: from, to: to, into: &question) else { return .failed }
            question.answers = parsed
        }
        return .question(isHTML ? question.readAsHTML() : question)
    }

    /// Whether the format prefix at `from` is `[html]`.
    static func isHTMLFormat(_ bytes: [UInt8], from: Int) -> Bool {
        let pattern = Array("[html]".utf8)
        return from + pattern.count <= bytes.count && bytes[from..<(from + pattern.count)].elementsEqual(pattern)
    }

    /// The `]` of a format prefix `[html]`, `[moodle]`, `[plain]`,
    /// `[markdown]` starting at `from`, if it is one.
    static func formatEnd(_ bytes: [UInt8], from: Int) -> Int? {
        for name in ["[html]", "[moodle]", "[plain]", "[markdown]"] {
            let pattern = Array(name.utf8)
            if from + pattern.count <= bytes.count, bytes[from..<(from + pattern.count)].elementsEqual(pattern) {
                return from + pattern.count - 1
            }
        }
        return nil
    }

    /// The parts of a category path: `/` separates, `//` is a slash inside
    /// a name; Moodle's `$course$` and `top` at the start are left out.
    static func categoryParts(_ path: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var slashes = 0
        func flushSlashes() {
            current += String(repeating: "/", count: slashes / 2)
            if slashes % 2 == 1 {
                parts.append(current)
                current = ""
            }
            slashes = 0
        }
        for ch in path {
            if ch == "/" {
                slashes += 1
            } else {
                flushSlashes()
                current.append(ch)
            }
        }
        flushSlashes()
        parts.append(current)
        var names = parts.map { $0.trimmedSpaces() }
        if let first = names.first, first.hasPrefix("$"), first.hasSuffix("$") { names.removeFirst() }
        if names.first == "top" { names.removeFirst() }
        return names.filter { !$0.isEmpty }
    }
}
