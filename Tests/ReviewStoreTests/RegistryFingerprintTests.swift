import Testing

@testable import ReviewStore

/// `RegistryFingerprint.perDeckFile` keeps a running fingerprint per deck
/// file while the cards come deck by deck; each file's fingerprint is
/// that of its own cards in the order given, however the files alternate.
@Suite struct RegistryFingerprintTests {
    private func card(_ key: String, _ file: String, level: Int? = 1) -> RegisteredCard {
        RegisteredCard(key: key, deckFile: file, prompt: "prompt of \(key)", level: level)
    }

    /// The fingerprint of one file's cards, added one by one.
    private func fingerprint(_ cards: [RegisteredCard]) -> Int64 {
        var f = RegistryFingerprint()
        for c in cards { f.add(c) }
        return Int64(bitPattern: f.value)
    }

    @Test func eachFileIsFingerprintedOverItsOwnCardsInOrder() {
        let cards = [
            card("a1", "a.deck"), card("a2", "a.deck"), card("b1", "b.deck", level: nil), card("a3", "a.deck"),
            card("c1", "c.deck"), card("b2", "b.deck"), card("b3", "b.deck"),
        ]
        let result = RegistryFingerprint.perDeckFile(cards)
        #expect(result.count == 3)
        for file in ["a.deck", "b.deck", "c.deck"] {
            #expect(result[file] == fingerprint(cards.filter { $0.deckFile == file }), "\(file)")
        }
        // Order within a file matters; the files' order around it does not.
        #expect(result["a.deck"] != fingerprint([card("a2", "a.deck"), card("a1", "a.deck"), card("a3", "a.deck")]))
        #expect(RegistryFingerprint.perDeckFile(cards.filter { $0.deckFile != "c.deck" } + [card("c1", "c.deck")]) == result)
        #expect(RegistryFingerprint.perDeckFile([]) == [:])
    }
}

/// `register(each:at:)` asks for the cards a second time only when a deck
/// file's fingerprint changed, and then writes that file's cards alone.
@Suite struct RegisterEachTests {
    /// Two files' cards, counting how often they are asked for.
    final class CountedCards {
        var cards = [
            RegisteredCard(key: "a1", deckFile: "a.deck", prompt: "A one", level: 1),
            RegisteredCard(key: "b1", deckFile: "b.deck", prompt: "B one", level: 2),
        ]
        var calls = 0

        func entries(_ visit: (RegisteredCard) -> Void) {
            calls += 1
            for card in cards { visit(card) }
        }
    }

    @Test func unchangedDecksAreReadOnceAndAChangedFileIsWritten() throws {
        let store = try ProgressStore()
        let counted = CountedCards()
        try store.register(each: counted.entries, at: t0)
        #expect(counted.calls == 2)
        #expect(try store.registeredCards()["b1"]?.prompt == "B one")

        counted.calls = 0
        try store.register(each: counted.entries, at: t0)
        #expect(counted.calls == 1, "unchanged decks were listed again")

        counted.calls = 0
        counted.cards[1].prompt = "B one, edited"
        try store.executeRaw("UPDATE card SET prompt = 'stale' WHERE key = 'a1'")
        try store.register(each: counted.entries, at: t0)
        #expect(counted.calls == 2)
        let registered = try store.registeredCards()
        #expect(registered["b1"]?.prompt == "B one, edited")
        // a.deck's fingerprint was unchanged: its rows were not rewritten.
        #expect(registered["a1"]?.prompt == "stale")
    }

    /// Given the fingerprints, the cards are visited only to list a
    /// changed file's: never when nothing changed.
    @Test func givenFingerprintsTheCardsAreVisitedOnlyToWriteThem() throws {
        let store = try ProgressStore()
        let counted = CountedCards()
        func fingerprints() -> [String: Int64] { RegistryFingerprint.perDeckFile(counted.cards) }
        try store.register(each: counted.entries, at: t0, fingerprints: fingerprints())
        #expect(counted.calls == 1)
        #expect(try store.registeredFingerprints() == fingerprints())
        #expect(try store.registeredCards()["b1"] == counted.cards[1])

        counted.calls = 0
        try store.register(each: counted.entries, at: t0, fingerprints: fingerprints())
        #expect(counted.calls == 0)

        counted.cards[1].level = 3
        try store.register(each: counted.entries, at: t0, fingerprints: fingerprints())
        #expect(counted.calls == 1)
        #expect(try store.registeredCards()["b1"]?.level == 3)
        #expect(try store.registeredFingerprints() == fingerprints())
    }
}
