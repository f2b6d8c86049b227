/// The start of an index entry: who wrote it, for which file under which
/// name, the deck file's status and content hash when it was read, and the
/// length and hash of the head that follows (the bodies come after it,
/// checked block by block from hashes in the head).
struct EntryHeader: Equatable {
    /// The writing build (`DeckIndex.stamp`).
    var stamp: String
    /// The deck file's absolute path.
    var path: String
    /// The deck file's name as given (the parser's messages may name it).
    var file: String
    /// The deck file's status, taken before its bytes were read.
    var status: FileStatus
    /// When the status was taken, or earlier: seconds since 1970 of the
    /// clock of the process that wrote the entry (`FileStatus.isSettled`).
    var checkedAt: Int
    /// The content hash of the bytes parsed.
    var contentHash: UInt64
    /// The head's length in bytes.
    var headLength: Int
    /// The hash of the head's bytes.
    var headHash: UInt64

    static let magic: [UInt8] = Array("JATTA-DECK-INDEX".utf8)

    func encode(into w: inout IndexWriter) {
        w.bytes.append(contentsOf: Self.magic)
        w.string(stamp)
        w.string(path)
        w.string(file)
        status.encode(into: &w)
        w.int(checkedAt)
        w.fixed64(contentHash)
        w.unsigned(UInt64(headLength))
        w.fixed64(headHash)
    }

    /// The header at the start of `bytes` and where it ends, or nil when
    /// the bytes do not start with a whole header.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> (EntryHeader, end: Int)? {
        guard bytes.count > magic.count, bytes.prefix(magic.count).elementsEqual(magic) else { return nil }
        var r = IndexReader(bytes, from: magic.count)
        do {
            let header = EntryHeader(
                stamp: try r.string(), path: try r.string(), file: try r.string(), status: try FileStatus.decode(&r),
                checkedAt: try r.int(), contentHash: try r.fixed64(), headLength: try r.number(),
                headHash: try r.fixed64())
            return (header, r.position)
        } catch {
            return nil
        }
    }
}
