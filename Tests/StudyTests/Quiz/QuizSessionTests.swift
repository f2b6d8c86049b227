import DeckFormat
import FSRS
import Foundation
import Testing

@testable import Study

/// Drives the session as the terminal would, with explicit times.
struct QuizSessionTests {
    let t0 = QuizFixtures.start

    /// Five hand-made questions, one of each format, levels 1–3.
    var questions: [QuizQuestion] {
        let g = QuizFixtures.glossary
        return [
            QuizQuestion(number: 1, key: g[0].id.rawValue, card: g[0], deckFile: QuizFixtures.file, prompt: "Режим",
                         format: .choice(ChoiceQuestion(options: ["A", "B", "C", "D"], correct: [2]))),
            QuizQuestion(number: 2, key: g[1].id.rawValue + "/reverse", card: g[1], deckFile: QuizFixtures.file,
                         prompt: g[1].answer, format: .typed(TypedQuestion(blanks: [["Неоколониализм", "Неоколонолизм"]]))),
            QuizQuestion(number: 3, key: QuizFixtures.openCard.id.rawValue, card: QuizFixtures.openCard, deckFile: QuizFixtures.file,
                         prompt: QuizFixtures.openCard.prompt,
                         format: .open(OpenQuestion(modelAnswer: "…", keyPoints: ["a", "b", "c", "d"]))),
            QuizQuestion(number: 4, key: QuizFixtures.longQuestion.id.rawValue, card: QuizFixtures.longQuestion,
                         deckFile: QuizFixtures.file, prompt: QuizFixtures.longQuestion.prompt,
                         format: .selfGraded(SelfGradedQuestion(answer: "…"))),
            QuizQuestion(number: 5, key: QuizFixtures.clozeCard.id.rawValue, card: QuizFixtures.clozeCard, deckFile: QuizFixtures.file,
                         prompt: QuizFixtures.clozeCard.prompt, format: .typed(TypedQuestion(blanks: [["1992"]]))),
        ]
    }

    func session(_ mode: QuizMode = .exam, limit: TimeInterval? = nil) -> QuizSession {
        QuizSession(
            questions: questions, settings: QuizSettings(count: 5, seed: 9, mode: mode, timeLimit: limit),
            judge: QuizFixtures.judge, startedAt: t0)
    }

    func at(_ s: TimeInterval) -> Date { t0.addingTimeInterval(s) }

    @Test func withSchedulingEveryRecordIsCompleteAndStampedWithItsEvent() throws {
        let scheduler = try Scheduler(SchedulerConfiguration(enableFuzz: false, dayCounting: .anki(timeZone: .gmt)))
        var s = QuizSession(
            questions: questions, settings: QuizSettings(count: 5, seed: 9, mode: .practice), judge: QuizFixtures.judge,
            startedAt: t0, scheduling: QuizScheduling(scheduler: scheduler))
        send(&s, .toggle(1), 1)
        let picked = send(&s, .submit, 2)
        guard case .record(let answer) = picked.first, let review = answer.review else {
            Issue.record("the answer's record has no review")
            return
        }
        let key = questions[0].key
        #expect(review.time == at(2))
        #expect(review.rating == .again)
        #expect(review.before == nil)
        #expect(review.after == scheduler.review(.new(at: at(2)), rating: .again, at: at(2), cardKey: key))
        #expect(s.schedules[key] == review.after)
        send(&s, .next, 3)
        type(&s, "Империализм", 10)
        send(&s, .submit, 11)
        // "I was right" a minute later: stamped then, scheduled from before
        // the answer it turns.
        let turned = send(&s, .overrule(2), 71)
        guard case .record(let override) = turned.first, let overrideReview = override.review else {
            Issue.record("the override's record has no review")
            return
        }
        let typedKey = questions[1].key
        #expect(overrideReview.time == at(71))
        #expect(overrideReview.kind == .override)
        #expect(overrideReview.after == scheduler.review(.new(at: at(11)), rating: .good, at: at(11), cardKey: typedKey))
    }

    @discardableResult
    func send(_ s: inout QuizSession, _ input: QuizInput, _ seconds: TimeInterval) -> [QuizEffect] {
        let (next, effects) = QuizSession.update(s, .input(input, at: at(seconds)))
        s = next
        return effects
    }

    func type(_ s: inout QuizSession, _ text: String, _ seconds: TimeInterval) {
        for ch in text { send(&s, .type(String(ch)), seconds) }
    }

