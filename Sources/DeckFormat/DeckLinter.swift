/// Checks that need several decks at once: the decks studied together
/// share one progress store, so two cards with one id share progress.
public enum DeckLinter {
    /// Duplicate ids across (and within) `decks`, reported at the later card:
    /// an error when either card has an explicit `id:` (two different cards
    /// would share progress), a warning when both ids are derived (the same
    /// prompt written twice).
    public static func lint(_ decks: [Deck]) -> [Diagnostic] {
        guard mayShareIDs(decks) else { return [] }
        return duplicates(decks)
    }

    /// Whether two cards of `decks` may share an id: false only when every
    /// id's hash value differs, which two equal ids' never do. After an
    /// edit of one of ten deck files the lint is computed again over every
    /// card, and a collection without duplicates is the usual one: a table
    /// of hash values holds no string (no retain, no release, no string
    /// compared), where the walk's table of ids was about 7 % of that
    /// start at 100,000 cards. A shared hash value, whether of equal ids
    /// or by chance, leaves the answer to that walk.
    ///
    /// Ids are hashed by their UTF-8 bytes (`Card.withIDBytes`), without
    /// making the string of each id a row of the deck index holds: the
    /// strings and their hashing were nine tenths of this pass (86 million
    /// instructions at 100,000 cards). Bytes stand for the string only
    /// while every id is ASCII: ids equal as Swift compares strings
    /// (canonically) may differ in their bytes once one is not, even when
    /// the other is ASCII (U+212A KELVIN SIGN is `K`). The first id that
    /// is not ASCII sends the whole question to the strings' own hashing.
    static func mayShareIDs(_ decks: [Deck]) -> Bool {
        if let answer = firstSharedHash(decks, hash: asciiBytesHash) { return answer }
        return firstSharedHash(decks) { $0.id.hashValue } ?? true
    }

    /// The hash of `card`'s id from its bytes, or nil when they are not all
    /// ASCII.
    private static func asciiBytesHash(_ card: Card) -> Int? {
        card.withIDBytes { bytes -> Int? in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            // FNV's low bits, which pick the slot, mix poorly (the lowest
            // is the parity of the bytes' lowest): the high half is folded in.
            let hash = fnv1a64(bytes)
            return Int(truncatingIfNeeded: hash ^ (hash >> 29))
        }
    }

    /// Whether two ids of `decks` have one `hash` value; nil when `hash`
    /// gives none for some card.
    private static func firstSharedHash(_ decks: [Deck], hash: (Card) -> Int?) -> Bool? {
        let count = decks.reduce(0) { $0 + $1.cards.count }
        // Open addressing, at most half full; 0 marks a free slot, so a
        // hash value of 0 is taken as 1 (which can only add a collision).
        var capacity = 16
        while capacity < 2 * count { capacity <<= 1 }
        let mask = capacity - 1
        var slots = [Int](repeating: 0, count: capacity)
        // The hash values of a run of ids first, then their slots: with an
        // id's hashing between two reads of the table (2 MB at 100,000
        // cards, each read a miss of the processor's caches), one miss was
        // under way at a time; the slots of a run, read one after the
        // other, overlap theirs. The ids go in in the same order, so the
        // answer is the same.
        var run = [Int](repeating: 0, count: Self.idsPerRun)
        for deck in decks {
            let cards = deck.cards
            var start = cards.startIndex
            while start < cards.endIndex {
                let end = min(start + Self.idsPerRun, cards.endIndex)
                for index in start..<end {
                    guard let value = hash(cards[index]) else { return nil }
                    run[index - start] = value == 0 ? 1 : value
                }
                for value in run[0..<(end - start)] {
                    var slot = value & mask
                    while slots[slot] != 0 {
                        if slots[slot] == value { return true }
                        slot = (slot + 1) & mask
                    }
                    slots[slot] = value
                }
                start = end
            }
        }
        return false
    }

    /// How many ids `mayShareIDs` hashes before reading their slots.
    static let idsPerRun = 64

    /// Every card whose id an earlier card has, as `lint` reports it.
    static func duplicates(_ decks: [Deck]) -> [Diagnostic] {
        // Only where the first card with an id is, as two small integers,
        // in a table sized once: copying whole cards (and then their
        // locations, with a file name to retain) into the table was most
        // of this pass, which runs at every start over every card.
        var first: [CardID: (deck: Int32, card: Int32)] = [:]
        first.reserveCapacity(decks.reduce(0) { $0 + $1.cards.count })
        var diagnostics: [Diagnostic] = []
        for deckIndex in decks.indices {
            let cards = decks[deckIndex].cards
            // By index, so that no whole card is copied (and its fields
            // retained and released) to read its id.
            for cardIndex in cards.indices {
                let here = (deck: Int32(truncatingIfNeeded: deckIndex), card: Int32(truncatingIfNeeded: cardIndex))
                // One probe: the slot is filled with this card's place when
                // the id is new, so another place there means a duplicate.
                let place = Self.value(&first[cards[cardIndex].id, default: here])
                guard place != here else { continue }
                let card = cards[cardIndex]
                let earlier = decks[Int(place.deck)].cards[Int(place.card)]
                if card.hasExplicitID || earlier.hasExplicitID {
                    diagnostics.append(DeckIssue.duplicateID(id: card.id.rawValue, first: earlier.location).at(card.location))
                } else {
                    diagnostics.append(DeckIssue.duplicatePrompt(first: earlier.location).at(card.location))
                }
            }
        }
        return diagnostics
    }

    /// The codes of the findings `lint` gives for two cards sharing an id:
    /// one of them for every card whose id an earlier card has.
    public static let duplicateCodes: Set<String> = [
        DeckIssue.duplicateID(id: "", first: SourceLocation(file: "", line: 0, column: 0)).code,
        DeckIssue.duplicatePrompt(first: SourceLocation(file: "", line: 0, column: 0)).code,
    ]

    /// The value in `slot` (read through an inout access, so a dictionary's
    /// `default:` subscript inserts and reads in one probe).
    private static func value<Value>(_ slot: inout Value) -> Value { slot }
}
