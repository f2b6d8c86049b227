import DeckFormat

/// Which cards a session draws from: some decks or all, optionally one exam
/// level and one tag.
public struct StudyFilter: Hashable, Sendable {
    /// Deck files to study, or nil for every deck.
    public var deckFiles: Set<String>?
    /// Only cards of this level (1–3), or nil for every level.
    public var level: Int?
    /// Only cards carrying this tag (own or section tag), or nil.
    public var tag: String?

    public init(deckFiles: Set<String>? = nil, level: Int? = nil, tag: String? = nil) {
        self.deckFiles = deckFiles
        self.level = level
        self.tag = tag
    }

    /// Everything.
    public static let all = StudyFilter()

    public func includes(deck: Deck) -> Bool {
        deckFiles.map { $0.contains(deck.file) } ?? true
    }

    /// Whether it lets every card of `decks` through, as `.all` does.
    public func letsThroughEveryCard(of decks: [Deck]) -> Bool {
        level == nil && tag == nil && (deckFiles.map { files in decks.allSatisfy { files.contains($0.file) } } ?? true)
    }

    public func includes(card: Card) -> Bool {
        if let level, card.level != level { return false }
        if let tag, !card.allTags.contains(tag) { return false }
        return true
    }
}
