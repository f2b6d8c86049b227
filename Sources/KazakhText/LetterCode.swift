/// A letter (a `Character`, so й written as и + breve is one letter) as a
/// number, so that the edit distances run against every known answer compare
/// integers instead of grapheme clusters.
///
/// Up to three scalars are packed exactly, 21 bits each; a longer cluster
/// (never a Kazakh letter) is hashed, with the top bit set so it cannot
/// equal a packed one.
enum LetterCode {
    static func code(_ ch: Character) -> UInt64 {
        var value: UInt64 = 0
        var count = 0
        for s in ch.unicodeScalars {
            if count == 3 { return hashed(ch) }
            value = value << 21 | UInt64(s.value)
            count += 1
        }
        return value
    }

    static func codes(_ text: String) -> [UInt64] { text.map(code) }

    private static func hashed(_ ch: Character) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for s in ch.unicodeScalars {
            hash ^= UInt64(s.value)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash | (1 << 63)
    }

    /// `KeyboardFallback.fallbacks` by code.
    static let fallbacks: [UInt64: [UInt64]] = {
        var table: [UInt64: [UInt64]] = [:]
        for (expected, typed) in KeyboardFallback.fallbacks { table[code(expected)] = typed.map(code) }
        return table
    }()

    /// `KeyboardFallback.isSameOrFallback` by code.
    static func isSameOrFallback(expected: UInt64, typed: UInt64) -> Bool {
        expected == typed || fallbacks[expected]?.contains(typed) == true
    }
}
