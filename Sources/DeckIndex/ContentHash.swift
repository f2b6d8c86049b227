/// A 64-bit hash of a deck file's bytes (and of an index entry's payload):
/// fast enough to check every indexed file at every start, and any change
/// of a byte changes it with near certainty. Not cryptographic: it guards
/// against stale and damaged entries, not against an adversary, who could
/// as well edit the index itself (it lives in the student's own cache).
///
/// Sixteen bytes per step in each of two independent lanes (32 bytes a
/// round), each step one full-width multiply folded to 64 bits (the
/// wyhash step): about a tenth of the time of the former one-word
/// multiply-xorshift chain, which was a twentieth of a start at 100,000
/// cards (the file and the entry, 20 MB, hashed at every start).
enum ContentHash {
    static func of(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let count = bytes.count
        var a: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(count)
        var b: UInt64 = 0xD6E8_FEB8_6659_FD93 &+ UInt64(count)
        guard let base = bytes.baseAddress else { return finish(a, b, count) }
        let raw = UnsafeRawPointer(base)
        func word(_ offset: Int) -> UInt64 {
            UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
        }
        var offset = 0
        while count - offset >= 32 {
            a = fold(word(offset) ^ k0, word(offset + 8) ^ a)
            b = fold(word(offset + 16) ^ k1, word(offset + 24) ^ b)
            offset += 32
        }
        if count - offset >= 16 {
            a = fold(word(offset) ^ k0, word(offset + 8) ^ a)
            offset += 16
        }
        // The last 0–15 bytes, little-endian, each word padded with zeros
        // (the length, mixed in at the start, tells the padding apart).
        var tail0: UInt64 = 0
        var tail1: UInt64 = 0
        for i in offset..<count {
            let shift = UInt64(8 * ((i - offset) % 8))
            if i - offset < 8 { tail0 |= UInt64(bytes[i]) << shift } else { tail1 |= UInt64(bytes[i]) << shift }
        }
        b = fold(tail0 ^ k2, tail1 ^ b)
        return finish(a, b, count)
    }

    /// The two lanes and the length, mixed into one value.
    private static func finish(_ a: UInt64, _ b: UInt64, _ count: Int) -> UInt64 {
        fold(a ^ k3, b ^ UInt64(count) ^ k0)
    }

    /// The 128-bit product of `x` and `y`, its halves xor-ed: every bit of
    /// each input reaches the result.
    @inline(__always)
    private static func fold(_ x: UInt64, _ y: UInt64) -> UInt64 {
        let product = x.multipliedFullWidth(by: y)
        return product.high ^ product.low
    }

    // Odd constants that are not valid UTF-8 read as eight bytes (each has
    // an ASCII byte followed by a continuation byte), so no word of a deck
    // file's text cancels one out: a zero factor would lose a lane.
    private static let k0: UInt64 = 0xA076_1D64_78BD_642F
    private static let k1: UInt64 = 0xE703_7ED1_A0B4_28DB
    private static let k2: UInt64 = 0x8EBC_6AF0_9C88_C6E3
    private static let k3: UInt64 = 0x5899_65CC_7537_4CC3
}
