import Foundation

/// A card the store has seen: where it came from and what it asked. The
/// registry lets counts, new-card queues and history work without the deck
/// files at hand.
public struct RegisteredCard: Hashable, Sendable {
    /// The progress key.
    public var key: String
    /// The deck file the card came from, as the caller names it (jatta
    /// names each file once, whatever spelling was typed: docs/
    /// progress-store.md, "Deck file names").
    public var deckFile: String
    /// The prompt shown to the student.
    public var prompt: String
    /// The exam level (1–3), if the deck gives one.
    public var level: Int?

    /// Creates a registry entry.
    public init(key: String, deckFile: String, prompt: String, level: Int? = nil) {
        self.key = key
        self.deckFile = deckFile
        self.prompt = prompt
        self.level = level
    }
}