    @Test func anExamGivesNoFeedbackUntilTheEndAndScoresByLevel() {
        var s = session()
        send(&s, .toggle(2), 3)
        var effects = send(&s, .submit, 5)
        #expect(s.phase == .answering, "no feedback in exam mode")
        #expect(s.currentQuestion?.number == 2)
        guard case .record(let first) = effects.first else { Issue.record("the answer was not logged"); return }
        #expect(first.key == questions[0].key && first.kind == .answer && first.result.outcome == .correct)
        #expect(first.result.duration == 5)

        type(&s, "неоколониализм ", 20)
        send(&s, .submit, 21)
        // Open question: submit first reveals, then the ticks count.
        send(&s, .toggle(0), 30)
        #expect(s.draft.selected.isEmpty, "key points cannot be ticked before the model answer is shown")
        send(&s, .submit, 31)
        #expect(s.draft.revealed)
        send(&s, .toggle(0), 32)
        send(&s, .toggle(3), 33)
        send(&s, .submit, 40)
        send(&s, .selfGrade(false), 45)
        #expect(s.currentQuestion?.number == 4, "self-grading needs the answer shown first")
        send(&s, .reveal, 46)
        send(&s, .selfGrade(false), 50)
        type(&s, "1991", 55)
        effects = send(&s, .submit, 60)
        #expect(effects.contains(.finished))
        #expect(s.phase == .finished(.completed))

        let report = s.report
        #expect(report.items.map(\.outcome) == [.correct, .correct, .partial, .wrong, .wrong])
        #expect(report.score == QuizScore(credit: 2.5, total: 5))
        #expect(report.score.percent == 50)
        // Level 1: questions 1, 2, 5 (2 of 3); level 2: question 3 (half); level 3: question 4 (none).
        let byLevel = report.scoreByLevel
        #expect(byLevel.map(\.level) == [1, 2, 3])
        #expect(byLevel.map(\.score) == [QuizScore(credit: 2, total: 3), QuizScore(credit: 0.5, total: 1), QuizScore(credit: 0, total: 1)])
        #expect(report.mistakes.map(\.number) == [3, 4, 5])
        #expect(report.mistakes.first?.missedKeyPoints == ["b", "c"])
        #expect(report.mistakes.last?.expected == "1992")
        #expect(report.mistakes.last?.given == "1991")
        #expect(report.mistakes.last?.source == "decks/ir.deck:52:1")
        #expect(report.timeTaken == 60)
    }

    @Test func practiceShowsEachVerdictAndAllowsIWasRight() {
        var s = session(.practice)
        send(&s, .toggle(1), 1)
        send(&s, .submit, 2)
        guard case .feedback(let verdict) = s.phase else { Issue.record("no feedback in practice mode"); return }
        #expect(verdict.outcome == .wrong)
        #expect(send(&s, .overrule(1), 3).isEmpty, "a picked option cannot be appealed")
        send(&s, .next, 4)
        type(&s, "Империализм", 10)
        send(&s, .submit, 11)
        guard case .feedback(let typed) = s.phase else { Issue.record("no feedback"); return }
        #expect(typed.outcome == .wrong)
        // Another term of the deck, but nowhere near the answer: plainly
        // wrong, no guard named (issue 12: a guard is named only when it
        // decided the verdict).
        #expect(typed.tier == "wrong")
        let effects = send(&s, .overrule(2), 12)
        guard case .record(let record) = effects.first else { Issue.record("the override was not logged"); return }
        #expect(record.kind == .override && record.result.overruled && record.result.credit == 1)
        #expect(QuizReviewPolicy.rating(for: record.result) == .good)
        #expect(send(&s, .overrule(2), 13).isEmpty, "only once")
        send(&s, .next, 14)
        #expect(s.currentQuestion?.number == 3)
    }

    @Test func theTimerEndsTheQuizAndLeavesTheRestUnanswered() {
        var s = session(limit: 120)
        send(&s, .toggle(2), 10)
        send(&s, .submit, 10)
        var (next, effects) = QuizSession.update(s, .tick(at(60)))
        s = next
        #expect(effects.isEmpty)
        #expect(s.remaining == 60)
        (next, effects) = QuizSession.update(s, .tick(at(121)))
        s = next
        #expect(effects == [.finished])
        #expect(s.phase == .finished(.timeUp))
        #expect(s.remaining == 0)
        #expect(s.report.timeTaken == 120, "the quiz ends at the limit, not at the late tick")
        #expect(s.report.items.map(\.outcome) == [.correct, .unanswered, .unanswered, .unanswered, .unanswered])
        #expect(s.report.score.percent == 20)
    }

