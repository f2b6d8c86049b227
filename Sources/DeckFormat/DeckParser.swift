#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A deck file read into values, with every problem found on the way.
public struct ParsedDeck: Hashable, Sendable {
    /// The cards that could be built; a card with an error that leaves it
    /// without a usable question or answer is left out.
    public var deck: Deck
    /// Problems in file order.
    public var diagnostics: [Diagnostic]

    public init(deck: Deck, diagnostics: [Diagnostic]) {
        self.deck = deck
        self.diagnostics = diagnostics
    }
}

/// Reads the deck format (docs/deck-format.md) from bytes.
///
/// The parser is a state machine over classified lines. It scans bytes,
/// builds `String`s only for the pieces it keeps, and runs in time linear
/// in the input whatever the input is: invalid UTF-8 is reported and read
/// as U+FFFD, NUL bytes likewise, a binary file is reported once.
public enum DeckParser {
    /// Parses the contents of one deck file; `file` is the path to show in
    /// diagnostics and card locations.
    public static func parse(_ bytes: [UInt8], file: String) -> ParsedDeck {
        bytes.withUnsafeBufferPointer { buffer in
            var run = ParserRun(buffer: buffer, file: file)
            run.parseAll()
            return run.result()
        }
    }

    /// Parses deck text held in a `String`.
    public static func parse(_ text: String, file: String) -> ParsedDeck {
        parse(Array(text.utf8), file: file)
    }

    /// Card fields in canonical order.
    static let cardFields = ["alt", "level", "tags", "source", "id"]
    /// Metadata keys with a meaning.
    static let metadataKeys = ["lang", "author", "description", "course", "level", "tags", "namespace", "order", "exam"]
    /// Metadata keys whose value takes one line.
    static let oneLineMetadataKeys = ["lang", "level", "tags", "namespace", "order", "exam"]
    /// How many bytes from the start are searched for a NUL to call a file
    /// binary (as git does).
    static let binaryProbeLength = 8000
    /// Limits on diagnostics, so a binary or garbled file reports a
    /// readable amount.
    static let diagnosticsPerLine = 10
    static let diagnosticsPerFile = 500
}

/// One run of the parser over one buffer.
struct ParserRun {
    /// Where the parser stands between lines.
    enum State {
        /// Before the first section or card: title and metadata allowed.
        case preamble
        /// After a section heading or a card's end, no card open.
        case betweenCards
        /// Inside a card (`pending` holds it).
        case inCard
    }

    /// Where an indented line's text goes.
    enum Target {
        case nothing
        case metadata(Int)
        case oneLineField(String)
        case prompt
        case answer
        case option(Int)
        case keyPoint(Int)
        case alternative(Int)
        /// Text of a line already reported as an error: its continuations
        /// are dropped quietly.
        case ignored
        /// An answer written after key points: its lines are gathered for
        /// the fix that moves them.
        case misplacedAnswer
    }

    let buffer: UnsafeBufferPointer<UInt8>
    let file: String
    /// The byte that ends a line of this file (`TextEncoding.lineTerminator`).
    var lineTerminator = UInt8.newline
    /// Whether a line may hold a CR that does not end it: the lines end at
    /// LF and the file has a CR somewhere (most such files are CRLF).
    var mayHoldLoneCR = false

    var state = State.preamble
    var target = Target.nothing
    var blankLinesPending = 0

    var title: String?
    var metadata: [MetadataEntry] = []
    /// The metadata keys seen, so a repeated key is found in constant time.
    var metadataKeys = Set<String>()
    var deckLevel = 1
    var deckTags: [String] = []
    /// What explicit ids are scoped by: the `namespace:` line, else the
    /// file's name (`CardID.defaultNamespace`).
    var namespace: String
    /// Whether the deck has a `namespace:` line.
    var hasNamespaceLine = false
    /// Whether the missing `namespace:` line was reported (once per deck).
    var reportedMissingNamespace = false
    var sections: [(level: Int, name: String)] = [] {
        didSet { sectionTags = deckTags + sections.map(\.name) }
    }
    /// The deck tags and section names every new card gets.
    var sectionTags: [String] = []
    var cards: [Card] = []
    /// The stemmed words of the definitions read so far, for the giveaway
    /// check of every term card.
    var wordKeys = WordKeys()
    /// The card being read.
    var pending: PendingCard?

