import DeckFormat
import FSRS
import Foundation
import Testing

@testable import Study

/// Typing an exam date on the home screen (`x`), and taking the new plan.
@Suite struct ExamDateEntryTests {
    func typed(_ text: String) -> [TrainerAction] { text.map { .type($0) } }

    @Test func aTypedDateAsksToSetTheExamForTheSelectedDeck() {
        let state = Fixtures.state()
        let actions: [TrainerAction] = [.moveSelection(1), .beginExamDate] + typed("2026-x03-20a") + [.reveal]
        let (s, effects) = Fixtures.run(state, actions)
        #expect(s.home.examEntry == nil)
        #expect(effects == [.setExam(date: "2026-03-20", deckFiles: ["decks/test.deck"])])
        // Typing a date is not studying.
        if case .home = s.mode {} else { Issue.record("left the home screen") }
    }

    @Test func allDecksRowSetsTheExamForEveryDeck() {
        let (_, effects) = Fixtures.run(Fixtures.state(), [.beginExamDate] + typed("2026-03-20") + [.start])
        #expect(effects == [.setExam(date: "2026-03-20", deckFiles: nil)])
    }

    @Test func backspaceAndEscape() {
        var (s, effects) = Fixtures.run(Fixtures.state(), [.beginExamDate] + typed("2026-03-2099") + [.deleteBackward])
        #expect(s.home.examEntry == "2026-03-2")
        (s, effects) = Fixtures.run(s, [.back])
        #expect(s.home.examEntry == nil && effects.isEmpty)
        // Esc while typing gives up the date; it does not quit.
        #expect(!effects.contains(.quit))
    }

    @Test func theStoredExamBringsItsPlanAndRule() throws {
        var state = Fixtures.state()
        state.scheduler = ExamScheduler(base: Fixtures.scheduler(), examDays: [:])
        let plan = try #require(
            ExamPlan.make(unseen: 6, introducedToday: 0, today: 1, examDay: 9, workload: 200) { _ in ExamPath() })
        let outlook = ExamOutlook(
            exam: Exam(date: try #require(CalendarDate("2026-03-20")), paths: [], source: .student(id: 1)),
            deckFiles: ["decks/test.deck"], plan: plan, readiness: ExamReadiness())
        let (s, _) = Fixtures.run(
            state, [.examChanged(.set(date: "2026-03-20", outlooks: [outlook], examDays: ["k": 9], newPerDay: 1, introducedToday: ["k"]))])
        #expect(s.exams == [outlook])
        #expect(s.limits.newPerDay == 1)
        #expect(s.introducedToday == ["k"])
        #expect((s.scheduler as? ExamScheduler)?.examDays == ["k": 9])
        #expect(s.notice == Notice.exam(.set("2026-03-20")))
        let (refused, _) = Fixtures.run(s, [.examChanged(.refused("2026-02-30"))])
        #expect(refused.notice == Notice.exam(.refused("2026-02-30")))
        #expect(refused.exams == [outlook])
    }
}
