#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What `stat` says of a deck file: enough to tell, without reading it,
/// that it is the very file an entry was made from.
///
/// The modification time alone can be set back by anyone (`touch -d`,
/// `cp -p`, an editor keeping times); the change time cannot — every
/// write, `utimensat`, `chmod` or rename sets it to the clock's now — and
/// the inode and device tell a file replaced by another. A file whose
/// status equals the one recorded, and whose change time was already in
/// the past when it was recorded (`isSettled`), holds the bytes it held.
struct FileStatus: Equatable {
    /// Bytes.
    var size: Int
    /// Last modification, whole seconds since 1970.
    var modifiedSeconds: Int
    /// The nanoseconds of the last modification.
    var modifiedNanoseconds: Int
    /// Last change of contents or status, whole seconds since 1970 (set
    /// by the kernel, never by a user).
    var changedSeconds: Int
    /// The nanoseconds of the last change.
    var changedNanoseconds: Int
    /// The file's inode number.
    var inode: UInt64
    /// The device holding it.
    var device: UInt64

    /// How long before the status was taken its change and modification
    /// times must lie for the status to vouch for the contents. An edit
    /// in the same clock tick as the stat that recorded the file could
    /// leave every field as it was (file systems keep times in ticks of up
    /// to a second, two on FAT): git's "racily clean" rule, with a margin
    /// above the coarsest tick.
    static let settlingSeconds = 2

    /// The status of the regular file `path` can be opened for reading,
    /// else nil (missing, unreadable, not a regular file): a file the
    /// student cannot read is never served from its entry.
    static func ofReadable(_ path: String) -> FileStatus? {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        return of(descriptor: fd)
    }

    /// The status of an open regular file, else nil.
    static func of(descriptor fd: Int32) -> FileStatus? {
        var s = stat()
        guard fstat(fd, &s) == 0, (s.st_mode & S_IFMT) == S_IFREG else { return nil }
        #if canImport(Darwin)
            let (m, c) = (s.st_mtimespec, s.st_ctimespec)
        #else
            let (m, c) = (s.st_mtim, s.st_ctim)
        #endif
        return FileStatus(
            size: Int(s.st_size), modifiedSeconds: Int(m.tv_sec), modifiedNanoseconds: Int(m.tv_nsec),
            changedSeconds: Int(c.tv_sec), changedNanoseconds: Int(c.tv_nsec), inode: UInt64(s.st_ino),
            device: UInt64(s.st_dev))
    }

    /// Whether the file's last change and modification both lie more than
    /// `settlingSeconds` before `seconds` (seconds since 1970): a status
    /// taken at or after that time vouches for the contents, as no later
    /// edit can keep the change time.
    func isSettled(before seconds: Int) -> Bool {
        max(changedSeconds, modifiedSeconds) + Self.settlingSeconds < seconds
    }

    func encode(into w: inout IndexWriter) {
        w.unsigned(UInt64(size))
        w.int(modifiedSeconds)
        w.int(modifiedNanoseconds)
        w.int(changedSeconds)
        w.int(changedNanoseconds)
        w.unsigned(inode)
        w.unsigned(device)
    }

    static func decode(_ r: inout IndexReader) throws(IndexDamage) -> FileStatus {
        FileStatus(
            size: try r.number(), modifiedSeconds: try r.int(), modifiedNanoseconds: try r.int(), changedSeconds: try r.int(),
            changedNanoseconds: try r.int(), inode: try r.unsigned(), device: try r.unsigned())
    }
}