    @Test func anAnswerAfterTheDeadlineDoesNotCount() {
        var s = session(limit: 30)
        send(&s, .toggle(2), 10)
        let effects = send(&s, .submit, 31)
        #expect(effects == [.finished])
        #expect(s.results.isEmpty)
    }

    @Test func skippingAndStoppingAreHonest() {
        var s = session()
        let skip = send(&s, .skip, 2)
        guard case .record(let record) = skip.first else { Issue.record("a skip is evidence too"); return }
        #expect(record.result.outcome == .skipped && QuizReviewPolicy.rating(for: record.result) == .again)
        send(&s, .submit, 3)  // empty line: nothing happens
        #expect(s.currentQuestion?.number == 2)
        send(&s, .quit, 4)
        #expect(s.phase == .finished(.stopped))
        #expect(s.report.items.map(\.outcome) == [.skipped, .unanswered, .unanswered, .unanswered, .unanswered])
    }

    @Test func fromTheReportMistakesCanBeStudiedOrOverruled() {
        var s = session()
        send(&s, .toggle(2), 1)
        send(&s, .submit, 1)
        type(&s, "Империализм", 2)
        send(&s, .submit, 2)
        for _ in 0..<3 { send(&s, .skip, 3) }
        #expect(s.isFinished)
        let study = send(&s, .studyMistakes, 4)
        #expect(study == [.studyMistakes(keys: Array(questions.dropFirst().map(\.key)))])
        let overrule = send(&s, .overrule(2), 5)
        #expect(overrule.count == 1)
        #expect(s.report.mistakes.map(\.number) == [3, 4, 5])
        #expect(send(&s, .quit, 6) == [.exit])
    }

    @Test func oneStrayStopRequestDoesNotEndTheQuiz() {
        var s = session()
        #expect(send(&s, .requestStop, 1).isEmpty)
        #expect(s.stopRequested && !s.isFinished)
        send(&s, .moveCursor(1), 2)
        #expect(!s.stopRequested, "any other input carries on")
        send(&s, .requestStop, 3)
        #expect(send(&s, .requestStop, 4) == [.finished])
        #expect(s.phase == .finished(.stopped))
    }

    @Test func severalCorrectOptionsMustAllBePicked() {
        let card = QuizFixtures.choiceCard
        let q = QuizQuestion(number: 1, key: "k", card: card, deckFile: "d", prompt: "?",
                             format: .choice(ChoiceQuestion(options: ["a", "b", "c"], correct: [0, 2])))
        var s = QuizSession(questions: [q], settings: QuizSettings(seed: 1), judge: QuizFixtures.judge, startedAt: t0)
        send(&s, .toggle(0), 1)
        send(&s, .toggle(1), 1)
        send(&s, .toggle(1), 1)
        send(&s, .toggle(2), 1)
        send(&s, .submit, 2)
        #expect(s.report.items.first?.outcome == .correct)
        var t = QuizSession(questions: [q], settings: QuizSettings(seed: 1), judge: QuizFixtures.judge, startedAt: t0)
        send(&t, .toggle(0), 1)
        send(&t, .submit, 2)
        #expect(t.report.items.first?.outcome == .wrong, "half the right options is not right")
    }

    @Test func aClozeWithTwoGapsTakesAnswersSeparatedBySemicolons() {
        #expect(QuizGrader.blanks(of: "1991 ; Алматы", count: 2) == ["1991", "Алматы"])
        #expect(QuizGrader.blanks(of: "1991; Алматы", count: 1) == ["1991; Алматы"])
        let q = QuizQuestion(number: 1, key: "k", card: QuizFixtures.clozeCard, deckFile: "d", prompt: "[…] […]",
                             format: .typed(TypedQuestion(blanks: [["1991"], ["Алматы"]])))
        let half = QuizGrader.grade(q, response: .typed(["1991", "Астана"]), judge: QuizFixtures.judge, at: t0, duration: 1)
        #expect(half.outcome == .partial && half.credit == 0.5)
        #expect(QuizReviewPolicy.rating(for: half) == .hard)
    }

