/// Where the instructor's own copy of the decks puts each card, for
/// `jatta class report --deck`: which cards the report keeps, and the
/// `FILE:LINE` it gives them.
///
/// Cards are matched by key, not by deck file name. A student's answers
/// name the deck file as that student's folder spells it (relative to
/// where they synced or ran the quiz), which need not be how the
/// instructor's checkout spells it; a card's key is the same everywhere.
public struct DeckPlaces: Sendable {
    /// A card's place in the instructor's decks.
    public struct Place: Hashable, Sendable {
        /// The deck file as the instructor named it.
        public var file: String
        /// The card's line in that file.
        public var line: Int

        public init(file: String, line: Int) {
            self.file = file
            self.line = line
        }
    }

    /// Every face key of the decks, with its card's place.
    public var byKey: [String: Place]

    public init(byKey: [String: Place]) { self.byKey = byKey }

    /// `card` as the report shows it: nil when the decks do not hold it,
    /// else with the instructor's file and line.
    func placed(_ card: ClassReportBuilder.CardTally) -> ClassReportBuilder.CardTally? {
        guard let place = byKey[card.key] else { return nil }
        var card = card
        card.deckFile = place.file
        card.line = place.line
        return card
    }
}
