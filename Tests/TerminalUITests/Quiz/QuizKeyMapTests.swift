import DeckFormat
import Foundation
import KazakhText
import Study
import Testing

@testable import TerminalUI

struct QuizKeyMapTests {
    let t0 = Date(timeIntervalSince1970: 1_790_000_000)

    func question(_ format: QuizFormat) -> QuizQuestion {
        let card = Card(id: CardID(rawValue: "c"), content: .question(QuestionCard(question: "?", answer: "Режим")),
                        location: SourceLocation(file: "d", line: 1))
        return QuizQuestion(number: 1, key: "c", card: card, deckFile: "d", prompt: "?", format: format)
    }

    func session(_ format: QuizFormat, mode: QuizMode = .exam) -> QuizSession {
        QuizSession(questions: [question(format)], settings: QuizSettings(seed: 1, mode: mode),
                    judge: AnswerChecker(knownAnswers: []).quizJudge, startedAt: t0)
    }

    let choice = QuizFormat.choice(ChoiceQuestion(options: ["a", "b", "c"], correct: [1]))

    @Test func digitsPickOptionsOnEveryLayout() {
        let s = session(choice)
        #expect(QuizKeyMap.input(for: .character("2"), in: s) == .toggle(1))
        // The Kazakh layout types ә on the 2 key.
        #expect(QuizKeyMap.input(for: .character("ә"), in: s) == .toggle(1))
        #expect(QuizKeyMap.input(for: .down, in: s) == .moveCursor(1))
        // Enter with nothing picked takes the highlighted option.
        #expect(QuizKeyMap.input(for: .enter, in: s) == .toggleAtCursor)
        #expect(QuizKeyMap.input(for: .tab, in: s) == .skip)
        #expect(QuizKeyMap.input(for: .escape, in: s) == .requestStop)
    }

    @Test func typedAnswersTakeEveryCharacterIncludingDigitRowLetters() {
        let s = session(.typed(TypedQuestion(blanks: [["Режим"]])))
        #expect(QuizKeyMap.input(for: .character("қ"), in: s) == .type("қ"))
        #expect(QuizKeyMap.input(for: .character("2"), in: s) == .type("2"))
        #expect(QuizKeyMap.input(for: .character("q"), in: s) == .type("q"), "letters are text here, not shortcuts")
        #expect(QuizKeyMap.input(for: .backspace, in: s) == .deleteBackward)
        #expect(QuizKeyMap.input(for: .enter, in: s) == .submit)
    }

    @Test func shortcutsFollowThePhysicalKey() {
        var practice = session(.typed(TypedQuestion(blanks: [["Режим"]])), mode: .practice)
        _ = practice.apply(.input(.type("Гегемония"), at: t0))
        _ = practice.apply(.input(.submit, at: t0))
        // R on a Russian or Kazakh layout types к.
        #expect(QuizKeyMap.input(for: .character("к"), in: practice) == .overrule(1))
        #expect(QuizKeyMap.input(for: .character("r"), in: practice) == .overrule(1))
        #expect(QuizKeyMap.input(for: .enter, in: practice) == .next)

        var exam = session(choice)
        _ = exam.apply(.input(.toggle(0), at: t0))
        _ = exam.apply(.input(.submit, at: t0))
        #expect(exam.isFinished)
        // S is ы, Q is й on the Cyrillic layouts.
        #expect(QuizKeyMap.input(for: .character("ы"), in: exam) == .studyMistakes)
        #expect(QuizKeyMap.input(for: .character("й"), in: exam) == .quit)
        #expect(QuizKeyMap.input(for: .character("r"), in: exam) == nil, "a picked option cannot be appealed")
    }

    @Test func selfGradingUsesOneAndTwo() {
        var s = session(.selfGraded(SelfGradedQuestion(answer: "Режим")))
        #expect(QuizKeyMap.input(for: .character("2"), in: s) == nil, "not before the answer is shown")
        #expect(QuizKeyMap.input(for: .enter, in: s) == .reveal)
        _ = s.apply(.input(.reveal, at: t0))
        #expect(QuizKeyMap.input(for: .character("ә"), in: s) == .selfGrade(true))
        #expect(QuizKeyMap.input(for: .character("1"), in: s) == .selfGrade(false))
    }
}
