import Testing

@testable import jatta

/// `jatta --help` lists the commands in the order a newcomer needs them.
@Suite struct HelpOrderTests {
    @Test func subcommandsAreListedStudyFirstFSRSLast() throws {
        let help = Jatta.helpMessage(columns: 200)
        let section = try #require(help.range(of: "SUBCOMMANDS:")).upperBound
        let listed = help[section...].split(separator: "\n").compactMap { line -> String? in
            // A command's aliases follow its name after a comma (`fmt, format`).
            let words = line.split(separator: " ")
            guard line.hasPrefix("  "), let first = words.first else { return nil }
            return first.hasSuffix(",") ? String(first.dropLast()) : String(first)
        }
        #expect(
            Array(listed.prefix(19)) == [
                "study", "quiz", "exam", "check", "fmt", "pin-ids", "list", "history", "stats", "unsuspend", "find", "optimize",
                "judge", "extract", "import", "export", "class", "sync", "fsrs",
            ])
        #expect(!listed.contains("debug"))
    }
}
