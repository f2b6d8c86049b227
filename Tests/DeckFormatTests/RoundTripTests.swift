import DeckFormat
import Testing

/// `parse(print(deck)) == deck` over generated decks of every kind.
@Suite struct RoundTripTests {
    @Test func printedDecksParseBackToTheSameDeck() {
        let baseSeed: UInt64 = 0x6A61_7474_61
        for offset in 0..<400 {
            let seed = baseSeed &+ UInt64(offset)
            var generator = DeckGenerator(random: SeededRandom(seed: seed))
            let deck = generator.deck(file: "generated.deck")
            let printed = DeckPrinter.print(deck)
            let parsed = DeckParser.parse(printed, file: "generated.deck")
            let errors = parsed.diagnostics.filter { $0.severity == .error }
            #expect(errors.isEmpty, "seed \(seed): \(errors.map(\.messageEN))\n\(printed)")
            #expect(parsed.deck.withoutLocations == deck.withoutLocations, "seed \(seed):\n\(printed)")
            if parsed.deck.withoutLocations != deck.withoutLocations || !errors.isEmpty { return }
        }
    }

    @Test func printingIsStable() {
        for offset in 0..<100 {
            let seed = UInt64(offset) &* 7919
            var generator = DeckGenerator(random: SeededRandom(seed: seed))
            let printed = DeckPrinter.print(generator.deck(file: "g.deck"))
            let reprinted = DeckPrinter.print(DeckParser.parse(printed, file: "g.deck").deck)
            #expect(printed == reprinted, "seed \(seed)")
        }
    }

    @Test func handWrittenDeckPrintsInCanonicalForm() {
        let messy = """
            #  Дәріс 4
            lang:kk

            ## Глоссарий
            T:Режим   
            D:   Құралдар, нормалар
            \t мен қағидалар жиынтығы.
            tags: a ,b,
            level: 1
            // a comment


            Q: Сұрақ?
            * Иә
            - Жоқ
            """
        let canonical = """
            # Дәріс 4
            lang: kk

            ## Глоссарий

            T: Режим
            D: Құралдар, нормалар
               мен қағидалар жиынтығы.
            tags: a, b

            Q: Сұрақ?
            * Иә
            - Жоқ

            """
        let printed = DeckPrinter.print(DeckParser.parse(messy, file: "m.deck").deck)
        #expect(printed == canonical)
    }
}
