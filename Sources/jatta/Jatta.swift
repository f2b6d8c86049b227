import ArgumentParser

@main
struct Jatta: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jatta",
        abstract: "A terminal quiz and flashcard trainer for exam revision.",
        discussion: """
            Decks are plain text files (see docs/deck-format.md). Progress is kept \
            in a SQLite database, never in the deck files: --db PATH, else $JATTA_DB, \
            else $XDG_DATA_HOME/jatta/progress.sqlite, else \
            ~/.local/share/jatta/progress.sqlite. To try jatta without touching it: \
            jatta study --demo.

            Without paths, study and quiz use ./decks, else the decks installed in \
            ../share/jatta/decks beside the binary. NO_COLOR or --color never turns \
            colour off.

            Exit status: 0 success; 1 errors found in decks or a failed check; 2 a \
            path cannot be read (check, list); 64 wrong usage or an unusable \
            terminal; 65 no usable card or question; 66 a named deck cannot be read; \
            73 an output file exists (give --force) or cannot be written; 74 the \
            progress database cannot be used; 128+N stopped by signal N. \
            docs/exit-codes.md has the table for every command, docs/files.md every \
            file and variable.
            """,
        version: JattaVersion.description(commit: BuildCommit.value),
        // In the order a newcomer needs them: study and quiz first, then
        // the decks and the student's records, the scheduler's replay last.
        subcommands: [
            StudyCommand.self,
            QuizCommand.self,
            ExamCommand.self,
            CheckCommand.self,
            FormatCommand.self,
            PinIDsCommand.self,
            ListCommand.self,
            HistoryCommand.self,
            StatsCommand.self,
            UnsuspendCommand.self,
            FindCommand.self,
            OptimizeCommand.self,
            JudgeCommand.self,
            ExtractCommand.self,
            ImportCommand.self,
            ExportCommand.self,
            ClassCommand.self,
            SyncCommand.self,
            FSRSCommand.self,
            DebugCommand.self,
        ],
        defaultSubcommand: StudyCommand.self
    )

    /// On the main thread, before the command's worker thread exists
    /// (`AllocatorSetup`).
    @MainActor static func main() async {
        AllocatorSetup.apply()
        do {
            var command = try parseAsRoot(nil)
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(after: error)
        }
    }

    /// Ends the process after `error`, as the parser would, except that
    /// what a clean exit prints (`--help`, `--version`) goes through
    /// `Console`: printed into a full disk it was lost with status 0.
    static func exit(after error: any Error) -> Never {
        let message = fullMessage(for: error)
        guard exitCode(for: error) == .success, !message.isEmpty else { exit(withError: error) }
        Console.line(message)
        exit(withError: ExitCode.success)
    }
}
