import DeckFormat

/// The wrong options of one deck's term questions, made a level at a time
/// as questions need them. A term's wrong options come from its own level
/// and only rarely from the others (a level too small to fill them), so a
/// quiz lists one level's terms, not every term of the deck, and decodes
/// only the definitions it looks at as options.
final class DeckGlossary {
    /// The deck whose terms are the options.
    let deck: Deck
    /// The terms of each level asked so far, in deck order.
    private var byLevel: [Int: [GlossaryEntry]] = [:]
    /// The terms of every level but the key's, in deck order.
    private var otherLevels: [Int: [GlossaryEntry]] = [:]

    init(deck: Deck) { self.deck = deck }

    /// The deck's terms of `level`, in deck order.
    func terms(level: Int) -> [GlossaryEntry] {
        if let made = byLevel[level] { return made }
        let made = QuizGenerator.glossary(of: deck, level: level, same: true)
        byLevel[level] = made
        return made
    }

    /// The deck's terms of every level but `level`, in deck order.
    func terms(otherThan level: Int) -> [GlossaryEntry] {
        if let made = otherLevels[level] { return made }
        let made = QuizGenerator.glossary(of: deck, level: level, same: false)
        otherLevels[level] = made
        return made
    }
}
