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
