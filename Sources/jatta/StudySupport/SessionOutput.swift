import Foundation

/// Writes the sessions' text to a descriptor without ever trapping or
/// ending the process: a terminal that went away (EIO) or a reader that
/// left (EPIPE) makes the write fail, and the session then ends by its own
/// rules (a lost terminal is noticed on input, and every answer is already
/// saved) rather than mid-report. Commands that are not sessions end on a
/// failed write instead (`Console`); both use `Console.writeAll`.
enum SessionOutput {
    /// Writes all of `text`; false when the descriptor refused it.
    @discardableResult
    static func write(_ text: String, to descriptor: Int32) -> Bool {
        Console.writeAll(Array(text.utf8), to: descriptor) == nil
    }
}
