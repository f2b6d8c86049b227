/// How many terminal columns a character takes, without asking curses.
///
/// The views must lay text out before any terminal exists (and in tests), so
/// they cannot call `wcwidth`. This covers the ranges that matter for jatta's
/// text: combining marks and invisible format characters take no column,
/// East Asian wide and full-width characters and emoji take two, everything
/// else printable takes one. The ncurses backend checks its own `wcwidth`
/// agrees for every cell it draws.
public enum DisplayWidth {
    /// Columns taken by one scalar: 0, 1 or 2.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        standalone(scalar.value) ?? byProperties(scalar)
    }

    /// The width of a scalar from U+0300 on, by its Unicode properties.
    static func byProperties(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if isZeroWidth(v, scalar) { return 0 }
        if isWide(v) { return 2 }
        return 1
    }

    /// Columns taken by one grapheme cluster: the width of its first visible
    /// scalar (the rest combine with it), or 2 when an emoji presentation
    /// selector asks for the wide form.
    public static func of(_ character: Character) -> Int {
        var width = 0
        for scalar in character.unicodeScalars {
            if scalar.value == 0xFE0F { return 2 }
            if width == 0 { width = of(scalar) }
        }
        return width
    }

    /// Columns taken by a whole text on one line.
    ///
    /// Text made only of scalars that are each a grapheme cluster of their
    /// own (`standalone`: Latin, Cyrillic, common punctuation) is measured
    /// scalar by scalar from its UTF-8 bytes. Splitting it into characters
    /// first, which asks the grapheme rules of every scalar, was most of
    /// `jatta list`'s time at 200,000 cards; other text still is split.
    public static func of(_ text: some StringProtocol) -> Int {
        if let width = text.utf8.withContiguousStorageIfAvailable({ standaloneWidth($0) }) ?? nil { return width }
        return text.reduce(0) { $0 + of($1) }
    }

    /// Whether `scalar` always makes a character of its own (`standalone`;
    /// a carriage return does not: it makes one with a line feed after it).
    public static func isStandalone(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value != 0x0D && standalone(scalar.value) != nil
    }

    /// The width of the UTF-8 text `utf8` when every scalar in it is
    /// `standalone`; nil as soon as one is not.
    static func standaloneWidth(_ utf8: UnsafeBufferPointer<UInt8>) -> Int? {
        var width = 0
        var i = 0
        let end = utf8.count
        while i < end {
            let lead = utf8[i]
            let v: UInt32
            switch lead {
            case 0..<0x80:
                v = UInt32(lead)
                i += 1
            case 0xC2..<0xE0 where i + 1 < end:
                v = UInt32(lead & 0x1F) << 6 | UInt32(utf8[i + 1] & 0x3F)
                i += 2
            case 0xE0..<0xF0 where i + 2 < end:
                v = UInt32(lead & 0x0F) << 12 | UInt32(utf8[i + 1] & 0x3F) << 6 | UInt32(utf8[i + 2] & 0x3F)
                i += 3
            default:
                return nil
            }
            guard let w = standalone(v) else { return nil }
            width += w
        }
        return width
    }

    /// The width of the scalar `v` when it is one that always makes a
    /// grapheme cluster of its own (no grapheme rule joins it to a
    /// neighbour: not a combining or spacing mark, a joiner, a variation
    /// selector, an emoji modifier, a regional indicator, a prepended or
    /// a Hangul jamo) and its width needs no look-up of its Unicode
    /// properties: controls, Latin (below U+0300), Cyrillic but for its
    /// combining marks (U+0483–U+0489), the general punctuation between
    /// the spaces and joiners and the invisible operators, the currency
    /// signs (₸) and the letterlike symbols (№). Nil for any other scalar.
    /// The tests check every scalar of these ranges from U+0300 on against
    /// the width its properties give, and each one beside others against
    /// the character rule.
    @inline(__always)
    static func standalone(_ v: UInt32) -> Int? {
        switch v {
        case 0: return 0
        case 0x01..<0x20, 0x7F..<0xA0: return 0
        case 0x20..<0x7F: return 1
        case 0xA0..<0x300: return v == 0xAD ? 0 : 1
        case 0x400..<0x483, 0x48A..<0x530: return 1
        case 0x2010..<0x2028, 0x2030..<0x205F: return 1
        case 0x20A0..<0x20C1, 0x2100..<0x2150: return 1
        default: return nil
        }
    }

    static func isZeroWidth(_ v: UInt32, _ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return true
        default: break
        }
        // Hangul medial vowels and final consonants join the initial.
        return (0x1160...0x11FF).contains(v)
    }

    static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0, 0x23F3,
            0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F, 0x2693, 0x26A1,
            0x26AA...0x26AB, 0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE, 0x26D4, 0x26EA,
            0x26F2...0x26F3, 0x26F5, 0x26FA, 0x26FD, 0x2705, 0x270A...0x270B, 0x2728, 0x274C,
            0x274E, 0x2753...0x2755, 0x2757, 0x2795...0x2797, 0x27B0, 0x27BF, 0x2B1B...0x2B1C,
            0x2B50, 0x2B55, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19,
            0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F004, 0x1F0CF, 0x1F18E,
            0x1F191...0x1F19A, 0x1F200...0x1F251, 0x1F300...0x1F64F, 0x1F680...0x1F6FF,
            0x1F7E0...0x1F7EB, 0x1F90C...0x1F9FF, 0x1FA70...0x1FAFF, 0x20000...0x2FFFD,
            0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
