import DeckFormat

/// A parsed deck file in the index's binary layout: the deck (title,
/// metadata, every card with all its fields) and the file's parse
/// diagnostics, read back equal (`==`) to what the parser made.
///
/// The deck's own path is written once, in the entry's header, not in
/// every place: places inside the file are stored without it and name the
/// path the deck is loaded under.
enum ParsedDeckCoding {
    // Layout 5: the head holds the title, metadata, diagnostics, each
    // distinct tag list once, and per card its head (`Card.Head`: id,
    // kind, a term's definition length, level, tag lists by number,
    // place) with the length of its body; the bodies (content, source, last line) are written apart, in
    // card order, and are decoded only when a card is first asked for
    // them (`EntryBodies`).

    /// `parsed`'s head into `w`; its cards' bodies, in card order, are
    /// given back.
    static func encode(_ parsed: ParsedDeck, into w: inout IndexWriter) -> [UInt8] {
        let file = parsed.deck.file
        w.optionalString(parsed.deck.title)
        w.unsigned(UInt64(parsed.deck.metadata.count))
        for entry in parsed.deck.metadata {
            w.string(entry.key)
            w.string(entry.value)
        }
        w.unsigned(UInt64(parsed.diagnostics.count))
        for d in parsed.diagnostics { encode(d, file: file, into: &w) }
        // Each distinct tag list once; cards name theirs by number.
        var tagLists: [[String]: Int] = [:]
        var ordered: [[String]] = []
        func number(_ list: [String]) -> Int {
            if let n = tagLists[list] { return n }
            tagLists[list] = ordered.count
            ordered.append(list)
            return ordered.count - 1
        }
        let cards = parsed.deck.cards
        let numbers = cards.map { (number($0.tags), number($0.sectionTags)) }
        w.unsigned(UInt64(ordered.count))
        for list in ordered { w.strings(list) }
        var bodies = IndexWriter()
        w.unsigned(UInt64(cards.count))
        for (card, (tags, sectionTags)) in zip(cards, numbers) {
            w.string(card.id.rawValue)
            w.bool(card.hasExplicitID)
            if card.derivedID == card.id {
                w.bool(false)
            } else {
                w.bool(true)
                w.string(card.derivedID.rawValue)
            }
            w.bytes.append(tag(card.kind))
            w.bool(card.isAnswerable)
            // Only a term has a definition: the other kinds spend no byte.
            if card.kind == .term { w.unsigned(UInt64(card.definitionLength)) }
            w.int(card.level)
            w.unsigned(UInt64(tags))
            w.unsigned(UInt64(sectionTags))
            encode(card.location, file: file, into: &w)
            let before = bodies.bytes.count
            encodeBody(card, into: &bodies)
            w.unsigned(UInt64(bodies.bytes.count - before))
        }
        return bodies.bytes
    }

