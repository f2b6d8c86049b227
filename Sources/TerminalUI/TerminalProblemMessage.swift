/// Why the full-screen mode cannot start, worded once for both `jatta study`
/// and `jatta quiz`: a student meets both on the same terminal.
extension Strings {
    /// The message for `problem`, with the program's name first and the way
    /// out last; `plainCommand` is how this command runs without curses
    /// (`--plain`, `jatta quiz --plain`).
    public func terminalProblem(_ problem: TerminalProblem, plainCommand: String) -> String {
        switch problem {
        case .notATerminal: notATerminal(plainCommand)
        case .termUnset: termUnset(plainCommand)
        case .termDumb(let term): termDumb(term, plainCommand)
        case .termUnknown(let term): termUnknown(term, plainCommand)
        }
    }
}
