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

    @Test func cleanKazakhAndEnglishTextIsFiltered() {
        for text in ["Қазақстан БҰҰ-ға 1992 жылы мүше болды.", "NATO and the UN", "Режим — құралдар (1991)"] {
            let bytes = Array(text.utf8)
            #expect(!bytes.withUnsafeBufferPointer { LookalikeScan.mayHoldFindings($0, 0, $0.count) }, "\(text)")
        }
    }
}
