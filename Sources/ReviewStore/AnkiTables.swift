/// The rows of an Anki collection that jatta writes into a package and
/// reads out of one, as plain values: the meaning of each column (field
/// separators, JSON, protobuf blobs) is the `Interchange` module's concern;
/// this module only moves the rows in and out of SQLite, which only it
/// talks to.
public struct AnkiTables: Sendable, Equatable {
    /// The one row of `col`.
    public var collection: AnkiCollectionRow
    /// `notes`, in id order.
    public var notes: [AnkiNoteRow]
    /// `cards`, in id order.
    public var cards: [AnkiCardRow]
    /// `revlog`, in id order.
    public var reviews: [AnkiReviewRow]
    /// `notetypes` (schema 15 and later; empty in a schema-11 collection,
    /// whose note types are the JSON in `collection.models`).
    public var noteTypes: [AnkiNoteTypeRow]
    /// `fields` of those note types (schema 15 and later).
    public var fields: [AnkiFieldRow]
    /// `templates` of those note types (schema 15 and later).
    public var templates: [AnkiTemplateRow]
    /// `decks` (schema 15 and later; else the JSON in `collection.decks`).
    public var decks: [AnkiDeckRow]

    public init(
        collection: AnkiCollectionRow, notes: [AnkiNoteRow] = [], cards: [AnkiCardRow] = [],
        reviews: [AnkiReviewRow] = [], noteTypes: [AnkiNoteTypeRow] = [], fields: [AnkiFieldRow] = [],
        templates: [AnkiTemplateRow] = [], decks: [AnkiDeckRow] = []
    ) {
        self.collection = collection
        self.notes = notes
        self.cards = cards
        self.reviews = reviews
        self.noteTypes = noteTypes
        self.fields = fields
        self.templates = templates
        self.decks = decks
    }
}

/// The `col` row: when the collection was created and its JSON settings.
public struct AnkiCollectionRow: Sendable, Equatable {
    /// `crt`: the creation time in seconds; review cards' `due` counts days from it.
    public var created: Int64
    /// `mod`: the last change, in milliseconds.
    public var modified: Int64
    /// `ver`: the schema version (11 for what jatta writes).
    public var version: Int64
    /// `conf`: collection settings (JSON).
    public var configuration: String
    /// `models`: note types (JSON, schema 11).
    public var models: String
    /// `decks`: decks (JSON, schema 11).
    public var decks: String
    /// `dconf`: deck options (JSON, schema 11).
    public var deckOptions: String

    public init(
        created: Int64, modified: Int64, version: Int64, configuration: String, models: String, decks: String,
        deckOptions: String
    ) {
        self.created = created
        self.modified = modified
        self.version = version
        self.configuration = configuration
        self.models = models
        self.decks = decks
        self.deckOptions = deckOptions
    }
}

/// A `notes` row.
public struct AnkiNoteRow: Sendable, Equatable {
    /// `id`.
    public var id: Int64
    /// `guid`: the identity Anki matches notes by on import.
    public var guid: String
    /// `mid`: the note type.
    public var noteTypeID: Int64
    /// `mod`: seconds; a newer note replaces an older one with the same guid.
    public var modified: Int64
    /// `tags`: space-separated, with a space at each end.
    public var tags: String
    /// `flds`: the fields joined by U+001F.
    public var fields: String
    /// `sfld`: the sort field as text.
    public var sortField: String
    /// `csum`: the first-field checksum.
    public var checksum: Int64

    public init(
        id: Int64, guid: String, noteTypeID: Int64, modified: Int64, tags: String, fields: String,
        sortField: String, checksum: Int64
    ) {
        self.id = id
        self.guid = guid
        self.noteTypeID = noteTypeID
        self.modified = modified
        self.tags = tags
        self.fields = fields
        self.sortField = sortField
        self.checksum = checksum
    }
}

