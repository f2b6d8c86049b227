import DeckFormat
import FSRS
import Testing

@testable import Study

/// A quiz draws its cards one at a time (`QuizDraw`) instead of listing
/// every card it may ask and shuffling the list.
struct QuizDrawTests {
    /// Decks of `sizes` cards each (empty ones too).
    static func decks(_ sizes: [Int]) -> [Deck] {
        sizes.enumerated().map { d, size in
            Deck(
                file: "d\(d).deck",
                cards: (0..<size).map { c in
                    Card(
                        id: CardID(rawValue: "q-\(d)-\(c)"),
                        content: .question(QuestionCard(question: "Q \(d) \(c)", answer: "A")),
                        location: SourceLocation(file: "d\(d).deck", line: c + 1))
                })
        }
    }

    /// The draws are a Fisher–Yates shuffle from the front, made lazily:
    /// drawn to the end they are the order a whole shuffle of every card's
    /// place gives with the same generator (written out here on an array),
    /// every card exactly once, whatever the decks' sizes.
    @Test(arguments: [[1], [7], [0, 5, 0, 3], [40, 1, 0, 17, 200], [1000]])
    func drawnToTheEndTheyAreAWholeShuffle(sizes: [Int]) {
        let decks = Self.decks(sizes)
        var starts = [0]
        for size in sizes { starts.append(starts.last! + size) }
        let total = starts.last!
        for seed: UInt64 in 0..<20 {
            var shuffled = Array(0..<total)
            var reference = SeededGenerator(seed: seed)
            for front in 0..<total {
                let chosen = front + reference.below(total - front)
                shuffled.swapAt(front, chosen)
            }
            var draw = QuizDraw(decks)
            var rng = SeededGenerator(seed: seed)
            var drawn: [Int] = []
            while let place = draw.next(rng: &rng) {
                #expect(place.card < sizes[place.deck])
                drawn.append(starts[place.deck] + place.card)
            }
            #expect(drawn == shuffled, "sizes \(sizes), seed \(seed)")
            #expect(Set(drawn).count == total)
            #expect(draw.next(rng: &rng) == nil)
        }
    }

    /// Each card is as likely as any other to be drawn first, and a card
    /// passed over leaves the others as likely: over 6,000 seeds each of
    /// six cards comes first about a sixth of the time.
    @Test func everyCardIsAsLikelyToComeFirst() {
        let decks = Self.decks([2, 0, 4])
        var first = [Int: Int]()
        var second = [Int: Int]()
        for seed: UInt64 in 0..<6_000 {
            var draw = QuizDraw(decks)
            var rng = SeededGenerator(seed: seed)
            let a = draw.next(rng: &rng)!
            let b = draw.next(rng: &rng)!
            first[a.deck * 10 + a.card, default: 0] += 1
            second[b.deck * 10 + b.card, default: 0] += 1
        }
        let cards = [0, 1, 20, 21, 22, 23]
        #expect(Set(first.keys) == Set(cards) && Set(second.keys) == Set(cards))
        for card in cards {
            #expect((850...1150).contains(first[card]!), "card \(card) first \(first[card]!) times")
            #expect((850...1150).contains(second[card]!), "card \(card) second \(second[card]!) times")
        }
    }

    /// A quiz asks the cards its level picks, each once, and all of them
    /// when it asks for more than there are; cards of other levels are
    /// drawn and passed over.
    @Test func aQuizAsksOnlyAndAllTheCardsItsSettingsPick() {
        var decks = Self.decks([30, 0, 45])
        for d in decks.indices {
            for c in decks[d].cards.indices { decks[d].cards[c].level = 1 + (c + d) % 3 }
        }
        let level2 = decks.flatMap(\.cards).filter { $0.level == 2 }.map(\.id)
        for seed: UInt64 in 0..<10 {
            let all = QuizGenerator.generate(from: decks, settings: QuizSettings(level: 2, count: 500, seed: seed))
            #expect(all.map(\.card.id).sorted { $0.rawValue < $1.rawValue } == level2.sorted { $0.rawValue < $1.rawValue })
            let five = QuizGenerator.generate(from: decks, settings: QuizSettings(level: 2, count: 5, seed: seed))
            #expect(five.count == 5 && five.allSatisfy { $0.card.level == 2 })
            #expect(five.map(\.number) == [1, 2, 3, 4, 5])
        }
    }
}
