import Foundation

/// Writing a file the user named on the command line (`extract -o`,
/// `quiz --json`).
enum OutputFile {
    /// Writes `data` to `path`. A regular file (or a new one) is replaced
    /// atomically, so an interrupted run never leaves half a file. Anything
    /// else that already exists — `/dev/null`, `/dev/stdout`, a FIFO, a
    /// shell's `>(…)` — is written into: renaming over it would replace the
    /// device node itself with a regular file.
    static func write(_ data: Data, to path: String) throws {
        var info = stat()
        if stat(path, &info) == 0, (info.st_mode & S_IFMT) != S_IFREG {
            guard let handle = FileHandle(forWritingAtPath: path) else {
                throw CocoaError(.fileWriteNoPermission)
            }
            defer { try? handle.close() }
            try handle.write(contentsOf: data)
            return
        }
        try data.write(to: URL(fileURLWithPath: path), options: .atomic)
    }
}
