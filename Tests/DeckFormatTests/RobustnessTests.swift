import Foundation
import FSRS
import Testing

@testable import DeckFormat

/// Input no deck should contain still parses: no crash, no hang, a
/// diagnostic with its place, and the rest of the file read.
@Suite struct RobustnessTests {
    @Test func emptyFile() {
        let parsed = DeckParser.parse([UInt8](), file: "empty.deck")
        #expect(parsed.deck.cards.isEmpty)
        #expect(parsed.diagnostics.isEmpty)
        #expect(parsed.deck.title == nil)
    }

    @Test func onlyABOM() {
        let parsed = DeckParser.parse([0xEF, 0xBB, 0xBF], file: "bom.deck")
        #expect(parsed.deck.cards.isEmpty)
        #expect(parsed.diagnostics.isEmpty)
    }

    @Test func invalidUTF8IsReportedAtItsPlaceAndTheRestParses() throws {
        // "Q: Ал" + 0xFF + "ма?" on line 2; column counts scalars: Q : space А л → the bad byte is the 6th.
        var bytes = Array("T: Режим\nQ: Ал".utf8) + [0xFF] + Array("ма?\nA: Алма\n\nQ: Екінші?\nA: Иә".utf8)
        bytes += [0xC3]  // a truncated sequence at the very end
        let parsed = DeckParser.parse(bytes, file: "bad.deck")
        let invalid = parsed.diagnostics.filter { $0.code == "invalid-utf8" }
        #expect(invalid.map(\.location.line) == [2, 6])
        #expect(invalid.first?.location.column == 6)
        #expect(invalid.allSatisfy { $0.severity == .error && !$0.messageKK.isEmpty && !$0.messageEN.isEmpty })
        let prompts = parsed.deck.cards.map(\.prompt)
        #expect(prompts.contains("Ал\u{FFFD}ма?"))
        #expect(parsed.deck.cards.last?.answer == "Иә\u{FFFD}")
    }

    @Test func overlongAndSurrogateEncodingsAreInvalid() {
        for bad: [UInt8] in [[0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x80], [0xFE]] {
            let parsed = DeckParser.parse(Array("Q: a".utf8) + bad + Array("\nA: b".utf8), file: "x")
            #expect(parsed.diagnostics.map(\.code).contains("invalid-utf8"), "\(bad)")
            #expect(parsed.diagnostics.first?.location.column == 5, "\(bad)")
        }
    }

    @Test func nulBytesAfterTheProbeAreReportedAndReplaced() {
        let padding = String(repeating: "// түсініктеме\n", count: 700)  // > 8000 bytes
        let bytes = Array(padding.utf8) + Array("Q: a".utf8) + [0] + Array("b?\nA: c".utf8)
        let parsed = DeckParser.parse(bytes, file: "nul.deck")
        #expect(parsed.diagnostics.map(\.code) == ["nul-byte"])
        #expect(parsed.diagnostics.first?.location == SourceLocation(file: "nul.deck", line: 701, column: 5))
        #expect(parsed.deck.cards.first?.prompt == "a\u{FFFD}b?")
    }

    /// Random lines built from the format's own line starts: most of them
    /// make cards, so printing gets exercised on odd but real decks.
    @Test func randomLinesPrintBackToTheSameDeck() {
        let starts = [
            "Q: ", "T: ", "C: ", "A: ", "D: ", "* ", "- ", "*", "-", "   ", "\t", "level: ", "level: 2", "tags: ", "id: ",
            "alt: ", "source: ", "# ", "## ", "### ", "// ", "", "lang: ", "author: ", "С: ", "А: ", "x: ", "Q:", "  \r",
        ]
        let alphabet = Array("аәбқңөұүһі {}|\\,.:;?!«»-—*#/ \t\rAcoxTQ1234567890\u{FFFD}ӛ".unicodeScalars)
        var totalCards = 0
        for seed in 0..<1500 {
            var random = SeededGenerator(seed: UInt64(seed) &+ 1_000_000)
            var text = ""
            // Whole cards most of the time, stray lines in between.
            let cards = [["Q: ", "A: "], ["Q: ", "* ", "- "], ["Q: ", "A: ", "- ", "- "], ["T: ", "D: "], ["C: {", "   "]]
            var lines: [String] = []
            for _ in 0..<Int.random(in: 0...20, using: &random) {
                if Int.random(in: 0..<10, using: &random) < 6 {
                    lines += cards[Int.random(in: 0..<cards.count, using: &random)]
                } else {
                    lines.append(starts[Int.random(in: 0..<starts.count, using: &random)])
                }
            }
            for start in lines {
                text += start
                for _ in 0..<Int.random(in: 1...12, using: &random) {
                    text.unicodeScalars.append(alphabet[Int.random(in: 0..<alphabet.count, using: &random)])
                }
                if start == "C: {" { text += "}" }
                text += Bool.random(using: &random) ? "\n" : "\r\n"
            }
            let parsed = DeckParser.parse(text, file: "lines.deck")
            totalCards += parsed.deck.cards.count
            let printed = DeckPrinter.print(parsed.deck)
            let reparsed = DeckParser.parse(printed, file: "lines.deck")
            #expect(reparsed.deck.withoutLocations == parsed.deck.withoutLocations, "seed \(seed)\n\(text)\n---\n\(printed)")
            if reparsed.deck.withoutLocations != parsed.deck.withoutLocations { return }
        }
        #expect(totalCards > 3000)
    }

