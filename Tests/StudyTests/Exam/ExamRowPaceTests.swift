import DeckFormat
import FSRS
import Foundation
import Testing

@testable import Study

/// New faces on a home row under an exam come at that exam's pace: the
/// row of one deck took the sum of every exam's pace and the ordinary 20
/// of the decks without an exam (24 new faces where the plan allowed 4).
@Suite struct ExamRowPaceTests {
    static let examFile = "decks/test.deck"
    static let otherFile = "decks/other.deck"

    /// Two decks of six and 30 new faces; an exam ten days ahead for the
    /// first (its plan paces one new face a day), none for the second; the
    /// limits as `jatta study` sets them without --new-limit.
    static func state() throws -> TrainerState {
        let other = (1...30).map { "Q: Екінші дестенің \($0)-сұрағы?\nA: Жауап \($0)." }.joined(separator: "\n\n")
        var s = Fixtures.state([Fixtures.deck(), Fixtures.deck("# Басқа\n\n" + other, file: otherFile)])
        let exam = Exam(date: try #require(CalendarDate("2026-03-12")), paths: [], source: .student(id: 1))
        let byDeck = [examFile: exam]
        let scheduler = ExamOutlook.scheduler(base: Fixtures.scheduler(), decks: s.catalog.decks, examsByDeck: byDeck)
        s.scheduler = scheduler
        s.exams = ExamOutlook.make(
            catalog: s.catalog, examsByDeck: byDeck, scheduler: scheduler, defaultWorkload: 200, introducedToday: [],
            now: Fixtures.now)
        s.limits.newPerDay = try #require(s.exams.first).plan.newPerDay + StudyLimits.ordinaryNewPerDay
        s.limits.pacedByExams = true
        return s
    }

    /// The new faces of the session started from home row `row` (1: the
    /// exam's deck, 2: the other, 0: every deck).
    static func newFaces(row: Int) throws -> [StudyItem] {
        var s = try state()
        s.home.selection = row
        let (started, _) = Fixtures.run(s, [.start])
        let session = try #require(started.session)
        return session.queue.waiting.filter { $0.schedule.isNew } + [session.current?.item].compactMap { $0 }
    }

    @Test func theRowOfTheExamsDeckGetsThePlansPace() throws {
        let s = try Self.state()
        let pace = try #require(s.exams.first).plan.newToday
        #expect(pace == 1)
        #expect(s.newRoom(decks: [Self.examFile]) == pace)
        let faces = try Self.newFaces(row: 1)
        #expect(faces.count == pace)
        #expect(faces.allSatisfy { $0.deckFile == Self.examFile })
    }

    @Test func theRowOfADeckWithoutAnExamGetsTheOrdinaryAllowance() throws {
        let s = try Self.state()
        #expect(s.newRoom(decks: [Self.otherFile]) == StudyLimits.ordinaryNewPerDay)
        #expect(try Self.newFaces(row: 2).count == StudyLimits.ordinaryNewPerDay)
    }

    @Test func theRowOfEveryDeckKeepsTheSum() throws {
        let s = try Self.state()
        #expect(s.newRoom(decks: Set<String>?.none) == 1 + StudyLimits.ordinaryNewPerDay)
    }

    /// An explicit --new-limit is the limit of every row.
    @Test func anExplicitLimitIsNotPaced() throws {
        var s = try Self.state()
        s.limits.pacedByExams = false
        s.limits.newPerDay = 7
        #expect(s.newRoom(decks: [Self.examFile]) == 7)
    }
}
