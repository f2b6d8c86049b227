import FSRS
import Foundation
import Testing

@testable import DeckFormat

/// `jatta fmt` (issue 11): safe repairs in place, never a changed identity.
@Suite struct DeckFormatterTests {
    @Test func repairsLettersMarkersSpacingAndFieldOrder() throws {
        let text = """
            # Дәріс
            namespace: ir
            lang:kk

            // түсініктеме қалады
            Т: Кӛшпенділер
            D:  Acтана маңындағы тайпалар.   
            id: nomads
            tags: тарих
            level: 2

            Q; Неше?
            *3
            – төрт
            source:notes.txt:4

            Q: HATO қашан құрылды?
            A: 1949

            """
        let before = DeckParser.parse(text, file: "ir.deck")
        let result = DeckFormatter.format(Array(text.utf8), file: "ir.deck")
        #expect(!result.refused)
        let expected = """
            # Дәріс
            namespace: ir
            lang: kk

            // түсініктеме қалады
            T: Көшпенділер
            D: Астана маңындағы тайпалар.
            level: 2
            tags: тарих
            id: nomads

            Q: Неше?
            * 3
            - төрт
            source: notes.txt:4

            Q: HATO қашан құрылды?
            A: 1949

            """
        #expect(String(decoding: result.bytes, as: UTF8.self) == expected)
        let after = DeckParser.parse(result.bytes, file: "ir.deck")
        #expect(after.deck.cards.map(\.id) == before.deck.cards.map(\.id))
        // What is left is the one thing fmt must not decide: HATO.
        #expect(after.diagnostics.map(\.code) == ["latin-word"])
        #expect(result.changes.map(\.line) == [3, 6, 6, 7, 7, 8, 12, 13, 14, 15])
        // Formatting again changes nothing.
        #expect(DeckFormatter.format(result.bytes, file: "ir.deck").changes.isEmpty)
    }

    /// `order:` is a header key fmt knows: spaced like the others, value kept,
    /// and printed back by the printer; an unknown value is a warning at it.
    @Test func theOrderHeaderIsKeptByFmtAndAnUnknownValueIsAWarning() throws {
        let text = "# Дәріс\norder:file\n\nQ: Неше?\nA: 3\n"
        let result = DeckFormatter.format(Array(text.utf8), file: "o.deck")
        #expect(!result.refused)
        let formatted = String(decoding: result.bytes, as: UTF8.self)
        #expect(formatted == "# Дәріс\norder: file\n\nQ: Неше?\nA: 3\n")
        let parsed = DeckParser.parse(result.bytes, file: "o.deck")
        #expect(parsed.diagnostics.isEmpty)
        #expect(parsed.deck.newCardOrder == .file)
        #expect(DeckPrinter.print(parsed.deck).contains("\norder: file\n"))

        let typo = DeckParser.parse("# Дәріс\norder: fiel\n\nQ: Неше?\nA: 3\n", file: "o.deck")
        let warning = try #require(typo.diagnostics.first)
        #expect(typo.diagnostics.map(\.code) == ["unknown-order"])
        #expect(warning.severity == .warning)
        #expect((warning.location.line, warning.location.column) == (2, 8))
        #expect(warning.messageEN == "unknown order 'fiel'; write mixed or file (mixed is used)")
        #expect(typo.deck.newCardOrder == .mixed)
    }

    /// `-5 градус` under an answer may be its wrapped text's negative
    /// number: fmt made it `- 5 градус`, a key point, the minus gone. A
    /// dash before a digit is left to the author (check still says it);
    /// before a letter it is repaired as before.
    /// A file of lone CRs is repaired line by line as the parser reads
    /// it; split at LF it was one line, the repairs were reported and
    /// none was written, so `fmt --check` failed for ever.
    @Test func aFileOfLoneCRsIsRepairedWithItsLineEnds() {
        let result = DeckFormatter.format(Array("# T\rQ;  Неше?\rA :үш\r".utf8), file: "mac.deck")
        #expect(String(decoding: result.bytes, as: UTF8.self) == "# T\rQ: Неше?\rA: үш\r")
        #expect(!result.changes.isEmpty)
        #expect(DeckFormatter.format(result.bytes, file: "mac.deck").changes.isEmpty)
    }

    @Test func aDashBeforeADigitIsNotMadeAnOption() {
        let text = "Q: Алматыда қаңтардағы орташа температура қанша?\nA: шамамен\n-5 градус\n\nQ: b?\n*1949\n-x\n"
        let result = DeckFormatter.format(Array(text.utf8), file: "n.deck")
        #expect(String(decoding: result.bytes, as: UTF8.self).contains("\n-5 градус\n"))
        #expect(String(decoding: result.bytes, as: UTF8.self).contains("\n* 1949\n- x\n"))
        #expect(DeckParser.parse(Array(text.utf8), file: "n.deck").diagnostics.contains {
            $0.code == "option-without-space" && $0.location.line == 3
        })
    }

    /// The safety net: the ids before are the ids after, over the bundled
    /// decks and generated decks with look-alikes and loose spacing planted.
    @Test func identityNeverChanges() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        var texts: [(String, [UInt8])] = []
        for name in ["000-kazakhstan-foreign-policy", "002-alternative-concepts", "kazakhstan-facts"] {
            let path = root.appendingPathComponent("decks/\(name).deck").path
            texts.append((path, try #require(FileManager.default.contents(atPath: path).map { [UInt8]($0) })))
        }
        for seed in 0..<150 {
            var generator = DeckGenerator(random: SeededGenerator(seed: UInt64(seed)))
            var printed = DeckPrinter.print(generator.deck(file: "generated.deck"))
            // Plant what fmt repairs: look-alikes, ӛ, loose spacing.
            printed = printed.replacingOccurrences(of: "а", with: seed % 2 == 0 ? "a" : "а")
                .replacingOccurrences(of: "ө", with: "ӛ").replacingOccurrences(of: "level: ", with: "level:")
                .replacingOccurrences(of: "\n* ", with: "\n*  ").replacingOccurrences(of: "\nC: ", with: "\nС: ")
            texts.append(("generated.deck", Array(printed.utf8)))
        }
        var changedFiles = 0
        for (file, bytes) in texts {
            let before = DeckParser.parse(bytes, file: file).deck.cards.map(\.id)
            let result = DeckFormatter.format(bytes, file: file)
            #expect(!result.refused, "\(file)")
            let after = DeckParser.parse(result.bytes, file: file).deck.cards.map(\.id)
            #expect(after == before, "\(file)")
            if !result.changes.isEmpty { changedFiles += 1 }
        }
        #expect(changedFiles > 100)
    }
}
