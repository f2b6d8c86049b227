import DeckFormat
import FSRS
import Testing

/// `parse(print(deck)) == deck` over generated decks of every kind.
@Suite struct RoundTripTests {
    @Test func printedDecksParseBackToTheSameDeck() {
        let baseSeed: UInt64 = 0x6A61_7474_61
        for offset in 0..<400 {
            let seed = baseSeed &+ UInt64(offset)
            var generator = DeckGenerator(random: SeededGenerator(seed: seed))
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
            var generator = DeckGenerator(random: SeededGenerator(seed: seed))
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

    /// A deck built in code may hold line breaks where the format has one
    /// line; the printer still writes a deck that reads without errors.
    @Test func lineBreaksInOneLineValuesArePrintedAsSpaces() {
        let card = Card(
            id: CardID(rawValue: "a"), hasExplicitID: true,
            content: .question(QuestionCard(question: "Сұрақ\nекі жол", answer: "Жауап")), tags: ["бір\nтег"],
            sectionTags: ["Бөлім\nаты"], source: "notes.txt\n:12", location: SourceLocation(file: "c", line: 1))
        let deck = Deck(file: "c", title: "Тақырып\r\nекінші\u{0B}", metadata: [MetadataEntry(key: "lang", value: "kk\n")], cards: [card])
        let parsed = DeckParser.parse(DeckPrinter.print(deck), file: "c")
        #expect(parsed.diagnostics.filter { $0.severity == .error }.map(\.code) == [])
        #expect(parsed.deck.title == "Тақырып екінші\u{0B}")
        #expect(parsed.deck.cards.first?.sectionTags == ["Бөлім аты"])
        #expect(parsed.deck.cards.first?.tags == ["бір тег"])
        #expect(parsed.deck.cards.first?.prompt == "Сұрақ\nекі жол")
    }

    /// Found by scripts/fuzz-parse.sh: a CR or a vertical tab inside a
    /// line is text, and printing must keep it.
    @Test func controlCharactersInsideALineSurvivePrinting() {
        let text = "# Тақырып\rекінші\u{0B}үшінші\n## Бөлім\u{0C}\nQ: a\rb\nA: c\u{0B}\ntags: x\ry"
        let parsed = DeckParser.parse(text, file: "c")
        #expect(parsed.deck.title == "Тақырып\rекінші\u{0B}үшінші")
        let reparsed = DeckParser.parse(DeckPrinter.print(parsed.deck), file: "c")
        #expect(reparsed.deck.withoutLocations == parsed.deck.withoutLocations)
    }

    /// Found by the parse fuzz target: a continuation line that starts with
    /// a combining mark (or a text line ending in CR) hid its line break
    /// from the printer, which then wrote the next line unindented, and the
    /// card no longer read back.
    @Test func aContinuationLineStartingWithACombiningMarkStaysIndented() {
        let text = "T: Ұлттар Лигасы\nD: жаһандық сипатқа ие\n   \u{05B1}олған ұйым.\n\nQ: a\r\n   b\nA: c\n"
        let parsed = DeckParser.parse(text, file: "c")
        #expect(parsed.deck.cards.count == 2)
        let reparsed = DeckParser.parse(DeckPrinter.print(parsed.deck), file: "c")
        #expect(reparsed.diagnostics.filter { $0.severity == .error }.isEmpty)
        #expect(reparsed.deck.withoutLocations == parsed.deck.withoutLocations)
    }
}
