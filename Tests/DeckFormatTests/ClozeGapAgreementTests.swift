import DeckFormat
import Testing

/// The parser checks a cloze's braces over bytes, as lines arrive; the card
/// finds its gaps by `Character` (`ClozeSegment.split`). A `{`, `}`, `|` or
/// `\` that a combining mark after it or a prepended letter before it joins
/// into one grapheme is ordinary text to the card, and must be to the
/// parser too: otherwise `C: a {́x} b` loaded without a word as a cloze with
/// no gap, which study shows with nothing to fill in and no answer that
/// counts as right.
@Suite struct ClozeGapAgreementTests {
    static let braceJoiners = JoiningScalars.around("{")
    static let closeJoiners = JoiningScalars.around("}")

    /// `text` as the parser reads it on a `C:` line: the card's gaps when it
    /// is loaded (nil when dropped) and whether an error was reported.
    static func read(_ text: String) -> (gaps: [[String]]?, errors: [String]) {
        let parsed = DeckParser.parse("C: " + text + "\n", file: "c.deck")
        let errors = parsed.diagnostics.filter { $0.severity == .error }.map(\.code)
        guard let card = parsed.deck.cards.first, case .cloze(let cloze) = card.content else { return (nil, errors) }
        return (cloze.gaps.map(\.answers), errors)
    }

    /// Templates over a joining scalar `m` and what the card's rule makes of
    /// them (nil: no gap, or one never closed, so the card is not loaded).
    static func afterCases(_ m: Unicode.Scalar) -> [(String, [[String]]?)] {
        [
            ("a {\(m)x} b", nil),  // `{́` opens nothing
            ("a {x}\(m) b", nil),  // `}́` closes nothing: the gap stays open
            ("a {x|\(m)y} b", [["x|\(m)y"]]),  // `|́` separates nothing
            ("a {|\(m)y} b", [["|\(m)y"]]),  // … so the answer is not empty
            ("a \\\(m){x} b", [["x"]]),  // `\́` escapes nothing
        ]
    }

    static func beforeCases(_ p: Unicode.Scalar) -> [(String, [[String]]?)] {
        [
            ("a \(p){x} b", nil),
            ("a {x\(p)} b", nil),
            ("a {x\(p)|y} b", [["x\(p)|y"]]),
        ]
    }

    static func check(_ cases: [(String, [[String]]?)], scalar: Unicode.Scalar, into wrong: inout [String]) {
        for (text, expected) in cases {
            let read = Self.read(text)
            let name = "U+\(String(scalar.value, radix: 16, uppercase: true)) in \(text.debugDescription)"
            if read.gaps != expected {
                wrong.append("\(name): gaps \(String(describing: read.gaps)), expected \(String(describing: expected))")
            } else if expected == nil, read.errors.isEmpty {
                wrong.append("\(name): dropped without an error")
            } else if expected != nil, !read.errors.isEmpty {
                wrong.append("\(name): errors \(read.errors)")
            }
        }
    }

    @Test func aMarkJoinedToABraceBarOrBackslashMakesItText() {
        let scalars = Set(Self.braceJoiners.after).intersection(Self.closeJoiners.after).sorted { $0.value < $1.value }
        #expect(scalars.count > 500)
        var wrong: [String] = []
        for m in scalars { Self.check(Self.afterCases(m), scalar: m, into: &wrong) }
        #expect(wrong.isEmpty, "\(wrong.count) wrong, first: \(wrong.prefix(8))")
    }

    @Test func aPrependedLetterJoinedToABraceMakesItText() {
        let scalars = Set(Self.braceJoiners.before).intersection(Self.closeJoiners.before).sorted { $0.value < $1.value }
        #expect(!scalars.isEmpty)
        var wrong: [String] = []
        for p in scalars { Self.check(Self.beforeCases(p), scalar: p, into: &wrong) }
        #expect(wrong.isEmpty, "\(wrong.count) wrong, first: \(wrong.prefix(8))")
    }

    /// The same gaps the card sees when the braces stand alone, marks
    /// elsewhere in the text (the fast path must still find them).
    @Test func bracesThatStandAloneStillMakeGaps() {
        #expect(Self.read("а\u{0301} {x\u{0301}} b").gaps == [["x\u{0301}"]])
        #expect(Self.read("a {x|y} {z}").gaps == [["x", "y"], ["z"]])
    }
}

/// Bytes that are not UTF-8 beside a brace: the card reads them as U+FFFD,
/// which joins nothing, so the brace stays a brace (parse-fuzz's second
/// finding, after the fix above measured a malformed lead byte as a whole
/// scalar and took the `{` after it for part of it).
@Suite struct ClozeGapMalformedNeighbourTests {
    /// The finding, minimised by libFuzzer: `C:{`, a lone lead byte, `{}`.
    static let minimisedFinding: [UInt8] = [0x43, 0x3A, 0x7B, 0xD0, 0x7B, 0x7D]

    static func roundTrips(_ bytes: [UInt8]) -> Bool {
        let parsed = DeckParser.parse(bytes, file: "c.deck")
        let reparsed = DeckParser.parse(DeckPrinter.print(parsed.deck), file: "c.deck")
        return reparsed.deck.withoutLocations == parsed.deck.withoutLocations
    }

    @Test func theMinimisedFindingPrintsBackToTheSameDeck() {
        #expect(Self.roundTrips(Self.minimisedFinding))
    }

    /// Every byte above ASCII, and a few malformed sequences, before and
    /// after each brace of a gap: the deck prints back to itself, and a
    /// loaded cloze has the gap.
    @Test func malformedBytesBesideBracesKeepTheRoundTrip() {
        var pieces: [[UInt8]] = (0x80...0xFF).map { [UInt8($0)] }
        pieces += [[0xE2, 0x80], [0xF0, 0x9F, 0x98], [0xC3, 0xA9, 0x80], [0xED, 0xA0, 0x80], [0xCC, 0x81, 0xFF]]
        var wrong: [String] = []
        for piece in pieces {
            let texts: [[UInt8]] = [
                Array("C: a {".utf8) + piece + Array("{x} b".utf8),
                Array("C: a ".utf8) + piece + Array("{x} b".utf8),
                Array("C: a {x".utf8) + piece + Array("} b".utf8),
                Array("C: a {x}".utf8) + piece + Array("{y} b".utf8),
                Array("C: a {x|".utf8) + piece + Array("|y} b".utf8),
            ]
            for text in texts {
                let parsed = DeckParser.parse(text, file: "c.deck")
                for card in parsed.deck.cards {
                    if case .cloze(let cloze) = card.content, cloze.gaps.isEmpty { wrong.append("no gap: \(text)") }
                }
                if !Self.roundTrips(text) { wrong.append("round trip: \(text)") }
            }
        }
        #expect(wrong.isEmpty, "\(wrong.count) wrong, first: \(wrong.prefix(6))")
    }
}
