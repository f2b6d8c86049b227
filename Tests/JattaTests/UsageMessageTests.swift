import ArgumentParser
import Testing

@testable import jatta

/// A usage error says what was wrong with what was given, not something
/// else that is also a usage error.
@Suite struct UsageMessageTests {
    static func message(_ parse: () throws -> Any) -> String {
        do {
            _ = try parse()
            return ""
        } catch {
            return ExamClearCommand.message(for: error)
        }
    }

    @Test func examClearWithNothingAsksForIDsOrAll() {
        let none = Self.message { try ExamClearCommand.parse([]) }
        #expect(none.contains("give the ids to remove"), "\(none)")
        #expect(!none.contains("not both"))
        let both = Self.message { try ExamClearCommand.parse(["--all", "1"]) }
        #expect(both.contains("not both"), "\(both)")
    }

    @Test func quizTimeSaysItsBounds() {
        let tooLong = Self.message { try QuizCommand.parse(["--time", "1441"]) }
        #expect(tooLong.contains("at most 1440 minutes"), "\(tooLong)")
    }

    @Test func historyOfAnEmptyCardIsAUsageError() {
        let empty = Self.message { try HistoryCommand.parse(["--card", ""]) }
        #expect(empty.contains("--card needs a card's id"), "\(empty)")
    }

    @Test func findOfPunctuationSaysWhyNotEmpty() {
        let quote = Self.message { try FindCommand.parse(["'"]) }
        #expect(quote.contains("a letter or a digit"), "\(quote)")
        #expect(!quote.contains("it was empty"))
    }
}
