import FSRS
import Testing

@testable import TerminalUI

/// Text measured scalar by scalar from its bytes (`DisplayWidth.standalone`)
/// must measure as its characters do: the grapheme rules are the oracle.
@Suite struct DisplayWidthStandaloneTests {
    /// Scalars any text may hold: the fast ranges, and every kind the
    /// grapheme rules join to a neighbour (combining and spacing marks,
    /// joiners, variation selectors, emoji modifiers, regional indicators,
    /// Hangul jamo, a prepended mark), controls, wide and zero-width ones.
    static let tricky: [Unicode.Scalar] = [
        "\u{0301}", "\u{0483}", "\u{0489}", "\u{093F}", "\u{0915}", "\u{200D}", "\u{200C}", "\u{200B}", "\u{FE0F}",
        "\u{FE0E}", "\u{1F3FD}", "\u{1F1F0}", "\u{1F1FF}", "\u{1F44D}", "\u{2764}", "\u{1100}", "\u{1161}", "\u{11A8}",
        "\u{AC00}", "\u{0600}", "\u{4E2D}", "\u{2028}", "\u{202E}", "\u{2060}", "\u{00AD}", "\r", "\n", "\t", "\u{0}",
        "\u{85}", "\u{A9}", "\u{2122}", "\u{203C}", "\u{05D0}", "\u{0627}", "\u{0E01}", "\u{0E31}",
    ]

    /// Every scalar of the fast ranges.
    static let standalone: [Unicode.Scalar] = (0..<0x3_0000).compactMap { v in
        guard DisplayWidth.standalone(UInt32(v)) != nil else { return nil }
        return Unicode.Scalar(UInt32(v))
    }

    /// A text's width as its characters give it, one by one.
    static func byCharacters(_ text: some StringProtocol) -> Int { text.reduce(0) { $0 + DisplayWidth.of($1) } }

    @Test func theFastRangesAreKazakhRussianLatinAndPunctuationOnly() {
        for text in ["Қазақстан", "Ёлка", "«Режим» — 1992 ж.", "№ 5, 100 ₸…", "naïve café"] {
            #expect(text.unicodeScalars.allSatisfy { DisplayWidth.standalone($0.value) != nil }, "\(text)")
        }
        // What the grapheme rules join, and what needs its properties.
        let joined: [Unicode.Scalar] = [
            "\u{0301}", "\u{0483}", "\u{0489}", "\u{093F}", "\u{200D}", "\u{200C}", "\u{200B}", "\u{FE0F}", "\u{FE0E}",
            "\u{1F3FD}", "\u{1F1F0}", "\u{1100}", "\u{1161}", "\u{0600}", "\u{2028}", "\u{202E}", "\u{2060}", "\u{4E2D}",
        ]
        for scalar in joined {
            #expect(DisplayWidth.standalone(scalar.value) == nil, "U+\(String(scalar.value, radix: 16))")
        }
    }

    @Test func everyFastScalarHasTheWidthItsPropertiesGive() {
        for scalar in Self.standalone where scalar.value >= 0x300 {
            #expect(DisplayWidth.standalone(scalar.value) == DisplayWidth.byProperties(scalar), "U+\(String(scalar.value, radix: 16))")
        }
    }

    @Test func everyFastScalarIsACharacterOfItsOwnBesideAnyOther() {
        // Each fast scalar between two others that stand alone makes three
        // characters (the character rule is the oracle: a combining mark
        // put in the ranges joins its neighbour and fails here), and
        // between any two scalars the text measures as its characters.
        var rng = SeededGenerator(seed: 11)
        let alone = Self.standalone.filter(DisplayWidth.isStandalone)
        let neighbours = Self.standalone + Self.tricky
        for scalar in Self.standalone {
            for _ in 0..<3 {
                let before = neighbours.randomElement(using: &rng)!, after = neighbours.randomElement(using: &rng)!
                var text = String.UnicodeScalarView()
                text.append(contentsOf: [before, scalar, after])
                let string = String(text)
                #expect(DisplayWidth.of(string) == Self.byCharacters(string), "\(string.unicodeScalars.map(\.value))")
            }
            guard DisplayWidth.isStandalone(scalar) else { continue }
            for _ in 0..<3 {
                var text = String.UnicodeScalarView()
                text.append(contentsOf: [alone.randomElement(using: &rng)!, scalar, alone.randomElement(using: &rng)!])
                #expect(String(text).count == 3, "\(text.map(\.value))")
            }
        }
    }

