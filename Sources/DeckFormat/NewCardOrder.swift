/// How a deck's new cards are introduced, as its `order:` header says.
public enum NewCardOrder: String, Hashable, Sendable, CaseIterable {
    /// Levels in exam order (1, 2, 3), interleaved with the other decks and
    /// across card kinds: the default (`order: mixed`, or no `order:`).
    case mixed
    /// The file's own order, for an instructor who built the deck as a
    /// sequence (`order: file`); the deck still takes turns with the others.
    case file
}

extension Deck {
    /// The deck's new-card order: `order:` when it names one, else mixed (an
    /// unknown value is a warning from the parser and falls back to mixed).
    public var newCardOrder: NewCardOrder {
        metadata("order").flatMap(NewCardOrder.init(rawValue:)) ?? .mixed
    }
}
