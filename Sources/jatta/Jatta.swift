import ArgumentParser

@main
struct Jatta: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jatta",
        abstract: "A terminal quiz and flashcard trainer for exam revision.",
        discussion: """
            Decks are plain text files (see docs/deck-format.md). Progress is kept \
            in a SQLite database, never in the deck files.
            """,
        version: JattaVersion.current,
        // In the order a newcomer needs them: study and quiz first, then
        // the decks and the student's records, the scheduler's replay last.
        subcommands: [
            StudyCommand.self,
            QuizCommand.self,
            CheckCommand.self,
            ListCommand.self,
            HistoryCommand.self,
            StatsCommand.self,
            UnsuspendCommand.self,
            JudgeCommand.self,
            ExtractCommand.self,
            FSRSCommand.self,
            DebugCommand.self,
        ],
        defaultSubcommand: StudyCommand.self
    )
}

enum JattaVersion {
    static let current = "0.1.0"
}
