import DeckIndex
import Testing

/// The deck index's numbers (LEB128 unsigned, zigzag signed) read back as
/// written, one byte or several, and a damaged number is refused.
@Suite struct IndexNumberTests {
    static let unsigned: [UInt64] = [0, 1, 126, 127, 128, 129, 255, 16_383, 16_384, 1 << 35, UInt64.max - 1, UInt64.max]
    static let signed: [Int] = [0, 1, -1, 63, -64, 64, -65, 1_000_000, -1_000_000, Int.max, Int.min]

    @Test func numbersReadBackAsWritten() throws {
        var writer = IndexWriter()
        for value in Self.unsigned { writer.unsigned(value) }
        for value in Self.signed { writer.int(value) }
        let (unsigned, signed, atEnd) = try writer.bytes.withUnsafeBufferPointer { bytes throws(IndexDamage) in
            var reader = IndexReader(bytes)
            var unsigned: [UInt64] = []
            var signed: [Int] = []
            for _ in Self.unsigned { unsigned.append(try reader.unsigned()) }
            for _ in Self.signed { signed.append(try reader.int()) }
            return (unsigned, signed, reader.isAtEnd)
        }
        #expect(unsigned == Self.unsigned)
        #expect(signed == Self.signed)
        #expect(atEnd)
    }

    @Test func aNumberCutShortOrTooLongIsDamage() {
        // A continuation byte with nothing after it; eleven continuation
        // bytes (more than 64 bits); nothing at all.
        for bytes: [UInt8] in [[0x80], [0xFF, 0xFF], Array(repeating: 0xFF, count: 11) + [0x01], []] {
            bytes.withUnsafeBufferPointer { buffer in
                var reader = IndexReader(buffer)
                #expect(throws: IndexDamage.self) { try reader.unsigned() }
            }
        }
    }
}
