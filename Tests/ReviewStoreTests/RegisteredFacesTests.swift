import FSRS
import Foundation
import GRDB
import Synchronization
import Testing
@testable import ReviewStore

/// Registering an edited deck file writes only the faces the edit changed
/// (`RegisteredFaces`), and leaves the store exactly as writing every face
/// of the file does.
@Suite struct RegisteredFacesTests {
    /// The registry statements one registration executes.
    private func registryWrites(_ store: ProgressStore, _ cards: [RegisteredCard], at time: Date) throws -> Int {
        let count = Mutex(0)
        try store.write { db in
            db.trace(options: .statement) { event in
                if case .statement(let statement) = event, statement.sql.hasPrefix("INSERT INTO registry") {
                    count.withLock { $0 += 1 }
                }
            }
        }
        defer { _ = try? store.write { db in db.trace(options: []) { _ in } } }
        try store.register(cards, at: time)
        return count.withLock { $0 }
    }

    private func deck(_ file: String, count: Int, prompt: (Int) -> String = { "prompt \($0)" }) -> [RegisteredCard] {
        (0..<count).map { RegisteredCard(key: "\(file)-\($0)", deckFile: file, prompt: prompt($0), level: 1 + $0 % 3) }
    }

    @Test func anEditedFileWritesOnlyTheFacesItChanged() throws {
        let store = try ProgressStore()
        let first = deck("a.deck", count: 200) + deck("b.deck", count: 50)
        #expect(try registryWrites(store, first, at: t0) == 250)
        // Three prompts reworded, one level changed, two cards added.
        var edited = deck("a.deck", count: 202) { $0 == 7 || $0 == 90 || $0 == 150 ? "reworded \($0)" : "prompt \($0)" }
        edited[31].level = nil
        let time = t0.addingTimeInterval(60)
        #expect(try registryWrites(store, edited + deck("b.deck", count: 50), at: time) == 6)
        // A file whose row lists no faces (a store written before the
        // lists) writes every face once, and lists them.
        try store.executeRaw("UPDATE registered_deck SET faces = NULL")
        let again = deck("a.deck", count: 203) + deck("b.deck", count: 50)
        #expect(try registryWrites(store, again, at: time) == 203)
        #expect(try registryWrites(store, deck("a.deck", count: 204) + deck("b.deck", count: 50), at: time) == 1)
    }

    /// Random histories of registrations — edits, cards moved between
    /// files and levels, keys twice in a file or in two files, files
    /// loaded alone, renamed files, answers that register a card otherwise
    /// — leave the store exactly as registering every face of each changed
    /// file does (a second store whose lists are dropped before every
    /// registration).
    @Test(arguments: 0..<24) func skippingListedFacesLeavesTheStoreAsWritingThemAll(seed: UInt64) throws {
        var rng = SeededGenerator(seed: 0x5EED_FACE + seed)
        let store = try ProgressStore()
        let reference = try ProgressStore()
        var files = ["a.deck", "b.deck", "c.deck"]
        // Each file's cards as the decks hold them now.
        var decks: [String: [RegisteredCard]] = [:]
        for file in files {
            decks[file] = (0..<Int.random(in: 3...30, using: &rng)).map {
                RegisteredCard(key: "\(file)-\($0)", deckFile: file, prompt: "p\($0)", level: [nil, 1, 2].randomElement(using: &rng)!)
            }
        }
        var time = t0
        for step in 0..<40 {
            time = time.addingTimeInterval(60)
            // An edit of one file.
            var file = files.randomElement(using: &rng)!
            var cards = decks[file]!
            switch Int.random(in: 0..<8, using: &rng) {
            case 0 where !cards.isEmpty:
                cards[Int.random(in: 0..<cards.count, using: &rng)].prompt = "p\(step)"
            case 1 where !cards.isEmpty:
                cards[Int.random(in: 0..<cards.count, using: &rng)].level = [nil, 1, 2, 3].randomElement(using: &rng)!
            case 2:
                cards.append(RegisteredCard(key: "\(file)-n\(step)", deckFile: file, prompt: "new \(step)", level: 1))
            case 3 where cards.count > 1:
                cards.remove(at: Int.random(in: 0..<cards.count, using: &rng))
            case 4 where !cards.isEmpty:
                // A card cut from here and pasted into another file.
                let other = files.filter { $0 != file }.randomElement(using: &rng)!
                var moved = cards.remove(at: Int.random(in: 0..<cards.count, using: &rng))
                moved.deckFile = other
                decks[other]!.append(moved)
            case 5 where !cards.isEmpty:
                // A card copied: its key twice, in this file or another.
                let other = files.randomElement(using: &rng)!
                var copy = cards.randomElement(using: &rng)!
                copy.deckFile = other
                copy.prompt += " copy"
                if other == file { cards.append(copy) } else { decks[other]!.append(copy) }
            case 6 where !cards.isEmpty:
                // An answer registers a card otherwise than its deck.
                let card = cards.randomElement(using: &rng)!
                let after = scheduleAfter(nil, rating: .good, at: time, using: &rng)
                for target in [store, reference] {
                    try target.record(answer(card.key, deck: card.deckFile, level: card.level, at: time, after: after))
                }
            case 7:
                // The file renamed (`git mv`): its cards move as a whole.
                let renamed = "\(file.dropLast(5))-\(step).deck"
                files[files.firstIndex(of: file)!] = renamed
                decks[file] = nil
                file = renamed
                for i in cards.indices { cards[i].deckFile = renamed }
            default:
                cards.shuffle(using: &rng)
            }
            decks[file] = cards
            // The files loaded: all, or one alone (`jatta study a.deck`).
            let loaded = Bool.random(using: &rng) ? files : [files.randomElement(using: &rng)!]
            let registering = loaded.flatMap { decks[$0]! }
            try reference.executeRaw("UPDATE registered_deck SET faces = NULL")
            try store.register(registering, at: time)
            try reference.register(registering, at: time)
            let (got, expected) = try (tables(store), tables(reference))
            #expect(got == expected, "seed \(seed), step \(step)")
            if got != expected { return }
        }
    }

    /// Every table a registration writes, and each file's fingerprint
    /// (the reference's lists are dropped, so they are not compared).
    private func tables(_ store: ProgressStore) throws -> [String: [[DatabaseValue]]] {
        try store.read { db in
            var tables = try GroupedRegistryTests.snapshot(db)
            tables["registered_deck"] = try Row.fetchAll(db, sql: "SELECT deck_file, fingerprint FROM registered_deck ORDER BY 1")
                .map { Array($0.databaseValues) }
            return tables
        }
    }
}
