import DeckFormat

/// A parsed deck file in the index's binary layout: the deck (title,
/// metadata, every card with all its fields) and the file's parse
/// diagnostics, read back equal (`==`) to what the parser made.
///
/// The deck's own path is written once, in the entry's header, not in
/// every place: places inside the file are stored without it and name the
/// path the deck is loaded under.
enum ParsedDeckCoding {
    // Layout 6: the head holds the title, metadata, diagnostics, each
    // distinct tag list once, and the cards' table as `IndexedCards` lays
    // it out (`IndexedCards.Layout`: a fixed-width row per card with its
    // kind, level, tag lists by number, place and body's place, then
    // every id's bytes in one run), adopted by a start as it is read;
    // then the few rows' numbers too wide for a row and the few derived
    // ids that differ from the card's. The bodies (content, source, last
    // line) are written apart, in card order, and are decoded only when a
    // card is first asked for them (`EntryBodies`).

    /// `parsed`'s head into `w`; its cards' bodies, in card order, are
    /// given back. Nil (and `w` left as it was) when the cards do not fit
    /// a table (ids past 4 GiB): such a deck is parsed at every start.
    static func encode(_ parsed: ParsedDeck, into w: inout IndexWriter) -> [UInt8]? {
        let file = parsed.deck.file
        var head = IndexWriter()
        head.optionalString(parsed.deck.title)
        head.unsigned(UInt64(parsed.deck.metadata.count))
        for entry in parsed.deck.metadata {
            head.string(entry.key)
            head.string(entry.value)
        }
        head.unsigned(UInt64(parsed.diagnostics.count))
        for d in parsed.diagnostics { encode(d, file: file, into: &head) }
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
        head.unsigned(UInt64(ordered.count))
        for list in ordered { head.strings(list) }
        var bodies = IndexWriter()
        let table = IndexedCards(
            file: file, tagLists: ordered, bodies: CardBodySource(NoBodies()), firstBody: 0, capacity: cards.count)
        for (card, (tags, sectionTags)) in zip(cards, numbers) {
            let before = bodies.bytes.count
            encodeBody(card, into: &bodies)
            guard
                table.append(
                    id: card.id, hasExplicitID: card.hasExplicitID, derivedID: card.derivedID, kind: card.kind,
                    isAnswerable: card.isAnswerable, definitionLength: card.definitionLength, level: card.level,
                    tags: tags, sectionTags: sectionTags, location: card.location, bodyAt: before,
                    length: bodies.bytes.count - before)
            else { return nil }
        }
        head.unsigned(UInt64(cards.count))
        table.withLayout { rows, ids in
            head.bytes.append(contentsOf: rows)
            head.unsigned(UInt64(ids.count))
            head.bytes.append(contentsOf: ids)
        }
        head.unsigned(UInt64(table.wideRows.count))
        for wide in table.wideRows {
            // From the bodies' start (the table's first body is at 0).
            head.unsigned(UInt64(wide.bodyOffset))
            head.unsigned(UInt64(wide.bodyLength))
            head.int(wide.level)
            head.unsigned(UInt64(wide.tags))
            head.unsigned(UInt64(wide.sectionTags))
            encode(wide.location, file: file, into: &head)
        }
        head.unsigned(UInt64(table.differingDerivedIDs.count))
        for (row, id) in table.differingDerivedIDs {
            head.unsigned(UInt64(row))
            head.string(id.rawValue)
        }
        w.bytes.append(contentsOf: head.bytes)
        return bodies.bytes
    }

    /// The deck whose head `r` reads (to its end), its cards' rows adopted
    /// where they lie in the head, which `owner` holds; their bodies are
    /// in `bodies`, `bodiesLength` bytes from `bodiesStart` on (the place
    /// in the entry file), one after the other.
    static func decode(
        _ r: inout IndexReader, owner: AnyObject, file: String, bodies: CardBodySource, bodiesStart: Int,
        bodiesLength: Int
    ) throws(IndexDamage) -> ParsedDeck {
        let title = try r.optionalString()
        var metadata: [MetadataEntry] = []
        for _ in 0..<(try r.count()) { metadata.append(MetadataEntry(key: try r.string(), value: try r.string())) }
        var diagnostics: [Diagnostic] = []
        for _ in 0..<(try r.count()) { diagnostics.append(try decodeDiagnostic(&r, file: file)) }
        var tagLists: [[String]] = []
        for _ in 0..<(try r.count()) { tagLists.append(try r.strings()) }
        let cardCount = try r.number()
        guard cardCount <= Int.max / IndexedCards.Layout.rowSize else { throw IndexDamage() }
        let rows = try r.raw(cardCount * IndexedCards.Layout.rowSize)
        let ids = try r.raw(try r.count())
        var wideRows: [IndexedCards.WideRow] = []
        for _ in 0..<(try r.count()) {
            // Kept from the bodies' start; the table counts from the source's.
            let (bodyOffset, overflow) = try r.number().addingReportingOverflow(bodiesStart)
            guard !overflow else { throw IndexDamage() }
            let bodyLength = try r.number()
            let level = try r.int()
            let tags = try r.number()
            let sectionTags = try r.number()
            wideRows.append(
                IndexedCards.WideRow(
                    bodyOffset: bodyOffset, bodyLength: bodyLength, level: level, tags: tags,
                    sectionTags: sectionTags, location: try decodeLocation(&r, file: file)))
        }
        var derived: [(row: Int, id: CardID)] = []
        for _ in 0..<(try r.count()) { derived.append((try r.number(), CardID(rawValue: try r.string()))) }
        guard r.isAtEnd,
            let table = IndexedCards(
                adopting: UnsafeRawBufferPointer(rows), ids: UnsafeRawBufferPointer(ids), owner: owner,
                wideRows: wideRows, differingDerivedIDs: derived, file: file, tagLists: tagLists, bodies: bodies,
                firstBody: bodiesStart, bodiesLength: bodiesLength)
        else { throw IndexDamage() }
        return ParsedDeck(
            deck: Deck(file: file, title: title, metadata: metadata, cards: table.cards), diagnostics: diagnostics)
    }

    /// The body source of a table made only to lay its rows out.
    private struct NoBodies: CardBodyDecoding {
        func body(at offset: Int, length: Int) -> CardBody? { nil }
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

    /// A kind's number (`IndexedCards.number(of:)`, one numbering for
    /// rows and bodies).
    private static func tag(_ kind: CardKind) -> UInt8 { IndexedCards.number(of: kind) }

    private static func kind(_ tag: UInt8) throws(IndexDamage) -> CardKind {
        guard let kind = IndexedCards.kind(number: tag) else { throw IndexDamage() }
        return kind
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
