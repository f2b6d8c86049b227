import DeckFormat
import Foundation
import ReviewStore

/// The notes of an Anki collection → one jatta deck.
///
/// - jatta's own note types (`AnkiNoteType.jatta`) come back as the cards
///   they were: kind, fields, level (`level::N` tag), tags, source, and
///   the id from the GUID (`jatta:ID`; an explicit id keeps its namespace).
/// - Anki's stock types: Basic and type-in → question (front → answer);
///   a type with two or more templates (Basic and reversed, optional
///   reversed) → term, studied both ways; Cloze → cloze, every cloze
///   number a gap of one card (a warning when there are several numbers).
/// - HTML becomes text; media references are named in a warning (a jatta
///   card shows no pictures or sound); a note that gives no question is
///   skipped with a warning.
/// - Several Anki decks become sections (`##`) of the one deck written.
///
/// A diagnostic names the note by its place in the collection
/// (`FILE.apkg:note 5`, the first is 1).
public enum AnkiImporter {
    /// The most problems reported for one package, as for a GIFT file.
    static let diagnosticLimit = GIFTImporter.diagnosticLimit

    /// The deck in `tables` (read from the package `file`), to be written
    /// as `deckFile`.
    public static func read(_ tables: AnkiTables, file: String, deckFile: String) -> ImportResult {
        read(tables, file: file, deckFile: deckFile, histories: false).result
    }

