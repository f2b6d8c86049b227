import Foundation

/// The one way jatta writes to standard output and standard error.
///
/// Foundation's `FileHandle.write(_:)` traps when the write fails, and
/// `print` loses the failure inside stdio's buffer, so a full disk or a
/// closed pipe either crashed jatta or went unnoticed with exit status 0.
/// Here every write is a `write(2)` loop whose failure ends the process the
/// way Unix tools end:
/// - the reader went away (EPIPE, with SIGPIPE ignored): quietly, with the
///   status a SIGPIPE death would give (141), since nobody reads any more;
/// - anything else (a full disk, an I/O error): a message on standard error,
///   when it can still be written, and exit status 74 (EX_IOERR).
enum Console {
    /// One of the two standard streams.
    enum Stream {
        case output
        case error

        var descriptor: Int32 { self == .output ? STDOUT_FILENO : STDERR_FILENO }

        /// The stream's name in messages.
        var name: (kk: String, en: String) {
            self == .output ? ("стандартты шығыс", "standard output") : ("қателер ағыны", "standard error")
        }
    }

    /// The exit status after a failed write that was not a closed pipe.
    static let ioFailureStatus: Int32 = 74
    /// The exit status after the reader closed the pipe (128 + SIGPIPE).
    static let closedPipeStatus: Int32 = 141

    /// Writes `text` to standard output.
    static func out(_ text: String) { write(text, to: .output) }

    /// Writes UTF-8 `bytes` to standard output (a listing made as bytes
    /// goes out without a round trip through `String`).
    static func out(bytes: [UInt8]) { write(bytes: bytes, to: .output) }

    /// Writes `text` and a newline to standard output.
    static func line(_ text: String = "") { write(text + "\n", to: .output) }

    /// Writes `text` to standard error.
    static func err(_ text: String) { write(text, to: .error) }

    /// Writes `text` and a newline to standard error.
    static func errorLine(_ text: String) { write(text + "\n", to: .error) }

    /// Writes all of `text` to `stream`, or ends the process (see above).
    static func write(_ text: String, to stream: Stream) { write(bytes: Array(text.utf8), to: stream) }

    /// Writes all of the UTF-8 `bytes` to `stream`, or ends the process.
    static func write(bytes: [UInt8], to stream: Stream) {
        if let failure = writeAll(bytes, to: stream.descriptor) { end(after: failure, on: stream) }
    }

    /// Writes every byte, retrying short writes and interruptions; the errno
    /// of a failure, nil when all was written.
    static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Int32? {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                if errno == EAGAIN {
                    // A non-blocking descriptor whose reader is slow: wait
                    // until it takes more instead of spinning.
                    var ready = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
                    _ = poll(&ready, 1, -1)
                    continue
                }
                return errno
            }
            offset += written
        }
        return nil
    }

    /// Ends the process after a failed write: see the type's comment.
    static func end(after failure: Int32, on stream: Stream) -> Never {
        if failure == EPIPE { exit(closedPipeStatus) }
        if stream == .output {
            _ = writeAll(Array((failureMessage(failure, on: stream) + "\n").utf8), to: STDERR_FILENO)
        }
        exit(ioFailureStatus)
    }

    /// "jatta: standard output: no space left on the disk" in both languages.
    static func failureMessage(_ failure: Int32, on stream: Stream) -> String {
        let reason = writeFailureReason(failure)
        return "jatta: \(stream.name.kk): жазу мүмкін емес: \(reason.kk)\njatta: \(stream.name.en): cannot write: \(reason.en)"
    }

    /// Why a write failed, in words a student acts on: a full disk is
    /// named as such, not as the "input/output error" it may surface as.
    static func writeFailureReason(_ failure: Int32) -> (kk: String, en: String) {
        switch failure {
        case ENOSPC, EDQUOT: return ("дискіде орын қалмады", "no space left on the disk (disk full)")
        case EACCES, EPERM, EROFS: return ("жазуға рұқсат жоқ", "permission denied")
        case EIO: return ("енгізу-шығару қатесі", "input/output error")
        default:
            let text = String(cString: strerror(failure))
            return (text, text)
        }
    }
}