    /// The deck whose head `r` reads (to its end), its cards' bodies in
    /// `bodies` from `bodiesStart` on (the place in the entry file), one
    /// after the other; also the bodies' total length, for the caller to
    /// check against the file.
    static func decode(_ r: inout IndexReader, file: String, bodies: CardBodySource, bodiesStart: Int)
        throws(IndexDamage) -> (ParsedDeck, bodiesLength: Int)
    {
        let title = try r.optionalString()
        var metadata: [MetadataEntry] = []
        for _ in 0..<(try r.count()) { metadata.append(MetadataEntry(key: try r.string(), value: try r.string())) }
        var diagnostics: [Diagnostic] = []
        for _ in 0..<(try r.count()) { diagnostics.append(try decodeDiagnostic(&r, file: file)) }
        var tagLists: [[String]] = []
        for _ in 0..<(try r.count()) { tagLists.append(try r.strings()) }
        // Where the next body starts in the entry.
        var offset = bodiesStart
        let cardCount = try r.count()
        // One table of rows for the deck's cards, not a box per card.
        let table = IndexedCards(
            file: file, tagLists: tagLists, bodies: bodies, firstBody: bodiesStart, capacity: cardCount)
        for _ in 0..<cardCount {
            // The id's bytes go into the table as they are (`IndexedCards`).
            let id = try r.stringBytes()
            let explicit = try r.bool()
            let derived = try r.bool() ? CardID(rawValue: try r.string()) : nil
            let kind = try kind(r.byte())
            let answerable = try r.bool()
            let definitionLength = kind == .term ? try r.number() : 0
            let level = try r.int()
            let tags = try r.number()
            let sectionTags = try r.number()
            let place = try decodePlace(&r)
            let length = try r.number()
            guard
                table.append(
                    idBytes: id, hasExplicitID: explicit, derivedID: derived, kind: kind, isAnswerable: answerable,
                    definitionLength: definitionLength, level: level, tags: tags, sectionTags: sectionTags,
                    line: place.line, column: place.column, otherFile: place.otherFile, bodyAt: offset, length: length)
            else { throw IndexDamage() }
            offset += length
        }
        let cards = table.cards
        guard r.isAtEnd else { throw IndexDamage() }
        let parsed = ParsedDeck(deck: Deck(file: file, title: title, metadata: metadata, cards: cards), diagnostics: diagnostics)
        return (parsed, offset - bodiesStart)
    }

    // MARK: diagnostics

    static func encode(_ d: Diagnostic, file: String, into w: inout IndexWriter) {
        encode(d.location, file: file, into: &w)
        w.bool(d.severity == .error)
        w.string(d.code)
        w.string(d.messageKK)
        w.string(d.messageEN)
        encode(d.fix, into: &w)
    }

    static func decodeDiagnostic(_ r: inout IndexReader, file: String) throws(IndexDamage) -> Diagnostic {
        let location = try decodeLocation(&r, file: file)
        let severity: Diagnostic.Severity = try r.bool() ? .error : .warning
        return Diagnostic(
            location: location, severity: severity, code: try r.string(), kk: try r.string(), en: try r.string(),
            fix: try decodeFix(&r))
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

    private static func kind(_ tag: UInt8) throws(IndexDamage) -> CardKind {
        switch tag {
        case 0: .question
        case 1: .term
        case 2: .choice
        case 3: .cloze
        case 4: .open
        default: throw IndexDamage()
        }
    }

    static func encodeBody(_ card: Card, into w: inout IndexWriter) {
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
        w.optionalString(card.source)
        w.int(card.lastLine)
    }

    static func decodeBody(_ r: inout IndexReader) throws(IndexDamage) -> CardBody {
        let content: CardContent
        switch try kind(r.byte()) {
        case .question:
            content = .question(QuestionCard(question: try r.string(), answer: try r.string(), alternatives: try r.strings()))
        case .term:
            content = .term(TermCard(term: try r.string(), definition: try r.string(), alternatives: try r.strings()))
        case .choice:
            let question = try r.string()
            var options: [ChoiceOption] = []
            for _ in 0..<(try r.count()) {
                let correct = try r.bool()
                options.append(ChoiceOption(text: try r.string(), isCorrect: correct))
            }
            content = .choice(ChoiceCard(question: question, options: options))
        case .cloze:
            content = .cloze(ClozeCard(text: try r.string(), alternatives: try r.strings(), prompt: try r.string()))
        case .open:
            content = .open(OpenCard(question: try r.string(), modelAnswer: try r.string(), keyPoints: try r.strings()))
        }
        return CardBody(content: content, source: try r.optionalString(), lastLine: try r.int())
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
        let place = try decodePlace(&r)
        return SourceLocation(file: place.otherFile ?? file, line: place.line, column: place.column)
    }

    /// A location as written: its file only when it is not the deck's.
    static func decodePlace(_ r: inout IndexReader) throws(IndexDamage) -> (line: Int, column: Int, otherFile: String?) {
        let line = try r.int()
        let column = try r.int()
        return (line, column, try r.bool() ? try r.string() : nil)
    }
}
