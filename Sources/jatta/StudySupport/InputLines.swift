import Foundation
import TerminalUI

/// Standard input read line by line for the plain modes, in a way that
/// notices the end of a session at once: a stop signal (the read is
/// interrupted, not restarted) and a lost terminal (EIO, or end of input
/// while the terminal reports a hang-up). `Swift.readLine` would block in
/// `read` through both.
final class InputLines {
    /// Why input ended.
    enum End: Equatable {
        /// End of input: the pipe closed, or Ctrl-D on a live terminal.
        case endOfInput
        /// The terminal went away (with or without a SIGHUP).
        case hangUp
        /// A stop signal arrived (its number).
        case signal(Int32)
    }

    /// The descriptor read (standard input).
    private let descriptor: Int32
    /// Bytes read but not yet returned as a line.
    private var buffered: [UInt8] = []
    /// Set once input has ended, with why; every later read returns nil.
    private(set) var end: End?

    /// Whether input was a terminal when reading began (a hung-up terminal
    /// no longer answers `isatty`).
    private let isTerminal: Bool

    init(descriptor: Int32 = STDIN_FILENO) {
        self.descriptor = descriptor
        self.isTerminal = isatty(descriptor) == 1
    }

    /// The next line without its line end ("\n" or "\r\n"), or nil when
    /// input ended (see `end`). A last line without a line end is returned.
    func next() -> String? {
        if end != nil { return nil }
        while true {
            if let newline = buffered.firstIndex(of: 10) {
                var line = Array(buffered[..<newline])
                buffered.removeSubrange(...newline)
                if line.last == 13 { line.removeLast() }
                return String(decoding: line, as: UTF8.self)
            }
            if let signal = StopSignals.take() {
                end = .signal(signal)
                return nil
            }
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, 250)
            if ready < 0 {
                if errno == EINTR { continue }
                return finish(.hangUp)
            }
            if ready == 0 { continue }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                buffered += chunk[..<count]
                continue
            }
            if count < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                return finish(.hangUp)
            }
            // End of input: a hang-up when the terminal reports one; Ctrl-D on
            // a live terminal or a closed pipe is the student's own end.
            let hungUp = isTerminal && poller.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0
            return finish(hungUp ? .hangUp : .endOfInput)
        }
    }

    /// Ends input for `reason`, handing out a last unterminated line first.
    private func finish(_ reason: End) -> String? {
        end = reason
        guard !buffered.isEmpty else { return nil }
        defer { buffered = [] }
        return String(decoding: buffered, as: UTF8.self)
    }

    /// The exit status input's end calls for: nil when the student ended it
    /// (end of input), 129 for a lost terminal, 128 + N for signal N.
    var exitStatus: Int32? {
        switch end {
        case nil, .endOfInput?: return nil
        case .hangUp?: return StopSignals.hangUpStatus
        case .signal(let n)?: return 128 + n
        }
    }
}
