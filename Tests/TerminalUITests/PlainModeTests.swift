import FSRS
import Study
import Testing

@testable import TerminalUI

@Suite struct PlainModeTests {
    let deck = ViewFixtures.deck(
        """
        Q: Астанасы?
        A: Астана

        T: Режим
        D: Нормалар жиынтығы

        Q: Айырмашылығы?
        A: Институттар.
        - бірінші
        - екінші
        - үшінші
        """)

    @Test func aWholeSessionLineByLine() {
        var plain = PlainMode(strings: .english)
        var s = ViewFixtures.run(ViewFixtures.state([deck]), [.startAll])
        var transcript: [String] = [plain.render(s)]
        // Reveal, grade Good with a Kazakh-layout "і"; reveal the term, Easy;
        // reveal the open question, tick points 1 and 3, accept the
        // suggestion; type the reversed term.
        for line in ["", "і", "", "4", "", "1 3", "", "режим", "3"] {
            for action in plain.actions(forLine: line, in: s) {
                s = Trainer.update(s, TrainerEvent(action, at: ViewFixtures.now)).0
            }
            transcript.append(plain.render(s))
        }
        let text = transcript.joined(separator: "\n")
        #expect(text.contains("[1/4] Question · Level 1\nАстанасы?\n[Enter shows the answer, q ends]"))
        #expect(text.contains("Answer: Астана\n1 Again 1m · 2 Hard 6m · 3 *Good 10m"))
        #expect(text.contains("Model answer: Институттар.\n  1. бірінші\n  2. екінші\n  3. үшінші"))
        #expect(text.contains("Нормалар жиынтығы\nType your answer:"))
        #expect(text.contains("Correct!"))
        let graded = s.catalog.progress.schedules
        #expect(graded.count == 4)
    }

    @Test func aClozeWithSeveralGapsSaysHowToSeparateThem() {
        let plain = PlainMode(strings: .kazakh)
        let two = ViewFixtures.deck("C: БҰҰ-ға {1992} жылы, ЕҚЫҰ-ға {1992} жылы кірді.\n")
        let text = plain.render(ViewFixtures.run(ViewFixtures.state([two]), [.startAll]))
        #expect(text.contains("Бос орындардың жауаптарын «;» арқылы жазыңыз.\nЖауабыңызды жазыңыз:"))
        let one = ViewFixtures.deck("C: Қазақстан БҰҰ-ға {1992} жылы мүше болды.\n")
        #expect(!plain.render(ViewFixtures.run(ViewFixtures.state([one]), [.startAll])).contains("«;»"))
    }

    @Test func commandsAndNumbers() {
        var plain = PlainMode(strings: .kazakh)
        let s = ViewFixtures.run(ViewFixtures.state([deck]), [.startAll])
        #expect(plain.actions(forLine: "u", in: s) == [.undo])
        #expect(plain.actions(forLine: "г", in: s) == [.undo])
        #expect(plain.actions(forLine: "!", in: s) == [.suspend])
        #expect(plain.actions(forLine: "q", in: s) == [.back])
        #expect(plain.numbers("1 ң 10") == [1, 4, 10])
        #expect(plain.rating("жақсы") == .good)
        #expect(plain.rating("Easy") == .easy)
        #expect(plain.rating("ә") == .hard)
    }

    @Test func whileTypingOnlyColonCommandsAreCommands() {
        var plain = PlainMode(strings: .english)
        let term = ViewFixtures.deck("T: Режим\nD: Нормалар\n")
        var s = ViewFixtures.run(ViewFixtures.state([term]), [.startAll, .reveal, .grade(.easy)])
        #expect(KeyContext(s) == .typing)
        #expect(plain.actions(forLine: "q", in: s) == [.type("q"), .reveal])
        #expect(plain.actions(forLine: ":q", in: s) == [.back])
        s = ViewFixtures.run(s, plain.actions(forLine: "режим", in: s))
        #expect(s.session?.current?.verdict == .correct)
    }
}
