import DeckIndex
import ReviewStore

/// Where a file kept between starts beside the deck index comes from: the
/// build that wrote it, and the store file and log position it was read
/// at. The kept schedules (`KeptSchedules`) and the kept queue
/// (`KeptQueueFile`) both begin with a magic line, the length of their
/// header, and a header that begins with it; a file of another build or
/// another store file is never used. The kept exam rule's days
/// (`KeptExamRuleDays`) are framed the same way (`header(of:magic:)`,
/// `body(of:length:hash:)`, `writeHeading`), with a header of their own.
struct KeptFileOrigin: Sendable {
    /// The build that wrote it (`DeckLoading.stamp`).
    var stamp: String
    /// The store file it was read from, resolved.
    var storePath: String
    /// That file's device.
    var device: UInt64
    /// That file's inode.
    var inode: UInt64
    /// Where the store's log stood when it was read.
    var position: ProgressStore.LogPosition

    /// Written by this build for the store file `storePath` (its device and
    /// inode `storeFile`), at `position`.
    init(storePath: String, storeFile: (device: UInt64, inode: UInt64), position: ProgressStore.LogPosition) {
        self.init(
            stamp: DeckLoading.stamp, storePath: storePath, device: storeFile.device, inode: storeFile.inode,
            position: position)
    }

    init(stamp: String, storePath: String, device: UInt64, inode: UInt64, position: ProgressStore.LogPosition) {
        self.stamp = stamp
        self.storePath = storePath
        self.device = device
        self.inode = inode
        self.position = position
    }

    /// Whether this build wrote it for the store file `storePath` (its
    /// device and inode `storeFile`).
    func isOf(storePath: String, storeFile: (device: UInt64, inode: UInt64)) -> Bool {
        stamp == DeckLoading.stamp && self.storePath == storePath && device == storeFile.device
            && inode == storeFile.inode
    }

    /// Read from the start of a header (`IndexReader`: every read bounds-checked).
    init(_ reader: inout IndexReader) throws {
        let stamp = try reader.string()
        let storePath = try reader.string()
        let device = try reader.fixed64()
        let inode = try reader.fixed64()
        let position = ProgressStore.LogPosition(
            id: Int64(bitPattern: try reader.fixed64()), at: Int64(bitPattern: try reader.fixed64()),
            card: Int64(bitPattern: try reader.fixed64()), rebuilds: Int64(bitPattern: try reader.fixed64()))
        self.init(stamp: stamp, storePath: storePath, device: device, inode: inode, position: position)
    }

    /// Written at the start of a header.
    func write(_ writer: inout IndexWriter) {
        writer.string(stamp)
        writer.string(storePath)
        for word in [device, inode] { writer.fixed64(word) }
        for word in [position.id, position.at, position.card, position.rebuilds] {
            writer.fixed64(UInt64(bitPattern: word))
        }
    }

    /// The rest of `file`, read past its header: `length` bytes that end
    /// the file, whose hash (`CacheFile.hash`) is `hash`. Nil otherwise
    /// (a file cut short, grown, or changed since it was written).
    static func body(of file: CacheFile.Reader, length: Int, hash: UInt64) -> [UInt8]? {
        guard length <= file.size, file.size == file.offset + length else { return nil }
        var body = [UInt8](repeating: 0, count: length)
        guard body.withUnsafeMutableBytes({ file.read(into: $0) }), body.withUnsafeBytes({ CacheFile.hash($0) }) == hash
        else { return nil }
        return body
    }

    /// The header of `file`, which must begin with `magic` and the header's
    /// length; the reader left after it. Nil when the file does not begin so.
    static func header(of file: CacheFile.Reader, magic: [UInt8]) -> [UInt8]? {
        var start = [UInt8](repeating: 0, count: magic.count + 8)
        guard start.withUnsafeMutableBytes({ file.read(into: $0) }), Array(start.prefix(magic.count)) == magic,
            let headerLength = start.withUnsafeBufferPointer({ bytes -> Int? in
                var reader = IndexReader(bytes, from: magic.count)
                return (try? reader.fixed64()).flatMap { Int(exactly: $0) }
            }),
            headerLength <= file.size
        else { return nil }
        var header = [UInt8](repeating: 0, count: headerLength)
        guard header.withUnsafeMutableBytes({ file.read(into: $0) }) else { return nil }
        return header
    }

    /// Writes `magic`, the length of `header`, and `header` through `write`.
    static func writeHeading(
        magic: [UInt8], header: [UInt8], _ write: (UnsafeRawBufferPointer) -> Bool
    ) -> Bool {
        var lengthWord = IndexWriter()
        lengthWord.fixed64(UInt64(header.count))
        return magic.withUnsafeBytes(write) && lengthWord.bytes.withUnsafeBytes(write) && header.withUnsafeBytes(write)
    }
}
