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
        var (a, b) = seeds(count)
        guard let base = bytes.baseAddress else { return finish(a, b, count) }
        let raw = UnsafeRawPointer(base)
        var offset = 0
        while count - offset >= 32 {
            round(&a, &b, raw + offset)
            offset += 32
        }
        return last(a, b, UnsafeRawBufferPointer(start: raw + offset, count: count - offset), count: count)
    }

    /// The two lanes before any byte, for `count` bytes in all.
    @inline(__always)
    private static func seeds(_ count: Int) -> (UInt64, UInt64) {
        (0x9E37_79B9_7F4A_7C15 ^ UInt64(count), 0xD6E8_FEB8_6659_FD93 &+ UInt64(count))
    }

    /// One round: the 32 bytes at `raw`, sixteen in each lane.
    @inline(__always)
    private static func round(_ a: inout UInt64, _ b: inout UInt64, _ raw: UnsafeRawPointer) {
        a = fold(word(raw, 0) ^ k0, word(raw, 8) ^ a)
        b = fold(word(raw, 16) ^ k1, word(raw, 24) ^ b)
    }

    /// The eight bytes at `offset` from `raw`, little-endian.
    @inline(__always)
    private static func word(_ raw: UnsafeRawPointer, _ offset: Int) -> UInt64 {
        UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    /// The hash of `count` bytes whose whole rounds left the lanes at `a`
    /// and `b`, from the 0–31 bytes after them (`rest`).
    private static func last(_ a: UInt64, _ b: UInt64, _ rest: UnsafeRawBufferPointer, count: Int) -> UInt64 {
        var a = a
        var b = b
        var offset = 0
        if rest.count >= 16, let raw = rest.baseAddress {
            a = fold(word(raw, 0) ^ k0, word(raw, 8) ^ a)
            offset = 16
        }
        // The last 0–15 bytes, little-endian, each word padded with zeros
        // (the length, mixed in at the start, tells the padding apart).
        var tail0: UInt64 = 0
        var tail1: UInt64 = 0
        for i in offset..<rest.count {
            let shift = UInt64(8 * ((i - offset) % 8))
            if i - offset < 8 { tail0 |= UInt64(rest[i]) << shift } else { tail1 |= UInt64(rest[i]) << shift }
        }
        b = fold(tail0 ^ k2, tail1 ^ b)
        return finish(a, b, count)
    }

    /// `of` for bytes handed over in parts (`add`), whose whole length is
    /// known first: the same value as `of` of the parts joined, without
    /// joining them (a kept queue of 3.6 MB was held twice to be hashed).
    struct Parts {
        private let count: Int
        private var a: UInt64
        private var b: UInt64
        /// Bytes of a round not yet whole (under 32).
        private var pending: [UInt8] = []
        /// How many bytes were added.
        private var added = 0

        init(count: Int) {
            self.count = count
            (a, b) = ContentHash.seeds(count)
            pending.reserveCapacity(32)
        }

        mutating func add(_ bytes: UnsafeRawBufferPointer) {
            added += bytes.count
            guard var next = bytes.baseAddress else { return }
            var left = bytes.count
            if !pending.isEmpty {
                let taken = min(32 - pending.count, left)
                pending.append(contentsOf: UnsafeRawBufferPointer(start: next, count: taken))
                next += taken
                left -= taken
                guard pending.count == 32 else { return }
                pending.withUnsafeBytes { ContentHash.round(&a, &b, $0.baseAddress!) }
                pending.removeAll(keepingCapacity: true)
            }
            while left >= 32 {
                ContentHash.round(&a, &b, next)
                next += 32
                left -= 32
            }
            pending.append(contentsOf: UnsafeRawBufferPointer(start: next, count: left))
        }

        /// The hash; nil when the bytes added are not `count` long.
        func finish() -> UInt64? {
            guard added == count else { return nil }
            return pending.withUnsafeBytes { ContentHash.last(a, b, $0, count: count) }
        }
    }

    /// The two lanes and the length, mixed into one value.
    fileprivate static func finish(_ a: UInt64, _ b: UInt64, _ count: Int) -> UInt64 {
        fold(a ^ k3, b ^ UInt64(count) ^ k0)
    }

    /// The 128-bit product of `x` and `y`, its halves xor-ed: every bit of
    /// each input reaches the result.
    @inline(__always)
    fileprivate static func fold(_ x: UInt64, _ y: UInt64) -> UInt64 {
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
