/// The scalars of UTF-8 text read one or two bytes at a time: the one-pass
/// scans over plain text (`CompactScan`, `PlainIdentityKey`, a search's
/// byte comparison) take ASCII and Cyrillic, every scalar of which takes
/// one or two bytes, and leave anything else to the slower general path.
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
}