    @Test func aBinaryFileIsOneError() {
        var random = SeededGenerator(seed: 7)
        let bytes = (0..<100_000).map { _ in UInt8.random(in: 0...255, using: &random) }
        let parsed = DeckParser.parse(bytes, file: "random.bin")
        #expect(parsed.diagnostics.map(\.code) == ["binary-file"])
        #expect(parsed.deck.cards.isEmpty)
    }

    @Test func randomBytesWithoutNULNeverCrash() {
        for seed in 0..<1000 {
            var random = SeededGenerator(seed: UInt64(seed))
            let length = Int.random(in: 0...4000, using: &random)
            // Bytes drawn mostly from the format's own characters, so the
            // parser goes down every path, not only the invalid-UTF-8 one.
            let alphabet = Array("QTCAD:*-#/ \t\n\r{}|\\levtagsidrcuçқә".utf8) + [0xFF, 0xD0, 0xA1, 0xEF, 0xBB, 0xBF]
            let bytes = (0..<length).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &random)] }
            let parsed = DeckParser.parse(bytes, file: "fuzz.deck")
            #expect(parsed.diagnostics.count <= DeckParser.diagnosticsPerFile + 1)
            for d in parsed.diagnostics {
                #expect(d.location.line >= 1 && d.location.column >= 1, "seed \(seed): \(d)")
            }
            // Whatever was read prints back to the same deck.
            let reparsed = DeckParser.parse(DeckPrinter.print(parsed.deck), file: "fuzz.deck")
            #expect(reparsed.deck.withoutLocations == parsed.deck.withoutLocations, "seed \(seed)")
        }
    }

    @Test func aTenMegabyteSingleLine() {
        let long = String(repeating: "қазақ тілі ", count: 500_000)  // ~10 MB
        let bytes = Array(("Q: " + long + "?\nA: иә").utf8)
        #expect(bytes.count > 10_000_000)
        let parsed = DeckParser.parse(bytes, file: "long.deck")
        #expect(parsed.diagnostics.isEmpty)
        #expect(parsed.deck.cards.count == 1)
        #expect(parsed.deck.cards.first?.prompt.utf8.count == long.utf8.count + 1)
    }

    @Test func aMegabyteLineOfBraces() {
        // Every pair an empty gap: the diagnostics stay capped.
        let bytes = Array(("C: " + String(repeating: "{}", count: 500_000)).utf8)
        let parsed = DeckParser.parse(bytes, file: "braces.deck")
        #expect(parsed.diagnostics.count == DeckParser.diagnosticsPerLine + 1)
        #expect(parsed.diagnostics.last?.code == "too-many-diagnostics")
    }

    @Test func aMegabyteLineOfLookalikes() {
        let bytes = Array(("Q: " + String(repeating: "cөз ", count: 200_000) + "\nA: a").utf8)
        let parsed = DeckParser.parse(bytes, file: "lookalike.deck")
        #expect(parsed.diagnostics.filter { $0.code == "latin-in-cyrillic" }.count == DeckParser.diagnosticsPerLine)
        #expect(parsed.deck.cards.count == 1)
    }

    @Test func manyLinesOfGarbage() {
        let bytes = Array(String(repeating: "жай мәтін\n", count: 100_000).utf8)
        let parsed = DeckParser.parse(bytes, file: "prose.txt")
        #expect(parsed.diagnostics.count == DeckParser.diagnosticsPerFile + 1)
        #expect(parsed.diagnostics.first?.code == "unknown-line")
    }

    /// Shapes that would be quadratic with a list search per line.
    @Test func manyMetadataLinesAndManyOptions() {
        let metadata = (0..<100_000).map { "key\($0): value" }.joined(separator: "\n")
        let parsedMetadata = DeckParser.parse(metadata, file: "m")
        #expect(parsedMetadata.deck.metadata.count == 100_000)
        let options = "Q: a?\n* x\n" + String(repeating: "- y\n", count: 100_000)
        let parsedOptions = DeckParser.parse(options, file: "o")
        #expect(parsedOptions.deck.cards.count == 1)
        #expect(parsedOptions.diagnostics.first?.code == "duplicate-option")
        #expect(parsedOptions.diagnostics.last?.code == "too-many-diagnostics")
    }

    @Test func aCardWithManyContinuationLines() {
        let bytes = Array(("Q: a\nA: b\n" + String(repeating: "   жалғасы\n", count: 200_000)).utf8)
        let parsed = DeckParser.parse(bytes, file: "x")
        #expect(parsed.deck.cards.first?.answer.split(separator: "\n").count == 200_001)
    }
}
