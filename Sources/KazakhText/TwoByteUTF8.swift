/// The scalars of UTF-8 text read one or two bytes at a time: the one-pass
/// scans over plain text (`CompactScan`, `PlainIdentityKey`, a search's
/// byte comparison) take ASCII and Cyrillic, every scalar of which takes
/// one or two bytes, and leave anything else to the slower general path;
/// the last two also take some punctuation of three bytes
/// (`threeByteScalar`).
public enum TwoByteUTF8 {
    /// The scalar that starts at `i` in `bytes`, with `i` moved past it;
    /// nil when it takes more than two bytes.
    @inline(__always)
    public static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at i: inout Int) -> UInt32? {
        let lead = UInt32(bytes[i])
        if lead < 0x80 {
            i += 1
            return lead
        }
        guard lead & 0xE0 == 0xC0, i + 1 < bytes.count, bytes[i + 1] & 0xC0 == 0x80 else { return nil }
        defer { i += 2 }
        return (lead & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
    }

    /// The scalar of three bytes that starts at `i` in `bytes` (a string's
    /// bytes, so well formed), with `i` moved past it; nil when the byte at
    /// `i` does not begin one, or the bytes end before it does. The
    /// punctuation of Cyrillic texts (dashes, quotes, the ellipsis) takes
    /// three bytes.
    @inline(__always)
    public static func threeByteScalar(in bytes: UnsafeBufferPointer<UInt8>, at i: inout Int) -> UInt32? {
        let lead = bytes[i]
        guard lead & 0xF0 == 0xE0, i + 2 < bytes.count else { return nil }
        defer { i += 3 }
        return UInt32(lead & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
    }
}
