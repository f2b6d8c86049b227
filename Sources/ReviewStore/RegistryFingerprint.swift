import FSRS

/// A 64-bit summary of what registering a deck file's cards writes (each
/// card's key, deck file, prompt and level, in order), kept per deck file in
/// `registered_deck`: when a start registers the same cards again the
/// summary is equal and the registry is left as it is, so an unchanged
/// collection of 100,000 cards costs one small query instead of 100,000
/// look-ups. Deterministic across runs (unlike `Hasher`), eight bytes at a
/// time.
struct RegistryFingerprint {
    /// The running hash.
    private(set) var value: UInt64 = 0x243F_6A88_85A3_08D3

    mutating func add(_ card: RegisteredCard) {
        add(card.key)
        add(card.deckFile)
        add(card.prompt)
        add(UInt64(bitPattern: Int64(card.level ?? Int.min)))
    }

    mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            add(UInt64(bytes.count))
            var word: UInt64 = 0
            var filled = 0
            for byte in bytes {
                word |= UInt64(byte) << UInt64(8 * filled)
                filled += 1
                if filled == 8 {
                    add(word)
                    word = 0
                    filled = 0
                }
            }
            if filled > 0 { add(word) }
        }
    }

    /// Mixes one word in with the project's SplitMix64 step.
    mutating func add(_ word: UInt64) {
        var mixer = SeededGenerator(seed: value ^ word)
        value = mixer.next()
    }

    /// The fingerprint of each deck file's cards, in the order given.
    static func perDeckFile(_ cards: [RegisteredCard]) -> [String: Int64] {
        var running = PerDeckFile()
        for card in cards { running.add(card) }
        return running.fingerprints
    }

    /// The running fingerprints of each deck file, fed card by card. Cards
    /// come deck by deck: the running fingerprint is looked up only when
    /// the deck file changes, not at every card.
    struct PerDeckFile {
        /// The finished runs, by deck file (the current one not yet in).
        private var finished: [String: RegistryFingerprint] = [:]
        /// The deck file of the card fed last.
        private var file: String?
        /// That file's running fingerprint.
        private var current = RegistryFingerprint()

        mutating func add(_ card: RegisteredCard) {
            if card.deckFile != file {
                if let file { finished[file] = current }
                file = card.deckFile
                current = finished[card.deckFile] ?? RegistryFingerprint()
            }
            current.add(card)
        }

        /// Each deck file's fingerprint of the cards fed so far.
        var fingerprints: [String: Int64] {
            var all = finished
            if let file { all[file] = current }
            return all.mapValues { Int64(bitPattern: $0.value) }
        }
    }
}