    var diagnostics: [Diagnostic] = []
    var dropped = 0
    var lineDiagnostics = 0

    // The current line.
    var lineNumber = 0
    var lineStart = 0
    var lineEnd = 0
    var report = UTF8Scan.Report()
    var columnCache: (offset: Int, column: Int) = (0, 1)

    init(buffer: UnsafeBufferPointer<UInt8>, file: String) {
        self.buffer = buffer
        self.file = file
        self.namespace = CardID.defaultNamespace(file: file)
    }

    // MARK: Lines

    mutating func parseAll() {
        let count = buffer.count
        guard let base = buffer.baseAddress, count > 0 else { return }
        var position = 0
        if count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { position = 3 }
        if let whole = TextEncoding.wholeFileProblem(buffer, from: position, file: file) {
            diagnostics.append(whole)
            return
        }
        // Old Mac files end lines with a lone CR: read as line ends rather
        // than as one long line that holds no card; byte offsets, and so
        // every place reported, stay the same.
        lineTerminator = TextEncoding.lineTerminator(of: buffer)
        mayHoldLoneCR = lineTerminator == .newline && memchr(base, Int32(UInt8.carriageReturn), count) != nil
        while position < count {
            let end: Int
            if let newline = memchr(base + position, Int32(lineTerminator), count - position) {
                end = base.distance(to: newline.assumingMemoryBound(to: UInt8.self))
            } else {
                end = count
            }
            lineNumber += 1
            processLine(position, Line.contentEnd(buffer, position, end))
            position = end + 1
        }
        finishCard()
        if dropped > 0 {
            diagnostics.append(
                DeckIssue.tooManyDiagnostics(dropped: dropped).at(SourceLocation(file: file, line: lineNumber, column: 1)))
        }
    }

