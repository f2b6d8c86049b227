import DeckFormat

/// A parsed deck file in the index's binary layout: the deck (title,
/// metadata, every card with all its fields) and the file's parse
/// diagnostics, read back equal (`==`) to what the parser made.
///
/// The deck's own path is written once, in the entry's header, not in
/// every place: places inside the file are stored without it and name the
/// path the deck is loaded under.
enum ParsedDeckCoding {
    static func encode(_ parsed: ParsedDeck, into w: inout IndexWriter) {
        let file = parsed.deck.file
        w.optionalString(parsed.deck.title)
        w.unsigned(UInt64(parsed.deck.metadata.count))
        for entry in parsed.deck.metadata {
            w.string(entry.key)
            w.string(entry.value)
        }
        w.unsigned(UInt64(parsed.deck.cards.count))
        for card in parsed.deck.cards { encode(card, file: file, into: &w) }
        w.unsigned(UInt64(parsed.diagnostics.count))
        for d in parsed.diagnostics {
            encode(d.location, file: file, into: &w)
            w.bool(d.severity == .error)
            w.string(d.code)
            w.string(d.messageKK)
            w.string(d.messageEN)
            encode(d.fix, into: &w)
        }
    }

    static func decode(_ r: inout IndexReader, file: String) throws(IndexDamage) -> ParsedDeck {
        let title = try r.optionalString()
        var metadata: [MetadataEntry] = []
        for _ in 0..<(try r.count()) { metadata.append(MetadataEntry(key: try r.string(), value: try r.string())) }
        let cardCount = try r.count()
        var cards: [Card] = []
        cards.reserveCapacity(cardCount)
        var sections = SectionTags()
        for _ in 0..<cardCount { cards.append(try decodeCard(&r, file: file, sections: &sections)) }
        var diagnostics: [Diagnostic] = []
        for _ in 0..<(try r.count()) {
            let location = try decodeLocation(&r, file: file)
            let severity: Diagnostic.Severity = try r.bool() ? .error : .warning
            diagnostics.append(
                Diagnostic(
                    location: location, severity: severity, code: try r.string(), kk: try r.string(),
                    en: try r.string(), fix: try decodeFix(&r)))
        }
        return ParsedDeck(deck: Deck(file: file, title: title, metadata: metadata, cards: cards), diagnostics: diagnostics)
    }

    // MARK: cards

    /// Kinds in the layout; the numbers are part of the format.
    private static func tag(_ kind: CardKind) -> UInt8 {
        switch kind {
        case .question: 0
        case .term: 1
        case .choice: 2
        case .cloze: 3
        case .open: 4
        }
    }

    static func encode(_ card: Card, file: String, into w: inout IndexWriter) {
        w.string(card.id.rawValue)
        w.bool(card.hasExplicitID)
        w.string(card.derivedID.rawValue)
        w.bytes.append(tag(card.kind))
        switch card.content {
        case .question(let q):
            w.string(q.question)
            w.string(q.answer)
            w.strings(q.alternatives)
        case .term(let t):
            w.string(t.term)
            w.string(t.definition)
            w.strings(t.alternatives)
        case .choice(let c):
            w.string(c.question)
            w.unsigned(UInt64(c.options.count))
            for option in c.options {
                w.bool(option.isCorrect)
                w.string(option.text)
            }
        case .cloze(let c):
            w.string(c.text)
            w.strings(c.alternatives)
            // Kept so a start never splits the text again (`ClozeCard.prompt`).
            w.string(c.prompt)
        case .open(let o):
            w.string(o.question)
            w.string(o.modelAnswer)
            w.strings(o.keyPoints)
        }
        w.int(card.level)
        w.strings(card.tags)
        w.strings(card.sectionTags)
        w.optionalString(card.source)
        encode(card.location, file: file, into: &w)
        w.int(card.lastLine)
    }

    /// Cards under one section share its tags; decoding keeps one array for
    /// a run of equal ones instead of a copy per card.
    struct SectionTags {
        /// The section tags of the card decoded last.
        var last: [String] = []
    }

