/// Checks that need several decks at once: the decks studied together
/// share one progress store, so two cards with one id share progress.
public enum DeckLinter {
    /// Duplicate ids across (and within) `decks`, reported at the later card:
    /// an error when either card has an explicit `id:` (two different cards
    /// would share progress), a warning when both ids are derived (the same
    /// prompt written twice).
    public static func lint(_ decks: [Deck]) -> [Diagnostic] {
        // Only what a duplicate's message needs of the first card, in a
        // table sized once: copying whole cards into a growing table was
        // most of this pass, which runs at every start over every card.
        var first: [CardID: (location: SourceLocation, hasExplicitID: Bool)] = [:]
        first.reserveCapacity(decks.reduce(0) { $0 + $1.cards.count })
        var diagnostics: [Diagnostic] = []
        for deck in decks {
            for card in deck.cards {
                guard let earlier = first[card.id] else {
                    first[card.id] = (card.location, card.hasExplicitID)
                    continue
                }
                if card.hasExplicitID || earlier.hasExplicitID {
                    diagnostics.append(DeckIssue.duplicateID(id: card.id.rawValue, first: earlier.location).at(card.location))
                } else {
                    diagnostics.append(DeckIssue.duplicatePrompt(first: earlier.location).at(card.location))
                }
            }
        }
        return diagnostics
    }
}
