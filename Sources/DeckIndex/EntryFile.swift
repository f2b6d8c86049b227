import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An index entry read whole for checking (hashes, heads), and the place
/// its cards' bodies are decoded from later.
///
/// The bodies are most of an entry (4 MB of an entry of 10,000 cards), and
/// a start shows a handful of cards: instead of keeping the entry's bytes
/// while its cards live, the entry's file stays open and a body is read
/// (`pread`) when a card first needs it. Entries are only ever replaced by
/// renaming a new file over them, never written in place, so the open file
/// keeps the very bytes that were checked. At most `openLimit` entries are
/// kept open in a process; past that an entry's bytes are kept instead.
struct EntryFile {
    /// The entry's bytes, as checked.
    let bytes: [UInt8]
    /// The open entry, when kept open.
    let handle: Handle?

    /// How many entries a process keeps open at once.
    static let openLimit = 128

    /// Entries kept open now.
    fileprivate static let kept = Atomic<Int>(0)

    /// An open entry file, closed when the last card decoding from it is gone.
    final class Handle: Sendable {
        /// The file descriptor.
        let descriptor: Int32
        /// The bytes last read ahead and where they start: bodies are
        /// stored in deck order, so a command that walks every card
        /// (`list --json`) finds the next body here instead of paying a
        /// system call per card (200,000 of them cost more than decoding
        /// the entry whole did), while a start that shows a few cards
        /// reads a few windows.
        private let window = Mutex<(start: Int, bytes: [UInt8])>((0, []))

        /// How many bytes a read past the window brings in at least.
        static let readAhead = 64 << 10

        init(_ descriptor: Int32) { self.descriptor = descriptor }

        deinit {
            close(descriptor)
            EntryFile.kept.subtract(1, ordering: .relaxed)
        }

        /// `body` over the `length` bytes at `offset`, or nil when fewer are there.
        func withBytes<T: Sendable>(_ length: Int, at offset: Int, _ body: (UnsafeBufferPointer<UInt8>) -> T?) -> T? {
            guard length >= 0, offset >= 0 else { return nil }
            return window.withLock { window in
                let inWindow = offset - window.start
                if inWindow < 0 || inWindow + length > window.bytes.count {
                    let wanted = max(length, Self.readAhead)
                    let bytes = [UInt8](unsafeUninitializedCapacity: wanted) { buffer, initialized in
                        initialized = EntryFile.fill(buffer, from: descriptor, at: offset)
                    }
                    guard bytes.count >= length else { return nil }
                    window = (offset, bytes)
                }
                let start = offset - window.start
                return window.bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[start..<start + length])) }
            }
        }
    }

    /// The entry at `path`, or nil when it cannot be read (missing, not a
    /// regular file, or changing size while read); kept open when
    /// `keepOpen` and under the limit.
    static func contents(_ path: String, keepOpen: Bool = true) -> EntryFile? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        var s = stat()
        guard fstat(fd, &s) == 0, (s.st_mode & S_IFMT) == S_IFREG, s.st_size > 0 else {
            close(fd)
            return nil
        }
        let size = Int(s.st_size)
        var complete = false
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            initialized = fill(buffer, from: fd, at: 0)
            complete = initialized == size
        }
        guard complete else {
            close(fd)
            return nil
        }
        guard keepOpen, kept.add(1, ordering: .relaxed).newValue <= openLimit else {
            if keepOpen { kept.subtract(1, ordering: .relaxed) }
            close(fd)
            return EntryFile(bytes: bytes, handle: nil)
        }
        return EntryFile(bytes: bytes, handle: Handle(fd))
    }

    /// Reads from `offset` until `buffer` is full or the file ends; the
    /// number of bytes read.
    fileprivate static func fill(_ buffer: UnsafeMutableBufferPointer<UInt8>, from fd: Int32, at offset: Int) -> Int {
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
