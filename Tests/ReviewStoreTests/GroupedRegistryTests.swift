import Foundation
import GRDB
import Testing
@testable import ReviewStore

/// The registry stored by group (`GroupedRegistry`, migration
/// `store-3-grouped-registry`): a store written with the first layout reads
/// the same, row for row, after the migration, and keeps doing what it did.
@Suite struct GroupedRegistryTests {
    /// What a reader of the store sees, table by table, row by row (the
    /// registry through `card`, with the storage class of each value; its
    /// prompts as their text's UTF-8 bytes, coded or not, `PromptCoding`).
    static func snapshot(_ db: Database) throws -> [String: [[DatabaseValue]]] {
        let queries = [
            "card": """
                SELECT key, deck_file, prompt, level, first_seen, answered, typeof(level), typeof(first_seen), typeof(answered)
                FROM card ORDER BY key
                """,
            "card_group": "SELECT * FROM card_group ORDER BY id",
            "card_state": "SELECT * FROM card_state ORDER BY key",
            "review_log": "SELECT * FROM review_log ORDER BY id",
            "answer_slot": "SELECT * FROM answer_slot ORDER BY slot, deck_file, grp",
            "quiz_summary": "SELECT * FROM quiz_summary ORDER BY session, key, deck_file",
            "registered_deck": "SELECT * FROM registered_deck ORDER BY deck_file",
        ]
        var tables: [String: [[DatabaseValue]]] = [:]
        for (name, sql) in queries { tables[name] = try Row.fetchAll(db, sql: sql).map { Array($0.databaseValues) } }
        tables["card"] = try tables["card"]?.map { row in
            var row = row
            row[2] = Data(try #require(PromptCoding.text(stored: row[2])).utf8).databaseValue
            return row
        }
        return tables
    }

    /// A store as the first layout left it, with a history of answers,
    /// undos, suspensions, burials, moves between deck files and levels.
    private static func firstLayoutStore(seed: UInt64) throws -> (path: String, now: Date, folder: URL) {
        let folder = try temporaryDirectory()
        let path = folder.appendingPathComponent("p.sqlite").path
        let now: Date
        do {
            let store = try ProgressStore(path: path)
            now = try KeptCountsTests.play(store, seed: seed, steps: 300, check: false)
        }
        try DatabaseQueue(path: path).write { db in try FirstLayoutRegistry.restore(db) }
        return (path, now, folder)
    }

    @Test func theMigrationKeepsEveryRegistryRowAnswerAndState() throws {
        let (path, now, folder) = try Self.firstLayoutStore(seed: 31)
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = try DatabaseQueue(path: path).read { db in
            #expect(try !GroupedRegistry.isGrouped(db))
            return try Self.snapshot(db)
        }
        #expect((before["card"] ?? []).count == 40)
        let store = try ProgressStore(path: path)
        try store.read { (db: Database) throws in
            #expect(try GroupedRegistry.isGrouped(db))
            #expect(try Self.snapshot(db) == before)
            #expect(try db.columns(in: "registry").map(\.name) == ["key", "grp", "prompt", "first_seen", "answered"])
        }
        #expect(try store.verify().isEmpty)
        try KeptCountsTests.expectSame(store, now: now, step: 0)
        // The registry's triggers keep the counts from then on (checked
        // against joins over every card as the history goes).
        _ = try KeptCountsTests.play(store, seed: 32, steps: 200)
        #expect(try store.verify().isEmpty)
    }

    /// A level the view could not give back (the empty text, which jatta
    /// never writes) stops the migration, naming the card, and nothing
    /// changes.
    @Test func aLevelOfEmptyTextComesBackAsNoLevel() throws {
        let (path, _, folder) = try Self.firstLayoutStore(seed: 33)
        defer { try? FileManager.default.removeItem(at: folder) }
        let queue = try DatabaseQueue(path: path)
        let key = try queue.write { db in
            let key = try #require(try String.fetchOne(db, sql: "SELECT min(key) FROM card"))
            try db.execute(sql: "UPDATE card SET level = '' WHERE key = ?", arguments: [key])
            return key
        }
        var before = try queue.read { db in try Self.snapshot(db) }
        // What the migration should change: that card's level (and its
        // type) from the empty text to none, and nothing else.
        let row = try #require(before["card"]?.firstIndex { $0.first == key.databaseValue })
        #expect(before["card"]?[row][3] == "".databaseValue)
        before["card"]?[row][3] = .null
        before["card"]?[row][6] = "null".databaseValue
        let store = try ProgressStore(path: path)
        #expect(try store.verify().isEmpty)
        try store.read { (db: Database) throws in
            #expect(try GroupedRegistry.isGrouped(db))
            #expect(try Self.snapshot(db) == before)
        }
    }

    /// A registry row whose group is gone (a hand edit with the foreign
    /// keys off, as the `sqlite3` shell has them) is named by `verify`,
    /// not met as an unreadable value.
    @Test func aRowWhoseGroupIsGoneIsNamedByVerify() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("p.sqlite").path
        try ProgressStore(path: path).register(
            [RegisteredCard(key: "k1", deckFile: "a.deck", prompt: "P1", level: 1)], at: t0)
        var configuration = Configuration()
        configuration.foreignKeysEnabled = false
        try DatabaseQueue(path: path, configuration: configuration).write { db in
            try db.execute(sql: "UPDATE registry SET grp = 999 WHERE key = 'k1'")
        }
        let problems = try ProgressStore(path: path).verify()
        #expect(problems.contains { $0.contains("'k1'") && $0.contains("999") })
    }

    /// A deck file renamed as a whole moves its groups, and the registry's
    /// rows, which name them, follow without a write of their own.
    @Test func aGroupRenamedRenamesItsCards() throws {
        let store = try ProgressStore()
        let cards = (0..<20).map { RegisteredCard(key: "k\($0)", deckFile: "old.deck", prompt: "P\($0)", level: $0 % 2 + 1) }
        try store.register(cards, at: t0)
        try store.respell("old.deck", as: "new.deck")
        let moved = try store.registeredCards()
        #expect(moved.count == 20)
        #expect(moved.values.allSatisfy { $0.deckFile == "new.deck" })
        #expect(try store.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM card_group WHERE deck_file = 'old.deck'") } == 0)
        #expect(try store.verify().isEmpty)
    }
}
