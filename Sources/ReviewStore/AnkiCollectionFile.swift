import Foundation
import GRDB

/// The SQLite file inside an Anki package: written in the legacy schema 11
/// (`collection.anki2`, which every current Anki imports), read in any
/// schema Anki exports (11 in `collection.anki2` / `collection.anki21`,
/// 18 in the decompressed `collection.anki21b`).
///
/// It lives here because only this module talks to SQLite; the package
/// around it (zip, zstd, JSON, protobuf) is `Interchange`'s.
public enum AnkiCollectionFile {
    /// Why a collection could not be read or written.
    public enum Failure: Error, Equatable, Sendable {
        /// Not an SQLite database, or a damaged one; SQLite's words.
        case unreadable(String)
        /// An SQLite database without the tables of an Anki collection.
        case notACollection
        /// More rows in `table` than jatta reads (`limit`).
        case tooManyRows(table: String, limit: Int)
        /// The file could not be written; SQLite's words.
        case cannotWrite(String)
    }

    /// The most rows read from any one table: past it the package is
    /// refused rather than read into memory. The review log has its own,
    /// larger limit (`reviewRowLimit`).
    public static let rowLimit = 500_000

    /// The most review-log rows read: a heavy user's collection (100,000
    /// cards, ten reviews each, as Anki's own benchmark and jatta's export
    /// of such a student's progress hold) has a million, which the
    /// general limit refused. `import --with-progress` of a million
    /// reviews peaks at about 560 MB, so twice that is the most a package
    /// can make it hold.
    public static let reviewRowLimit = 2_000_000

    /// The limit of rows read from `table`.
    static func rowLimit(of table: String) -> Int { table == "revlog" ? reviewRowLimit : rowLimit }

    /// Writes `tables` as a new schema-11 collection at `path` (which must
    /// not exist yet).
    public static func write(_ tables: AnkiTables, to path: String) throws(Failure) {
        do {
            let queue = try DatabaseQueue(path: path)
            try queue.write { db in
                for statement in schema11 { try db.execute(sql: statement) }
                let col = tables.collection
                try db.execute(
                    sql: """
                        INSERT INTO col VALUES (1, ?, ?, ?, ?, 0, 0, 0, ?, ?, ?, ?, '{}')
                        """,
                    arguments: [
                        col.created, col.modified, col.modified, col.version, col.configuration, col.models,
                        col.decks, col.deckOptions,
                    ])
                // Each table's rows through one prepared statement: the SQL
                // compiled again for each row was half of writing a package
                // of 100,000 cards and a million reviews.
                let insertNote = try db.makeStatement(sql: "INSERT INTO notes VALUES (?, ?, ?, ?, -1, ?, ?, ?, ?, 0, '')")
                for note in tables.notes {
                    try insertNote.execute(
                        arguments: [
                            note.id, note.guid, note.noteTypeID, note.modified, note.tags, note.fields, note.sortField,
                            note.checksum,
                        ])
                }
                let insertCard = try db.makeStatement(
                    sql: "INSERT INTO cards VALUES (?, ?, ?, ?, ?, -1, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, ?)")
                for card in tables.cards {
                    try insertCard.execute(
                        arguments: [
                            card.id, card.noteID, card.deckID, card.ordinal, card.modified, card.type, card.queue,
                            card.due, card.interval, card.factor, card.repetitions, card.lapses, card.left, card.data,
                        ])
                }
                let insertReview = try db.makeStatement(sql: "INSERT INTO revlog VALUES (?, ?, -1, ?, ?, ?, ?, ?, ?)")
                for review in tables.reviews {
                    try insertReview.execute(
                        arguments: [
                            review.id, review.cardID, review.ease, review.interval, review.lastInterval, review.factor,
                            review.milliseconds, review.type,
                        ])
                }
            }
            try queue.close()
        } catch {
            throw .cannotWrite(String(describing: (error as? DatabaseError)?.message ?? "\(error)"))
        }
    }

