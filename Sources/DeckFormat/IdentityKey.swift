import KazakhText

/// `Normalization.identityKey` for the prompts nearly every deck holds:
/// ASCII and Cyrillic letters with no look-alike to repair.
///
/// For such text NFC and the look-alike repair change nothing, and the
/// space, quote, hyphen and edge folds touch only ASCII bytes, so they can
/// run over bytes. Every other text gets `nil` and goes the general way.
/// A differential test pins this to `Normalization.identityKey`.
enum IdentityKey {
    /// The identity key of `text`, or nil when `text` is outside the fast
    /// subset.
    static func fast(_ text: String) -> String? {
        fastBytes(text).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The UTF-8 bytes of `fast(text)`.
    static func fastBytes(_ text: String) -> ArraySlice<UInt8>? {
        var text = text
        return text.withUTF8 { bytes -> ArraySlice<UInt8>? in
            guard inSubset(bytes), !LookalikeScan.mayHoldFindings(bytes, 0, bytes.count) else { return nil }
            // foldSpace
            var out = [UInt8](repeating: 0, count: bytes.count)
            var count = 0
            var pendingSpace = false
            for b in bytes {
                if isSpace(b) {
                    pendingSpace = count > 0
                    continue
                }
                if pendingSpace {
                    out[count] = .space
                    count += 1
                    pendingSpace = false
                }
                out[count] = b
                count += 1
            }
            // foldPunctuation: quotes dropped, no space after a hyphen that
            // ends a word. A Cyrillic letter shows as its last byte, which
            // is all the alphabetic test needs.
            // (in place: the write index never passes the read index)
            var previous: UInt8 = 0
            var beforePrevious: UInt8 = 0
            var written = 0
            for read in 0..<count {
                let b = out[read]
                if isQuote(b) { continue }
                if b == .space, previous == UInt8(ascii: "-"), isAlphabetic(beforePrevious) {
                    beforePrevious = previous
                    continue
                }
                out[written] = b
                written += 1
                beforePrevious = previous
                previous = b
            }
            // trimEdgePunctuation, then lower case through the table.
            var start = 0
            var end = written
            while start < end, isEdge(out[start]) { start += 1 }
            while end > start, isEdge(out[end - 1]) { end -= 1 }
            var i = start
            while i < end {
                let b = out[i]
                if b < 0x80 {
                    if b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z") { out[i] = b | 0x20 }
                    i += 1
                    continue
                }
                let index = Int(b & 0x03) << 6 | Int(out[i + 1] & 0x3F)
                let lower = lowercaseCyrillic[index]
                guard lower != 0 else { return nil }
                out[i] = UInt8(lower >> 8)
                out[i + 1] = UInt8(lower & 0xFF)
                i += 2
            }
            return out[start..<end]
        }
    }

    /// ASCII without control characters other than white space, and the
    /// Cyrillic letters U+0400–U+0481 and U+048A–U+04FF (the block minus
    /// its signs and combining marks).
    static func inSubset(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                if b < 0x20 && !(b >= 0x09 && b <= 0x0D) { return false }
                if b == 0x7F { return false }
                i += 1
                continue
            }
            guard i + 1 < n else { return false }
            let b1 = bytes[i + 1]
            guard b1 & 0xC0 == 0x80 else { return false }
            switch b {
            case 0xD0, 0xD1, 0xD3: break
            // U+0482–U+0489: thousands sign and combining marks.
            case 0xD2 where b1 >= 0x82 && b1 <= 0x89: return false
            case 0xD2: break
            default: return false
            }
            i += 2
        }
        return true
    }

    /// The UTF-8 bytes (lead << 8 | second) of the lower case of every
    /// scalar U+0400–U+04FF, taken from `String.lowercased()` itself; 0
    /// where the lower case is not one two-byte scalar.
    static let lowercaseCyrillic: [UInt16] = (0x400...0x4FF).map { value in
        guard let scalar = Unicode.Scalar(UInt32(value)) else { return 0 }
        let lower = Array(String(Character(scalar)).lowercased().utf8)
        return lower.count == 2 ? UInt16(lower[0]) << 8 | UInt16(lower[1]) : 0
    }

    static func isSpace(_ b: UInt8) -> Bool { b == .space || (b >= 0x09 && b <= 0x0D) }

    static func isQuote(_ b: UInt8) -> Bool {
        b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") || b == UInt8(ascii: "`")
    }

    /// An ASCII letter, or a byte of a (Cyrillic, hence alphabetic) letter.
    static func isAlphabetic(_ b: UInt8) -> Bool { b >= 0x80 || Line.isASCIILetter(b) }

    static func isEdge(_ b: UInt8) -> Bool {
        switch b {
        case .space, UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "!"),
            UInt8(ascii: "?"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "["), UInt8(ascii: "]"):
            true
        default:
            false
        }
    }
}
