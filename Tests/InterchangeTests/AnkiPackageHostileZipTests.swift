import Foundation
@testable import Interchange
import Testing

/// Zips whose entries lie about themselves (issue 19): a deflate stream
/// that does not end within its compressed bytes once made the reader spin
/// forever; now each is a damaged package, reported promptly.
@Suite struct AnkiPackageHostileZipTests {
    /// The error code of reading the package `bytes`, or "read" when it reads.
    static func readCode(_ bytes: [UInt8]) -> String {
        let path = NSTemporaryDirectory() + "/jatta-hostile-zip-\(getpid())-\(UUID().uuidString).apkg"
        defer { unlink(path) }
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else { return "cannot write" }
        do {
            _ = try AnkiPackage.read(path: path, temporaryDirectory: NSTemporaryDirectory())
            return "read"
        } catch {
            return error.code
        }
    }

    /// Reads `bytes` on a thread of its own and gives its error code, or
    /// nil when it has not returned within `seconds` (the thread is left
    /// spinning: a hang must fail the test, not stall the suite).
    static func readCode(_ bytes: [UInt8], within seconds: Double) -> String? {
        final class Outcome: @unchecked Sendable {
            let lock = NSLock()
            var code: String?
        }
        let outcome = Outcome()
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            let code = readCode(bytes)
            outcome.lock.withLock { outcome.code = code }
            done.signal()
        }
        guard done.wait(timeout: .now() + seconds) == .success else { return nil }
        return outcome.lock.withLock { outcome.code }
    }

    /// The fuzzer's finding: a 4 KiB package whose deflate stream runs off
    /// the end of the file.
    @Test func theFuzzFindingIsRefusedPromptly() throws {
        let finding = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../scripts/fuzz/findings/apkg-fuzz-timeout-1")
        // The harness's first byte chooses its mode; the package is the rest.
        let package = Array(try Data(contentsOf: finding).dropFirst())
        let code = Self.readCode(package, within: 10)
        #expect(code != nil, "reading the package did not return within 10 s")
        #expect(code == "not-a-zip")
    }

    /// A deflate stream whose one block is not the last: it never ends.
    @Test func aDeflateStreamCutShortIsDamaged() {
        let block: [UInt8] = [0x00, 0x02, 0x00, 0xFD, 0xFF, 0x08, 0x03]
        let zip = Self.zip(name: "meta", method: 8, data: block, crc: Self.crc32([0x08, 0x03]), size: 2)
        #expect(Self.readCode(zip, within: 10) == "not-a-zip")
    }

    /// The same stream, its block marked last, reads (and, the package
    /// holding nothing but `meta`, finds no collection); with a wrong
    /// CRC-32 it is damaged.
    @Test func aWrongChecksumIsDamaged() {
        let block: [UInt8] = [0x01, 0x02, 0x00, 0xFD, 0xFF, 0x08, 0x03]
        let right = Self.crc32([0x08, 0x03])
        #expect(Self.readCode(Self.zip(name: "meta", method: 8, data: block, crc: right, size: 2)) == "no-collection")
        #expect(Self.readCode(Self.zip(name: "meta", method: 8, data: block, crc: right ^ 1, size: 2)) == "not-a-zip")
        #expect(Self.readCode(Self.zip(name: "meta", method: 0, data: [0x08, 0x03], crc: right ^ 1, size: 2)) == "not-a-zip")
    }

    /// An entry said to reach past the central directory.
    @Test func anEntryOutOfBoundsIsRefused() {
        var zip = Self.zip(name: "meta", method: 0, data: [0x08, 0x03], crc: Self.crc32([0x08, 0x03]), size: 2)
        // The central record's compressed size (it starts after the 36-byte local part).
        let central = 30 + 4 + 2
        zip[central + 20] = 0xF0
        #expect(Self.readCode(zip, within: 10) == "not-a-zip")
    }

    /// A one-entry zip, made byte by byte so it may lie.
    static func zip(name: String, method: UInt16, data: [UInt8], crc: UInt32, size: UInt32) -> [UInt8] {
        func le16(_ v: UInt16) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8)] }
        func le32(_ v: UInt32) -> [UInt8] { (0..<4).map { UInt8((v >> (8 * $0)) & 0xFF) } }
        let nameBytes = Array(name.utf8)
        var out: [UInt8] = le32(0x0403_4b50) + le16(20) + le16(0) + le16(method) + le16(0) + le16(0)
        out += le32(crc) + le32(UInt32(data.count)) + le32(size) + le16(UInt16(nameBytes.count)) + le16(0)
        out += nameBytes + data
        let directoryOffset = UInt32(out.count)
        var central: [UInt8] = le32(0x0201_4b50) + le16(20) + le16(20) + le16(0) + le16(method) + le16(0) + le16(0)
        central += le32(crc) + le32(UInt32(data.count)) + le32(size) + le16(UInt16(nameBytes.count))
        central += le16(0) + le16(0) + le16(0) + le16(0) + le32(0o100644 << 16) + le32(0) + nameBytes
        out += central
        out += le32(0x0605_4b50) + le16(0) + le16(0) + le16(1) + le16(1)
        out += le32(UInt32(central.count)) + le32(directoryOffset) + le16(0)
        return out
    }

    /// CRC-32 (the zip polynomial), bit by bit, to make a right checksum.
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }
}
