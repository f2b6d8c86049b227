import FSRS
import Testing

@testable import jatta

/// The one-line excerpt of a prompt (history, suspended cards) is cut by
/// scalars when it can be: the character rule is the oracle.
@Suite struct PromptExcerptTests {
    /// The rule by characters, as it reads.
    static func byCharacters(_ text: String) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return flat.count <= 60 ? flat : String(flat.prefix(59)) + "…"
    }

    @Test func theExcerptIsTheCharacterRulesOnAnyText() {
        let pieces: [String] = [
            "Қазақстан", "режим", " ", "«", "»", "—", "a", "Ё", "\n", "\r", "\r\n", "\u{2028}", "\u{85}", "\u{0B}",
            "е\u{0301}", "😀", "👍🏽", "🇰🇿", "\u{200D}", "中", "क\u{093F}", "\t",
        ]
        var rng = SeededGenerator(seed: 9)
        for _ in 0..<5_000 {
            let text = (0..<Int.random(in: 0...40, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            #expect(PromptExcerpt.oneLine(text) == Self.byCharacters(text), "\(text.unicodeScalars.map(\.value))")
        }
    }

    @Test func aLongKazakhPromptKeepsFiftyNineLettersAndAnEllipsis() {
        let text = String(repeating: "ә", count: 100)
        #expect(PromptExcerpt.oneLine(text) == String(repeating: "ә", count: 59) + "…")
        #expect(PromptExcerpt.oneLine(String(repeating: "ә", count: 60)) == String(repeating: "ә", count: 60))
    }
}
