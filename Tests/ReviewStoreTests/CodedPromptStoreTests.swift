import FSRS
import Foundation
import GRDB
import Testing
@testable import ReviewStore

/// The registry's prompts stored coded (`PromptCoding`, migration
/// `store-4-coded-prompts`): a store whose prompts are text reads the same
/// after the migration, a registration that changes no prompt writes none,
/// and a prompt left as text is read as the text it is.
@Suite struct CodedPromptStoreTests {
    /// Prompts in Kazakh, Russian and English, with emoji, combining
    /// marks, a NUL and the empty prompt.
    static let prompts = [
        "Сәлеметсіз бе? Қалың қалай?", "Ғылым — өмір шырағы, «білім» — бақыт…", "Үй, Һ, Ұлт, Ңң, Өө, Іі",
        "Здравствуйте, ёжик № 5 “Ёлка” – ель", "Hello, world", "Cafe\u{301} and caf\u{E9}, naïve",
        "😀👍🏽 🇰🇿 👨‍👩‍👧", /* 7 */ "tab\tnul\u{0}end", "\u{FEFF}ǅ \u{10FFFF} \u{FFFD} Ѣѣ", "",
    ]

    static func card(_ n: Int) -> RegisteredCard {
        RegisteredCard(
            key: "k\(n)", deckFile: n % 3 == 0 ? "decks/b.deck" : "decks/a.deck", prompt: prompts[n % prompts.count],
            level: n % 4 == 0 ? nil : n % 4)
    }

    static let cards = (0..<30).map(card)

    /// Cards registered, answered (quizzes with their choice among them),
    /// undone, suspended.
    static func history(_ store: ProgressStore) throws {
        try store.register(cards, at: t0)
        var rng = SeededGenerator(seed: 51)
        var schedules: [String: CardSchedule] = [:]
        var time = t0
        for n in 1...120 {
            let card = cards[Int(rng.next() % UInt64(cards.count))]
            time = time.addingTimeInterval(Double(rng.next() % 90_000))
            let rating = Rating(rawValue: Int(rng.next() % 4) + 1) ?? .good
            let after = scheduleAfter(schedules[card.key], rating: rating, at: time, using: &rng)
            var recorded = answer(
                card.key, deck: card.deckFile, level: card.level, rating: rating, at: time,
                kind: n % 3 == 0 ? .quiz : .study, session: "s\(n / 40)", before: schedules[card.key], after: after)
            recorded.prompt = card.prompt
            if n % 3 == 0 { recorded.quizAnswer = QuizAnswerDetail(credit: 0.5, chosen: prompts[n % prompts.count]) }
            try store.record(recorded)
            schedules[card.key] = after
            if n % 11 == 0, let undone = try store.undoLast(sessionID: "s\(n / 40)", at: time.addingTimeInterval(1)) {
                schedules[undone.key] = undone.before.schedule
            }
        }
        try store.suspend(key: "k3", at: time.addingTimeInterval(5))
    }

    /// Puts the store's prompts back as text, as jatta wrote them before
    /// `store-4-coded-prompts`, and forgets that migration.
    static func restoreTextPrompts(_ db: Database) throws {
        for row in try Row.fetchAll(db, sql: "SELECT key, prompt FROM registry") {
            let text = try #require(PromptCoding.text(stored: row[1]))
            try db.execute(sql: "UPDATE registry SET prompt = ? WHERE key = ?", arguments: [text, row[0]])
        }
        try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = ?", arguments: [PromptCoding.migrationName])
    }

    /// What the store's readers give: the registry, the answers a class
    /// sync sends, the statistics' pass with each card's prompt; prompts
    /// also as their scalars (a String compares by canonical equivalence).
    static func readings(_ store: ProgressStore) throws -> [String] {
        let registered = try store.registeredCards().values.sorted { $0.key < $1.key }
        let synced = try store.answers(after: 0, limit: 10_000)
        var passes: [String] = []
        for scope in StatisticsGroupsTests.scopes { passes += try StatisticsGroupsTests.pass(store, scope) }
        return registered.map { "\($0) \(Array($0.prompt.unicodeScalars))" }
            + synced.map { "\($0) \(Array($0.prompt.unicodeScalars))" } + passes
    }

