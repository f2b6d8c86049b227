/// What a Unicode scalar is to the word scanners that work on scalars
/// rather than Characters: a Character's `isLetter`/`isNumber` asks its
/// first scalar, so a scalar scan that lets marks join the word before
/// them reads the same words, without the grapheme breaking and property
/// tables that cost most of a large lecture's reading. Lecture text is
/// nearly all ASCII and Cyrillic, answered from the code point alone.
enum WordScalar {
    /// A letter (Lu, Ll, Lt, Lm, Lo), as `Character.isLetter` asks it.
    @inline(__always) static func isLetter(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v) }
        if (0x0400...0x0481).contains(v) || (0x048A...0x04FF).contains(v) { return true }
        switch s.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }

    /// A digit or other number, as `Character.isNumber` asks it.
    @inline(__always) static func isNumber(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return (0x30...0x39).contains(v) }
        if (0x0400...0x04FF).contains(v) { return false }
        return s.properties.numericType != nil
    }

    /// A mark that belongs to the Character of the scalar before it.
    @inline(__always) static func extendsCharacter(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x300 || (0x0400...0x0482).contains(v) || (0x048A...0x04FF).contains(v) { return false }
        return s.properties.isGraphemeExtend || s.properties.generalCategory == .spacingMark || v == 0x200D
    }
}
