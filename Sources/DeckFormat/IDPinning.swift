/// Writes each card's current identity into its deck file as an `id:`
/// line (`jatta pin-ids`), so that rewording a prompt later keeps the
/// card's progress. Every byte of the file stays as it was; only lines are
/// added: `id: DERIVED-ID` after the last line of each card that has no
/// `id:`, and `namespace: NAME` in the header when the deck has none (the
/// file's name, which scoped its ids already, so no id changes meaning).
///
/// A pinned card's id becomes `NAMESPACE:DERIVED-ID`; its progress, kept
/// under the derived id, is handed over when a student next opens the deck
/// (`Card.formerIDs`).
public enum IDPinning {
    /// One `id:` line written.
    public struct Pin: Hashable, Sendable {
        /// The first line of the card it was written to.
        public var line: Int
        /// The id written.
        public var id: String
    }

    /// What pinning one file did.
    public struct Result: Hashable, Sendable {
        /// The file's new bytes.
        public var bytes: [UInt8]
        /// The ids written, in file order.
        public var pinned: [Pin] = []
        /// The `namespace:` line added, if any.
        public var addedNamespace: String?
        /// First lines of cards not pinned because another card has the
        /// same derived id (one prompt twice, in this file or in another
        /// of the same namespace): one `id:` for both would be an error.
        public var skippedDuplicates: [Int] = []
    }

    /// Pins the cards of the deck file whose bytes are `bytes`. `taken`:
    /// the ids (unscoped) that other files of this deck's namespace hold
    /// or would be pinned to (`takenElsewhere`).
    public static func pin(_ bytes: [UInt8], file: String, taken: Set<String> = []) -> Result {
        let deck = DeckParser.parse(bytes, file: file).deck
        var derivedCount: [CardID: Int] = [:]
        for card in deck.cards where !card.hasExplicitID { derivedCount[card.id, default: 0] += 1 }
        var edits: [FixIt.Edit] = []
        var result = Result(bytes: bytes)
        for card in deck.cards where !card.hasExplicitID {
            if derivedCount[card.id, default: 0] > 1 || taken.contains(card.id.rawValue) {
                result.skippedDuplicates.append(card.location.line)
                continue
            }
            edits.append(.insertLine(after: card.lastLine, text: "id: " + card.id.rawValue))
            result.pinned.append(Pin(line: card.location.line, id: card.id.rawValue))
        }
        let hasExplicit = deck.cards.contains(where: \.hasExplicitID) || !result.pinned.isEmpty
        if hasExplicit, deck.metadata("namespace") == nil {
            let namespace = CardID.defaultNamespace(file: file)
            edits.append(.insertLine(after: headerEnd(bytes), text: "namespace: " + namespace))
            result.addedNamespace = namespace
        }
        if !edits.isEmpty { result.bytes = LineEdits.apply(edits, to: bytes) }
        return result
    }

    /// For each deck file, the ids (unscoped) that another deck also holds:
    /// an explicit one of its namespace, or the derived id pinning would
    /// write, in any file. One prompt in two files of a namespace, both
    /// pinned, was one id twice, an error that left one card unasked; in two
    /// files of two namespaces, the two cards shared one derived id and its
    /// progress, and pinned, the first card opened took the progress and the
    /// other began anew.
    public static func takenElsewhere(in decks: [Deck]) -> [String: Set<String>] {
        var holders: [String: Set<String>] = [:]
        func namespace(_ deck: Deck) -> String { deck.metadata("namespace") ?? CardID.defaultNamespace(file: deck.file) }
        /// Each card's id as pinning meets it, with what makes two of them
        /// one: an explicit id with its namespace, a derived id alone (it is
        /// the same key in every file).
        func ids(_ deck: Deck) -> [(id: String, holder: String)] {
            deck.cards.map { card in
                card.hasExplicitID
                    ? ((CardID.unscoped(card.id) ?? card.id).rawValue, namespace(deck) + "\u{0}" + (CardID.unscoped(card.id) ?? card.id).rawValue)
                    : (card.id.rawValue, "\u{0}" + card.id.rawValue)
            }
        }
        for deck in decks {
            for (_, holder) in ids(deck) { holders[holder, default: []].insert(deck.file) }
        }
        var taken: [String: Set<String>] = [:]
        for deck in decks {
            taken[deck.file] = Set(ids(deck).filter { holders[$0.holder, default: []].count > 1 }.map(\.id))
        }
        return taken
    }

    /// The last line of the deck's header (title, metadata and their
    /// continuations, before the first section or card), or 0 when the
    /// file starts with a section or card.
    static func headerEnd(_ bytes: [UInt8]) -> Int {
        let lines = TextEncoding.lines(of: bytes)
        return bytes.withUnsafeBufferPointer { buffer in
            var last = 0
            for (index, line) in lines.enumerated() {
                switch Line.classify(buffer, line.start, Line.contentEnd(buffer, line.start, line.contentEnd)) {
                case .blank, .comment: break
                case .heading(let level, _) where level == 1: last = index + 1
                case .field, .continuation: last = index + 1
                default: return last
                }
            }
            return last
        }
    }
}
