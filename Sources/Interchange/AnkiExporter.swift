import DeckFormat
import Foundation
import ReviewStore

/// jatta decks → the tables of an Anki collection (schema 11), one note per
/// card with the note type of its kind (`AnkiNoteType.jatta`).
///
/// - A note's GUID is `jatta:` and the card's id, so exporting an edited
///   deck again gives each card the note Anki already has for it: Anki
///   updates that note (its `mod` is the export time, newer than before)
///   instead of adding a copy.
/// - Tags: the card's section tags and own tags (spaces, which Anki splits
///   tags at, become `_`) and `level::N` for its level.
/// - The deck title is the Anki deck's name; the deck's `description:` is
///   its description, and the whole jatta header (namespace, language, …)
///   travels in an HTML comment there, which Anki does not show and
///   `AnkiImporter` reads back.
/// - A card whose id another card in the export already has (the same
///   prompt in two decks) is left out with a warning: Anki would keep only
///   one of two notes with one GUID.
public enum AnkiExporter {
    /// The prefix of a GUID jatta wrote; the card's id follows.
    static let guidPrefix = "jatta:"
    /// The tag prefix of a card's level (`level::2`).
    static let levelTagPrefix = "level::"
    /// Opens the jatta header in an Anki deck's description.
    static let headerOpening = "<!--jatta deck\n"

    /// The collection for `decks`, made at `now` (milliseconds since
    /// 1970), with the cards left out as warnings. `schedules`, keyed by a
    /// face's progress key (`StudyFace.key`), puts cards in review with
    /// their memory state (`--with-progress`).
    public static func tables(
        _ decks: [Deck], now: Int64, progress: AnkiProgress = AnkiProgress()
    ) -> (tables: AnkiTables, diagnostics: [Diagnostic]) {
        let seconds = now / 1000
        let created = progress.collectionCreated ?? seconds
        var notes: [AnkiNoteRow] = []
        var cards: [AnkiCardRow] = []
        var reviews: [AnkiReviewRow] = []
        var diagnostics: [Diagnostic] = []
        var deckJSON: [String: Any] = ["1": deckEntry(id: 1, name: "Default", description: "", modified: seconds)]
        var usedKinds = Set<CardKind>()
        var seen = Set<CardID>()
        // Ids in Anki's own style, milliseconds of the export time counted
        // up: unique within the package; Anki renumbers any that collide
        // with its own.
        var nextID = now
        for (deckIndex, deck) in decks.enumerated() {
            let deckID = now - 1_000_000 + Int64(deckIndex)
            deckJSON[String(deckID)] = deckEntry(
                id: deckID, name: deck.displayName, description: description(of: deck), modified: seconds)
            for card in deck.cards {
                guard seen.insert(card.id).inserted else {
                    diagnostics.append(AnkiIssue.sameCardTwice(card.id.rawValue).at(card.location))
                    continue
                }
                usedKinds.insert(card.kind)
                let type = AnkiNoteType.jatta(card.kind)
                let fields = noteFields(card)
                let noteID = nextID
                nextID += 1
                notes.append(
                    AnkiNoteRow(
                        id: noteID, guid: guidPrefix + card.id.rawValue, noteTypeID: type.id, modified: seconds,
                        tags: " " + tags(of: card).joined(separator: " ") + " ",
                        fields: fields.joined(separator: "\u{1F}"), sortField: AnkiHTML.toText(fields[0]), checksum: 0))
                for (ordinal, direction) in faces(of: card).enumerated() {
                    let face = StudyFace(card: card, direction: direction)
                    var row = AnkiCardRow(
                        id: nextID, noteID: noteID, deckID: deckID, ordinal: Int64(ordinal), modified: seconds,
                        due: Int64(notes.count))
                    if let schedule = progress.schedules[face.key] {
                        schedule.apply(to: &row, collectionCreated: created)
                        reviews += schedule.reviews.map { $0.row(cardID: row.id) }
                    }
                    cards.append(row)
                    nextID += 1
                }
            }
        }
        let models = Dictionary(
            uniqueKeysWithValues: usedKinds.map { kind in
                let type = AnkiNoteType.jatta(kind)
                return (String(type.id), type.legacyJSON(deckID: 1, modified: seconds))
            })
        let collection = AnkiCollectionRow(
            created: created, modified: now, version: 11, configuration: json(configuration(now: seconds)),
            models: json(models), decks: json(deckJSON), deckOptions: json(["1": deckOptions(modified: seconds)]))
        // A review's id is its time in milliseconds and must be unique:
        // two answers in the same millisecond take the next free one.
        reviews.sort { $0.id < $1.id }
        for i in reviews.indices.dropFirst() where reviews[i].id <= reviews[i - 1].id {
            reviews[i].id = reviews[i - 1].id + 1
        }
        return (AnkiTables(collection: collection, notes: notes, cards: cards, reviews: reviews), diagnostics)
    }