    /// Reads every table jatta uses from the collection at `path`, read
    /// only; the review log only when `reviews` (an import of the cards
    /// alone neither reads nor counts it). Refuses a file that is not an
    /// Anki collection or holds more than `rowLimit(of:)` rows in a table.
    public static func read(path: String, reviews: Bool = true) throws(Failure) -> AnkiTables {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.prepareDatabase { db in
            // Anki's own collation for names; a schema-18 collection's
            // indexes name it, and SQLite refuses to read them without it.
            db.add(collation: DatabaseCollation("unicase") { $0.caseInsensitiveCompare($1) })
        }
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            defer { try? queue.close() }
            return try queue.read { db in try readTables(db, reviews: reviews) }
        } catch let failure as Failure {
            throw failure
        } catch {
            throw .unreadable((error as? DatabaseError)?.message ?? "\(error)")
        }
    }

    private static func readTables(_ db: Database, reviews: Bool) throws -> AnkiTables {
        var names = Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'"))
        if !reviews { names.remove("revlog") }
        guard ["col", "notes", "cards"].allSatisfy(names.contains) else { throw Failure.notACollection }
        for table in ["notes", "cards", "revlog", "notetypes", "fields", "templates", "decks"] where names.contains(table) {
            let count = try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table)") ?? 0
            let limit = rowLimit(of: table)
            if count > limit { throw Failure.tooManyRows(table: table, limit: limit) }
        }
        guard let colRow = try Row.fetchOne(db, sql: "SELECT crt, mod, ver, conf, models, decks, dconf FROM col") else {
            throw Failure.notACollection
        }
        let collection = AnkiCollectionRow(
            created: int(colRow, 0), modified: int(colRow, 1), version: int(colRow, 2), configuration: text(colRow, 3),
            models: text(colRow, 4), decks: text(colRow, 5), deckOptions: text(colRow, 6))
        let notes = try Row.fetchAll(db, sql: "SELECT id, guid, mid, mod, tags, flds, sfld, csum FROM notes ORDER BY id")
            .map {
                AnkiNoteRow(
                    id: int($0, 0), guid: text($0, 1), noteTypeID: int($0, 2), modified: int($0, 3), tags: text($0, 4),
                    fields: text($0, 5), sortField: text($0, 6), checksum: int($0, 7))
            }
        let cards = try Row.fetchAll(
            db,
            sql: """
                SELECT id, nid, did, ord, mod, type, queue, due, ivl, factor, reps, lapses, left, data
                FROM cards ORDER BY id
                """
        ).map {
            AnkiCardRow(
                id: int($0, 0), noteID: int($0, 1), deckID: int($0, 2), ordinal: int($0, 3), modified: int($0, 4),
                type: int($0, 5), queue: int($0, 6), due: int($0, 7), interval: int($0, 8), factor: int($0, 9),
                repetitions: int($0, 10), lapses: int($0, 11), left: int($0, 12), data: text($0, 13))
        }
        var tables = AnkiTables(collection: collection, notes: notes, cards: cards)
        if names.contains("revlog") {
            tables.reviews = try Row.fetchAll(
                db, sql: "SELECT id, cid, ease, ivl, lastIvl, factor, time, type FROM revlog ORDER BY id"
            ).map {
                AnkiReviewRow(
                    id: int($0, 0), cardID: int($0, 1), ease: int($0, 2), interval: int($0, 3),
                    lastInterval: int($0, 4), factor: int($0, 5), milliseconds: int($0, 6), type: int($0, 7))
            }
        }
        if names.isSuperset(of: ["notetypes", "fields", "templates"]) {
            tables.noteTypes = try Row.fetchAll(db, sql: "SELECT id, name, config FROM notetypes ORDER BY id").map {
                AnkiNoteTypeRow(id: int($0, 0), name: text($0, 1), config: blob($0, 2))
            }
            tables.fields = try Row.fetchAll(db, sql: "SELECT ntid, ord, name FROM fields ORDER BY ntid, ord").map {
                AnkiFieldRow(noteTypeID: int($0, 0), ordinal: int($0, 1), name: text($0, 2))
            }
            tables.templates = try Row.fetchAll(
                db, sql: "SELECT ntid, ord, name, config FROM templates ORDER BY ntid, ord"
            ).map {
                AnkiTemplateRow(noteTypeID: int($0, 0), ordinal: int($0, 1), name: text($0, 2), config: blob($0, 3))
            }
        }
        if names.contains("decks") {
            tables.decks = try Row.fetchAll(db, sql: "SELECT id, name FROM decks ORDER BY id").map {
                AnkiDeckRow(id: int($0, 0), name: text($0, 1))
            }
        }
        return tables
    }

    // A stranger's file may hold any type in any column: each value is read
    // leniently (a wrong type becomes 0, empty text or no bytes) instead of
    // trapping, and the reader above decides what an odd value means.

    private static func int(_ row: Row, _ index: Int) -> Int64 {
        let value = row[index] as DatabaseValue
        switch value.storage {
        case .int64(let number): return number
        case .double(let number): return number.isFinite && abs(number) < 9e18 ? Int64(number) : 0
        case .string(let string): return Int64(string) ?? 0
        case .blob, .null: return 0
        }
    }

    private static func text(_ row: Row, _ index: Int) -> String {
        let value = row[index] as DatabaseValue
        switch value.storage {
        case .string(let string): return string
        case .int64(let number): return String(number)
        case .double(let number): return String(number)
        case .blob(let data): return String(decoding: data, as: UTF8.self)
        case .null: return ""
        }
    }

    private static func blob(_ row: Row, _ index: Int) -> [UInt8] {
        let value = row[index] as DatabaseValue
        switch value.storage {
        case .blob(let data): return [UInt8](data)
        case .string(let string): return Array(string.utf8)
        default: return []
        }
    }

    /// Anki's schema 11, the tables a legacy package's collection holds.
    private static let schema11 = [
        """
        CREATE TABLE col (id integer PRIMARY KEY, crt integer NOT NULL, mod integer NOT NULL, scm integer NOT NULL,
          ver integer NOT NULL, dty integer NOT NULL, usn integer NOT NULL, ls integer NOT NULL, conf text NOT NULL,
          models text NOT NULL, decks text NOT NULL, dconf text NOT NULL, tags text NOT NULL)
        """,
        """
        CREATE TABLE notes (id integer PRIMARY KEY, guid text NOT NULL, mid integer NOT NULL, mod integer NOT NULL,
          usn integer NOT NULL, tags text NOT NULL, flds text NOT NULL, sfld integer NOT NULL, csum integer NOT NULL,
          flags integer NOT NULL, data text NOT NULL)
        """,
        """
        CREATE TABLE cards (id integer PRIMARY KEY, nid integer NOT NULL, did integer NOT NULL, ord integer NOT NULL,
          mod integer NOT NULL, usn integer NOT NULL, type integer NOT NULL, queue integer NOT NULL,
          due integer NOT NULL, ivl integer NOT NULL, factor integer NOT NULL, reps integer NOT NULL,
          lapses integer NOT NULL, left integer NOT NULL, odue integer NOT NULL, odid integer NOT NULL,
          flags integer NOT NULL, data text NOT NULL)
        """,
        """
        CREATE TABLE revlog (id integer PRIMARY KEY, cid integer NOT NULL, usn integer NOT NULL, ease integer NOT NULL,
          ivl integer NOT NULL, lastIvl integer NOT NULL, factor integer NOT NULL, time integer NOT NULL,
          type integer NOT NULL)
        """,
        "CREATE TABLE graves (usn integer NOT NULL, oid integer NOT NULL, type integer NOT NULL)",
        "CREATE INDEX ix_notes_usn ON notes (usn)",
        "CREATE INDEX ix_cards_usn ON cards (usn)",
        "CREATE INDEX ix_revlog_usn ON revlog (usn)",
        "CREATE INDEX ix_cards_nid ON cards (nid)",
        "CREATE INDEX ix_cards_sched ON cards (did, queue, due)",
        "CREATE INDEX ix_revlog_cid ON revlog (cid)",
        "CREATE INDEX ix_notes_csum ON notes (csum)",
    ]
}
