import DeckFormat
import Foundation
import KazakhText
import Study
import Testing

@testable import TerminalUI

struct QuizViewTests {
    let t0 = Date(timeIntervalSince1970: 1_790_000_000)
    let kk = QuizStrings(language: "kk")
    let en = QuizStrings(language: "en")

    func card(_ id: String, level: Int = 1, line: Int = 1) -> Card {
        Card(id: CardID(rawValue: id), content: .term(TermCard(term: "Режим", definition: "Нормалар жиынтығы.")),
             level: level, location: SourceLocation(file: "decks/a.deck", line: line))
    }

    var typed: QuizQuestion {
        QuizQuestion(number: 1, key: "rezhim/reverse", card: card("rezhim"), deckFile: "decks/a.deck",
                     prompt: "Нормалар жиынтығы.", format: .typed(TypedQuestion(blanks: [["Режим"]])))
    }

    var choice: QuizQuestion {
        QuizQuestion(number: 1, key: "lenin", card: card("lenin", level: 2, line: 9), deckFile: "decks/a.deck",
                     prompt: "Капитализмнің ең соңғы сатысы?",
                     format: .choice(ChoiceQuestion(options: ["Гегемония", "Империализм", "Неоколониализм"], correct: [1])))
    }

    func session(_ questions: [QuizQuestion], limit: TimeInterval? = nil, mode: QuizMode = .exam) -> QuizSession {
        QuizSession(questions: questions, settings: QuizSettings(count: 5, seed: 77, mode: mode, timeLimit: limit),
                    judge: AnswerChecker(knownAnswers: ["Режим", "Гегемония"]).quizJudge, startedAt: t0)
    }

    /// A wrong typed answer's reason opens with "Wrong." itself: the
    /// verdict line says it once, on screen and in the report.
    @Test func theVerdictIsNotSaidTwice() {
        #expect(en.verdict(.wrong, overruled: false, reason: "Wrong. The answer is «Режим».") == "Wrong — The answer is «Режим».")
        #expect(kk.verdict(.wrong, overruled: false, reason: "Қате. Дұрыс жауап: «Режим».") == "Қате — Дұрыс жауап: «Режим».")
        #expect(en.verdict(.wrong, overruled: true, reason: "Wrong. The answer is «Режим».") == "Wrong (I was right) — The answer is «Режим».")
        #expect(en.verdict(.accepted, overruled: false, reason: "A typo: one letter.") == "Accepted — A typo: one letter.")
        #expect(en.verdict(.correct, overruled: false, reason: "") == "Correct")
    }