    /// The deck, and with `histories` each face's answers and schedule
    /// (`import apkg --with-progress`).
    public static func read(_ tables: AnkiTables, file: String, deckFile: String, histories: Bool)
        -> (result: ImportResult, histories: [AnkiFaceHistory])
    {
        let types = noteTypes(tables)
        let deckNames = deckNames(tables)
        var firstDeck: [Int64: Int64] = [:]
        var ordinals: [Int64: Set<Int64>] = [:]
        for card in tables.cards {
            if firstDeck[card.noteID] == nil { firstDeck[card.noteID] = card.deckID }
            ordinals[card.noteID, default: []].insert(card.ordinal)
        }
        let usedDecks = Set(tables.notes.compactMap { firstDeck[$0.id] })
        var deck = Deck(file: deckFile)
        readHeader(tables, into: &deck, deckNames: deckNames, usedDecks: usedDecks)
        var diagnostics: [Diagnostic] = []
        var namespaces: [String: Int] = [:]
        // The note each card of the deck came from, in deck order.
        var noteOfCard: [Int64] = []
        for (index, note) in tables.notes.enumerated() {
            // A package has no lines: the place is the note's number, and
            // line 0 keeps a diagnostic from quoting the zip's bytes.
            let location = SourceLocation(file: "\(file):note \(index + 1)", line: 0)
            guard let type = types[note.noteTypeID] else {
                diagnostics.append(AnkiIssue.noteTypeNotUnderstood("#\(note.noteTypeID)").at(location))
                continue
            }
            let fields = note.fields.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init)
            let media = fields.flatMap(AnkiHTML.mediaReferences)
            if !media.isEmpty { diagnostics.append(AnkiIssue.mediaDropped(media).at(location)) }
            let made = card(from: fields, type: type, location: location)
            guard case .success(let content) = made.result else {
                if case .failure(let issue) = made.result { diagnostics.append(issue.at(location)) }
                continue
            }
            if let merged = made.clozeNumbers, merged > 1 {
                diagnostics.append(AnkiIssue.clozeNumbersMerged(merged).at(location))
            }
            let fromJatta = note.guid.hasPrefix(AnkiExporter.guidPrefix)
            var level = 1
            var tags: [String] = []
            for tag in note.tags.split(separator: " ").map(String.init) {
                if tag.hasPrefix(AnkiExporter.levelTagPrefix), let n = Int(tag.dropFirst(AnkiExporter.levelTagPrefix.count)) {
                    level = n
                } else {
                    // jatta wrote a tag's spaces as `_`.
                    tags.append(fromJatta ? String(tag.map { $0 == "_" ? " " : $0 }) : tag)
                }
            }
            var id: String?
            if fromJatta {
                let written = String(note.guid.dropFirst(AnkiExporter.guidPrefix.count))
                if let parts = CardID.parts(of: CardID(rawValue: written)) {
                    namespaces[parts.namespace, default: 0] += 1
                }
                id = written
            }
            let sections = usedDecks.count > 1 ? [deckNames[firstDeck[note.id] ?? 0] ?? ""].filter { !$0.isEmpty } : []
            let source = type.sourceIndex.flatMap { $0 < fields.count ? AnkiHTML.toText(fields[$0]) : nil }
            deck.cards.append(
                ImportedCard.make(
                    content, id: nil, level: level, tags: tags, sections: sections,
                    source: source?.isEmpty == false ? source : nil, location: location))
            if let id { pin(&deck.cards[deck.cards.count - 1], to: id) }
            noteOfCard.append(note.id)
        }
        scope(&deck, namespaces: namespaces)
        let result = ImportResult(deck: deck, diagnostics: ImportResult.capped(diagnostics, limit: diagnosticLimit))
        guard histories else { return (result, []) }
        return (result, AnkiHistoryReader.histories(of: deck.cards, notes: noteOfCard, tables: tables))
    }

    /// Gives a card the id its GUID names: kept derived when it is the
    /// derived id of the card as imported, else explicit (for now scoped
    /// as written; `scope` settles the namespace).
    static func pin(_ card: inout Card, to written: String) {
        if written == card.derivedID.rawValue { return }
        card.id = CardID(rawValue: written)
        card.hasExplicitID = true
    }

    /// The deck takes the namespace most of its explicit ids were written
    /// in; an id from another namespace is scoped by it too (a deck file
    /// has one namespace).
    static func scope(_ deck: inout Deck, namespaces: [String: Int]) {
        guard let namespace = namespaces.max(by: { ($0.value, $1.key) < ($1.value, $0.key) })?.key else { return }
        if deck.metadata("namespace") == nil { deck.metadata.append(MetadataEntry(key: "namespace", value: namespace)) }
        let own = deck.metadata("namespace") ?? namespace
        for i in deck.cards.indices where deck.cards[i].hasExplicitID {
            let explicit = CardID.unscoped(deck.cards[i].id) ?? deck.cards[i].id
            deck.cards[i].id = CardID.scoped(explicit.rawValue, namespace: own)
        }
    }

    /// One card from a note's fields, or why none.
    static func card(from fields: [String], type: NoteType, location: SourceLocation)
        -> (result: Result<CardContent, AnkiIssue>, clozeNumbers: Int?)
    {
        func field(_ index: Int?) -> String { index.map { $0 < fields.count ? fields[$0] : "" } ?? "" }
        func text(_ index: Int?) -> String { AnkiHTML.toText(field(index)) }
        let first = text(type.promptIndex)
        guard !first.isEmpty else { return (.failure(.emptyNote), nil) }
        // A card with an empty answer would not read back: the whole deck
        // was refused for one note whose back is only a picture.
        let answer = text(type.answerIndex)
        if [.question, .term, .open].contains(type.kind), answer.isEmpty { return (.failure(.emptyAnswer), nil) }
        switch type.kind {
        case .cloze:
            let html = field(type.promptIndex)
            guard let cloze = AnkiCloze.read(html) else { return (.failure(.clozeWithoutDeletion), nil) }
            let numbers = Set(AnkiCloze.numbers(html)).count
            return (.success(.cloze(ClozeCard(text: cloze, alternatives: AnkiHTML.toItems(field(type.alternativesIndex))))), numbers)
        case .question:
            return (.success(.question(QuestionCard(
                question: first, answer: answer, alternatives: AnkiHTML.toItems(field(type.alternativesIndex))))), nil)
        case .term:
            return (.success(.term(TermCard(
                term: first, definition: answer, alternatives: AnkiHTML.toItems(field(type.alternativesIndex))))), nil)
        case .choice:
            let correct = Set(AnkiHTML.toItems(field(type.correctIndex)))
            let options = AnkiHTML.toItems(field(type.optionsIndex)).map { ChoiceOption(text: $0, isCorrect: correct.contains($0)) }
            return (.success(.choice(ChoiceCard(question: first, options: options))), nil)
        case .open:
            return (.success(.open(OpenCard(
                question: first, modelAnswer: answer, keyPoints: AnkiHTML.toItems(field(type.keyPointsIndex))))), nil)
        }
    }

    /// What the importer needs of a note type: which card kind it makes
    /// and where each part of the card is.
    struct NoteType {
        /// The kind of card its notes become.
        var kind: CardKind
        /// The field asked: question, term or cloze text.
        var promptIndex: Int
        /// The answer, definition or model answer.
        var answerIndex: Int?
        /// Other accepted answers (jatta's types only).
        var alternativesIndex: Int?
        /// A choice's options (jatta's type only).
        var optionsIndex: Int?
        /// A choice's right options (jatta's type only).
        var correctIndex: Int?
        /// An open question's key points (jatta's type only).
        var keyPointsIndex: Int?
        /// Where the card came from (jatta's types only).
        var sourceIndex: Int?
    }

    /// The note types by id, from `col.models` (schema 11) or the
    /// `notetypes`, `fields` and `templates` tables (schema 15 and later).
    static func noteTypes(_ tables: AnkiTables) -> [Int64: NoteType] {
        var result: [Int64: NoteType] = [:]
        if !tables.noteTypes.isEmpty {
            for row in tables.noteTypes {
                let fields = tables.fields.filter { $0.noteTypeID == row.id }.sorted { $0.ordinal < $1.ordinal }.map(\.name)
                let templates = tables.templates.filter { $0.noteTypeID == row.id }.sorted { $0.ordinal < $1.ordinal }
                // NotetypeConfig.kind is field 1 (1 = cloze); a template's
                // question format is CardTemplate.Config field 1.
                let isCloze = ProtobufFields(row.config).varint(1) == 1
                let questions = templates.map { String(decoding: ProtobufFields($0.config).bytes(1) ?? [], as: UTF8.self) }
                result[row.id] = understood(id: row.id, name: row.name, isCloze: isCloze, fields: fields, questions: questions)
            }
            return result
        }
        guard let data = tables.collection.models.data(using: .utf8),
            let models = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return result }
        for (key, value) in models {
            guard let model = value as? [String: Any], let id = Int64(key) else { continue }
            let fields = ((model["flds"] as? [[String: Any]]) ?? [])
                .sorted { ($0["ord"] as? Int ?? 0) < ($1["ord"] as? Int ?? 0) }.map { $0["name"] as? String ?? "" }
            let questions = ((model["tmpls"] as? [[String: Any]]) ?? [])
                .sorted { ($0["ord"] as? Int ?? 0) < ($1["ord"] as? Int ?? 0) }.map { $0["qfmt"] as? String ?? "" }
            result[id] = understood(
                id: id, name: model["name"] as? String ?? "", isCloze: (model["type"] as? Int) == 1, fields: fields,
                questions: questions)
        }
        return result
    }

    /// How a note type's notes become cards, or nil when they cannot.
    static func understood(id: Int64, name: String, isCloze: Bool, fields: [String], questions: [String]) -> NoteType? {
        guard !fields.isEmpty else { return nil }
        if let kind = AnkiNoteType.jattaKind(id: id), AnkiNoteType.jatta(kind).fields == fields {
            let named = { (field: String) in fields.firstIndex(of: field) }
            return NoteType(
                kind: kind, promptIndex: 0, answerIndex: kind == .choice || kind == .cloze ? nil : 1,
                alternativesIndex: named("Alternatives"), optionsIndex: named("Options"), correctIndex: named("Correct"),
                keyPointsIndex: named("Key points"), sourceIndex: named(AnkiNoteType.sourceField))
        }
        if isCloze { return NoteType(kind: .cloze, promptIndex: 0) }
        guard fields.count >= 2 else { return nil }
        // Basic and type-in ask the first field; two templates ask both ways.
        return NoteType(kind: questions.count >= 2 ? .term : .question, promptIndex: 0, answerIndex: 1)
    }

    /// Deck names by id, levels joined by `::` as Anki shows them.
    static func deckNames(_ tables: AnkiTables) -> [Int64: String] {
        if !tables.decks.isEmpty {
            return Dictionary(
                tables.decks.map { ($0.id, $0.name.replacingOccurrences(of: "\u{1F}", with: "::")) },
                uniquingKeysWith: { a, _ in a })
        }
        guard let data = tables.collection.decks.data(using: .utf8),
            let decks = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return [:] }
        var names: [Int64: String] = [:]
        for (key, value) in decks {
            if let id = Int64(key), let name = (value as? [String: Any])?["name"] as? String { names[id] = name }
        }
        return names
    }

    /// The deck's title (the Anki deck's name when the notes are in one
    /// deck) and the jatta header kept in a jatta-made deck's description.
    static func readHeader(_ tables: AnkiTables, into deck: inout Deck, deckNames: [Int64: String], usedDecks: Set<Int64>) {
        if usedDecks.count == 1, let id = usedDecks.first { deck.title = deckNames[id] }
        guard usedDecks.count == 1, let id = usedDecks.first,
            let data = tables.collection.decks.data(using: .utf8),
            let decks = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let description = (decks[String(id)] as? [String: Any])?["desc"] as? String,
            let start = description.range(of: AnkiExporter.headerOpening),
            let end = description[start.upperBound...].range(of: "-->")
        else { return }
        for line in description[start.upperBound..<end.lowerBound].split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = String(line[..<colon])
            let value = String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
            if key == "title" { deck.title = value } else { deck.metadata.append(MetadataEntry(key: key, value: value)) }
        }
    }
}
