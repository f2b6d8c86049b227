import KazakhText
import FSRS
import Testing

@testable import DeckFormat

/// The byte pre-filter never hides what `Homoglyphs.findings` would report.
@Suite struct LookalikeScanTests {
    @Test func thePreFilterPassesEveryTextWithFindings() {
        let pieces = [
            "Қазақ", "стан", "c", "o", "A", "Acтана", "NATO", "ӛ", "ə", "ҡ", "ӈ", "ӏ", " ", "-", "«", "»", "1", "é", "漢",
            "\u{FFFD}", "ө", "i", "H", "k", "b", "ß", "\u{301}",
        ]
        var random = SeededGenerator(seed: 99)
        var flagged = 0
        for _ in 0..<20_000 {
            let text = (0..<Int.random(in: 1...6, using: &random)).map { _ in
                pieces[Int.random(in: 0..<pieces.count, using: &random)]
            }.joined()
            let bytes = Array(text.utf8)
            let passes = bytes.withUnsafeBufferPointer { LookalikeScan.mayHoldFindings($0, 0, $0.count) }
            if !Homoglyphs.findings(in: text).isEmpty {
                flagged += 1
                #expect(passes, "\(text)")
            }
        }
        #expect(flagged > 2_000)
    }

    /// The parser takes the filter from its UTF-8 pass over the whole line,
    /// marker and all: it must still pass every text with findings, and
    /// agree with the filter over the text alone where that one passes.
    @Test func theLineScanPassesEveryTextWithFindings() {
        let pieces = [
            "Қазақ", "стан", "c", "o", "A", "Acтана", "NATO", "ӛ", "ə", "ҡ", "ӈ", "ӏ", " ", "-", "«", "»", "1", "é", "漢",
            "\u{FFFD}", "ө", "i", "H", "k", "b", "ß", "\u{301}", "\0",
            // Runs of U+0400–U+047F letters, which the scan takes four at a time.
            "республика", "ГОСУДАРСТВО", "ѳ", "Ѳ", "абвгѳ", "Ѳабвг", "вгвгвгвг",
        ]
        let prefixes = ["Q: ", "T:", "С: ", "A: ", "- ", "* ", "   ", "\t", "alt: ", "tags:", "## ", ""]
        var random = SeededGenerator(seed: 7)
        var flagged = 0
        for _ in 0..<20_000 {
            let text = (0..<Int.random(in: 1...6, using: &random)).map { _ in
                pieces[Int.random(in: 0..<pieces.count, using: &random)]
            }.joined()
            let prefix = prefixes[Int.random(in: 0..<prefixes.count, using: &random)]
            let bytes = Array((prefix + text).utf8)
            let textStart = prefix.utf8.count
            let report = bytes.withUnsafeBufferPointer { UTF8Scan.scan($0, 0, $0.count) }
            let alone = bytes.withUnsafeBufferPointer { LookalikeScan.mayHoldFindings($0, textStart, $0.count) }
            if alone { #expect(report.mayHoldLookalikes, "\(prefix)\(text)") }
            if !Homoglyphs.findings(in: text).isEmpty {
                flagged += 1
                #expect(report.mayHoldLookalikes, "\(prefix)\(text)")
            }
        }
        #expect(flagged > 2_000)
        let clean = Array("Q: Қазақстан БҰҰ-ға 1992 жылы мүше болды.".utf8)
        #expect(!clean.withUnsafeBufferPointer { UTF8Scan.scan($0, 0, $0.count) }.mayHoldLookalikes)
    }

    @Test func cleanKazakhAndEnglishTextIsFiltered() {
        for text in ["Қазақстан БҰҰ-ға 1992 жылы мүше болды.", "NATO and the UN", "Режим — құралдар (1991)"] {
            let bytes = Array(text.utf8)
            #expect(!bytes.withUnsafeBufferPointer { LookalikeScan.mayHoldFindings($0, 0, $0.count) }, "\(text)")
        }
    }
}
