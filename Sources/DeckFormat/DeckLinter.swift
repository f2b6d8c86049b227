/// Checks that need several decks at once: the decks studied together
/// share one progress store, so two cards with one id share progress.
public enum DeckLinter {
    /// Duplicate ids across (and within) `decks`, reported at the later card:
    /// an error when either card has an explicit `id:` (two different cards
    /// would share progress), a warning when both ids are derived (the same
    /// prompt written twice).
    public static func lint(_ decks: [Deck]) -> [Diagnostic] {
        var first: [CardID: Card] = [:]
        var diagnostics: [Diagnostic] = []
        for deck in decks {
            for card in deck.cards {
                guard let earlier = first[card.id] else {
                    first[card.id] = card
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
