import DeckFormat
import Foundation
import KazakhText
import Study
import TerminalUI
import Testing

@testable import jatta

/// The plain quiz's option numbers: a number that is not in the list, a
/// word, or two numbers where one is asked for is a slip the student is
/// told of and asked again; only an empty line skips. Taken as an empty
/// line, `9` on a four-option question skipped it without a word.
@Suite struct QuizPlainNumbersTests {
    static let deck = DeckParser.parse(
        Array("# Choice\n\nQ: Капитализмнің ең соңғы сатысы?\n* Империализм\n- Неоколониализм\n- Гегемония\n".utf8),
        file: "decks/choice.deck"
    ).deck

    /// Runs a one-question quiz on `lines`; returns its one item's outcome
    /// and what the runner printed.
    static func run(_ lines: [String]) throws -> (outcome: QuizOutcome, printed: String) {
        let settings = QuizSettings(count: 1, seed: 1, mode: .exam)
        let questions = QuizGenerator.generate(from: [deck], settings: settings)
        let session = QuizSession(
            questions: questions, settings: settings, judge: TypedAnswer.checker(for: [deck]).quizJudge, startedAt: Date())
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("quiz-plain-\(UUID()).txt").path
        let output = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        defer { unlink(path) }
        var remaining = lines
        let runner = QuizPlainRunner(
            strings: QuizStrings(language: "en"), output: output,
            readLine: { remaining.isEmpty ? nil : remaining.removeFirst() })
        let final = runner.run(session) { _, _ in }
        close(output)
        let printed = try String(contentsOfFile: path, encoding: .utf8)
        return (try #require(final.report.items.first).outcome, printed)
    }

    static func slips(in printed: String) -> Int { printed.components(separatedBy: "No such number").count - 1 }

    // "Мәдениет" (a word of an option) was read as 2, its ә.
    @Test(arguments: ["9", "0", "4", "foo", "1 2", "-", "-1", "+1", "Мәдениет", "жағымды", "ә1ы"])
    func aSlipIsSaidAndTheQuestionAskedAgain(slip: String) throws {
        // The quiz shuffles the options: find where the right one stands.
        let probe = try Self.run([""])
        let shown = probe.printed.split(separator: "\n").filter { $0.hasPrefix("  ") && $0.contains(". ") }
        let position = try #require(shown.firstIndex { $0.contains("Империализм") }) + 1
        let result = try Self.run([slip, "\(position)"])
        #expect(Self.slips(in: result.printed) == 1, "\(result.printed)")
        #expect(result.outcome == .correct)
    }

    /// Digits are runs of digits, the Kazakh digit row's letters too, and
    /// nothing else: a word is no number.
    @Test func numbersAreRunsOfDigitsOnly() {
        #expect(QuizPlainRunner.numbers(in: "1 3") == [1, 3])
        #expect(QuizPlainRunner.numbers(in: "1,3") == [1, 3])
        #expect(QuizPlainRunner.numbers(in: "ә") == [2])
        #expect(QuizPlainRunner.numbers(in: "2.") == [2])
        #expect(QuizPlainRunner.numbers(in: "2)") == [2])
        #expect(QuizPlainRunner.numbers(in: "") == [])
        #expect(QuizPlainRunner.numbers(in: "Мәдениет") == nil)
        #expect(QuizPlainRunner.numbers(in: "сәлем") == nil)
    }

    @Test func anEmptyLineStillSkips() throws {
        let result = try Self.run([""])
        #expect(Self.slips(in: result.printed) == 0)
        #expect(result.outcome == .skipped)
    }
}