    @Test func aStoreWithTextPromptsReadsTheSameAfterTheMigration() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("p.sqlite").path
        try Self.history(try ProgressStore(path: path))
        try DatabaseQueue(path: path).write { db in try Self.restoreTextPrompts(db) }
        let (before, textBytes) = try DatabaseQueue(path: path).read { db in
            #expect(try String.fetchAll(db, sql: "SELECT DISTINCT typeof(prompt) FROM registry") == ["text"])
            return (
                try GroupedRegistryTests.snapshot(db),
                try Int.fetchOne(db, sql: "SELECT sum(length(CAST(prompt AS BLOB))) FROM registry") ?? 0
            )
        }
        // Read before the migration (read-only: nothing migrated), then after.
        let readBefore = try Self.readings(try ProgressStore(path: path, options: StoreOptions(readOnly: true)))
        #expect(readBefore.count > 30 + 40)
        let store = try ProgressStore(path: path)
        #expect(try Self.readings(store) == readBefore)
        try store.read { (db: Database) throws in
            #expect(try GroupedRegistryTests.snapshot(db) == before)
            #expect(try Self.promptTypes(db) == ["blob"])
            let codedBytes = try Int.fetchOne(db, sql: "SELECT sum(length(prompt)) FROM registry") ?? 0
            #expect(codedBytes < textBytes)
        }
        #expect(try store.verify().isEmpty)
        // The decks as they were are still registered as they were, and
        // registered again (their fingerprints gone) they rewrite no row.
        let fingerprints = try store.registeredFingerprints()
        #expect(fingerprints == ProgressStore.registryFingerprints { visit in Self.cards.forEach(visit) })
        try Self.countRowWrites(store)
        try store.executeRaw("DELETE FROM registered_deck")
        try store.register(Self.cards, at: t0.addingTimeInterval(86_400 * 365))
        // But for a prompt with a NUL: as text it was bound, and kept, up
        // to the NUL (so it read back, and migrated, as the text before
        // it); coded, it is kept whole, and is written whole once.
        let cutAtNUL = Self.cards.filter { $0.prompt.unicodeScalars.contains("\u{0}") }.map(\.key).sorted()
        #expect(!cutAtNUL.isEmpty)
        #expect(try Self.rowWrites(store) == cutAtNUL)
        #expect(try store.registeredCards(keys: cutAtNUL).values.map(\.prompt) == cutAtNUL.map { _ in Self.prompts[7] })
    }

    /// The migration shrinks the registry's rows in place and frees no
    /// page; the VACUUM after it gives the space back.
    @Test func theMigrationGivesTheSpaceItSavesBack() throws {
        let folder = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("p.sqlite").path
        let cards = (0..<3_000).map { n in
            RegisteredCard(
                key: "card-\(n)", deckFile: "decks/a.deck", prompt: "Сұрақ \(n): \(Self.prompts[n % 3]) Здравствуйте, ёжик",
                level: n % 4 + 1)
        }
        try ProgressStore(path: path).register(cards, at: t0)
        let pages = "SELECT (SELECT page_count FROM pragma_page_count) - (SELECT freelist_count FROM pragma_freelist_count)"
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in try Self.restoreTextPrompts(db) }
        try queue.vacuum()
        let before = try queue.read { db in try Int.fetchOne(db, sql: pages) ?? 0 }
        let store = try ProgressStore(path: path)
        let after = try store.read { db in try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0 }
        #expect(after * 10 < before * 9, "\(before) pages before, \(after) after")
        #expect(try store.registeredCards().count == cards.count)
    }

    /// How the registry stores its prompts, but for the empty one.
    static func promptTypes(_ db: Database) throws -> [String] {
        try String.fetchAll(db, sql: "SELECT DISTINCT typeof(prompt) FROM registry WHERE prompt != ''")
    }

    /// Counts the writes to `registry` rows on the store's connection.
    static func countRowWrites(_ store: ProgressStore) throws {
        try store.executeRaw(
            """
            CREATE TEMP TABLE registry_writes (key TEXT);
            CREATE TEMP TRIGGER registry_written AFTER UPDATE ON main.registry BEGIN
                INSERT INTO registry_writes VALUES (NEW.key);
            END;
            """)
    }

    static func rowWrites(_ store: ProgressStore) throws -> [String] {
        try store.read { db in try String.fetchAll(db, sql: "SELECT key FROM temp.registry_writes ORDER BY key") }
    }

    /// The registration's "differs" rule compares coded with coded: the
    /// decks registered again as they were (their fingerprints gone)
    /// rewrite no prompt, and an answer finds its card registered as it
    /// names it; a prompt changed is written.
    @Test func aPromptUnchangedIsNotWrittenAgain() throws {
        let store = try ProgressStore()
        try store.register(Self.cards, at: t0)
        #expect(try store.read { db in try Self.promptTypes(db) } == ["blob"])
        try Self.countRowWrites(store)
        try store.executeRaw("DELETE FROM registered_deck")
        try store.register(Self.cards, at: t0.addingTimeInterval(60))
        #expect(try Self.rowWrites(store) == [])
        for card in Self.cards {
            let registered = try store.read { db in
                try ProgressStore.registrationAndProgress(of: card, session: nil, db: db, path: store.path).registered
            }
            #expect(registered, "\(card.key)")
        }
        var edited = Self.cards
        edited[1].prompt += "ә"
        try store.register(edited, at: t0.addingTimeInterval(120))
        #expect(try Self.rowWrites(store) == ["k1"])
        #expect(try store.registeredCards(keys: ["k1"])["k1"]?.prompt == edited[1].prompt)
    }

    /// A prompt stored as text (a hand edit) is read as the text it is and
    /// coded at the next registration that names it otherwise; a blob that
    /// is no coding is a corrupt value naming its card.
    @Test func aPromptStoredAsTextIsReadAsItIs() throws {
        let store = try ProgressStore()
        try store.register(Self.cards, at: t0)
        try store.executeRaw("UPDATE registry SET prompt = 'Қолмен өзгертілген' WHERE key = 'k2'")
        #expect(try store.registeredCards(keys: ["k2"])["k2"]?.prompt == "Қолмен өзгертілген")
        try store.executeRaw("UPDATE registry SET prompt = x'41FF' WHERE key = 'k4'")
        #expect {
            try store.registeredCards(keys: ["k4"])
        } throws: { error in
            guard case .corruptValue(let key, _) = (error as? StoreError)?.kind else { return false }
            return key == "k4"
        }
    }
}
