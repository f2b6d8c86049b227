import ArgumentParser
import Foundation
import TerminalUI

/// What a command that rewrites deck files in place (`pin-ids`, `fmt`)
/// prints and exits with.
struct DeckRewriteOutcome: Equatable {
    /// What was done, one line per file or change (standard output).
    var output = ""
    /// Problems (standard error).
    var problems = ""
    var status: Int32 = DeckCheck.clean

    /// Prints the outcome and ends the command with its status. The
    /// lines name files, whose names may hold control characters: shown,
    /// never sent (docs/security.md). A full disk or a closed pipe ends the
    /// command as `Console` ends every one.
    func finish() throws {
        Console.out(TerminalText.visible(output))
        Console.err(TerminalText.visible(problems))
        if status != 0 { throw ExitCode(status) }
    }

    /// Replaces `file` with `bytes` in one step (a reader never sees half
    /// a deck); a failure is reported and sets the status.
    mutating func write(_ bytes: [UInt8], to file: String, language: Language) {
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: file), options: .atomic)
        } catch {
            problems += language.pick(kk: "\(file): жазу мүмкін болмады", en: "\(file): cannot write the file") + "\n"
            status = DeckCheck.unreadable
        }
    }
}
