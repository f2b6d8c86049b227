import KazakhText

/// `Normalization.identityKey` for the prompts nearly every deck holds:
/// ASCII and Cyrillic letters with no look-alike to repair, and the
/// typographic quotes, dashes and ellipsis of Kazakh text (a cloze's
/// prompt shows each gap as `[…]`).
///
/// For such text NFC and the look-alike repair change nothing, and the
/// space, quote, hyphen and edge folds touch only punctuation, so they can
/// run over bytes. Every other text gets `nil` and goes the general way.
/// A differential test pins this to `Normalization.identityKey`.
enum IdentityKey {
    /// The identity key of `text`, or nil when `text` is outside the fast
    /// subset.
    static func fast(_ text: String) -> String? {
        fastBytes(text).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The UTF-8 bytes of `fast(text)`.
    static func fastBytes(_ text: String, knownFreeOfLookalikes: Bool = false) -> ArraySlice<UInt8>? {
        var text = text
        return text.withUTF8 { bytes -> ArraySlice<UInt8>? in
            var out = [UInt8](repeating: 0, count: bytes.count)
            let range = out.withUnsafeMutableBufferPointer {
                fold(bytes, into: $0, knownFreeOfLookalikes: knownFreeOfLookalikes)
            }
            return range.map { out[$0] }
        }
    }

    /// Calls `body` with the bytes of `fast(text)` in temporary storage, or
    /// returns nil when `text` is outside the fast subset. One derived id
    /// per card needs the key only to hash it, so it is never allocated.
    static func withFastKey<R>(
        _ text: String, knownFreeOfLookalikes: Bool, _ body: (UnsafeBufferPointer<UInt8>) -> R
    ) -> R? {
        var text = text
        return text.withUTF8 { bytes -> R? in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(1, bytes.count)) { out -> R? in
                guard let range = fold(bytes, into: out, knownFreeOfLookalikes: knownFreeOfLookalikes) else { return nil }
                return body(UnsafeBufferPointer(rebasing: out[range]))
            }
        }
    }

    /// Writes the key of `bytes` into `out` (at least as long) and returns
    /// where it stands, or nil when `bytes` is outside the fast subset.
    private static func fold(
        _ bytes: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>, knownFreeOfLookalikes: Bool
    ) -> Range<Int>? {
        guard inSubset(bytes), knownFreeOfLookalikes || !LookalikeScan.mayHoldFindings(bytes, 0, bytes.count) else {
            return nil
        }
        // One pass does foldSpace, then foldPunctuation on its output
        // (quotes dropped, no space after a hyphen that ends a word), and
        // the lower case; the edge trim follows. `inSubset` leaves only
        // ASCII and two-byte Cyrillic letters, so a byte at or above 0x80
        // is a letter's lead byte and the next is its second byte. The
        // hyphen rule looks two written bytes back; a Cyrillic letter
        // shows there as its last byte, which is all the test needs.
        var written = 0
        var seenText = false  // whether foldSpace has written anything
        var pendingSpace = false
        var previous: UInt8 = 0
        var beforePrevious: UInt8 = 0
        let count = bytes.count
        let folded: Bool = lowercaseCyrillic.withUnsafeBufferPointer { lower in
            var i = 0
            while i < count {
                let b = bytes[i]
                i += 1
                if isSpace(b) {
                    pendingSpace = seenText
                    continue
                }
                seenText = true
                if pendingSpace {
                    pendingSpace = false
                    if previous == UInt8(ascii: "-"), isAlphabetic(beforePrevious) {
                        beforePrevious = previous
                    } else {
                        out[written] = .space
                        written += 1
                        beforePrevious = previous
                        previous = .space
                    }
                }
                if b < 0x80 {
                    if isQuote(b) { continue }
                    out[written] = b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z") ? b | 0x20 : b
                    written += 1
                    beforePrevious = previous
                    previous = b
                } else if b == 0xC2 {
                    // « or » (`inSubset`): a quote, dropped.
                    i += 1
                } else if b == 0xE2 {
                    // A quote, a dash or `…` (`inSubset`).
                    let scalar = Self.punctuation(bytes[i], bytes[i + 1])
                    i += 2
                    if scalar == .quote { continue }
                    beforePrevious = previous
                    if scalar == .dash {
                        out[written] = UInt8(ascii: "-")
                        written += 1
                        previous = UInt8(ascii: "-")
                    } else {
                        out[written] = 0xE2
                        out[written + 1] = 0x80
                        out[written + 2] = 0xA6
                        written += 3
                        // Neither a hyphen nor a letter, as `…` is for the
                        // hyphen rule.
                        previous = UInt8(ascii: ".")
                    }
                } else {
                    let second = bytes[i]
                    i += 1
                    let mapped = lower[Int(b & 0x03) << 6 | Int(second & 0x3F)]
                    if mapped == 0 { return false }
                    out[written] = UInt8(mapped >> 8)
                    out[written + 1] = UInt8(mapped & 0xFF)
                    written += 2
                    beforePrevious = b
                    previous = second
                }
            }
            return true
        }
        if !folded { return nil }
        // trimEdgePunctuation; `…` is the one edge mark of three bytes,
        // and 0xE2 can only be its first (other letters and marks here are
        // one or two bytes, and no second byte is 0xE2).
        var start = 0
        var end = written
        while start < end {
            if isEdge(out[start]) {
                start += 1
            } else if out[start] == 0xE2 {
                start += 3
            } else {
                break
            }
        }
        while end > start {
            if isEdge(out[end - 1]) {
                end -= 1
            } else if end - start >= 3, out[end - 3] == 0xE2 {
                end -= 3
            } else {
                break
            }
        }
        return start..<end
    }

    /// ASCII without control characters other than white space, the
    /// Cyrillic letters U+0400–U+0481 and U+048A–U+04FF (the block minus
    /// its signs and combining marks), « », and the marks of
    /// `punctuation(_:_:)`.
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
            case 0xC2 where b1 == 0xAB || b1 == 0xBB: break
            case 0xE2:
                guard i + 2 < n, punctuation(b1, bytes[i + 2]) != nil else { return false }
                i += 1
            default: return false
            }
            i += 2
        }
        return true
    }

    /// What a three-byte punctuation mark of the fast subset is folded to.
    enum Punctuation {
        /// Dropped, as `Normalization.quotes`.
        case quote
        /// Written `-`, as `Normalization.dashes`.
        case dash
        /// `…`, kept, and trimmed at either end.
        case ellipsis
    }

    /// The mark written 0xE2 `b1` `b2`, or nil when it is not in the fast
    /// subset: ‐ ‑ ‒ – — ― (U+2010–U+2015), − (U+2212), ‘ ’ “ ” „ and `…`.
    static func punctuation(_ b1: UInt8, _ b2: UInt8) -> Punctuation? {
        switch (b1, b2) {
        case (0x80, 0x90...0x95), (0x88, 0x92): .dash
        case (0x80, 0x98), (0x80, 0x99), (0x80, 0x9C), (0x80, 0x9D), (0x80, 0x9E): .quote
        case (0x80, 0xA6): .ellipsis
        default: nil
        }
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
