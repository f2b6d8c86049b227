/// A card whose lines are still being read: the raw pieces in file order,
/// before the card's kind is decided and its values are checked.
///
/// A class: every line of a card changes it, and a value this size
/// would be copied or moved on each of them.
final class PendingCard {
    /// `Q`, `T` or `C`: how the card started.
    var marker: Line.Marker
    /// Where the card's first line is.
    var location: SourceLocation
    /// The card's last line that is not blank or a comment.
    var lastLine: Int
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
    /// Whether a line of the prompt passed the look-alike pre-filter.
    var promptMayHoldLookalikes = false
    /// The line of the first option or `-` line, where a misplaced answer
    /// belongs.
    var firstOptionLine: Int?
    /// An `A:` written after `-` lines, to report with a fix that moves it.
    var misplacedAnswer: MisplacedAnswer?
    /// Brace checking of a cloze's text, fed line by line.
    var cloze = ClozeScanner()

    init(marker: Line.Marker, location: SourceLocation, prompt: TextField) {
        self.marker = marker
        self.location = location
        self.lastLine = location.line
        self.prompt = prompt
    }
}

/// An answer written after key points (`-` lines before `A:`): where it is
/// and its lines as written, so the fix can move them above the key points.
struct MisplacedAnswer {
    /// The `A:` line.
    var location: SourceLocation
    /// Where the moved lines go: before this line.
    var firstOptionLine: Int
    /// The answer's lines (number and text as written).
    var lines: [(number: Int, text: String)]

    /// The diagnostic, with the fix that moves the lines.
    var diagnostic: Diagnostic {
        var d = DeckIssue.keyPointsBeforeAnswer.at(location)
        d.fix = FixIt(
            lines.map { .deleteLine($0.number) } + lines.map { .insertLine(after: firstOptionLine - 1, text: $0.text) },
            kk: "A: жолын \(firstOptionLine)-жолдың алдына көшіріңіз", en: "move the A: line above line \(firstOptionLine)")
        return d
    }
}

/// One text (a question, answer, option, …) gathered from its first line
/// and its continuation lines.
///
/// A one-line text stays a range of the file buffer; bytes are copied only
/// when a second line arrives, so most texts become a `String` straight
/// from the file's bytes.
struct TextField {
    /// The text's bytes in the file buffer while it has one line.
    var range: Range<Int>
    /// Whether `range` may hold NUL bytes (shown as U+FFFD).
    var mayHoldNUL: Bool
    /// UTF-8 bytes of a text of several lines, joined with `\n`; NUL bytes
    /// are stored as 0xFF so they decode to U+FFFD.
    var joined: [UInt8]?
    /// Where the text starts (for diagnostics about the text as a whole).
    var location: SourceLocation

    init(location: SourceLocation, range: Range<Int>, mayHoldNUL: Bool) {
        self.location = location
        self.range = range
        self.mayHoldNUL = mayHoldNUL
    }

    var isEmpty: Bool { joined?.isEmpty ?? range.isEmpty }

    /// Appends `buffer[from..<to]`, after `newlines` line breaks when the
    /// text already has content (leading blank lines are dropped).
    mutating func append(_ buffer: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int, newlines: Int, mayHoldNUL: Bool) {
        guard from < to else { return }
        if joined == nil, range.isEmpty {
            range = from..<to
            self.mayHoldNUL = mayHoldNUL
            return
        }
        var bytes: [UInt8]
        if let existing = joined {
            bytes = existing
            joined = nil  // one owner, so appending does not copy
        } else {
            bytes = []
            Self.copy(UnsafeBufferPointer(rebasing: buffer[range]), into: &bytes, mayHoldNUL: self.mayHoldNUL)
        }
        for _ in 0..<newlines { bytes.append(.newline) }
        Self.copy(UnsafeBufferPointer(rebasing: buffer[from..<to]), into: &bytes, mayHoldNUL: mayHoldNUL)
        joined = bytes
    }

    static func copy(_ piece: UnsafeBufferPointer<UInt8>, into bytes: inout [UInt8], mayHoldNUL: Bool) {
        if mayHoldNUL {
            bytes.append(contentsOf: piece.lazy.map { $0 == 0 ? 0xFF : $0 })
        } else {
            bytes.append(contentsOf: piece)
        }
    }

    func string(_ buffer: UnsafeBufferPointer<UInt8>) -> String {
        if let joined { return String(decoding: joined, as: UTF8.self) }
        return UTF8Scan.string(UnsafeBufferPointer(rebasing: buffer[range]), mayHoldNUL: mayHoldNUL)
    }
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
    /// How many gaps were closed, as `ClozeSegment.split` counts them.
    var gapCount = 0
    /// The byte offset of the open gap's `{` while inside a gap.
    var openOffset: Int?
    /// Set when a gap was left unclosed: the card would load with a brace
    /// inside an answer, so it is not loaded.
    var sawUnclosed = false
    /// Whether some answer of the open gap has a non-space byte.
    var gapHasAnswer = false
    /// Set when a gap closed with no answer at all (`{}`, `{ | }`): nobody
    /// could ever answer it right, so the card is not loaded. A gap with
    /// one empty alternative among answers (`{a|}`) is only reported.
    var sawUnanswerable = false

    /// A problem and the byte offset it was found at.
    typealias Finding = (offset: Int, issue: DeckIssue)

    /// Scans `buffer[from..<to]`. Returns the problems found and, when a gap
    /// opened in this piece is still open at its end, the offset of its `{`.
    mutating func scan(_ buffer: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> (
        findings: [Finding], openedAt: Int?, unclosed: [(open: Int, next: Int)]
    ) {
        var findings: [Finding] = []
        var unclosed: [(open: Int, next: Int)] = []
        var openedAt: Int? = nil
        // The line's text, for the neighbours of a brace: nothing joins a
        // character across a line break, so the line is all that counts.
        let text = UnsafeBufferPointer(rebasing: buffer[from..<to])
        var i = from
        while i < to {
            let b = buffer[i]
            // A `\`, `{`, `}` or `|` joined into one character by a mark
            // after it or a prepended letter before it is text: the card
            // finds its gaps by character (`ClozeSegment.split`), so a `{́`
            // counted here as a gap would load a cloze with none.
            if !escaped, ClozeSegment.isSpecial(b), !ClozeSegment.standsAlone(text, at: i - from) {
                if inGap { answerHasContent = true }
                i += 1
                continue
            }
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
                    // `{15|он бес …, оның {5|бесеуі}`: the first gap was
                    // never closed, which the `{` before it shows; this one
                    // starts the next gap.
                    unclosed.append((openOffset ?? i, i))
                    sawUnclosed = true
                } else {
                    inGap = true
                }
                openedAt = i
                openOffset = i
                answerHasContent = false
                gapHasAnswer = false
            case UInt8(ascii: "}"):
                if inGap {
                    if !answerHasContent { findings.append((i, .emptyGap)) }
                    if !(gapHasAnswer || answerHasContent) { sawUnanswerable = true }
                    inGap = false
                    gapCount += 1
                    openGap = nil
                    openedAt = nil
                    openOffset = nil
                } else {
                    findings.append((i, .strayClosingBrace))
                }
            case UInt8(ascii: "|") where inGap:
                if !answerHasContent { findings.append((i, .emptyGap)) }
                gapHasAnswer = gapHasAnswer || answerHasContent
                answerHasContent = false
            case .space, .tab:
                break
            default:
                if inGap { answerHasContent = true }
            }
            i += 1
        }
        return (findings, openedAt, unclosed)
    }
}
