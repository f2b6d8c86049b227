import DeckFormat
import FSRS
import Foundation
import KazakhText
import Study
import TerminalUI
import Testing

@testable import jatta

/// Random lines — long digit runs, commands, separators, Cyrillic letters,
/// control characters, empty lines — fed to both plain modes from start to
/// end: nothing traps (a 20-digit number overflowed before), every session
/// ends, and a number too long for any list is said to be one.
@Suite struct PlainInputFuzzTests {
    static let deckText = """
        # Fuzz

        T: Режим
        D: Мемлекеттердің келісілген нормалары.

        Q: Капитализмнің ең соңғы сатысы?
        * Империализм
        - Неоколониализм
        - Гегемония

        Q: Қай ұйымдар?
        * БҰҰ
        * ЕҚЫҰ
        - НАТО

        C: Қазақстан БҰҰ-ға {1992} жылы мүше болды.

        Q: Неолиберализм мен либерализмнің айырмашылығы?
        A: Институттардың рөлі.
        - институттар
        - ынтымақтастық
        level: 2
        """

    static let pieces = [
        "1", "2", "3", "4", "0", "99999999999999999999", "123456789012345678901234567890", "18446744073709551616",
        "-1", "+7", "1,3", " ", ",", ";", "q", ":q", "u", "b", "!", "e", "?", "s", "r", "ә", "і", "ң", "ғ", "1992",
        "Империализм", "режим", "\u{1B}[2J", "\u{0}", "\t", "٣", "１", "Ⅻ", "𝟗", "1 2 3 4 5 6 7 8 9",
    ]

    static func line(_ rng: inout SeededGenerator) -> String {
        let count = Int(rng.next() % 5)
        return (0..<count).map { _ in pieces[Int(rng.next() % UInt64(pieces.count))] }
            .joined(separator: rng.next() % 2 == 0 ? " " : "")
    }

    static func deck() -> Deck { DeckParser.parse(Array(deckText.utf8), file: "decks/fuzz.deck").deck }

    @Test func numbersOfAnyLengthAreAMessageNotATrap() {
        #expect(QuizPlainRunner.numbers(in: "99999999999999999999") == nil)
        #expect(QuizPlainRunner.numbers(in: "1 99999999999999999999999999") == nil)
        #expect(QuizPlainRunner.numbers(in: "1,3") == [1, 3])
        var plain = PlainMode(strings: .english)
        var s = TrainerState(
            catalog: StudyCatalog(decks: [Self.deck()]), scheduler: Self.scheduler(), dayEnd: Date(), now: Date())
        // Reach a multiple-choice face.
        s = Trainer.update(s, TrainerEvent(.startAll, at: Date())).0
        while let a = s.session?.current, a.style != .choice {
            s = Trainer.update(s, TrainerEvent(.bury, at: Date())).0
        }
        #expect(s.session?.current?.style == .choice)
        #expect(plain.actions(forLine: "99999999999999999999", in: s).isEmpty)
        #expect(plain.actions(forLine: "1", in: s).first == .pickOption(1))
    }

    static func scheduler() -> Scheduler {
        (try? Scheduler(SchedulerConfiguration(enableFuzz: false, dayCounting: .anki(timeZone: .gmt))))!
    }

    @Test func randomLinesThroughPlainStudy() {
        var rng = SeededGenerator(seed: 20_261_204)
        for run in 0..<200 {
            var plain = PlainMode(strings: run % 2 == 0 ? .english : .kazakh)
            var now = Date(timeIntervalSince1970: 1_772_445_600)
            var s = TrainerState(
                catalog: StudyCatalog(decks: [Self.deck()]), scheduler: Self.scheduler(), dayEnd: now.addingTimeInterval(18 * 3600),
                now: now)
            s = Trainer.update(s, TrainerEvent(.startAll, at: now)).0
            var ended = false
            for _ in 0..<60 {
                let line = Self.line(&rng)
                for action in plain.actions(forLine: line, in: s) {
                    now = now.addingTimeInterval(3)
                    let (next, effects) = Trainer.update(s, TrainerEvent(action, at: now))
                    s = next
                    if effects.contains(.quit) { ended = true }
                }
                _ = plain.render(s)
                if ended { break }
            }
        }
    }

    @Test func randomLinesThroughPlainQuiz() throws {
        var rng = SeededGenerator(seed: 7)
        let sink = open("/dev/null", O_WRONLY)
        defer { close(sink) }
        for run in 0..<100 {
            let decks = [Self.deck()]
            let settings = QuizSettings(count: 6, seed: UInt64(run), mode: run % 2 == 0 ? .practice : .exam)
            let questions = QuizGenerator.generate(from: decks, settings: settings)
            #expect(!questions.isEmpty)
            let checker = TypedAnswer.checker(for: decks)
            let session = QuizSession(
                questions: questions, settings: settings, judge: checker.quizJudge, startedAt: Date())
            var fed = 0
            let runner = QuizPlainRunner(
                strings: QuizStrings(language: run % 3 == 0 ? "kk" : "en"), output: sink,
                readLine: {
                    fed += 1
                    return fed > 80 ? nil : Self.line(&rng)
                })
            let final = runner.run(session) { _, _ in }
            #expect(final.isFinished)
        }
    }
}
