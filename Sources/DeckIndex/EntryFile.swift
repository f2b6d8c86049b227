import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An index entry opened for a start: its header and its head (title,
/// metadata, diagnostics, every card's head) read and checked, its bodies
/// left in the file.
///
/// The bodies are most of an entry (4 MB of an entry of 10,000 cards), and
/// a start shows a handful of cards: they are neither read nor hashed at
/// start. Each block of `EntryBodies.blockSize` bytes of them has its own
/// hash in the head, checked when the block is first read for a card.
struct EntryFile {
    /// What the header says.
    let header: EntryHeader
    /// The head's bytes, checked against `header.headHash`.
    let head: Head
    /// Where the head starts in the file (the bodies follow it).
    let headStart: Int
    /// The file's size.
    let size: Int
    /// The open entry file.
    let descriptor: Descriptor

    /// An entry's head: memory of its own, which the cards' table read
    /// from it points into and holds (`IndexedCards.init?(adopting:…)`).
    final class Head: @unchecked Sendable {
        /// The bytes; never changed after `EntryFile.load` fills them.
        let bytes: UnsafeMutableBufferPointer<UInt8>

        init(count: Int) { bytes = .allocate(capacity: count) }

        deinit { bytes.deallocate() }
    }

    /// An open file, closed when the last thing reading from it is gone.
    final class Descriptor: Sendable {
        /// The file descriptor.
        let fd: Int32

        init(_ fd: Int32) { self.fd = fd }

        deinit { close(fd) }

        /// `length` bytes from `offset`, or fewer where the file ends.
        func read(_ length: Int, at offset: Int) -> [UInt8] {
            [UInt8](unsafeUninitializedCapacity: length) { buffer, initialized in
                initialized = EntryFile.fill(buffer, from: fd, at: offset)
            }
        }
    }

    /// How many bytes a start reads first: the header and, for decks of a
    /// few thousand cards, the whole head.
    static let firstRead = 64 << 10

    /// The entry at `path` with its head read and checked, or nil when
    /// there is none or it is damaged (cut short, a head that does not
    /// match its hash, not an entry at all).
    static func load(_ path: String) -> EntryFile? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        let descriptor = Descriptor(fd)
        var s = stat()
        guard fstat(fd, &s) == 0, (s.st_mode & S_IFMT) == S_IFREG, s.st_size > 0 else { return nil }
        let size = Int(s.st_size)
        let first = descriptor.read(min(size, firstRead), at: 0)
        guard let (header, headStart) = first.withUnsafeBufferPointer(EntryHeader.decode),
            headStart <= size, header.headLength <= size - headStart
        else { return nil }
        let headEnd = headStart + header.headLength
        // The head of a large deck (about 300 KB at 10,000 cards) goes
        // straight into memory of its own, where its cards' rows stay.
        let head = Head(count: header.headLength)
        let inFirst = max(0, min(first.count, headEnd) - headStart)
        first.withUnsafeBufferPointer { first in
            if inFirst > 0 {
                _ = UnsafeMutableBufferPointer(rebasing: head.bytes[..<inFirst])
                    .initialize(from: first[headStart..<headStart + inFirst])
            }
        }
        var filled = inFirst
        if headEnd > first.count {
            filled += fill(UnsafeMutableBufferPointer(rebasing: head.bytes[inFirst...]), from: descriptor.fd, at: first.count)
        }
        guard filled == header.headLength, ContentHash.of(UnsafeBufferPointer(head.bytes)) == header.headHash
        else { return nil }
        return EntryFile(header: header, head: head, headStart: headStart, size: size, descriptor: descriptor)
    }

    /// The bytes from `offset` to the end of the file, or nil when fewer
    /// are there than its size said.
    func rest(from offset: Int) -> [UInt8]? {
        let bytes = descriptor.read(size - offset, at: offset)
        return bytes.count == size - offset ? bytes : nil
    }

    /// A whole small file (the kept cross-deck lint), or nil when it
    /// cannot be read (missing, not a regular file, changing size).
    static func contents(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        let descriptor = Descriptor(fd)
        var s = stat()
        guard fstat(fd, &s) == 0, (s.st_mode & S_IFMT) == S_IFREG, s.st_size > 0 else { return nil }
        let bytes = descriptor.read(Int(s.st_size), at: 0)
        return bytes.count == Int(s.st_size) ? bytes : nil
    }

    /// Reads from `offset` until `buffer` is full or the file ends; the
    /// number of bytes read.
    static func fill(_ buffer: UnsafeMutableBufferPointer<UInt8>, from fd: Int32, at offset: Int) -> Int {
        guard let base = buffer.baseAddress else { return 0 }
        var done = 0
        while done < buffer.count {
            let n = pread(fd, base + done, buffer.count - done, off_t(offset + done))
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { break }
            done += n
        }
        return done
    }
}