    static func decodeCard(_ r: inout IndexReader, file: String, sections: inout SectionTags) throws(IndexDamage) -> Card {
        let id = CardID(rawValue: try r.string())
        let explicit = try r.bool()
        let derived = CardID(rawValue: try r.string())
        let content: CardContent
        switch try r.byte() {
        case 0:
            content = .question(QuestionCard(question: try r.string(), answer: try r.string(), alternatives: try r.strings()))
        case 1:
            content = .term(TermCard(term: try r.string(), definition: try r.string(), alternatives: try r.strings()))
        case 2:
            let question = try r.string()
            var options: [ChoiceOption] = []
            for _ in 0..<(try r.count()) {
                let correct = try r.bool()
                options.append(ChoiceOption(text: try r.string(), isCorrect: correct))
            }
            content = .choice(ChoiceCard(question: question, options: options))
        case 3:
            content = .cloze(ClozeCard(text: try r.string(), alternatives: try r.strings(), prompt: try r.string()))
        case 4:
            content = .open(OpenCard(question: try r.string(), modelAnswer: try r.string(), keyPoints: try r.strings()))
        default:
            throw IndexDamage()
        }
        let level = try r.int()
        let tags = try r.strings()
        let sectionTags = try r.strings()
        if sectionTags != sections.last { sections.last = sectionTags }
        let source = try r.optionalString()
        let location = try decodeLocation(&r, file: file)
        let lastLine = try r.int()
        return Card(
            id: id, hasExplicitID: explicit, derivedID: derived, content: content, level: level, tags: tags,
            sectionTags: sections.last, source: source, location: location, lastLine: lastLine)
    }

    // MARK: fixes

    /// Edit kinds in the layout; the numbers are part of the format.
    static func encode(_ fix: FixIt?, into w: inout IndexWriter) {
        guard let fix else {
            w.bool(false)
            return
        }
        w.bool(true)
        w.string(fix.kk)
        w.string(fix.en)
        w.unsigned(UInt64(fix.edits.count))
        for edit in fix.edits {
            switch edit {
            case .replaceLine(let line, let text):
                w.bytes.append(0)
                w.int(line)
                w.string(text)
            case .deleteLine(let line):
                w.bytes.append(1)
                w.int(line)
            case .insertLine(let after, let text):
                w.bytes.append(2)
                w.int(after)
                w.string(text)
            case .replaceColumns(let line, let from, let to, let text):
                w.bytes.append(3)
                w.int(line)
                w.int(from)
                w.int(to)
                w.string(text)
            }
        }
    }

    static func decodeFix(_ r: inout IndexReader) throws(IndexDamage) -> FixIt? {
        guard try r.bool() else { return nil }
        let kk = try r.string()
        let en = try r.string()
        var edits: [FixIt.Edit] = []
        for _ in 0..<(try r.count()) {
            switch try r.byte() {
            case 0: edits.append(.replaceLine(try r.int(), with: try r.string()))
            case 1: edits.append(.deleteLine(try r.int()))
            case 2: edits.append(.insertLine(after: try r.int(), text: try r.string()))
            case 3:
                edits.append(
                    .replaceColumns(line: try r.int(), from: try r.int(), to: try r.int(), with: try r.string()))
            default: throw IndexDamage()
            }
        }
        return FixIt(edits, kk: kk, en: en)
    }

    // MARK: places

    /// A place: line and column, and the file only when it is not the deck's
    /// own (which every place the parser makes is).
    static func encode(_ location: SourceLocation, file: String, into w: inout IndexWriter) {
        w.int(location.line)
        w.int(location.column)
        if location.file == file {
            w.bool(false)
        } else {
            w.bool(true)
            w.string(location.file)
        }
    }

    static func decodeLocation(_ r: inout IndexReader, file: String) throws(IndexDamage) -> SourceLocation {
        let line = try r.int()
        let column = try r.int()
        let other = try r.bool() ? try r.string() : file
        return SourceLocation(file: other, line: line, column: column)
    }
}
