import Foundation
import Synchronization

/// Writes the sessions' text to a descriptor without ever trapping or
/// ending the process: a terminal that went away (EIO) or a reader that
/// left (EPIPE) makes the write fail, and the session then ends by its own
/// rules (a lost terminal is noticed on input, and every answer is already
/// saved) rather than mid-report. Commands that are not sessions end on a
/// failed write instead (`Console`); both use `Console.writeAll`.
///
/// A failed write to standard output is remembered, so that a session whose
/// output went nowhere (a full disk, a reader gone) says so and exits as
/// such a command would once it has ended (`endIfOutputFailed`), instead
/// of exiting 0 as though the student had seen it.
enum SessionOutput {
    /// The first write to standard output that failed (its errno).
    private static let outputFailure = Mutex<Int32?>(nil)

    /// Writes all of `text`; false when the descriptor refused it.
    @discardableResult
    static func write(_ text: String, to descriptor: Int32) -> Bool {
        guard let failure = Console.writeAll(Array(text.utf8), to: descriptor) else { return true }
        if descriptor == STDOUT_FILENO { outputFailure.withLock { $0 = $0 ?? failure } }
        return false
    }

    /// Ends the process as `Console.end` does when a write to standard
    /// output failed during the session; returns when none did.
    static func endIfOutputFailed() {
        if let failure = outputFailure.withLock({ $0 }) { Console.end(after: failure, on: .output) }
    }
}
