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
        subcommands: [
            StudyCommand.self,
            FSRSCommand.self,
            QuizCommand.self,
            HistoryCommand.self,
            DebugCommand.self,
            JudgeCommand.self,
            CheckCommand.self,
            ListCommand.self,
            ExtractCommand.self,
        ],
        defaultSubcommand: StudyCommand.self
    )
}

enum JattaVersion {
    static let current = "0.1.0"
}
