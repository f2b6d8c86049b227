#if canImport(Glibc)
    import Glibc
#else
    import Darwin
#endif
import Foundation

/// The files of a start's caches (the deck index's entries, the kept
/// schedules of the progress store): named by a hash of what they cache,
/// written whole under a temporary name and renamed, read back in parts.
/// A cache file is checked when read and rebuilt when anything is wrong
/// with it, so it is never synced to the disk.
public enum CacheFile {
    /// The file name, without extension, of the cache of `key` (an absolute
    /// path): its 64-bit FNV-1a hash in 16 hexadecimal digits.
    public static func name(for key: String) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key.utf8 {
            h ^= UInt64(byte)
            h = h &* 0x0000_0100_0000_01b3
        }
        let name = String(h, radix: 16)
        return String(repeating: "0", count: 16 - name.count) + name
    }

    /// `path` (absolute) with its symbolic links resolved, the key of its
    /// cache: every spelling of one file shares one. A path that does not
    /// resolve is its own key.
    public static func resolved(_ path: String) -> String {
        guard let real = realpath(path, nil) else { return path }
        defer { free(real) }
        return String(cString: real)
    }

    /// A 64-bit hash of `bytes`, which any change of a byte changes with
    /// near certainty (`ContentHash`; not cryptographic).
    public static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        bytes.withMemoryRebound(to: UInt8.self) { ContentHash.of($0) }
    }

    /// `hash` of bytes handed over in parts whose whole length, `count`,
    /// is known first (`ContentHash.Parts`): the same value as `hash` of
    /// the parts joined.
    public struct Hasher {
        private var parts: ContentHash.Parts

        public init(count: Int) { parts = ContentHash.Parts(count: count) }

        public mutating func add(_ bytes: UnsafeRawBufferPointer) { parts.add(bytes) }

        /// The hash; nil when the bytes added were not `count` long.
        public func finish() -> UInt64? { parts.finish() }
    }

    /// Writes what `parts` hands to its `write`, one part after another, to
    /// a temporary name beside `path` in `directory` (made when missing,
    /// private to the student), then renames it over `path`, so that a
    /// reader never sees half a file; false when anything fails (`parts`
    /// may say so by returning false).
    ///
    /// Written with `write(2)`, not synced: Foundation's atomic write synced
    /// each file (3 to 15 ms of waiting for a deck index entry of 10,000
    /// cards) through a second temporary file, and wanted the parts joined
    /// in one buffer first.
    public static func replace(
        _ path: String, directory: String, parts: (_ write: (UnsafeRawBufferPointer) -> Bool) -> Bool
    ) -> Bool {
        do {
            try FileManager.default.createDirectory(
                atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            return false
        }
        let temporary = path + ".\(getpid()).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return false }
        // The mode exactly 0600, whatever the umask.
        var written = fchmod(fd, 0o600) == 0
        if written {
            written = parts { bytes in writeAll(bytes, to: fd) }
        }
        if close(fd) != 0 { written = false }
        guard written, rename(temporary, path) == 0 else {
            unlink(temporary)
            return false
        }
        return true
    }

    /// Writes all of `bytes` to `fd` (a `write` may take fewer); false on
    /// an error.
    private static func writeAll(_ bytes: UnsafeRawBufferPointer, to fd: Int32) -> Bool {
        guard var next = bytes.baseAddress else { return true }
        var left = bytes.count
        while left > 0 {
            #if canImport(Glibc)
                let n = Glibc.write(fd, next, left)
            #else
                let n = Darwin.write(fd, next, left)
            #endif
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { return false }
            next += n
            left -= n
        }
        return true
    }

    /// A cache file read from its start, part after part.
    public final class Reader {
        /// The open file.
        private let fd: Int32
        /// The file's size when opened.
        public let size: Int
        /// Where the next part starts.
        public private(set) var offset = 0

        /// The regular file at `path`, opened; nil when there is none.
        public init?(path: String) {
            let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
            guard fd >= 0 else { return nil }
            var s = stat()
            guard fstat(fd, &s) == 0, (s.st_mode & S_IFMT) == S_IFREG else {
                close(fd)
                return nil
            }
            self.fd = fd
            self.size = Int(s.st_size)
            #if canImport(Glibc)
                if size > 1 << 16 {
                    // Read straight through: ask for the file ahead.
                    _ = posix_fadvise(fd, 0, off_t(size), Int32(POSIX_FADV_SEQUENTIAL))
                }
            #endif
        }

        deinit { close(fd) }

        /// Makes the next read start at `offset` (within the file).
        public func seek(to offset: Int) {
            self.offset = Swift.min(Swift.max(0, offset), size)
        }

        /// Fills `buffer` with the file's next bytes; false when the file
        /// ends first or cannot be read.
        public func read(into buffer: UnsafeMutableRawBufferPointer) -> Bool {
            let done = buffer.withMemoryRebound(to: UInt8.self) { EntryFile.fill($0, from: fd, at: offset) }
            offset += done
            return done == buffer.count
        }
    }
}
