/// Reads what `IndexWriter` wrote. Every read is bounds-checked: a damaged
/// entry throws `IndexDamage` (and is rebuilt from the deck file), it never
/// traps or reads past the end.
public struct IndexReader {
    /// The entry's bytes.
    let bytes: UnsafeBufferPointer<UInt8>
    /// Where the next read starts.
    var position = 0

    public init(_ bytes: UnsafeBufferPointer<UInt8>, from position: Int = 0) {
        self.bytes = bytes
        self.position = position
    }

    public var isAtEnd: Bool { position == bytes.count }

    public mutating func byte() throws(IndexDamage) -> UInt8 {
        guard position < bytes.count else { throw IndexDamage() }
        defer { position += 1 }
        return bytes[position]
    }

    public mutating func unsigned() throws(IndexDamage) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let b = try byte()
            guard shift < 64 else { throw IndexDamage() }
            result |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return result }
            shift += 7
        }
    }

    public mutating func int() throws(IndexDamage) -> Int {
        let u = try unsigned()
        return Int(Int64(bitPattern: (u >> 1) ^ (0 &- (u & 1))))
    }

    /// A count of things still to read, refused when it cannot fit in what
    /// is left (each thing takes at least one byte), so a damaged count
    /// cannot make a huge allocation.
    public mutating func count() throws(IndexDamage) -> Int {
        let n = try unsigned()
        guard n <= UInt64(bytes.count - position) else { throw IndexDamage() }
        return Int(n)
    }

    /// A number (a length, an index into a table) that fits in an `Int`;
    /// unlike `count()`, not bounded by what is left to read (a body's
    /// length lies outside the head that holds it).
    public mutating func number() throws(IndexDamage) -> Int {
        guard let n = Int(exactly: try unsigned()) else { throw IndexDamage() }
        return n
    }

    public mutating func bool() throws(IndexDamage) -> Bool {
        switch try byte() {
        case 0: return false
        case 1: return true
        default: throw IndexDamage()
        }
    }

    public mutating func string() throws(IndexDamage) -> String {
        let n = try count()
        let start = position
        position += n
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
    }

    /// A string's UTF-8 bytes where they lie, without making the string;
    /// bytes that are not UTF-8 as written (which `string()` would mend)
    /// are damage.
    public mutating func stringBytes() throws(IndexDamage) -> UnsafeBufferPointer<UInt8> {
        let n = try count()
        let start = position
        position += n
        let text = UnsafeBufferPointer(rebasing: bytes[start..<position])
        guard text.allSatisfy({ $0 < 0x80 }) || String(decoding: text, as: UTF8.self).utf8.elementsEqual(text) else {
            throw IndexDamage()
        }
        return text
    }

    /// The next `count` bytes where they lie.
    public mutating func raw(_ count: Int) throws(IndexDamage) -> UnsafeBufferPointer<UInt8> {
        guard count >= 0, count <= bytes.count - position else { throw IndexDamage() }
        defer { position += count }
        return UnsafeBufferPointer(rebasing: bytes[position..<position + count])
    }

    public mutating func optionalString() throws(IndexDamage) -> String? {
        try bool() ? try string() : nil
    }

    public mutating func strings() throws(IndexDamage) -> [String] {
        let n = try count()
        var result: [String] = []
        result.reserveCapacity(n)
        for _ in 0..<n { result.append(try string()) }
        return result
    }

    public mutating func fixed64() throws(IndexDamage) -> UInt64 {
        guard bytes.count - position >= 8 else { throw IndexDamage() }
        var value: UInt64 = 0
        for i in 0..<8 { value |= UInt64(bytes[position + i]) << UInt64(8 * i) }
        position += 8
        return value
    }
}

/// An index entry that cannot be read as written: truncated, overwritten,
/// or not an entry at all. Never shown; the deck file is parsed instead.
public struct IndexDamage: Error {}
