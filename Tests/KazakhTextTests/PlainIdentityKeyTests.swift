import FSRS
import Foundation
import Testing

@testable import KazakhText

/// The one-pass identity key of a plain text (`PlainIdentityKey`) is the
/// key the folds give one after another (`Normalization.foldedIdentityKey`),
/// and every other text is left to the folds: a card's id is derived from
/// its prompt's key, so one scalar of difference would change ids.
@Suite struct PlainIdentityKeyTests {
    /// Compares the two on `text`; whether the one pass answered.
    @discardableResult
    static func expectSameKey(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        let folded = Normalization.foldedIdentityKey(text)
        #expect(Normalization.identityKey(text) == folded, "«\(text)»", sourceLocation: sourceLocation)
        guard let key = PlainIdentityKey.of(text) else { return false }
        #expect(key == folded, "«\(text)» \(text.unicodeScalars.map(\.value))", sourceLocation: sourceLocation)
        return true
    }

    /// Every scalar below U+0600, alone and beside each of the scalars the
    /// folds look at (space, hyphen, quote, edge punctuation, a letter of
    /// each case, a digit), on either side, at an edge and inside a word.
    @Test func everyScalarInContextHasTheFoldsKey() {
        let neighbours = [
            "", " ", "  ", "\t", "\n", "-", "- ", " -", "\"", "'", "`", ".", "?", "(", ")", "ж", "Ж", "7", "ж-", "ж- ",
            "–", "– ", "«", "»", "…", "\u{A0}", "\u{2009}", "ж–", "ж– ",
        ]
        var plain = 0
        // And the general punctuation, the white space and the other
        // scalars past the table the folds name.
        let past = Array(0x2000..<0x2070) + [0x1680, 0x2212, 0x3000, 0xFE63, 0xFF0D, 0x2E3A, 0xFEFF]
        for v in Array(UInt32(0)..<0x600) + past.map(UInt32.init) {
            guard let s = Unicode.Scalar(v) else { continue }
            let scalar = String(s)
            if Self.expectSameKey(scalar) { plain += 1 }
            for neighbour in neighbours {
                Self.expectSameKey(neighbour + scalar)
                Self.expectSameKey(scalar + neighbour)
                Self.expectSameKey("ж" + neighbour + scalar + "ж")
                Self.expectSameKey("ж" + scalar + neighbour + "ж")
            }
        }
        // The Cyrillic letters, digits, ASCII punctuation and space take the
        // one pass: the comparison above covers them, not only the fallback.
        #expect(plain > 300)
        #expect(PlainIdentityKey.of("Тұтқындар дилеммасы") != nil)
    }

    /// Texts drawn from the plain scalars the folds act on most (spaces,
    /// hyphens, quotes, edge punctuation, letters of both cases, digits).
    @Test func generatedPlainTextsHaveTheFoldsKey() {
        let alphabet = Array(" \t\n-\"'`.,;:!?()[]ӘәІіҢңҒғҮүҰұҚқӨөҺһАаБбЖжЁёЙй0123456789/+*=_#%@–—«»“”„‘’…\u{A0}\u{2009}\u{2212}")
        var rng = SeededGenerator(seed: 20_261_206)
        var plain = 0
        for _ in 0..<20_000 {
            let length = Int(rng.next() % 24)
            let text = String((0..<length).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] })
            if Self.expectSameKey(text) { plain += 1 }
        }
        #expect(plain == 20_000)
    }

    /// Texts the folds must take: a Latin letter (a look-alike is repaired
    /// in a Cyrillic word), a combining mark, a letter never right in
    /// Kazakh, a carriage return, an invisible character, a space NFC
    /// changes, another script.
    @Test func otherTextsAreLeftToTheFolds() {
        for text in ["cөзіне", "e\u{301}", "и\u{306}", "ӛте", "а\r\nб", "а\u{AD}б", "а\u{2000}б", "日本", "ok"] {
            #expect(PlainIdentityKey.of(text) == nil, "«\(text)»")
            Self.expectSameKey(text)
        }
        #expect(Normalization.identityKey("  «Тұтқындар  ДИЛЕММАСЫ» – ӛте? ") == "тұтқындар дилеммасы - өте")
    }

    /// The punctuation of lecture texts and of a cloze's prompt takes the
    /// one pass: a non-breaking space, a typographic dash or quote, an
    /// ellipsis (a gap is shown as `[…]`).
    @Test func typographicPunctuationTakesTheOnePass() {
        for text in ["а\u{A0}б", "а – б", "«а»", "а…", "Тұрақты даму – ұғым", "[…] – «ағылшын» сөзі…", "“а” ‘б’ „в“"] {
            #expect(Self.expectSameKey(text), "«\(text)»")
        }
    }
}
