/// A 64-bit hash of a deck file's bytes, eight bytes at a time (a
/// multiply-xorshift mix per word): fast enough to check every indexed file
/// at every start (a 10 MB deck in a few milliseconds), and any change of a
/// byte changes it with near certainty. Not cryptographic: it guards
/// against stale entries, not against an adversary, who could as well edit
/// the index itself (it lives in the student's own cache).
enum ContentHash {
    static func of(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        let words = bytes.count / 8
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            for i in 0..<words {
                let w = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self))
                h = mix(h ^ w)
            }
        }
        var tail: UInt64 = 0
        for i in (words * 8)..<bytes.count { tail = (tail << 8) | UInt64(bytes[i]) }
        return mix(mix(h ^ tail) ^ 0xD6E8_FEB8_6659_FD93)
    }

    static func mix(_ x: UInt64) -> UInt64 {
        var z = x &* 0xBF58_476D_1CE4_E5B9
        z ^= z >> 31
        z = z &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 29)
    }
}