/// A `cards` row.
public struct AnkiCardRow: Sendable, Equatable {
    /// `id`.
    public var id: Int64
    /// `nid`: the note.
    public var noteID: Int64
    /// `did`: the deck.
    public var deckID: Int64
    /// `ord`: which template (or cloze number − 1).
    public var ordinal: Int64
    /// `mod`: seconds.
    public var modified: Int64
    /// `type`: 0 new, 1 learning, 2 review, 3 relearning.
    public var type: Int64
    /// `queue`: as `type`, or −1 suspended, −2/−3 buried.
    public var queue: Int64
    /// `due`: a position (new), epoch seconds (learning) or a day number (review).
    public var due: Int64
    /// `ivl`: the interval in days.
    public var interval: Int64
    /// `factor`: ease in permille (with FSRS, derived from difficulty).
    public var factor: Int64
    /// `reps`.
    public var repetitions: Int64
    /// `lapses`.
    public var lapses: Int64
    /// `left`: learning steps left.
    public var left: Int64
    /// `data`: JSON (FSRS memory state: `s`, `d`, `lrt`, …).
    public var data: String

    public init(
        id: Int64, noteID: Int64, deckID: Int64, ordinal: Int64, modified: Int64, type: Int64 = 0,
        queue: Int64 = 0, due: Int64, interval: Int64 = 0, factor: Int64 = 0, repetitions: Int64 = 0,
        lapses: Int64 = 0, left: Int64 = 0, data: String = ""
    ) {
        self.id = id
        self.noteID = noteID
        self.deckID = deckID
        self.ordinal = ordinal
        self.modified = modified
        self.type = type
        self.queue = queue
        self.due = due
        self.interval = interval
        self.factor = factor
        self.repetitions = repetitions
        self.lapses = lapses
        self.left = left
        self.data = data
    }
}

/// A `revlog` row.
public struct AnkiReviewRow: Sendable, Equatable {
    /// `id`: when the answer was given, in milliseconds.
    public var id: Int64
    /// `cid`: the card.
    public var cardID: Int64
    /// `ease`: the button, 1–4 (0 for a manual reschedule).
    public var ease: Int64
    /// `ivl`: the new interval (days if positive, seconds if negative).
    public var interval: Int64
    /// `lastIvl`: the interval before.
    public var lastInterval: Int64
    /// `factor`.
    public var factor: Int64
    /// `time`: milliseconds spent answering.
    public var milliseconds: Int64
    /// `type`: 0 learning, 1 review, 2 relearning, 3 filtered, 4 manual.
    public var type: Int64

    public init(
        id: Int64, cardID: Int64, ease: Int64, interval: Int64, lastInterval: Int64, factor: Int64,
        milliseconds: Int64, type: Int64
    ) {
        self.id = id
        self.cardID = cardID
        self.ease = ease
        self.interval = interval
        self.lastInterval = lastInterval
        self.factor = factor
        self.milliseconds = milliseconds
        self.type = type
    }
}

/// A `notetypes` row (schema 15 and later).
public struct AnkiNoteTypeRow: Sendable, Equatable {
    /// `id`.
    public var id: Int64
    /// `name`.
    public var name: String
    /// `config`: a protobuf `NotetypeConfig` (its kind says cloze or not).
    public var config: [UInt8]

    public init(id: Int64, name: String, config: [UInt8]) {
        self.id = id
        self.name = name
        self.config = config
    }
}

/// A `fields` row (schema 15 and later).
public struct AnkiFieldRow: Sendable, Equatable {
    /// `ntid`: the note type.
    public var noteTypeID: Int64
    /// `ord`: the field's place in `flds`.
    public var ordinal: Int64
    /// `name`.
    public var name: String

    public init(noteTypeID: Int64, ordinal: Int64, name: String) {
        self.noteTypeID = noteTypeID
        self.ordinal = ordinal
        self.name = name
    }
}

/// A `templates` row (schema 15 and later).
public struct AnkiTemplateRow: Sendable, Equatable {
    /// `ntid`: the note type.
    public var noteTypeID: Int64
    /// `ord`: the card ordinal it makes.
    public var ordinal: Int64
    /// `name`.
    public var name: String
    /// `config`: a protobuf `CardTemplate.Config` (question and answer formats).
    public var config: [UInt8]

    public init(noteTypeID: Int64, ordinal: Int64, name: String, config: [UInt8]) {
        self.noteTypeID = noteTypeID
        self.ordinal = ordinal
        self.name = name
        self.config = config
    }
}

/// A `decks` row (schema 15 and later).
public struct AnkiDeckRow: Sendable, Equatable {
    /// `id`.
    public var id: Int64
    /// `name`: levels separated by U+001F.
    public var name: String

    public init(id: Int64, name: String) {
        self.id = id
        self.name = name
    }
}