    @Test func aTypedQuestionInKazakhWithTheTimer() {
        var s = session([typed, choice], limit: 300)
        _ = s.apply(.input(.type("реж"), at: t0.addingTimeInterval(12.5)))
        let screen = QuizView.view(s, size: TerminalSize(width: 40, height: 8), strings: kk)
        #expect(screen.text == """
             Сынақ · Сұрақ 1/2 · 1-деңгей Қалды 4:48
            ────────────────────────────────────────
             Нормалар жиынтығы.

             Жауап: реж


             Enter жіберу · Tab өткізу · Esc тоқтату
            """)
        #expect(screen.cursor?.row == 4 && screen.cursor?.column == 11)
    }

    @Test func aNarrowHeaderKeepsTheTimer() {
        let s = session([typed, choice], limit: 300)
        let screen = QuizView.view(s, size: TerminalSize(width: 30, height: 8), strings: kk)
        #expect(screen.rowText(0) == " Сынақ · Сұрақ 1/2… Қалды 5:00")
    }

    @Test func aStopRequestAsksForConfirmation() {
        var s = session([typed])
        _ = s.apply(.input(.requestStop, at: t0))
        let screen = QuizView.view(s, size: TerminalSize(width: 70, height: 8), strings: en)
        #expect(screen.rowText(7) == " Press Esc again to stop the quiz; any other key carries on.")
        #expect(screen[7, 1].style.contains(.bad))
    }

    @Test func theKazakhStopConfirmationFitsAnEightyColumnTerminal() {
        var s = session([typed])
        _ = s.apply(.input(.requestStop, at: t0))
        let screen = QuizView.view(s, size: TerminalSize(width: 80, height: 8), strings: kk)
        #expect(screen.rowText(7) == " Тоқтату үшін Esc-ті тағы басыңыз; басқа перне — жалғастыру.")
    }

    @Test func choiceHintsNameTheSpaceKeyAndKeepEscOnANarrowTerminal() {
        let s = session([choice])
        // "Бос орын" names a cloze gap on the quiz screen; the key is Space,
        // as on the study screen.
        let wide = QuizView.view(s, size: TerminalSize(width: 80, height: 12), strings: kk)
        #expect(wide.rowText(11) == " 1–9 / ↑↓ Space таңдау · Enter жіберу · Tab өткізу · Esc тоқтату")
        let narrow = QuizView.view(s, size: TerminalSize(width: 40, height: 12), strings: kk)
        #expect(narrow.rowText(11) == " 1–9 / ↑↓ Space таңдау · Esc тоқтату")
    }

    @Test func aTooSmallTerminalSaysSoAndKeepsTheClock() {
        let s = session([typed], limit: 300)
        let text = QuizView.view(s, size: TerminalSize(width: 19, height: 5), strings: kk).text
        #expect(text.contains("Терминал тым"))
        #expect(text.contains("кішкентай"))
        #expect(text.contains("Қалды 5:00"))
        let untimed = QuizView.view(session([typed]), size: TerminalSize(width: 40, height: 5), strings: en).text
        #expect(untimed.contains("Terminal too small (need 20×6)"))
        #expect(!untimed.contains("Left"))
    }

    @Test func aSmallTerminalScrollsToTheHighlightedOption() {
        // Five long options at 40×10 do not fit under the prompt: the first
        // ones are shown with a "more" mark, and moving down brings the
        // highlighted option into sight.
        let options = (1...5).map { "Ұзын нұсқа \($0): мемлекеттің сыртқы саясатының негізгі бағыты" }
        let long = QuizQuestion(
            number: 1, key: "long", card: card("long"), deckFile: "decks/a.deck", prompt: "Қайсысы дұрыс?",
            format: .choice(ChoiceQuestion(options: options, correct: [4])))
        var s = session([long])
        let size = TerminalSize(width: 40, height: 10)
        let top = QuizView.view(s, size: size, strings: kk)
        #expect(top.text.contains("Қайсысы дұрыс?"))
        #expect(top.text.contains("1. ( ) Ұзын нұсқа 1"))
        #expect(!top.text.contains("Ұзын нұсқа 5"))
        #expect(top.rowText(8) == " ↓ …")
        for _ in 0..<4 { _ = s.apply(.input(.moveCursor(1), at: t0)) }
        let bottom = QuizView.view(s, size: size, strings: kk)
        #expect(bottom.text.contains("5. ( ) Ұзын нұсқа 5"))
        #expect(bottom.rowText(8) == " ↑ …")
        // In between, the cuts above and below are both marked (the lines
        // above went unmarked).
        var middle = session([long])
        for _ in 0..<3 { _ = middle.apply(.input(.moveCursor(1), at: t0)) }
        let between = QuizView.view(middle, size: size, strings: kk)
        #expect(!between.text.contains("Қайсысы дұрыс?") && !between.text.contains("Ұзын нұсқа 5"))
        #expect(between.rowText(8) == " ↑↓ …")
        let highlighted = (2..<8).filter { bottom[$0, 2].style.contains(.reverse) }
        #expect(highlighted.count == 1)
        #expect(highlighted.first.map { bottom.rowText($0).contains("5. ( )") } == true)
        // The header and the hints stay where they were.
        #expect(bottom.rowText(0).hasPrefix(" Сынақ"))
        #expect(bottom.rowText(9).hasSuffix("Esc тоқтату"))
    }

    @Test func aLongTypedAnswerWrapsAndKeepsTheCursorAtItsEnd() throws {
        var s = session([typed])
        _ = s.apply(.input(.type("өте ұзын жауап: мемлекеттің сыртқы саясаты"), at: t0))
        let screen = QuizView.view(s, size: TerminalSize(width: 40, height: 10), strings: kk)
        #expect(screen.text.contains(" Жауап: өте ұзын жауап: мемлекеттің\n        сыртқы саясаты"))
        let cursor = try #require(screen.cursor)
        #expect(screen.rowText(cursor.row).hasSuffix("сыртқы саясаты"))
        #expect(cursor.column == 8 + DisplayWidth.of("сыртқы саясаты"))
    }

    @Test func theLastMinuteIsMarked() {
        var s = session([typed], limit: 300)
        _ = s.apply(.tick(t0.addingTimeInterval(250)))
        let screen = QuizView.view(s, size: TerminalSize(width: 40, height: 8), strings: en)
        #expect(screen.rowText(0).hasSuffix("Left 0:50"))
        #expect(screen[0, 39].style.contains(.bad))
    }

    @Test func aChoiceQuestionHighlightsTheCursorAndMarksThePick() {
        var s = session([choice])
        _ = s.apply(.input(.moveCursor(1), at: t0))
        _ = s.apply(.input(.toggle(2), at: t0))
        _ = s.apply(.input(.moveCursor(-1), at: t0))
        let screen = QuizView.view(s, size: TerminalSize(width: 50, height: 9), strings: en)
        #expect(screen.text == """
             Quiz · Question 1/1 · level 2
            ──────────────────────────────────────────────────
             Капитализмнің ең соңғы сатысы?

              1. ( ) Гегемония
              2. ( ) Империализм
              3. (•) Неоколониализм

             1–9 / ↑↓ Space pick · Enter submit · Esc stop
            """)
        // The cursor went down to 2 (toggle moved it to 3) and back up to 2.
        #expect(screen[5, 3].style.contains(.reverse))
        #expect(!screen[4, 3].style.contains(.reverse))
    }

    @Test func aLongOptionHangsUnderItsText() {
        let q = QuizQuestion(number: 1, key: "k", card: card("k"), deckFile: "decks/a.deck", prompt: "Не?",
                             format: .choice(ChoiceQuestion(options: ["бір екі үш төрт бес алты", "жоқ"], correct: [0])))
        var s = session([q])
        _ = s.apply(.input(.moveCursor(1), at: t0))
        let screen = QuizView.view(s, size: TerminalSize(width: 24, height: 10), strings: en)
        #expect(Array(screen.text.split(separator: "\n", omittingEmptySubsequences: false)[4...6]) == [
            "  1. ( ) бір екі үш",
            "         төрт бес алты",
            "  2. ( ) жоқ",
        ])
    }

    @Test func practiceFeedbackShowsTheVerdictTheAnswerAndTheSource() {
        var s = session([typed], mode: .practice)
        _ = s.apply(.input(.type("Гегемония"), at: t0))
        _ = s.apply(.input(.submit, at: t0))
        let screen = QuizView.view(s, size: TerminalSize(width: 60, height: 10), strings: en)
        let text = screen.text
        #expect(text.contains("Wrong"))
        #expect(text.contains("Right answer: Режим"))
        #expect(text.contains("Source: decks/a.deck:1:1"))
        #expect(text.contains("Enter next · R I was right"))
        #expect(screen[4, 1].style.contains(.bad))
    }

    @Test func aReportWithoutMistakesOffersOnlyQuit() {
        var s = session([typed])
        _ = s.apply(.input(.type("Режим"), at: t0.addingTimeInterval(10)))
        _ = s.apply(.input(.submit, at: t0.addingTimeInterval(10)))
        let screen = QuizView.view(s, size: TerminalSize(width: 70, height: 12), strings: kk)
        #expect(screen.text.contains("Қате жоқ."))
        // Nothing to select, study or overrule.
        #expect(screen.rowText(11) == " Q шығу")
    }

    /// R ("I was right") is offered on a typed answer judged wrong, and
    /// not on a choice mistake, where it did nothing.
    @Test func theReportOffersIWasRightWhereItTurnsTheAnswer() {
        var s = session([typed])
        _ = s.apply(.input(.type("Гегемония"), at: t0.addingTimeInterval(10)))
        _ = s.apply(.input(.submit, at: t0.addingTimeInterval(10)))
        let screen = QuizView.view(s, size: TerminalSize(width: 70, height: 16), strings: en)
        #expect(screen.text.contains("R I was right"), "\(screen.text)")
    }

    @Test func theReportGivesScoresByLevelTimeAndEveryMistake() {
        var second = choice
        second.number = 2
        var s = session([typed, second])
        _ = s.apply(.input(.type("Режим"), at: t0.addingTimeInterval(30)))
        _ = s.apply(.input(.submit, at: t0.addingTimeInterval(30)))
        _ = s.apply(.input(.toggle(0), at: t0.addingTimeInterval(95)))
        _ = s.apply(.input(.submit, at: t0.addingTimeInterval(95)))
        let screen = QuizView.view(s, size: TerminalSize(width: 70, height: 16), strings: kk)
        #expect(screen.text == """
             Сынақ
            ──────────────────────────────────────────────────────────────────────
             Сынақ аяқталды
             Нәтиже: 1 / 2 (50%)   Уақыт: 1:35
             1-деңгей: 1 / 1 (100%) · 2-деңгей: 0 / 1 (0%)
             Кездейсоқтық кілті (--seed): 77

             Қателер (1):
             2. Капитализмнің ең соңғы сатысы?
                Қате
                Сіздің жауабыңыз: Гегемония
                Дұрыс жауап: Империализм
                Дереккөзі: decks/a.deck:9:1


             ↑↓ таңдау · S қателерді жаттау · Q шығу
            """)
    }

    @Test func anOpenQuestionListsItsKeyPointsBeforeTheModelAnswer() {
        let open = QuizQuestion(
            number: 1, key: "open", card: card("open", level: 2), deckFile: "decks/a.deck", prompt: "Неге?",
            format: .open(OpenQuestion(modelAnswer: String(repeating: "Ұзақ үлгі жауап. ", count: 40),
                                       keyPoints: ["бірінші ой", "екінші ой"])))
        var s = session([open], mode: .practice)
        _ = s.apply(.input(.submit, at: t0))
        _ = s.apply(.input(.toggle(1), at: t0))
        let screen = QuizView.view(s, size: TerminalSize(width: 50, height: 12), strings: kk)
        #expect(Array(screen.text.split(separator: "\n", omittingEmptySubsequences: false).prefix(9)) == [
            " Сынақ (жаттығу) · Сұрақ 1/1 · 2-деңгей",
            Substring(String(repeating: "─", count: 50)),
            " Неге?",
            "",
            " Қамтыған негізгі ойларыңызды белгілеңіз:",
            "  1. [ ] бірінші ой",
            "  2. [x] екінші ой",
            "",
            " Үлгі жауап:",
        ])
        _ = s.apply(.input(.submit, at: t0))
        let feedback = QuizView.view(s, size: TerminalSize(width: 50, height: 12), strings: kk).text
        #expect(feedback.contains("Жартылай"))
        #expect(feedback.contains("Қамтылмаған ойлар:\n  – бірінші ой"))
        #expect(feedback.contains("Enter келесі") && !feedback.contains("мен дұрыс едім"), "nothing to appeal here")
    }

    @Test func clockAndPoints() {
        #expect(QuizStrings.clock(0) == "0:00")
        #expect(QuizStrings.clock(59.9) == "0:59")
        #expect(QuizStrings.clock(600) == "10:00")
        #expect(QuizStrings.clock(3725) == "1:02:05")
        #expect(QuizStrings.points(2.5) == "2.5")
        #expect(QuizStrings.points(3) == "3")
        #expect(QuizStrings.points(0.333) == "0.33")
        // A quarter is said as such: "0.3 / 1 (25%)" contradicted itself.
        #expect(QuizStrings.points(0.25) == "0.25")
        #expect(QuizStrings.points(1.4) == "1.4")
        #expect(QuizStrings.points(0.05) == "0.05")
    }
}
