import DeckFormat
import FSRS
import Foundation
import Interchange
import Testing

/// jatta → GIFT → jatta keeps every card exactly; GIFT → jatta → GIFT →
/// jatta too; Aiken keeps every card it can hold.
@Suite struct InterchangeRoundTripTests {
    /// `deck` as read back from `text`, with the original file name so
    /// locations compare.
    static func giftTrip(_ deck: Deck) -> (Deck, ImportResult, String) {
        let exported = GIFTExporter.write([deck])
        var imported = GIFTImporter.read(Array(exported.text.utf8), file: deck.file)
        imported.deck.file = deck.file
        return (imported.deck, imported, exported.text)
    }

    @Test func generatedDecksGoThroughGIFTAndBackUnchanged() {
        for offset in 0..<300 {
            let seed: UInt64 = 0x6769_6674 &+ UInt64(offset)
            var generator = DeckGenerator(random: SeededGenerator(seed: seed))
            // Half the decks name their namespace; in the others the file
            // name scopes the explicit ids.
            let namespace = offset.isMultiple(of: 2) ? nil : "course-\(offset % 7)"
            let deck = generator.deck(file: "generated.deck", namespace: namespace)
            let (back, result, text) = Self.giftTrip(deck)
            #expect(!result.hasErrors, "seed \(seed): \(result.diagnostics.map(\.messageEN))\n\(text)")
            let a = back.withoutLocations, b = deck.withoutLocations
            let firstDifference = zip(a.cards, b.cards).first { $0 != $1 }.map { "\($0)\n≠\n\($1)" } ?? "\(a.cards.count) ≠ \(b.cards.count) cards"
            #expect(a == b, "seed \(seed): \(firstDifference)\n\(text)")
            if a != b { print("DIFF seed \(seed): \(firstDifference)\n\(text)"); return }
        }
    }

    /// Several decks in one GIFT file: each deck's cards keep the level and
    /// deck tags their own deck gave them. The decks are files of one
    /// course (one namespace), so their ids can come back as they were in
    /// one deck file.
    @Test func severalDecksInOneFileKeepTheirOwnDefaults() {
        for offset in 0..<60 {
            var generator = DeckGenerator(random: SeededGenerator(seed: 0x6D_616E_79 &+ UInt64(offset)))
            let decks = [generator.deck(file: "a.deck", namespace: "course"), generator.deck(file: "b.deck", namespace: "course")]
            let exported = GIFTExporter.write(decks)
            let imported = GIFTImporter.read(Array(exported.text.utf8), file: "ab.gift")
            #expect(!imported.hasErrors)
            func essentials(_ cards: [Card]) -> [String] {
                cards.map { "\($0.id) \($0.hasExplicitID) \($0.derivedID) \($0.level) \($0.sectionTags) \($0.tags) \($0.content)" }
            }
            #expect(essentials(imported.deck.cards) == essentials(decks.flatMap(\.cards)), "seed offset \(offset)")
        }
    }

    @Test func moodleExamplesSurviveASecondTrip() throws {
        let first = GIFTImporter.read(try GIFTImportTests.fixture("moodle-examples.gift"), file: "m.gift").deck
        let (second, result, text) = Self.giftTrip(first)
        #expect(!result.hasErrors, "\(text)")
        #expect(second.withoutLocations == first.withoutLocations, "\(text)")
    }

    @Test func bundledDecksGoThroughGIFTAndAikenAndBack() throws {
        let decksFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("decks").path
        let library = DeckLibrary.load(paths: [decksFolder])
        #expect(library.decks.count >= 3)
        var aikenCards = 0
        for deck in library.decks {
            let (back, result, _) = Self.giftTrip(deck)
            #expect(!result.hasErrors)
            #expect(back.withoutLocations == deck.withoutLocations, "\(deck.file)")

            let aiken = AikenExporter.write([deck])
            let holdable = deck.cards.filter { card in
                guard case .choice(let c) = card.content else { return false }
                return c.correctOptions.count == 1 && !([c.question] + c.options.map(\.text)).contains { $0.contains("\n") }
            }
            #expect(aiken.diagnostics.count == deck.cards.count - holdable.count)
            #expect(aiken.diagnostics.allSatisfy { $0.code == "cannot-hold" })
            let read = AikenImporter.read(Array(aiken.text.utf8), file: "a.txt")
            #expect(read.diagnostics.isEmpty)
            #expect(read.deck.cards.map(\.content) == holdable.map(\.content))
            aikenCards += holdable.count
        }
        #expect(aikenCards > 0)
    }

    @Test func generatedChoiceCardsGoThroughAiken() {
        for offset in 0..<100 {
            var generator = DeckGenerator(random: SeededGenerator(seed: 0x61_696B_656E &+ UInt64(offset)))
            let deck = generator.deck(file: "g.deck")
            let exported = AikenExporter.write([deck])
            let read = AikenImporter.read(Array(exported.text.utf8), file: "a.txt")
            #expect(!read.hasErrors, "\(exported.text)")
            let kept = deck.cards.filter { card in
                guard case .choice(let c) = card.content else { return false }
                return c.correctOptions.count == 1 && c.options.count >= 2
                    && !([c.question] + c.options.map(\.text)).contains { $0.contains("\n") }
            }
            #expect(read.deck.cards.map(\.content) == kept.map(\.content), "\(exported.text)")
            // Every card left out is named, at its own place.
            #expect(exported.diagnostics.count == deck.cards.count - kept.count)
        }
    }
}