    /// The faces of a card, in the order of its note type's templates.
    public static func faces(of card: Card) -> [StudyFace.Direction] {
        card.kind == .term ? [.forward, .reverse] : [.forward]
    }

    /// The note's fields, as HTML, in the order of its note type.
    static func noteFields(_ card: Card) -> [String] {
        let text = AnkiHTML.fromText
        let source = card.source.map(text) ?? ""
        switch card.content {
        case .question(let q):
            return [text(q.question), text(q.answer), AnkiHTML.fromItems(q.alternatives), source]
        case .term(let t):
            return [text(t.term), text(t.definition), AnkiHTML.fromItems(t.alternatives), source]
        case .choice(let c):
            return [
                text(c.question), AnkiHTML.fromItems(c.options.map(\.text)),
                AnkiHTML.fromItems(c.correctOptions.map(\.text)), source,
            ]
        case .cloze(let c):
            return [AnkiCloze.write(c), AnkiHTML.fromItems(c.alternatives), source]
        case .open(let o):
            return [text(o.question), text(o.modelAnswer), AnkiHTML.fromItems(o.keyPoints), source]
        }
    }

    /// The card's tags as Anki writes them, and its level.
    static func tags(of card: Card) -> [String] {
        var seen = Set<String>()
        let written = card.allTags.map { tag in
            String(tag.map { $0.isWhitespace ? "_" : $0 })
        }
        return (written + [levelTagPrefix + String(card.level)]).filter { !$0.isEmpty && seen.insert($0).inserted }
    }

    /// The Anki deck description: the deck's `description:`, then its whole
    /// header in a comment Anki does not show.
    static func description(of deck: Deck) -> String {
        var text = AnkiHTML.fromText(deck.metadata("description") ?? "")
        var header = headerOpening
        if let title = deck.title { header += "title: " + title + "\n" }
        for entry in deck.metadata where !(entry.key + entry.value).contains("--") {
            header += entry.key + ": " + entry.value + "\n"
        }
        text += header + "-->"
        return text
    }

    static func deckEntry(id: Int64, name: String, description: String, modified: Int64) -> [String: Any] {
        [
            "id": id, "name": name, "desc": description, "mod": modified, "usn": -1, "conf": 1, "dyn": 0,
            "collapsed": false, "browserCollapsed": false, "extendNew": 0, "extendRev": 0,
            "newToday": [0, 0], "revToday": [0, 0], "lrnToday": [0, 0], "timeToday": [0, 0],
        ]
    }

    /// Anki's default deck options, as schema 11 writes them.
    static func deckOptions(modified: Int64) -> [String: Any] {
        [
            "id": 1, "name": "Default", "mod": modified, "usn": -1, "maxTaken": 60, "autoplay": true, "timer": 0,
            "replayq": true, "dyn": false,
            "new": [
                "delays": [1, 10], "ints": [1, 4, 0], "initialFactor": 2500, "order": 1, "perDay": 20, "bury": false,
            ] as [String: Any],
            "rev": [
                "perDay": 200, "ease4": 1.3, "maxIvl": 36500, "hardFactor": 1.2, "bury": false, "ivlFct": 1,
            ] as [String: Any],
            "lapse": ["delays": [10], "mult": 0, "minInt": 1, "leechFails": 8, "leechAction": 1] as [String: Any],
        ]
    }

    static func configuration(now: Int64) -> [String: Any] {
        ["nextPos": 1, "estTimes": true, "activeDecks": [1], "sortType": "noteFld", "timeLim": 0, "sortBackwards": false,
         "addToCur": true, "curDeck": 1, "newSpread": 0, "dueCounts": true, "curModel": NSNull(), "collapseTime": 1200]
    }

    static func json(_ object: Any) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