    @Test func mixedTextMeasuresAsItsCharacters() {
        var rng = SeededGenerator(seed: 7)
        for round in 0..<20_000 {
            // Mostly fast text, with a tricky scalar in about one text of
            // three, so both ways of measuring are taken.
            let length = Int.random(in: 0...24, using: &rng)
            var scalars = String.UnicodeScalarView()
            for _ in 0..<length {
                let tricky = Int.random(in: 0..<(round % 3 == 0 ? 4 : 60), using: &rng) == 0
                scalars.append((tricky ? Self.tricky : Self.standalone).randomElement(using: &rng)!)
            }
            let text = String(scalars)
            #expect(DisplayWidth.of(text) == Self.byCharacters(text), "\(text.unicodeScalars.map(\.value))")
            let cut = text.dropFirst(min(2, text.count))
            #expect(DisplayWidth.of(cut) == Self.byCharacters(cut), "\(cut.unicodeScalars.map(\.value))")
        }
    }
}

/// The byte scan for control characters (`TerminalText.hasControl`) finds
/// exactly what the rule for each scalar finds.
@Suite struct TerminalTextControlScanTests {
    /// Every scalar there is, alone and after a C2-led letter: a scalar
    /// added to the rule (`needsReplacing`) and not to the scan fails here.
    @Test func theByteScanAgreesWithTheRuleOnEveryScalar() {
        for v in UInt32(0)...0x10_FFFF {
            guard let scalar = Unicode.Scalar(v) else { continue }
            for keeping in [true, false] {
                let byRule = TerminalText.needsReplacing(scalar, keepingLineBreaks: keeping)
                for prefix in ["", "Â"] {
                    var text = prefix + String(Character(scalar))
                    let byBytes = text.withUTF8 { TerminalText.hasControl($0, keepingLineBreaks: keeping) }
                    if byBytes != byRule { Issue.record("U+\(String(v, radix: 16)) keeping \(keeping) after '\(prefix)'") }
                }
            }
        }
    }

    @Test func theByteScanAgreesWithTheScalarRule() {
        let scalars: [Unicode.Scalar] =
            ["a", "ә", "Â", "\u{80}", "\u{9F}", "\u{A0}", "\u{BF}", "\u{C2}", "\u{7F}", "\u{1B}", "\t", "\n", "\r", "\u{0}"]
            + ["\u{0100}", "\u{0882}", "\u{2080}", "\u{1F600}", "\u{FFFD}", "\u{C280}"]
        var rng = SeededGenerator(seed: 3)
        for _ in 0..<20_000 {
            var text = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...6, using: &rng) { text.append(scalars.randomElement(using: &rng)!) }
            let string = String(text)
            for keeping in [true, false] {
                let byRule = string.unicodeScalars.contains { TerminalText.needsReplacing($0, keepingLineBreaks: keeping) }
                var copy = string
                let byBytes = copy.withUTF8 { TerminalText.hasControl($0, keepingLineBreaks: keeping) }
                #expect(byBytes == byRule, "\(string.unicodeScalars.map(\.value)) keeping \(keeping)")
                let expected = byRule
                    ? String(String.UnicodeScalarView(string.unicodeScalars.map {
                        TerminalText.needsReplacing($0, keepingLineBreaks: keeping) ? TerminalText.shown($0) : $0
                    }))
                    : string
                #expect(TerminalText.visible(string, keepingLineBreaks: keeping) == expected)
            }
        }
    }
}
