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

    /// A deck the store names is left once its own keys are found, and read
    /// on only for keys found nowhere else: a card the store names by
    /// another deck file than the one holding it (moved, in either
    /// direction, before or after the place where the deck was left) is
    /// still found, as is one whose named deck was not read.
    @Test func aDeckLeftEarlyIsReadOnForKeysFoundNowhereElse() throws {
        func deck(_ file: String, _ prompts: [String]) -> Deck {
            DeckParser.parse(Array(prompts.map { "Q: \($0)?\nA: иә\n" }.joined(separator: "\n").utf8), file: file).deck
        }
        let a = deck("decks/a.deck", ["Бір", "Екі", "Үш", "Төрт"])
        let b = deck("decks/b.deck", ["Бес", "Алты", "Жеті"])
        let c = deck("decks/c.deck", ["Сегіз"])
        func key(_ d: Deck, _ i: Int) -> String { d.cards[i].faces[0].key }
        let hardest = [
            Self.hard(key(a, 0), deckFile: "decks/a.deck"),
            // Named b, found while a is read through (b's next one, named a, is not in a).
            Self.hard(key(a, 3), deckFile: "decks/b.deck"),
            // Named a: b is left after its first card, which ends b's own,
            // and read on from there once every deck was read.
            Self.hard(key(b, 2), deckFile: "decks/a.deck"),
            Self.hard(key(b, 0), deckFile: "decks/b.deck"),
            Self.hard(key(c, 0), deckFile: "decks/gone.deck"),  // its named deck was not read
        ]
        let placed = StatisticsLoading.withLines(hardest, decks: [a, b, c])
        let lines = [a.cards[0], a.cards[3], b.cards[2], b.cards[0], c.cards[0]].map { Optional($0.location.line) }
        #expect(placed.map(\.line) == lines)
        #expect(Set(lines).count > 2)
    }

    /// The quick refusal before the set of beginnings never refuses a
    /// true beginning of a key (ASCII, Kazakh, emoji, the whole key), and
    /// refuses ids whose last byte at their length no key has.
    @Test func theQuickRefusalNeverRefusesABeginning() {
        let keys = ["choice-01541b068134", "lecture-0:cloze-1004#2", "қазақ-сөз:r", "💡x", "a"]
        var ends = KeyBeginningEnds()
        for key in keys { ends.add(key) }
        var generator = SystemRandomNumberGenerator()
        for key in keys {
            let bytes = Array(key.utf8)
            for end in 1...bytes.count {
                // Cut inside a letter too: ids are whole strings, but the rule is about bytes.
                let id = String(decoding: bytes[..<end], as: UTF8.self)
                if Array(id.utf8) == Array(bytes[..<end]) { #expect(ends.mayBegin(id), "\(id)") }
            }
        }
        #expect(!ends.mayBegin("choice-01541b068135"))
        #expect(!ends.mayBegin("lecture-2"))
        #expect(!ends.mayBegin(String(repeating: "z", count: 40)))
        // Random ids: whatever it lets through includes every real beginning.
        let alphabet = Array("abcehilortu-0123456789:#қз")
        for _ in 0..<2000 {
            let id = String((0..<Int.random(in: 1...8, using: &generator)).map { _ in
                alphabet.randomElement(using: &generator)!
            })
            if keys.contains(where: { $0.hasPrefix(id) }) { #expect(ends.mayBegin(id), "\(id)") }
        }
    }
}
