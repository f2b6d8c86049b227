import Foundation

/// Writes the sessions' text to a descriptor without ever trapping: a
/// terminal that went away (EIO) or a reader that left (EPIPE) makes the
/// write fail, and the session then ends by its own rules (a lost terminal
/// is noticed on input) rather than crashing mid-report.
enum SessionOutput {
    /// Writes all of `text`; false when the descriptor refused it.
    @discardableResult
    static func write(_ text: String, to descriptor: Int32) -> Bool {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                return false
            }
            bytes = bytes.dropFirst(written)
        }
        return true
    }
}
