/// A card whose lines are still being read: the raw pieces in file order,
/// before the card's kind is decided and its values are checked.
struct PendingCard {
    /// `Q`, `T` or `C`: how the card started.
    var marker: Line.Marker
    /// Where the card's first line is.
    var location: SourceLocation
    var prompt: TextField
    /// `A:` of a question, `D:` of a term.
    var answer: TextField?
    var options: [(correct: Bool, text: TextField)] = []
    var keyPoints: [TextField] = []
    var alternatives: [TextField] = []
    var level: Int?
    var tags: [String] = []
    var id: String?
    var source: String?
    /// Set when a line made the card mean something other than what a
    /// card can hold (both an answer and options); such a card is dropped.
    var broken = false
    /// Brace checking of a cloze's text, fed line by line.
    var cloze = ClozeScanner()

    init(marker: Line.Marker, location: SourceLocation, prompt: TextField) {
        self.marker = marker
        self.location = location
        self.prompt = prompt
    }
}

/// The bytes of one text (a question, answer, option, …) gathered from its
/// first line and its continuation lines.
struct TextField {
    /// UTF-8 bytes, lines joined with `\n`; NUL bytes are stored as 0xFF so
    /// they decode to U+FFFD with any other malformed byte.
    var bytes: [UInt8] = []
    /// Where the text starts (for diagnostics about the text as a whole).
    var location: SourceLocation

    init(location: SourceLocation) { self.location = location }

    var isEmpty: Bool { bytes.isEmpty }

    /// Appends `buffer[from..<to]`, after `newlines` line breaks when the
    /// text already has content (leading blank lines are dropped).
    mutating func append(_ buffer: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int, newlines: Int, mayHoldNUL: Bool) {
        guard from < to else { return }
        if !bytes.isEmpty {
            for _ in 0..<newlines { bytes.append(.newline) }
        }
        let piece = UnsafeBufferPointer(rebasing: buffer[from..<to])
        if mayHoldNUL {
            bytes.append(contentsOf: piece.lazy.map { $0 == 0 ? 0xFF : $0 })
        } else {
            bytes.append(contentsOf: piece)
        }
    }

    var string: String { String(decoding: bytes, as: UTF8.self) }
}

/// Checks the braces of a cloze text as its lines arrive, so each problem
/// is reported at its own line and column.
struct ClozeScanner {
    /// Whether the scan stands inside a `{…}` gap.
    var inGap = false
    /// Where the open `{` is, while inside a gap (set by the parser, which
    /// knows lines and columns).
    var openGap: SourceLocation?
    /// Whether the current answer of the open gap has a non-space byte.
    var answerHasContent = false
    /// Whether the previous byte was an unescaped backslash.
    var escaped = false

    /// A problem and the byte offset it was found at.
    typealias Finding = (offset: Int, issue: DeckIssue)

    /// Scans `buffer[from..<to]`. Returns the problems found and, when a gap
    /// opened in this piece is still open at its end, the offset of its `{`.
    mutating func scan(_ buffer: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> (
        findings: [Finding], openedAt: Int?
    ) {
        var findings: [Finding] = []
        var openedAt: Int? = nil
        var i = from
        while i < to {
            let b = buffer[i]
            if escaped {
                escaped = false
                if b != UInt8(ascii: "{") && b != UInt8(ascii: "}") && b != UInt8(ascii: "\\") {
                    let scalar = String(decoding: UnsafeBufferPointer(rebasing: buffer[i..<min(to, i + 4)]), as: UTF8.self)
                    findings.append((i - 1, .unknownEscape(scalar.first ?? "?")))
                }
                if inGap { answerHasContent = true }
                i += 1
                continue
            }
            switch b {
            case UInt8(ascii: "\\"):
                escaped = true
            case UInt8(ascii: "{"):
                if inGap {
                    findings.append((i, .nestedGap))
                    answerHasContent = true
                } else {
                    inGap = true
                    openedAt = i
                    answerHasContent = false
                }
            case UInt8(ascii: "}"):
                if inGap {
                    if !answerHasContent { findings.append((i, .emptyGap)) }
                    inGap = false
                    openGap = nil
                    openedAt = nil
                } else {
                    findings.append((i, .strayClosingBrace))
                }
            case UInt8(ascii: "|") where inGap:
                if !answerHasContent { findings.append((i, .emptyGap)) }
                answerHasContent = false
            case .space, .tab:
                break
            default:
                if inGap { answerHasContent = true }
            }
            i += 1
        }
        return (findings, openedAt)
    }
}