    /// A Kazakh letter typed in the first gap makes a Latin look-alike in
    /// the second a mistake, as in study and `jatta judge`: each gap is
    /// judged knowing the gaps before it (the second was accepted as a
    /// keyboard slip, "no Kazakh letter has been typed yet").
    @Test func aGapIsJudgedKnowingTheGapsBeforeIt() {
        let q = QuizQuestion(number: 1, key: "k", card: QuizFixtures.clozeCard, deckFile: "d", prompt: "[…] […]",
                             format: .typed(TypedQuestion(blanks: [["жағымды"], ["жағымсыз"]])))
        let together = QuizGrader.grade(q, response: .typed(["жағымды", "жагымсыз"]), judge: QuizFixtures.judge, at: t0, duration: 1)
        #expect(together.outcome == .partial, "\(together.reasonEN)")
        #expect(!together.reasonEN.contains("no Kazakh letter has been typed yet"))
        // Alone, with nothing known of the keyboard, the look-alike is a slip.
        let alone = QuizQuestion(number: 1, key: "k", card: QuizFixtures.clozeCard, deckFile: "d", prompt: "[…]",
                                 format: .typed(TypedQuestion(blanks: [["жағымсыз"]])))
        #expect(QuizGrader.grade(alone, response: .typed(["жагымсыз"]), judge: QuizFixtures.judge, at: t0, duration: 1).outcome == .accepted)
    }

    /// Issue 12: both wrong blanks of a cloze are explained, numbered, with
    /// the letter difference as `jatta judge` prints it.
    @Test func everyWrongBlankIsExplainedWithItsDifference() {
        let q = QuizQuestion(number: 1, key: "k", card: QuizFixtures.clozeCard, deckFile: "d", prompt: "[…] […]",
                             format: .typed(TypedQuestion(blanks: [["1991"], ["Демократия"]])))
        let r = QuizGrader.grade(q, response: .typed(["1992", "демократ"]), judge: QuizFixtures.judge, at: t0, duration: 1)
        #expect(r.outcome == .wrong)
        #expect(r.reasonEN.contains("Gap 1: Wrong. The answer is «1991»."))
        #expect(r.reasonEN.contains("Difference: 199[2→1]"))
        #expect(r.reasonEN.contains("Gap 2: Wrong. The answer is «Демократия»."))
        #expect(r.reasonEN.contains("Difference: демократ[+ия]"))
        #expect(r.reasonKK.contains("2-бос орын:"))
    }

    @Test func theCheckersTiersReachTheVerdictAndTheRating() {
        let q = questions[1]
        func grade(_ typed: String) -> QuizResult {
            QuizGrader.grade(q, response: .typed([typed]), judge: QuizFixtures.judge, at: t0, duration: 1)
        }
        let typo = grade("Неоколоннализм")
        #expect(typo.outcome == .accepted && typo.tier == "typo" && !typo.reasonKK.isEmpty)
        #expect(QuizReviewPolicy.rating(for: typo) == .hard)
        let alternative = grade("Неоколонолизм")
        #expect(alternative.outcome == .correct && alternative.tier == "exact", "the deck's alt: counts as exact")
        #expect(QuizReviewPolicy.rating(for: alternative) == .good)
        let latin = grade("neokolonializm")
        #expect(latin.outcome == .accepted && latin.tier == "latin")
    }

    @Test func onceAKazakhLetterIsTypedTheLayoutCountsAsKnown() {
        var s = session()
        send(&s, .toggle(2), 1)
        send(&s, .submit, 1)
        #expect(!s.keyboard.hasKazakhLayout)
        type(&s, "Неоколониализм", 2)
        send(&s, .submit, 2)
        #expect(!s.keyboard.hasKazakhLayout, "no Kazakh letter typed yet")
        send(&s, .submit, 3)
        send(&s, .submit, 3)
        send(&s, .skip, 4)
        type(&s, "тоқсан", 5)
        send(&s, .submit, 5)
        #expect(s.keyboard.hasKazakhLayout)
    }

    @Test func anEmptyQuizIsFinishedAtOnce() {
        let s = QuizSession(questions: [], settings: QuizSettings(seed: 1), judge: QuizFixtures.judge, startedAt: t0)
        #expect(s.isFinished)
        #expect(s.report.score.percent == 0)
    }
}
