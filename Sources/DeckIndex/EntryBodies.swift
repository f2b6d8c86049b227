import DeckFormat
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The card bodies of one entry, decoded when a card first needs its body
/// (`CardBodySource`).
///
/// They stay in the entry file, which is kept open (entries are only ever
/// replaced by renaming a new file over them, never written in place, so
/// the open file keeps its bytes). They are read a block at a time, and a
/// block's bytes are checked against its hash in the entry's head before
/// any body in it is decoded: a start reads and hashes the few blocks of
/// the cards it shows, never all of them. A block that does not match
/// (the entry damaged on disk) is not used: the deck file is parsed again
/// (`Recovery`) — when it still has the content the entry was made from —
/// and the entry is removed, so the next start rebuilds it.
///
/// At most `openLimit` entries are kept open in a process; past that an
/// entry's bodies are read whole and checked at once.
final class EntryBodies: CardBodyDecoding {
    /// How many bytes of bodies each hash covers, and the least a read
    /// brings in: bodies are stored in deck order, so a command that walks
    /// every card (`list --json`) finds the next body in the block already
    /// read instead of paying a system call per card.
    static let blockSize = 64 << 10

    /// How many entries a process keeps open at once.
    static let openLimit = 128

    /// Entries kept open now.
    private static let kept = Atomic<Int>(0)

    /// Where the bytes are.
    enum Bytes: Sendable {
        /// In the open entry file.
        case file(EntryFile.Descriptor)
        /// Read whole and checked (past `openLimit`).
        case memory([UInt8])
    }

    /// Where the bytes are.
    let bytes: Bytes
    /// Where the bodies start in the entry file (cards' offsets count from
    /// the file's start).
    let start: Int
    /// The bodies' length in bytes.
    let length: Int
    /// The hash of each block of bodies, in order.
    let blockHashes: [UInt64]
    /// The blocks last read, from which block on (file only).
    private let window = Mutex<(firstBlock: Int, bytes: [UInt8])>((0, []))
    /// Gives bodies from the deck file when a block is damaged.
    let recovery: Recovery

    private init(bytes: Bytes, start: Int, length: Int, blockHashes: [UInt64], recovery: Recovery) {
        self.bytes = bytes
        self.start = start
        self.length = length
        self.blockHashes = blockHashes
        self.recovery = recovery
    }

    deinit {
        if case .file = bytes { Self.kept.subtract(1, ordering: .relaxed) }
    }

    /// The bodies of `entry`, whose head said they are `length` bytes in
    /// blocks hashed `blockHashes`; nil when the file's size does not fit
    /// them (cut short or grown), or, past the open limit, a block does
    /// not match.
    static func of(_ entry: EntryFile, length: Int, blockHashes: [UInt64], recovery: Recovery) -> EntryBodies? {
        let start = entry.headStart + entry.header.headLength
        guard entry.size - start == length, blockHashes.count == blockCount(length) else { return nil }
        if kept.add(1, ordering: .relaxed).newValue <= openLimit {
            return EntryBodies(
                bytes: .file(entry.descriptor), start: start, length: length, blockHashes: blockHashes,
                recovery: recovery)
        }
        kept.subtract(1, ordering: .relaxed)
        guard let all = entry.rest(from: start),
            all.withUnsafeBufferPointer({ bytes in
                blockHashes.indices.allSatisfy { blockHash(bytes, block: $0) == blockHashes[$0] }
            })
        else { return nil }
        return EntryBodies(bytes: .memory(all), start: start, length: length, blockHashes: blockHashes, recovery: recovery)
    }

    /// How many blocks `length` bytes of bodies make.
    static func blockCount(_ length: Int) -> Int { (length + blockSize - 1) / blockSize }

    /// The hash of block `block` of `bodies` (all the bodies' bytes).
    static func blockHash(_ bodies: UnsafeBufferPointer<UInt8>, block: Int) -> UInt64 {
        let from = block * blockSize
        return ContentHash.of(UnsafeBufferPointer(rebasing: bodies[from..<min(from + blockSize, bodies.count)]))
    }

    func body(at offset: Int, length: Int) -> CardBody? {
        let relative = offset - start
        guard relative >= 0, length > 0, relative <= self.length - length else { return nil }
        return withBytes(length, at: relative, Self.decode) ?? recovery.body(at: relative)
    }

    /// `body` over the `length` bytes at `relative` (from the bodies'
    /// start), or nil when a block they lie in does not match its hash.
    private func withBytes(_ length: Int, at relative: Int, _ body: (UnsafeBufferPointer<UInt8>) -> CardBody?)
        -> CardBody?
    {
        switch bytes {
        case .memory(let all):
            return all.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[relative..<relative + length])) }
        case .file(let descriptor):
            return window.withLock { window in
                let first = relative / Self.blockSize
                let last = (relative + length - 1) / Self.blockSize
                let from = window.firstBlock * Self.blockSize
                if relative < from || relative + length > from + window.bytes.count {
                    let end = min((last + 1) * Self.blockSize, self.length)
                    let read = descriptor.read(end - first * Self.blockSize, at: start + first * Self.blockSize)
                    guard read.count == end - first * Self.blockSize else { return nil }
                    let matches = read.withUnsafeBufferPointer { blocks in
                        (first...last).allSatisfy { Self.blockHash(blocks, block: $0 - first) == blockHashes[$0] }
                    }
                    guard matches else { return nil }
                    window = (first, read)
                }
                let at = relative - window.firstBlock * Self.blockSize
                return window.bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[at..<at + length])) }
            }
        }
    }

    /// A body that fills `bytes` exactly.
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> CardBody? {
        var r = IndexReader(bytes)
        guard let body = try? ParsedDeckCoding.decodeBody(&r), r.isAtEnd else { return nil }
        return body
    }

    /// The bodies of a deck file parsed again, for an entry whose bodies
    /// turned out damaged after its heads were used: the same parse gives
    /// the same bodies at the same places (`ParsedDeckCoding.encodeBody`),
    /// as long as the file still holds the content the entry was made
    /// from (else no body: the card shows empty, and the next start
    /// parses the file anyway).
    final class Recovery: Sendable {
        /// The deck file's absolute path.
        let path: String
        /// The name it was loaded under.
        let file: String
        /// The content hash of the bytes the entry was made from.
        let contentHash: UInt64
        /// The entry file, removed when found damaged.
        let entryPath: String
        /// Bodies by their place from the bodies' start, once parsed.
        private let bodies = Mutex<[Int: CardBody]?>(nil)

        init(path: String, file: String, contentHash: UInt64, entryPath: String) {
            self.path = path
            self.file = file
            self.contentHash = contentHash
            self.entryPath = entryPath
        }

        func body(at relative: Int) -> CardBody? {
            bodies.withLock { bodies in
                if bodies == nil {
                    // The entry is damaged: the next start parses the file.
                    unlink(entryPath)
                    bodies = parse() ?? [:]
                }
                return bodies?[relative]
            }
        }

        private func parse() -> [Int: CardBody]? {
            guard let bytes = EntryFile.contents(path), bytes.withUnsafeBufferPointer(ContentHash.of) == contentHash
            else { return nil }
            var w = IndexWriter()
            var bodies: [Int: CardBody] = [:]
            for card in DeckParser.parse(bytes, file: file).deck.cards {
                bodies[w.bytes.count] = CardBody(content: card.content, source: card.source, lastLine: card.lastLine)
                ParsedDeckCoding.encodeBody(card, into: &w)
            }
            return bodies
        }
    }
}
