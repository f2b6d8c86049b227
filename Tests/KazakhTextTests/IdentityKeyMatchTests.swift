import FSRS
import Testing

@testable import KazakhText

/// `jatta judge --deck` finds the answers with EXPECTED's identity key
/// without folding every answer: the answers must be `identityKey`'s.
@Suite struct IdentityKeyMatchTests {
    /// Ways a deck writes the same answer, or nearly: case, quotes, edge
    /// punctuation, spacing, a Latin look-alike, a decomposed letter, a
    /// repaired letter, a Roman numeral, one letter changed.
    static func variant(of text: String, _ rng: inout SeededGenerator) -> String {
        switch Int.random(in: 0..<11, using: &rng) {
        case 0: return text.uppercased()
        case 1: return "«\(text)»"
        case 2: return text + "."
        case 3: return "  " + text.replacingOccurrences(of: " ", with: "   ") + "\t"
        case 4: return text.replacingOccurrences(of: "а", with: "a")
        case 5: return text.replacingOccurrences(of: "ё", with: "е\u{0308}")
        case 6: return text.replacingOccurrences(of: "ө", with: "ӛ")
        case 7: return text.replacingOccurrences(of: " ", with: "-")
        case 8: return text + " ХХІ"
        case 9: return String(text.dropLast())
        default: return text.capitalized
        }
    }

    @Test func matchesAreThoseOfTheIdentityKey() {
        var rng = SeededGenerator(seed: 314)
        let alphabet = CompactScanTests.alphabet
        var same = 0
        for _ in 0..<4_000 {
            let length = Int.random(in: 0...12, using: &rng)
            let base = (0..<length).map { _ in alphabet.prefix(64).randomElement(using: &rng)! }.joined()
            let expected = Bool.random(using: &rng) ? base : Self.variant(of: base, &rng)
            let match = IdentityKeyMatch(expected)
            for _ in 0..<4 {
                let other = Self.variant(of: Bool.random(using: &rng) ? base : Self.variant(of: base, &rng), &rng)
                let equal = Normalization.identityKey(other) == Normalization.identityKey(expected)
                #expect(match.matches(other) == equal, "«\(expected)» «\(other)»")
                if equal { same += 1 }
            }
            #expect(match.matches(expected))
        }
        // Both answers were met often.
        #expect(same > 3_000 && same < 14_000, "\(same)")
    }
}
