import FSRS
import Foundation
import Testing
@testable import ReviewStore

/// The registry's coding of prompts (`PromptCoding`): every text comes back
/// scalar for scalar, Kazakh and Russian text takes one byte a letter, and
/// two texts have one coding only when they are the same scalars.
@Suite struct PromptCodingTests {
    /// Scalars from every kind of text a prompt may hold, chosen together
    /// so a generated text mixes them: ASCII with NUL and DEL, the letters
    /// and punctuation of one byte each, Cyrillic letters around them
    /// that are escaped, Latin with combining marks, emoji with skin
    /// tones, joiners and flags, the byte-order mark, the replacement
    /// character, private use and the last scalar.
    static let pools: [[Unicode.Scalar]] = [
        (0x00...0x7F).compactMap(Unicode.Scalar.init),
        PromptCoding.letters,
        [0x400, 0x402, 0x40F, 0x450, 0x45F, 0x460, 0x490, 0x4FF, 0x500].compactMap(Unicode.Scalar.init),
        [0xA0, 0xE9, 0xFF, 0x301, 0x308, 0x327, 0x1E9E, 0x2019, 0x2116 - 1, 0x2117].compactMap(Unicode.Scalar.init),
        [0x1F600, 0x1F44D, 0x1F3FD, 0x200D, 0x1F468, 0x1F1F0, 0x1F1FF, 0xFE0F].compactMap(Unicode.Scalar.init),
        [0xFEFF, 0xFFFD, 0xFFFF, 0xE000, 0xD7FF, 0x10FFFF, 0x80, 0x7FF, 0x800, 0x10000].compactMap(Unicode.Scalar.init),
    ]

    /// A text of up to `length` scalars from `pools` (and any scalar at
    /// all now and then, when `others`).
    static func text(
        _ rng: inout SeededGenerator, pools: [[Unicode.Scalar]] = pools, length: Int = 40, others: Bool = true
    ) -> String {
        var scalars = String.UnicodeScalarView()
        for _ in 0..<Int(rng.next() % UInt64(length + 1)) {
            if others, rng.next() % 16 == 0, let any = Unicode.Scalar(UInt32(rng.next() % 0x110000)) {
                scalars.append(any)
            } else {
                let pool = pools[Int(rng.next() % UInt64(pools.count))]
                scalars.append(pool[Int(rng.next() % UInt64(pool.count))])
            }
        }
        return String(scalars)
    }

    @Test func everyGeneratedTextComesBackScalarForScalar() throws {
        var rng = SeededGenerator(seed: 41)
        for _ in 0..<5_000 {
            let text = Self.text(&rng)
            let back = try #require(PromptCoding.text(PromptCoding.coded(text)), "\(text.debugDescription)")
            // Scalars, not `==`: a String compares by canonical
            // equivalence, and "é" must not come back as "e" and U+0301.
            #expect(Array(back.unicodeScalars) == Array(text.unicodeScalars), "\(text.debugDescription)")
        }
    }

    @Test func kazakhAndRussianTextTakesOneByteALetter() {
        var rng = SeededGenerator(seed: 42)
        let oneByte: [[Unicode.Scalar]] = [PromptCoding.letters, Array(" ,.!?-()0123456789".unicodeScalars)]
        for _ in 0..<1_000 {
            let text = Self.text(&rng, pools: oneByte, others: false)
            #expect(PromptCoding.coded(text).count == text.unicodeScalars.count, "\(text)")
        }
        let sentence = "Қазақстан — «Ұлы дала елі»: ғылым, өнер, үміт, һәм Ёлка № 1…"
        #expect(PromptCoding.coded(sentence).count == sentence.unicodeScalars.count)
    }

    /// SQL compares stored prompts by their codings, as it compared their
    /// UTF-8 texts: the same bytes exactly when the same scalars.
    @Test func twoTextsHaveOneCodingOnlyWhenTheyAreTheSameScalars() {
        var rng = SeededGenerator(seed: 43)
        let few: [[Unicode.Scalar]] = [
            Array("аә e".unicodeScalars), [Unicode.Scalar(0x301)!, Unicode.Scalar(0xE9)!, Unicode.Scalar(0x1F600)!],
        ]
        for _ in 0..<5_000 {
            let (a, b) = (Self.text(&rng, pools: few, length: 3, others: false), Self.text(&rng, pools: few, length: 3, others: false))
            #expect((PromptCoding.coded(a) == PromptCoding.coded(b)) == (Array(a.utf8) == Array(b.utf8)))
        }
        #expect(PromptCoding.coded("\u{E9}") != PromptCoding.coded("e\u{301}"))
    }

    /// Bytes no prompt is coded as are no text (the reader calls the value
    /// corrupt), never a text made up.
    @Test func bytesThatAreNoCodingAreNoText() {
        let escape = PromptCoding.escape
        let unused = UInt8(0x80 + PromptCoding.letters.count)
        let broken: [[UInt8]] = [
            [0x41, escape], [escape, 0x41], [escape, 0x80], [escape, 0xC3], [escape, 0xE2, 0x80],
            [escape, 0xF0, 0x9F, 0x98], [escape, 0xC0, 0x80], [escape, 0xED, 0xA0, 0x80], [escape, 0xF5, 0x80, 0x80, 0x80],
            [unused], [0x41, escape - 1],
        ]
        for bytes in broken { #expect(PromptCoding.text(bytes) == nil, "\(bytes)") }
    }
}
