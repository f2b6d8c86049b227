import Foundation

/// A look at the first bytes of an existing file before SQLite opens it, so
/// that a file that is not a database, or is another program's database in
/// rollback-journal mode, is refused without SQLite switching it to WAL.
enum FileHeader {
    private static let magic = Array("SQLite format 3\0".utf8)

    static func check(path: String) throws {
        // stat first: opening a FIFO to read its header would wait forever
        // for a writer, and SQLite on /dev/null creates /dev/null-journal.
        var info = stat()
        guard stat(path, &info) == 0 else { return }
        if let kind = nonRegularKind(info.st_mode) { throw StoreError(.notAFile(kind), path: path) }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw StoreError(.cannotOpen, path: path)
        }
        defer { try? handle.close() }
        let header: [UInt8]
        do {
            header = Array(try handle.read(upToCount: 100) ?? Data())
        } catch {
            throw StoreError(.ioError, path: path, detail: "\(error)")
        }
        if header.isEmpty { return }  // a new, empty database file
        guard header.count == 100, Array(header[0..<16]) == magic else {
            throw StoreError(.notADatabase, path: path)
        }
        let applicationID = header[68..<72].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        let walMode = header[18] == 2 && header[19] == 2
        if applicationID != 0 && applicationID != UInt32(bitPattern: Schema.applicationID) {
            throw StoreError(.foreignDatabase, path: path)
        }
        // jatta switches a database to WAL before writing anything into it, so
        // a rollback-journal database with content is someone else's.
        if applicationID == 0 && !walMode {
            throw StoreError(.foreignDatabase, path: path)
        }
    }

    /// What a file mode names when it is not a regular file; nil for one.
    static func nonRegularKind(_ mode: mode_t) -> StoreError.FileKind? {
        switch mode & S_IFMT {
        case S_IFREG: nil
        case S_IFDIR: .folder
        case S_IFIFO: .fifo
        case S_IFSOCK: .socket
        default: .device
        }
    }

    /// Whether `path` is an empty regular file with no write-ahead log
    /// beside it: a database nothing was ever written into. Reading
    /// commands treat it as "nothing recorded" instead of writing a schema.
    static func isUnwrittenFile(path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0, nonRegularKind(info.st_mode) == nil, info.st_size == 0 else { return false }
        var wal = stat()
        return stat(path + "-wal", &wal) != 0 || wal.st_size == 0
    }

    /// Creates the database file readable and writable by its owner only
    /// (0600, whatever the umask), so a student's progress on a shared
    /// server is theirs alone. SQLite gives the -wal and -shm files the
    /// permissions of the database file. An existing file is left as it is.
    static func createPrivately(path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        if descriptor < 0 {
            if errno == EEXIST { return }
            let reason = String(cString: strerror(errno))
            throw StoreError(.cannotOpen, path: path, detail: reason)
        }
        defer { close(descriptor) }
        // The umask may have taken bits away from 0600 but never adds any;
        // fchmod makes the mode exact either way.
        _ = fchmod(descriptor, 0o600)
    }
}
