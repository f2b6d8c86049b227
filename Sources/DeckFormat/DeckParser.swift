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
    static let metadataKeys = ["lang", "author", "description", "course", "level", "tags"]
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
    }

    let buffer: UnsafeBufferPointer<UInt8>
    let file: String

    var state = State.preamble
    var target = Target.nothing
    var blankLinesPending = 0

    var title: String?
    var metadata: [MetadataEntry] = []
    var deckLevel = 1
    var deckTags: [String] = []
    var sections: [(level: Int, name: String)] = []
    var cards: [Card] = []
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
    }

    // MARK: Lines

    mutating func parseAll() {
        let count = buffer.count
        guard let base = buffer.baseAddress, count > 0 else { return }
        var position = 0
        if count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { position = 3 }
        let probeEnd = min(count, DeckParser.binaryProbeLength)
        if position < probeEnd, let nul = memchr(base + position, 0, probeEnd - position) {
            reportBinary(at: base.distance(to: nul.assumingMemoryBound(to: UInt8.self)), from: position)
            return
        }
        while position < count {
            let end: Int
            if let newline = memchr(base + position, Int32(UInt8.newline), count - position) {
                end = base.distance(to: newline.assumingMemoryBound(to: UInt8.self))
            } else {
                end = count
            }
            var contentEnd = end
            if contentEnd > position, buffer[contentEnd - 1] == .carriageReturn { contentEnd -= 1 }
            while contentEnd > position, buffer[contentEnd - 1] == .space || buffer[contentEnd - 1] == .tab {
                contentEnd -= 1
            }
            lineNumber += 1
            processLine(position, contentEnd)
            position = end + 1
        }
        finishCard()
        if dropped > 0 {
            diagnostics.append(
                DeckIssue.tooManyDiagnostics(dropped: dropped).at(SourceLocation(file: file, line: lineNumber, column: 1)))
        }
    }

    /// A NUL near the start: the file is not text. One error, no cards.
    mutating func reportBinary(at offset: Int, from start: Int) {
        var line = 1
        var lineBegin = start
        for i in start..<offset where buffer[i] == .newline {
            line += 1
            lineBegin = i + 1
        }
        let column = UTF8Scan.scalarCount(buffer, lineBegin, offset) + 1
        diagnostics.append(DeckIssue.binaryFile.at(SourceLocation(file: file, line: line, column: column)))
    }

    mutating func processLine(_ start: Int, _ end: Int) {
        lineStart = start
        lineEnd = end
        lineDiagnostics = 0
        columnCache = (start, 1)
        report = UTF8Scan.scan(buffer, start, end)
        if let bad = report.firstInvalid { emit(.invalidUTF8, at: bad) }
        if let nul = report.firstNUL { emit(.nulByte, at: nul) }

        let line = Line.classify(buffer, start, end)
        switch line {
        case .blank:
            blankLinesPending += 1
            return
        case .comment:
            return
        case .continuation(let text):
            continueText(from: text)
        case .heading(let level, let text):
            heading(level: level, text: text)
        case .marker(let marker, let text, let cyrillic):
            if cyrillic {
                let found = String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<start + 2]), as: UTF8.self)
                emit(.cyrillicMarker(found: found, meant: marker.latin), at: start)
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
        case .text:
            target = .ignored
            emit(state == .inCard ? .unindentedText : .unknownLine, at: start)
        }
        blankLinesPending = 0
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

    mutating func emit(_ issue: DeckIssue, at offset: Int) {
        guard admit() else { return }
        diagnostics.append(issue.at(location(at: offset)))
    }

    mutating func emit(_ issue: DeckIssue, at location: SourceLocation) {
        guard admit() else { return }
        diagnostics.append(issue.at(location))
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

    /// The text `buffer[from..<lineEnd]` as a string.
    func text(from: Int) -> String {
        guard from < lineEnd else { return "" }
        return UTF8Scan.string(UnsafeBufferPointer(rebasing: buffer[from..<lineEnd]), mayHoldNUL: report.firstNUL != nil)
    }

    /// Reports look-alike letters in `buffer[from..<lineEnd]`.
    mutating func checkLookalikes(from: Int) {
        guard from < lineEnd, LookalikeScan.mayHoldFindings(buffer, from, lineEnd) else { return }
        let reports = LookalikeScan.reports(in: text(from: from), limit: DeckParser.diagnosticsPerLine)
        guard !reports.isEmpty else { return }
        let startColumn = column(at: from)
        for r in reports {
            emit(r.issue, at: SourceLocation(file: file, line: lineNumber, column: startColumn + r.scalarOffset))
        }
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
        sections.removeAll { $0.level >= level }
        if name.isEmpty {
            emit(.emptyHeading, at: lineStart)
        } else {
            sections.append((level, name))
        }
        state = .betweenCards
    }

    mutating func startCard(_ marker: Line.Marker, text: Int) {
        finishCard()
        let cardLocation = SourceLocation(file: file, line: lineNumber, column: 1)
        var prompt = TextField(location: location(at: text))
        prompt.append(buffer, text, lineEnd, newlines: 0, mayHoldNUL: report.firstNUL != nil)
        var card = PendingCard(marker: marker, location: cardLocation, prompt: prompt)
        if marker == .cloze { scanCloze(&card, from: text) }
        pending = card
        state = .inCard
        target = .prompt
        checkLookalikes(from: text)
    }

    mutating func scanCloze(_ card: inout PendingCard, from: Int) {
        let scan = card.cloze.scan(buffer, from, lineEnd)
        for finding in scan.findings { emit(finding.issue, at: finding.offset) }
        if let opened = scan.openedAt { card.cloze.openGap = location(at: opened) }
    }

    mutating func answerLine(_ marker: Line.Marker, text: Int) {
        guard state == .inCard, var card = pending else {
            target = .ignored
            emit(.outsideCard(line: marker.latin + ":"), at: lineStart)
            return
        }
        pending = nil
        defer { pending = card }
        let mayHoldNUL = report.firstNUL != nil
        switch card.marker {
        case .question:
            if marker == .definition {
                emit(.lineNotForKind(line: "D:", kind: .question), at: lineStart)
            }
            if !card.options.isEmpty {
                emit(.mixedKinds, at: lineStart)
                card.broken = true
                target = .ignored
                return
            }
        case .term:
            if marker == .answer {
                emit(.lineNotForKind(line: "A:", kind: .term), at: lineStart)
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
        var answer = TextField(location: location(at: text))
        answer.append(buffer, text, lineEnd, newlines: 0, mayHoldNUL: mayHoldNUL)
        card.answer = answer
        target = .answer
        checkLookalikes(from: text)
    }

    mutating func optionLine(correct: Bool, text: Int) {
        guard state == .inCard, var card = pending else {
            target = .ignored
            emit(.outsideCard(line: correct ? "*" : "-"), at: lineStart)
            return
        }
        pending = nil
        defer { pending = card }
        guard card.marker == .question else {
            emit(.lineNotForKind(line: correct ? "*" : "-", kind: card.marker == .term ? .term : .cloze), at: lineStart)
            target = .ignored
            return
        }
        var field = TextField(location: location(at: text))
        field.append(buffer, text, lineEnd, newlines: 0, mayHoldNUL: report.firstNUL != nil)
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
        case .oneLineField(let name):
            emit(.continuationNotAllowed(field: name), at: text)
            return
        case .metadata(let index):
            let more = self.text(from: text)
            metadata[index].value += metadata[index].value.isEmpty ? more : String(repeating: "\n", count: newlines) + more
        case .prompt:
            pending?.prompt.append(buffer, text, lineEnd, newlines: newlines, mayHoldNUL: mayHoldNUL)
            if pending?.marker == .cloze, var card = pending {
                pending = nil
                card.cloze.escaped = false
                scanCloze(&card, from: text)
                pending = card
            }
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

    mutating func fieldLine(name: String, value: Int) {
        switch state {
        case .preamble:
            metadataLine(key: name, value: value)
        case .betweenCards:
            target = .ignored
            emit(.fieldOutsideCard(field: name), at: lineStart)
        case .inCard:
            cardField(name: name, value: value)
        }
    }

    mutating func metadataLine(key: String, value: Int) {
        let text = self.text(from: value)
        if metadata.contains(where: { $0.key == key }) {
            emit(.duplicateMetadata(key: key), at: lineStart)
        } else if !DeckParser.metadataKeys.contains(key) {
            emit(.unknownMetadata(key: key), at: lineStart)
        } else {
            switch key {
            case "lang" where !["kk", "ru", "en"].contains(text):
                emit(.unknownLanguage(text), at: value)
            case "level":
                if let level = parseLevel(text, at: value) { deckLevel = level }
            case "tags":
                deckTags = parseTags(text, at: value)
            default:
                break
            }
        }
        metadata.append(MetadataEntry(key: key, value: text))
        target = key == "level" || key == "tags" || key == "lang" ? .oneLineField(key) : .metadata(metadata.count - 1)
        checkLookalikes(from: value)
    }

    mutating func cardField(name: String, value: Int) {
        guard var card = pending else { return }
        pending = nil
        defer { pending = card }
        let text = self.text(from: value)
        target = .oneLineField(name)
        switch name {
        case "level":
            if card.level != nil {
                emit(.duplicateField(field: name), at: lineStart)
            } else if let level = parseLevel(text, at: value) {
                card.level = level
            }
        case "tags":
            card.tags += parseTags(text, at: value)
            checkLookalikes(from: value)
        case "id":
            if card.id != nil {
                emit(.duplicateField(field: name), at: lineStart)
            } else if CardID.isValidExplicit(text) {
                card.id = text
            } else {
                emit(.invalidID(text), at: value)
            }
        case "source":
            if card.source != nil {
                emit(.duplicateField(field: name), at: lineStart)
            } else {
                if !Self.looksLikeSource(text) { emit(.sourceFormat(text), at: value) }
                card.source = text
            }
        case "alt":
            var field = TextField(location: location(at: value))
            field.append(buffer, value, lineEnd, newlines: 0, mayHoldNUL: report.firstNUL != nil)
            card.alternatives.append(field)
            target = .alternative(card.alternatives.count - 1)
            checkLookalikes(from: value)
        default:
            emit(.unknownField(name: name, suggestion: Self.suggestion(for: name)), at: lineStart)
            target = .ignored
        }
    }

    // MARK: Values

    /// A level written as digits; out-of-range levels are kept (and
    /// reported) so that the card still loads and `check` can point at it.
    mutating func parseLevel(_ text: String, at offset: Int) -> Int? {
        guard !text.isEmpty, text.count <= 6, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let level = Int(text)
        else {
            emit(.invalidLevel(text), at: offset)
            return nil
        }
        if !(1...3).contains(level) { emit(.levelOutOfRange(level), at: offset) }
        return level
    }

    mutating func parseTags(_ text: String, at offset: Int) -> [String] {
        let pieces = text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingSpaces() }
        let tags = pieces.filter { !$0.isEmpty }
        if tags.count != pieces.count, !(pieces.count == 1 || (pieces.last == "" && tags.count == pieces.count - 1)) {
            emit(.emptyTag, at: offset)
        }
        return tags
    }

    /// `FILE:LINE` (a path, a colon, digits).
    static func looksLikeSource(_ text: String) -> Bool {
        guard let colon = text.lastIndex(of: ":") else { return false }
        let line = text[text.index(after: colon)...]
        return colon != text.startIndex && !line.isEmpty && line.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// The known field an unknown name most likely means.
    static func suggestion(for name: String) -> String? {
        let lower = name.lowercased()
        let markers = ["q": "Q", "t": "T", "c": "C", "a": "A", "d": "D"]
        if let marker = markers[lower] { return marker }
        let known = DeckParser.cardFields + ["tag": "tags", "lvl": "level", "alts": "alt", "src": "source"].keys
        if let exact = known.first(where: { $0 == lower }) {
            return ["tag": "tags", "lvl": "level", "alts": "alt", "src": "source"][exact] ?? exact
        }
        return DeckParser.cardFields.first { editDistance($0, lower) <= 2 && lower.count > 2 }
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.utf8)
        let b = Array(b.utf8)
        if a.count > 32 || b.count > 32 { return Int.max }
        var previous = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var current = [i] + [Int](repeating: 0, count: b.count)
            for j in 1...max(b.count, 1) where !b.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }

    // MARK: Cards

    mutating func finishCard() {
        guard let card = pending else { return }
        pending = nil
        state = .betweenCards
        if card.cloze.inGap, let open = card.cloze.openGap { emit(.unclosedGap, at: open) }
        if let built = build(card) { cards.append(built) }
    }

    /// The card value, or nil (with a diagnostic) when it cannot be studied.
    mutating func build(_ card: PendingCard) -> Card? {
        if card.broken { return nil }
        let prompt = card.prompt.string
        let alternatives = card.alternatives.map(\.string)
        let content: CardContent
        switch card.marker {
        case .question:
            if prompt.isEmpty {
                emit(.emptyText(what: "question"), at: card.prompt.location)
                return nil
            }
            if !card.options.isEmpty {
                let options = card.options.map { ChoiceOption(text: $0.text.string, isCorrect: $0.correct) }
                for (i, option) in options.enumerated() {
                    if option.text.isEmpty {
                        emit(.emptyText(what: "option"), at: card.options[i].text.location)
                    } else if options[..<i].contains(where: { $0.text == option.text }) {
                        emit(.duplicateOption(option.text), at: card.options[i].text.location)
                    }
                }
                if !options.contains(where: \.isCorrect) {
                    emit(.noCorrectOption, at: card.location)
                    return nil
                }
                if options.count < 2 { emit(.tooFewOptions, at: card.location) }
                if let alt = card.alternatives.first { emit(.altNotAllowed(kind: .choice), at: alt.location) }
                content = .choice(ChoiceCard(question: prompt, options: options.filter { !$0.text.isEmpty }))
            } else if let answerField = card.answer {
                let answer = answerField.string
                if answer.isEmpty {
                    emit(.emptyText(what: "answer"), at: answerField.location)
                    return nil
                }
                if card.keyPoints.isEmpty {
                    content = .question(QuestionCard(question: prompt, answer: answer, alternatives: alternatives))
                } else {
                    var points: [String] = []
                    for field in card.keyPoints {
                        let point = field.string
                        if point.isEmpty { emit(.emptyText(what: "key point"), at: field.location) } else { points.append(point) }
                    }
                    if let alt = card.alternatives.first { emit(.altNotAllowed(kind: .open), at: alt.location) }
                    content = .open(OpenCard(question: prompt, modelAnswer: answer, keyPoints: points))
                }
            } else {
                emit(.missingAnswer, at: card.location)
                return nil
            }
        case .term:
            if prompt.isEmpty {
                emit(.emptyText(what: "term"), at: card.prompt.location)
                return nil
            }
            guard let definitionField = card.answer else {
                emit(.missingDefinition, at: card.location)
                return nil
            }
            let definition = definitionField.string
            if definition.isEmpty {
                emit(.emptyText(what: "definition"), at: definitionField.location)
                return nil
            }
            content = .term(TermCard(term: prompt, definition: definition, alternatives: alternatives))
        default:
            if prompt.isEmpty {
                emit(.emptyText(what: "cloze text"), at: card.prompt.location)
                return nil
            }
            let cloze = ClozeCard(text: prompt, alternatives: alternatives)
            let gaps = cloze.gaps.count
            if gaps == 0 {
                if !card.cloze.inGap { emit(.clozeWithoutGap, at: card.location) }
                return nil
            }
            if gaps > 1, let alt = card.alternatives.first { emit(.altOnMultiGapCloze, at: alt.location) }
            content = .cloze(cloze)
        }
        for alt in card.alternatives where alt.isEmpty { emit(.emptyText(what: "alternative"), at: alt.location) }
        let id = card.id.map { CardID(rawValue: $0) } ?? CardID.derived(kind: content.kind, prompt: promptOf(content))
        return Card(
            id: id, hasExplicitID: card.id != nil, content: content, level: card.level ?? deckLevel, tags: card.tags,
            sectionTags: deckTags + sections.map(\.name), source: card.source, location: card.location)
    }

    func promptOf(_ content: CardContent) -> String {
        switch content {
        case .question(let q): q.question
        case .term(let t): t.term
        case .choice(let c): c.question
        case .cloze(let c): c.prompt
        case .open(let o): o.question
        }
    }

    func result() -> ParsedDeck {
        ParsedDeck(
            deck: Deck(file: file, title: title, metadata: metadata, cards: cards),
            diagnostics: diagnostics)
    }
}
