import FSRS
import Foundation
import Testing

@testable import KazakhText

/// The one-pass compact form the checker reads every known answer with
/// must be `AnswerForm`'s wherever it answers, and answer for the texts
/// decks are made of.
@Suite struct CompactScanTests {
    /// What the scan is held to: `AnswerForm`'s compact form, its letter
    /// count and the length of its skeleton; the text must not be mostly
    /// Latin.
    static func expectSameAsAnswerForm(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        guard let (compact, codes) = CompactScan.compact(text) else {
            #expect(CompactScan.lengths(text) == nil, "«\(text)»", sourceLocation: sourceLocation)
            #expect(CompactScan.compact(of: text, is: []) == nil, "«\(text)»", sourceLocation: sourceLocation)
            return false
        }
        let form = AnswerForm(text)
        #expect(codes == form.codes, "«\(text)»", sourceLocation: sourceLocation)
        let scalars = form.compact.unicodeScalars.map(\.value)
        #expect(CompactScan.compact(of: text, is: scalars) == true, "«\(text)»", sourceLocation: sourceLocation)
        #expect(CompactScan.compact(of: text, is: scalars + [0x430]) == false, "«\(text)»", sourceLocation: sourceLocation)
        #expect(CompactScan.compact(of: text, is: Array(scalars.dropLast())) == scalars.isEmpty, "«\(text)»", sourceLocation: sourceLocation)
        #expect(compact == form.compact, "«\(text)» \(text.unicodeScalars.map(\.value))", sourceLocation: sourceLocation)
        let lengths = CompactScan.lengths(text)
        #expect(lengths?.letters == form.letterCount, "«\(text)»", sourceLocation: sourceLocation)
        #expect(
            lengths?.skeleton == LatinSkeleton.skeleton(ofCyrillic: form.compact).count, "«\(text)»",
            sourceLocation: sourceLocation)
        #expect(!LatinSkeleton.isMostlyLatin(form.exact), "«\(text)»", sourceLocation: sourceLocation)
        return true
    }

    @Test func everyScalarAloneIsAnswerFormsOrNotPlain() {
        var plain = 0
        for v in UInt32(0)..<0x600 {
            guard let s = Unicode.Scalar(v) else { continue }
            if Self.expectSameAsAnswerForm(String(s)) { plain += 1 }
            // Between letters, where a Roman numeral or a look-alike would
            // show.
            _ = Self.expectSameAsAnswerForm("Х\(s)І")
            _ = Self.expectSameAsAnswerForm("ab\(s)сөз")
        }
        // Every Cyrillic letter that is not repaired, digits, punctuation.
        #expect(plain > 300)
        #expect(CompactScan.lengths("a") == nil && CompactScan.lengths("ӛ") == nil && CompactScan.lengths("\u{0301}") == nil)
    }

    /// Texts from an alphabet of plain scalars and of those that are not:
    /// letters that make Roman numerals, Latin look-alikes, combining
    /// marks, invisible characters, dashes and quotes beyond ASCII.
    static let alphabet: [String] =
        Array("аәбвгғдежзийкқлмнңоөпрстуұүфхһцчшщъыіьэюяАӘБҒҚҢӨҰҮҺІХЁёЙ0123456789").map(String.init)
        + [" ", " ", "-", ".", ",", "(", ")", "\"", "'", "`", "+", "№", "«", "»", "—", "\u{00A0}", "\u{200B}", "\t", "\n"]
        + ["I", "V", "X", "a", "c", "e", "o", "p", "x", "k", "и\u{0306}", "е\u{0308}", "ӛ", "ə", "ß", "Σ"]

    @Test func generatedTextsAreAnswerFormsWhereverTheScanAnswers() {
        var rng = SeededGenerator(seed: 20_261_205)
        var answered = 0
        for _ in 0..<20_000 {
            let length = Int.random(in: 0...14, using: &rng)
            // Mostly plain, as decks are, so both ways are taken.
            let pool = Bool.random(using: &rng) ? Self.alphabet.prefix(64) : Self.alphabet[...]
            let text = (0..<length).map { _ in pool.randomElement(using: &rng)! }.joined()
            if Self.expectSameAsAnswerForm(text) { answered += 1 }
        }
        #expect(answered > 8_000)
    }

    @Test func wordsOfRomanCapitalsAreLeftToAnswerForm() {
        // ХХІ is a numeral (xxi); in a word with other letters Х is a letter.
        for text in ["ХХІ ғасыр", "ХХІ", "«ХІ»", "ІХ-ғасыр", "І", "Х."] {
            #expect(CompactScan.lengths(text) == nil, "«\(text)»")
        }
        for text in ["Халық", "Іс-шара", "ІХа", "аІ", "ХХІғасыр", "ХІ5"] {
            #expect(Self.expectSameAsAnswerForm(text), "«\(text)»")
        }
    }

    @Test func theBundledDecksAreMostlyPlain() throws {
        // The scan is only worth it if the answers of real decks take it.
        let decks = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("decks")
        var texts: [String] = []
        for file in try FileManager.default.contentsOfDirectory(atPath: decks.path) where file.hasSuffix(".deck") {
            let lines = try String(contentsOf: decks.appendingPathComponent(file), encoding: .utf8).split(separator: "\n")
            texts += lines.compactMap { line in
                ["T: ", "A: ", "- ", "alt: "].first(where: line.hasPrefix).map { String(line.dropFirst($0.count)) }
            }
        }
        #expect(texts.count > 200)
        let plain = texts.filter { Self.expectSameAsAnswerForm($0) }.count
        #expect(plain * 10 >= texts.count * 8, "\(plain) of \(texts.count)")
    }
}