    mutating func processLine(_ start: Int, _ end: Int) {
        lineStart = start
        lineEnd = end
        lineDiagnostics = 0
        columnCache = (start, 1)
        report = UTF8Scan.scan(buffer, start, end)
        if let bad = report.firstInvalid { emit(.invalidUTF8, at: bad) }
        if let nul = report.firstNUL { emit(.nulByte, at: nul) }
        // `end` is before a CR that ends the line (CRLF); one before it
        // joins two lines an editor may show apart.
        if mayHoldLoneCR, end > start, let cr = memchr(buffer.baseAddress! + start, Int32(UInt8.carriageReturn), end - start) {
            emit(.carriageReturnInLine, at: buffer.baseAddress!.distance(to: cr.assumingMemoryBound(to: UInt8.self)))
        }

        let line = Line.classify(buffer, start, end)
        switch line {
        case .blank:
            blankLinesPending += 1
            return
        case .comment:
            return
        case .heading, .marker(.question, _, _), .marker(.term, _, _), .marker(.cloze, _, _),
            .malformedMarker(.question, _, _), .malformedMarker(.term, _, _), .malformedMarker(.cloze, _, _):
            break  // ends the open card, or starts one
        default:
            pending?.lastLine = lineNumber
        }
        switch line {
        case .blank, .comment:
            return
        case .continuation(let text):
            continueText(from: text)
        case .heading(let level, let text):
            heading(level: level, text: text)
        case .marker(let marker, let text, let cyrillic):
            if cyrillic {
                let found = String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<start + 2]), as: UTF8.self)
                let fix = FixIt(
                    [.replaceColumns(line: lineNumber, from: 1, to: 2, with: marker.latin)],
                    kk: "'\(marker.latin):' деп латын әрпімен жазыңыз", en: "write '\(marker.latin):' in Latin")
                emit(.cyrillicMarker(found: found, meant: marker.latin), at: start, fix: fix)
            }
            switch marker {
            case .question, .term, .cloze: startCard(marker, text: text)
            case .answer, .definition: answerLine(marker, text: text)
            }
        case .option(let correct, let text):
            optionLine(correct: correct, text: text)
        case .field(let nameEnd, let value):
            let name = String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<nameEnd]), as: UTF8.self)
            fieldLine(name: name, value: value)
        case .malformedMarker(let marker, let text, let separatorEnd):
            let written = String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<separatorEnd]), as: UTF8.self)
            let fix = FixIt(
                [.replaceColumns(line: lineNumber, from: 1, to: column(at: separatorEnd), with: marker.latin + ":")],
                kk: "'\(written)' орнына '\(marker.latin):' деп жазыңыз", en: "write '\(marker.latin):' for '\(written)'")
            emit(.malformedMarker(found: written, meant: marker.latin + ":"), at: start, fix: fix)
            // Read as meant, so the card is not lost and the next lines do
            // not land in the card above.
            switch marker {
            case .question, .term, .cloze: startCard(marker, text: text)
            case .answer, .definition: answerLine(marker, text: text)
            }
        case .optionWithoutSpace(let correct, let text):
            let mark = correct ? "*" : "-"
            let fix = FixIt(
                [.replaceColumns(line: lineNumber, from: 2, to: 2, with: " ")],
                kk: "'\(mark)' белгісінен кейін бос орын қойыңыз", en: "put a space after '\(mark)'")
            emit(.optionWithoutSpace(mark: mark), at: start, fix: fix)
            optionLine(correct: correct, text: text)
        case .dashOption(let text, let dashEnd):
            let fix = FixIt(
                [.replaceColumns(line: lineNumber, from: 1, to: column(at: dashEnd), with: "-")],
                kk: "сызықшаны '-' деп жазыңыз", en: "write the dash as '-'")
            emit(.dashOption, at: start, fix: fix)
            optionLine(correct: false, text: text)
        case .text:
            strayText(start)
        }
        blankLinesPending = 0
    }

    /// A line of prose that is not indented. Right after a line of text in
    /// a card it is most likely that text wrapped by an editor: the card is
    /// not loaded cut off, and the fix indents the line. Anywhere else it
    /// is a note: the fix makes it a comment (indenting it would only
    /// continue whatever came above, an `id:` as well).
    mutating func strayText(_ start: Int) {
        let wrapped: Bool
        switch target {
        case .prompt, .answer, .option, .keyPoint, .alternative: wrapped = state == .inCard && blankLinesPending == 0
        default: wrapped = false
        }
        target = .ignored
        // A text cut off here is not loaded, whatever the line turns out to be.
        if wrapped { pending?.broken = true }
        // An invisible character before a marker or text: said as such,
        // with the fix that removes it (the fixes below would comment out
        // a card, or turn an answer into question text).
        if let invisible = InvisibleCharacter.run(buffer, start, lineEnd) {
            let c = invisible.first
            let fix = FixIt(
                [.replaceColumns(line: lineNumber, from: 1, to: column(at: invisible.end), with: c.isSpace ? "   " : "")],
                kk: c.isSpace ? "жол басындағы таңбалардың орнына бос орын қойыңыз" : "жол басындағы көрінбейтін таңбаларды өшіріңіз",
                en: c.isSpace ? "put spaces in place of the characters at the line's start" : "delete the invisible characters at the line's start")
            emit(.invisibleLineStart(character: c), at: start, fix: fix)
            return
        }
        let line = text(from: start)
        if wrapped {
            let fix = FixIt(
                [.replaceLine(lineNumber, with: "   " + line)],
                kk: "жолдың басына бос орын қойыңыз", en: "indent the line")
            emit(.unindentedText, at: start, fix: fix)
        } else {
            let fix = FixIt(
                [.replaceLine(lineNumber, with: "// " + line)],
                kk: "жолды түсініктеме етіңіз: '// \(line)'", en: "make the line a comment: '// \(line)'")
            emit(state == .inCard ? .strayLine : .unknownLine, at: start, fix: fix)
        }
    }

    // MARK: Diagnostics

    /// The 1-based scalar column of byte `offset` on the current line.
    mutating func column(at offset: Int) -> Int {
        let from: (offset: Int, column: Int) = offset >= columnCache.offset ? columnCache : (lineStart, 1)
        let column = from.column + UTF8Scan.scalarCount(buffer, from.offset, offset)
        columnCache = (offset, column)
        return column
    }

    mutating func location(at offset: Int) -> SourceLocation {
        SourceLocation(file: file, line: lineNumber, column: column(at: offset))
    }

    mutating func emit(_ issue: DeckIssue, at offset: Int, fix: FixIt? = nil) {
        guard admit() else { return }
        var diagnostic = issue.at(location(at: offset))
        diagnostic.fix = fix
        diagnostics.append(diagnostic)
    }

    mutating func emit(_ issue: DeckIssue, at location: SourceLocation, fix: FixIt? = nil) {
        guard admit() else { return }
        var diagnostic = issue.at(location)
        diagnostic.fix = fix
        diagnostics.append(diagnostic)
    }

    /// Whether one more diagnostic may be added on this line and file.
    mutating func admit() -> Bool {
        lineDiagnostics += 1
        if lineDiagnostics > DeckParser.diagnosticsPerLine || diagnostics.count >= DeckParser.diagnosticsPerFile {
            dropped += 1
            return false
        }
        return true
    }

    /// Where the `}` of the gap opened at byte `open` most likely belongs:
    /// before the first punctuation after it, else before `before` (the
    /// next `{`) or the end of its line, spaces trimmed. The fix inserts it
    /// there; the instructor may move it, but the file is clean either way.
    func closingFix(open: Int, place: SourceLocation, before limit: Int?) -> FixIt {
        var end = open + 1
        // A gap that opens on a bracket (`{(1945) …`) holds the bracketed
        // text: stopping at the bracket would leave the gap empty.
        var depth = 0
        while end < buffer.count, buffer[end] != lineTerminator, end != limit {
            let b = buffer[end]
            if b == UInt8(ascii: "(") && end == open + 1 {
                depth = 1
            } else if depth > 0 {
                if b == UInt8(ascii: ")") { depth -= 1 }
                if depth == 0 {
                    end += 1
                    break
                }
            } else if b == UInt8(ascii: ",") || b == UInt8(ascii: ".") || b == UInt8(ascii: ";") || b == UInt8(ascii: "!")
                || b == UInt8(ascii: "?") || b == UInt8(ascii: "(") || b == UInt8(ascii: ")")
                || (b == 0xE2 && end + 2 < buffer.count && buffer[end + 1] == 0x80 && buffer[end + 2] == 0xA6)  // …
            {
                break
            }
            end += 1
        }
        while end > open + 1, buffer[end - 1] == .space || buffer[end - 1] == .tab || buffer[end - 1] == .carriageReturn {
            end -= 1
        }
        if end == open + 1 {
            // Nothing after the `{` to close a gap around (`{{1992}`, a `{`
            // at the line's end): closing it would write an empty gap, an
            // error of its own. The stray `{` goes.
            return FixIt(
                [.replaceColumns(line: place.line, from: place.column, to: place.column + 1, with: "")],
                kk: "артық '{' белгісін өшіріңіз (\(place.line):\(place.column))",
                en: "remove the stray '{' (at \(place.line):\(place.column))")
        }
        let column = place.column + UTF8Scan.scalarCount(buffer, open, end)
        return FixIt(
            [.replaceColumns(line: place.line, from: column, to: column, with: "}")],
            kk: "бос орынды '}' белгісімен жабыңыз (\(place.line):\(column))",
            en: "close the gap with '}' (at \(place.line):\(column)) where its answer ends")
    }

    /// The fix that writes the current line's one-letter marker as `meant`.
    func markerFix(_ meant: String) -> FixIt {
        FixIt(
            [.replaceColumns(line: lineNumber, from: 1, to: 2, with: meant)],
            kk: "'\(meant):' деп жазыңыз", en: "write '\(meant):'")
    }

    /// The current line as written, indentation included.
    var rawLine: String { text(from: lineStart) }

    /// The text `buffer[from..<lineEnd]` as a string.
    func text(from: Int) -> String {
        guard from < lineEnd else { return "" }
        return UTF8Scan.string(UnsafeBufferPointer(rebasing: buffer[from..<lineEnd]), mayHoldNUL: report.firstNUL != nil)
    }

    /// Reports look-alike letters in `buffer[from..<lineEnd]`.
    /// Returns whether the pre-filter let the line through (so whether a
    /// text holding it may hold look-alikes).
    @discardableResult
    mutating func checkLookalikes(from: Int) -> Bool {
        guard from < lineEnd, report.mayHoldLookalikes else { return false }
        let reports = LookalikeScan.reports(in: text(from: from), limit: DeckParser.diagnosticsPerLine)
        guard !reports.isEmpty else { return true }
        let startColumn = column(at: from)
        for r in reports {
            let fix = FixIt(
                [.replaceColumns(line: lineNumber, from: startColumn + r.replace.lowerBound, to: startColumn + r.replace.upperBound, with: r.with)],
                kk: "'\(r.with)' деп жазыңыз", en: "write '\(r.with)'")
            emit(r.issue, at: SourceLocation(file: file, line: lineNumber, column: startColumn + r.scalarOffset), fix: fix)
        }
        return true
    }

    // MARK: Line kinds

    mutating func heading(level: Int, text: Int) {
        finishCard()
        let name = self.text(from: text)
        checkLookalikes(from: text)
        target = .nothing
        if level == 1 {
            if state == .preamble, title == nil {
                if name.isEmpty { emit(.emptyHeading, at: lineStart) }
                title = name
            } else {
                emit(.misplacedTitle, at: lineStart)
            }
            return
        }
        // `##` with no name closes the sections at its level and below,
        // so cards can follow outside any section.
        sections.removeAll { $0.level >= level }
        if !name.isEmpty { sections.append((level, name)) }
        state = .betweenCards
    }

    mutating func startCard(_ marker: Line.Marker, text: Int) {
        finishCard()
        let cardLocation = SourceLocation(file: file, line: lineNumber, column: 1)
        let prompt = TextField(location: location(at: text), range: text..<max(text, lineEnd), mayHoldNUL: report.firstNUL != nil)
        let card = PendingCard(marker: marker, location: cardLocation, prompt: prompt)
        if marker == .cloze { scanCloze(card, from: text) }
        pending = card
        state = .inCard
        target = .prompt
        let mayHold = checkLookalikes(from: text)
        pending?.promptMayHoldLookalikes = mayHold
    }

    mutating func scanCloze(_ card: PendingCard, from: Int) {
        let openBefore = card.cloze.openGap
        let scan = card.cloze.scan(buffer, from, lineEnd)
        for gap in scan.unclosed {
            let place = gap.open >= lineStart ? location(at: gap.open) : openBefore ?? location(at: from)
            emit(.unclosedGap, at: place, fix: closingFix(open: gap.open, place: place, before: gap.next))
        }
        for finding in scan.findings { emit(finding.issue, at: finding.offset) }
        if let opened = scan.openedAt { card.cloze.openGap = location(at: opened) }
    }

    mutating func answerLine(_ marker: Line.Marker, text: Int) {
        guard state == .inCard, let card = pending else {
            target = .ignored
            emit(.outsideCard(line: marker.latin + ":"), at: lineStart)
            return
        }
        let mayHoldNUL = report.firstNUL != nil
        switch card.marker {
        case .question:
            if marker == .definition {
                emit(.answerMarkerForKind(found: "D", meant: "A", kind: .question), at: lineStart, fix: markerFix("A"))
            }
            if !card.options.isEmpty {
                card.broken = true
                if !card.options.contains(where: \.correct), marker == .answer, let firstOption = card.firstOptionLine {
                    // Only `-` lines so far: key points written before the
                    // answer, not options. Reported when the card ends, with
                    // the answer's lines to move.
                    card.misplacedAnswer = MisplacedAnswer(
                        location: location(at: lineStart), firstOptionLine: firstOption, lines: [(lineNumber, rawLine)])
                    target = .misplacedAnswer
                    return
                }
                emit(.mixedKinds, at: lineStart)
                target = .ignored
                return
            }
        case .term:
            if marker == .answer {
                emit(.answerMarkerForKind(found: "A", meant: "D", kind: .term), at: lineStart, fix: markerFix("D"))
            }
        default:
            emit(.lineNotForKind(line: marker.latin + ":", kind: .cloze), at: lineStart)
            target = .ignored
            return
        }
        if card.answer != nil {
            emit(.duplicateField(field: card.marker == .term ? "D" : "A"), at: lineStart)
            target = .ignored
            return
        }
        let answer = TextField(location: location(at: text), range: text..<max(text, lineEnd), mayHoldNUL: mayHoldNUL)
        card.answer = answer
        target = .answer
        checkLookalikes(from: text)
    }

    mutating func optionLine(correct: Bool, text: Int) {
        guard state == .inCard, let card = pending else {
            target = .ignored
            emit(.outsideCard(line: correct ? "*" : "-"), at: lineStart)
            return
        }
        guard card.marker == .question else {
            emit(.lineNotForKind(line: correct ? "*" : "-", kind: card.marker == .term ? .term : .cloze), at: lineStart)
            target = .ignored
            return
        }
        let field = TextField(location: location(at: text), range: text..<max(text, lineEnd), mayHoldNUL: report.firstNUL != nil)
        if card.answer != nil {
            if correct {
                emit(.mixedKinds, at: lineStart)
                card.broken = true
                target = .ignored
                return
            }
            card.keyPoints.append(field)
            target = .keyPoint(card.keyPoints.count - 1)
        } else {
            if card.options.isEmpty { card.firstOptionLine = lineNumber }
            card.options.append((correct, field))
            target = .option(card.options.count - 1)
        }
        checkLookalikes(from: text)
    }

    mutating func continueText(from text: Int) {
        let newlines = 1 + blankLinesPending
        let mayHoldNUL = report.firstNUL != nil
        switch target {
        case .nothing:
            emit(.orphanContinuation, at: lineStart)
            target = .ignored
            return
        case .ignored:
            return
        case .misplacedAnswer:
            pending?.misplacedAnswer?.lines.append((lineNumber, rawLine))
            return
        case .oneLineField(let name):
            // A note indented under a one-line field: a comment keeps it.
            let note = self.text(from: text)
            let fix = FixIt(
                [.replaceLine(lineNumber, with: "// " + note)],
                kk: "жолды түсініктеме етіңіз: '// \(note)'", en: "make the line a comment: '// \(note)'")
            emit(.continuationNotAllowed(field: name), at: text, fix: fix)
            return
        case .metadata(let index):
            let more = self.text(from: text)
            metadata[index].value += metadata[index].value.isEmpty ? more : String(repeating: "\n", count: newlines) + more
        case .prompt:
            pending?.prompt.append(buffer, text, lineEnd, newlines: newlines, mayHoldNUL: mayHoldNUL)
            let mayHold = checkLookalikes(from: text)
            if mayHold { pending?.promptMayHoldLookalikes = true }
            if let card = pending, card.marker == .cloze {
                card.cloze.escaped = false
                scanCloze(card, from: text)
            }
            return
        case .answer:
            pending?.answer?.append(buffer, text, lineEnd, newlines: newlines, mayHoldNUL: mayHoldNUL)
        case .option(let i):
            pending?.options[i].text.append(buffer, text, lineEnd, newlines: newlines, mayHoldNUL: mayHoldNUL)
        case .keyPoint(let i):
            pending?.keyPoints[i].append(buffer, text, lineEnd, newlines: newlines, mayHoldNUL: mayHoldNUL)
        case .alternative(let i):
            pending?.alternatives[i].append(buffer, text, lineEnd, newlines: newlines, mayHoldNUL: mayHoldNUL)
        }
        checkLookalikes(from: text)
    }

    func result() -> ParsedDeck {
        ParsedDeck(
            deck: Deck(file: file, title: title, metadata: metadata, cards: cards),
            diagnostics: diagnostics)
    }
}
