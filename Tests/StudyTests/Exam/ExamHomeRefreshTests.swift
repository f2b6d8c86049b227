import DeckFormat
import FSRS
import Foundation
import Testing

@testable import Study

/// The home screen's exam lines follow the answers: back home after a
/// session, the plan counts what was introduced today and the forecast
/// what was learnt; a new day counts one day fewer.
@Suite struct ExamHomeRefreshTests {
    static let examFile = "decks/test.deck"

    /// The fixture deck (6 faces) with an exam ten days ahead, set up as a
    /// session starts: the plan paces 1 new face a day.
    func examState(_ date: String = "2026-03-12") throws -> TrainerState {
        var s = Fixtures.state()
        let exam = Exam(date: try #require(CalendarDate(date)), paths: [], source: .student(id: 1))
        let byDeck = [Self.examFile: exam]
        let scheduler = ExamOutlook.scheduler(base: Fixtures.scheduler(), decks: s.catalog.decks, examsByDeck: byDeck)
        s.scheduler = scheduler
        s.exams = ExamOutlook.make(
            catalog: s.catalog, examsByDeck: byDeck, scheduler: scheduler, defaultWorkload: 200, introducedToday: [],
            now: Fixtures.now)
        s.limits.newPerDay = try #require(s.exams.first).plan.newPerDay
        return s
    }

    /// Studies today's new faces to the end (Easy until it leaves the
    /// session), then goes back home from the summary.
    func studyTodaysNewFace(_ state: TrainerState) -> TrainerState {
        var (s, _) = Fixtures.run(state, [.start])
        var t = Fixtures.now
        while s.session != nil {
            t = t.addingTimeInterval(30)
            if s.session?.current?.revealed == true {
                s = Trainer.update(s, TrainerEvent(.grade(.easy), at: t)).0
            } else if s.session?.current?.style == .typed {
                s = Trainer.update(s, TrainerEvent(.type("x"), at: t)).0
                s = Trainer.update(s, TrainerEvent(.reveal, at: t)).0
            } else if s.session?.current?.style == .choice {
                s = Trainer.update(s, TrainerEvent(.pickOption(1), at: t)).0
            } else {
                s = Trainer.update(s, TrainerEvent(.reveal, at: t)).0
            }
        }
        if case .summary = s.mode {} else { Issue.record("the session did not end in its summary") }
        return Trainer.update(s, TrainerEvent(.back, at: t.addingTimeInterval(5))).0
    }

    @Test func backHomeThePlanCountsTheNewFaceStudiedToday() throws {
        let start = try examState()
        let before = try #require(start.exams.first)
        #expect(before.plan.newToday == 1)
        #expect(before.plan.unseen == 6)
        #expect(before.readiness.overall.readyToday == 0)

        let home = studyTodaysNewFace(start)
        if case .home = home.mode {} else { Issue.record("not back home") }
        let after = try #require(home.exams.first)
        #expect(home.introducedToday.count == 1)
        // Today's new face is done: none left today, one fewer unseen.
        #expect(after.plan.newToday == 0)
        #expect(after.plan.unseen == 5)
        #expect(after.plan.daysLeft == before.plan.daysLeft)
        // The forecast counts the schedule the answers left, exactly as a
        // fresh start would read it from the store.
        let fresh = ExamOutlook.make(
            catalog: home.catalog, examsByDeck: [Self.examFile: before.exam],
            scheduler: try #require(home.scheduler as? ExamScheduler), defaultWorkload: 200,
            introducedToday: home.introducedToday, now: home.now)
        #expect(home.exams == fresh)
    }

    @Test func backHomeTheForecastCountsWhatWasLearnt() throws {
        // Three days ahead: every face is new today, none ready yet.
        let start = try examState("2026-03-05")
        let before = try #require(start.exams.first)
        #expect(before.plan.newToday == 6)
        #expect(before.readiness.overall.readyToday == 0)
        let after = try #require(studyTodaysNewFace(start).exams.first)
        #expect(after.plan.newToday == 0)
        // Learnt with Easy three days before: ready today.
        #expect(after.readiness.overall.readyToday == after.readiness.overall.cards)
        #expect(after.readiness.overall.cards == 5)
    }

    @Test func anUndoneFirstAnswerIsNotIntroducedToday() throws {
        let (s, _) = Fixtures.run(try examState(), [.start, .reveal, .grade(.good)])
        #expect(s.introducedToday.count == 1)
        let (undone, _) = Fixtures.run(s, [.undo])
        #expect(undone.introducedToday.isEmpty)
    }

    @Test func aNewDayCountsOneDayFewerAndNothingIntroducedYet() throws {
        let home = studyTodaysNewFace(try examState())
        let nextDayEnd = Fixtures.dayEnd.addingTimeInterval(86_400)
        let next = Trainer.update(home, TrainerEvent(.newDay(dayEnd: nextDayEnd), at: Fixtures.dayEnd.addingTimeInterval(3600))).0
        let before = try #require(home.exams.first)
        let after = try #require(next.exams.first)
        #expect(next.introducedToday.isEmpty)
        #expect(after.plan.daysLeft == before.plan.daysLeft - 1)
        #expect(after.plan.newToday == 1)
    }

    @Test func withoutAnExamNothingIsRecomputed() {
        let s = studyTodaysNewFace(Fixtures.state(limits: StudyLimits(newPerDay: 1)))
        #expect(s.exams.isEmpty)
    }
}
