import FSRS
import Foundation
import GRDB
import Testing
@testable import ReviewStore

/// Registering decks again is skipped per deck file when its cards are
/// registered exactly as last time; the registry must still always end up as
/// if every card had been registered.
@Suite struct RegisteredDeckTests {
    private func cards(_ file: String, prompt: String = "p", level: Int? = 1, count: Int = 5) -> [RegisteredCard] {
        (0..<count).map { RegisteredCard(key: "\(file)-\($0)", deckFile: file, prompt: "\(prompt) \($0)", level: level) }
    }

    /// Registers a.deck (with the card "shared") and b.deck; returns the
    /// card as registered and as it reads once moved to b.deck.
    private func registerCardToMove(_ store: ProgressStore) throws -> (inA: RegisteredCard, inB: RegisteredCard) {
        let moved = RegisteredCard(key: "shared", deckFile: "a.deck", prompt: "q", level: 1)
        try store.register(cards("a.deck") + [moved] + cards("b.deck"), at: t0)
        var inB = moved
        inB.deckFile = "b.deck"
        return (moved, inB)
    }

    @Test func anEditedDeckIsRegisteredAgainAndAnUnchangedOneIsKept() throws {
        let store = try ProgressStore()
        try store.register(cards("a.deck") + cards("b.deck"), at: t0)
        // b.deck's prompts and levels change; a.deck is loaded unchanged.
        try store.register(cards("a.deck") + cards("b.deck", prompt: "edited", level: 2), at: t0.addingTimeInterval(60))
        let registry = try store.registeredCards()
        #expect(registry["b.deck-3"] == RegisteredCard(key: "b.deck-3", deckFile: "b.deck", prompt: "edited 3", level: 2))
        #expect(registry["a.deck-3"] == RegisteredCard(key: "a.deck-3", deckFile: "a.deck", prompt: "p 3", level: 1))
        // A card added to a deck is registered (and becomes a new card).
        try store.register(cards("a.deck", count: 6) + cards("b.deck", prompt: "edited", level: 2), at: t0.addingTimeInterval(120))
        #expect(try store.registeredCards()["a.deck-5"] != nil)
        #expect(try store.newKeys(limit: 100, now: t0.addingTimeInterval(120)).contains("a.deck-5"))
    }

    /// An answer that registers a card otherwise than the decks (another
    /// prompt) makes the next load register everything again, so the decks'
    /// version wins as it did before the skip existed.
    @Test func anAnswerThatChangesTheRegistryForcesTheNextRegistration() throws {
        let store = try ProgressStore()
        try store.register(cards("a.deck"), at: t0)
        var rng = SeededGenerator(seed: 1)
        try store.record(
            answer("a.deck-2", deck: "a.deck", at: t0, after: scheduleAfter(nil, rating: .good, at: t0, using: &rng)))
        #expect(try store.registeredCards()["a.deck-2"]?.prompt == "Prompt of a.deck-2")
        try store.register(cards("a.deck"), at: t0.addingTimeInterval(60))
        #expect(try store.registeredCards()["a.deck-2"]?.prompt == "p 2")
    }

    /// A card moved from one deck file to another ends up under the file that
    /// registers it last, whichever files are skipped.
    @Test func aCardMovedToAnotherFileFollowsIt() throws {
        let store = try ProgressStore()
        let (_, inB) = try registerCardToMove(store)
        try store.register(cards("a.deck") + cards("b.deck") + [inB], at: t0.addingTimeInterval(60))
        #expect(try store.registeredCards()["shared"]?.deckFile == "b.deck")
        #expect(try store.counts(dueBy: t0, now: t0).first { $0.deckFile == "a.deck" }?.counts.total == 5)
    }

    /// A card cut from a.deck and pasted into b.deck while a.deck is not
    /// loaded moves to b.deck card by card; when the edit is reverted
    /// (a.deck back as it was, so with its old fingerprint), a.deck must be
    /// registered again and take the card back, or the registry keeps it
    /// under b.deck and the counts per file are wrong.
    @Test func aFileACardLeftIsRegisteredAgainWhenItComesBackUnchanged() throws {
        let store = try ProgressStore()
        let (moved, inB) = try registerCardToMove(store)
        // Only b.deck is loaded (`jatta study b.deck`): the card moves to it.
        try store.register(cards("b.deck") + [inB], at: t0.addingTimeInterval(60))
        #expect(try store.registeredCards()["shared"]?.deckFile == "b.deck")
        // Both files are back as at first.
        try store.register(cards("a.deck") + [moved] + cards("b.deck"), at: t0.addingTimeInterval(120))
        #expect(try store.registeredCards()["shared"]?.deckFile == "a.deck")
        let totals = try store.counts(dueBy: t0, now: t0).reduce(into: [String: Int]()) { $0[$1.deckFile, default: 0] += $1.counts.total }
        #expect(totals == ["a.deck": 6, "b.deck": 5])
    }

    /// A store written before the rule may already hold a stale
    /// fingerprint (the card moved while the rule did not exist): the
    /// migration empties the cache, so the reverted file is registered.
    @Test func theMigrationForgetsFingerprintsAlreadyStale() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("old.sqlite").path
        let (moved, inB) = try registerCardToMove(try ProgressStore(path: path))
        // As the store was before the migration, the card then moved.
        do {
            let queue = try DatabaseQueue(path: path)
            try queue.write { db in
                try FirstLayoutRegistry.restore(db)
                try db.execute(
                    sql: """
                        DROP TRIGGER registered_deck_card_left;
                        DELETE FROM grdb_migrations WHERE identifier = 'scale-2-stale-fingerprints';
                        """)
            }
        }
        do {
            let queue = try DatabaseQueue(path: path)
            try queue.write { db in
                try db.execute(sql: "UPDATE card SET deck_file = 'b.deck' WHERE key = 'shared'")
            }
        }
        #expect(try DatabaseQueue(path: path).read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM registered_deck WHERE deck_file = 'a.deck'")
        } == 1)
        let store = try ProgressStore(path: path)
        #expect(try store.registeredCards()["shared"] == inB)
        try store.register(cards("a.deck") + [moved] + cards("b.deck"), at: t0.addingTimeInterval(60))
        #expect(try store.registeredCards()["shared"]?.deckFile == "a.deck")
    }
}
