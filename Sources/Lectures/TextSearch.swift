/// Looking for a piece of text inside a line, over its UTF-8 bytes.
///
/// The finders ask "does this sentence hold «дегеніміз», ` –`, `:`?" of
/// every sentence of every lecture. Foundation's `contains` answers through
/// CFStringFind and Character comparison, which cost more than the rest of
/// a sentence's reading; comparing bytes gives the same answer for the
/// needles asked about (letters and marks without canonical decompositions),
/// as long as a match never ends inside a character: a match followed by a
/// combining mark (`е` + U+0308) is no match, as with Characters.
extension StringProtocol {
    /// Whether `needle` occurs in the text (see `TextSearch`).
    func contains(text needle: String) -> Bool {
        var needle = needle
        if let found = utf8.withContiguousStorageIfAvailable({ hay in
            needle.withUTF8 { needleBytes in TextSearch.contains(hay, needleBytes) }
        }) {
            return found
        }
        var copy = String(self)
        return copy.withUTF8 { hay in needle.withUTF8 { TextSearch.contains(hay, $0) } }
    }
}

enum TextSearch {
    /// Whether `needle` occurs in `hay` at a character boundary.
    static func contains(_ hay: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        let m = needle.count
        guard m > 0 else { return true }
        guard hay.count >= m else { return false }
        let first = needle[0]
        var i = 0
        let last = hay.count - m
        outer: while i <= last {
            if hay[i] != first { i += 1; continue }
            var k = 1
            while k < m {
                if hay[i + k] != needle[k] { i += 1; continue outer }
                k += 1
            }
            if !startsWithExtension(hay, at: i + m) { return true }
            i += 1
        }
        return false
    }

    /// Whether the scalar starting at byte `index` extends the character
    /// before it (a combining mark, a spacing mark, a zero-width joiner).
    static func startsWithExtension(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard index < bytes.count else { return false }
        let lead = bytes[index]
        // Every extending scalar is U+0300 or above: lead byte 0xCC or more.
        guard lead >= 0xCC else { return false }
        var value: UInt32
        var length: Int
        switch lead {
        case 0xC0..<0xE0: value = UInt32(lead & 0x1F); length = 2
        case 0xE0..<0xF0: value = UInt32(lead & 0x0F); length = 3
        case 0xF0..<0xF8: value = UInt32(lead & 0x07); length = 4
        default: return false
        }
        guard index + length <= bytes.count else { return false }
        for k in 1..<length { value = value << 6 | UInt32(bytes[index + k] & 0x3F) }
        guard let scalar = Unicode.Scalar(value) else { return false }
        return scalar.properties.isGraphemeExtend || scalar.properties.generalCategory == .spacingMark
            || scalar.value == 0x200D
    }
}

extension Character {
    /// Whether the Character is exactly the scalar `s` (a mark or a letter
    /// no other sequence is canonically equal to): the same answer as
    /// `== Character(s)` without the normalising comparison that costs more
    /// than the rest of a Character's reading in the hot loops.
    @inline(__always) func `is`(_ s: Unicode.Scalar) -> Bool {
        let scalars = unicodeScalars
        guard scalars.first == s else { return false }
        return scalars.index(after: scalars.startIndex) == scalars.endIndex
    }
}
