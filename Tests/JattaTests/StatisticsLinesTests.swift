import DeckFormat
import Foundation
@testable import Study
import Testing

@testable import jatta

/// The hardest cards' deck lines are looked up for their keys only (a
/// face's key begins with its card's id): every face must still be found,
/// the reverse face of a term too, in a deck read under another file name.
@Suite struct StatisticsLinesTests {
    static func hard(_ key: String, deckFile: String) -> StudyStatistics.HardCard {
        StudyStatistics.HardCard(key: key, deckFile: deckFile, line: nil, prompt: key, lapses: 1, retrievability: 0.5)
    }

    @Test func everyHardCardsLineIsFoundWhereverItsDeckWasRead() throws {
        let text = "Q: Астанасы?\nA: Астана\n\nT: Режим\nD: Нормалар жиынтығы.\n\nQ: Алматы?\nA: Оңтүстікте\n"
        let deck = DeckParser.parse(Array(text.utf8), file: "elsewhere/u.deck").deck
        let other = DeckParser.parse(Array("Q: Бір?\nA: Екі\n".utf8), file: "decks/v.deck").deck
        let faces = deck.cards.flatMap { card in card.faces.map { ($0.key, card.location.line) } }
        #expect(faces.count == 4)  // the term has two faces
        // The store named the deck by another path: found all the same.
        let hardest = faces.map { Self.hard($0.0, deckFile: "decks/u.deck") } + [Self.hard("gone", deckFile: "decks/u.deck")]
        let placed = StatisticsLoading.withLines(hardest, decks: [other, deck])
        #expect(placed.map(\.line) == faces.map { Optional($0.1) } + [nil])
        #expect(Set(faces.map(\.1)).count == 3)
    }
}
