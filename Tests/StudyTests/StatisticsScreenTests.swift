import DeckFormat
import FSRS
import Foundation
import Testing

@testable import Study

/// The statistics screen as the pure trainer sees it: opened from the home
/// row with its filters, filled by the store's answer, paged, left, and the
/// hardest cards studied from it.
@Suite struct StatisticsScreenTests {
    static func run(_ state: TrainerState, _ actions: [TrainerAction]) -> (TrainerState, [TrainerEffect]) {
        var effects: [TrainerEffect] = []
        let end = actions.reduce(state) {
            let (next, more) = Trainer.update($0, TrainerEvent($1, at: Fixtures.now))
            effects += more
            return next
        }
        return (end, effects)
    }

    static func screen(_ state: TrainerState) -> StatisticsScreen? {
        if case .statistics(let screen) = state.mode { return screen }
        return nil
    }

    /// Figures naming `keys` as the hardest cards, in that order.
    static func figures(hardest keys: [String]) -> StudyStatistics {
        let builder = StatisticsBuilder(now: Fixtures.now, timeZone: .gmt, scheduler: Fixtures.scheduler())
        var stats = builder.statistics(StatisticsInput(cards: [], answers: [], quizzes: [], cardsStudiedToday: 0))
        stats.hardest = keys.map {
            StudyStatistics.HardCard(key: $0, deckFile: "decks/test.deck", line: 1, prompt: "", lapses: 3, retrievability: 0.5)
        }
        return stats
    }

    @Test func theHomeKeyAsksForTheFiguresOfTheSelectedRowAndFilters() {
        let other = Fixtures.deck("# Басқа\n\nQ: Бір?\nA: Екі\n", file: "decks/other.deck")
        let (state, effects) = Self.run(Fixtures.state([Fixtures.deck(), other]), [.moveSelection(2), .cycleLevel, .openStatistics])
        let filter = StudyFilter(deckFiles: ["decks/other.deck"], level: 1)
        #expect(effects == [.loadStatistics(filter)])
        #expect(Self.screen(state) == StatisticsScreen(filter: filter))
        // "All decks" asks for every deck of the session (nil), not one.
        let (_, all) = Self.run(Fixtures.state(), [.openStatistics])
        #expect(all == [.loadStatistics(StudyFilter())])
    }

    /// An exam ahead of `files`, with a plan of `unseen` new faces.
    static func outlook(_ date: String, files: [String]) throws -> ExamOutlook {
        let plan = try #require(
            ExamPlan.make(unseen: 6, introducedToday: 0, today: 1, examDay: 9, workload: 200) { _ in ExamPath() })
        return ExamOutlook(
            exam: Exam(date: try #require(CalendarDate(date)), paths: [], source: .student(id: 1)),
            deckFiles: files, plan: plan, readiness: ExamReadiness())
    }

    @Test func theScreenCarriesTheForecastOfTheExamsOfItsDecks() throws {
        let other = Fixtures.deck("# Басқа\n\nQ: Бір?\nA: Екі\n", file: "decks/other.deck")
        var state = Fixtures.state([Fixtures.deck(), other])
        let mine = try Self.outlook("2026-03-20", files: ["decks/other.deck"])
        let theirs = try Self.outlook("2026-03-25", files: ["decks/test.deck"])
        state.exams = [mine, theirs]
        // The row of decks/other.deck: only the exam covering it.
        let (one, _) = Self.run(state, [.moveSelection(2), .openStatistics])
        #expect(Self.screen(one)?.exams == [mine])
        // "All decks": every exam ahead.
        let (all, _) = Self.run(state, [.openStatistics])
        #expect(Self.screen(all)?.exams == [mine, theirs])
    }

    @Test func theFiguresFillTheScreenAndPagesTurnUntilBack() {
        let figures = Self.figures(hardest: [])
        var (state, _) = Self.run(Fixtures.state(), [.openStatistics, .showStatistics(figures), .scroll(1), .scroll(1)])
        #expect(Self.screen(state)?.figures == figures)
        #expect(Self.screen(state)?.page == 2)
        (state, _) = Self.run(state, [.scroll(-5)])
        #expect(Self.screen(state)?.page == 0)
        let (home, effects) = Self.run(state, [.back])
        guard case .home = home.mode else {
            Issue.record("back did not go home")
            return
        }
        #expect(effects.isEmpty)
        // Figures that arrive after the student left are not shown.
        let (late, _) = Self.run(home, [.showStatistics(figures)])
        #expect(Self.screen(late) == nil)
    }

    @Test func theHardestCardsAreStudiedHardestFirstWhetherDueOrNot() throws {
        let deck = Fixtures.deck()
        let keys = deck.cards.flatMap { $0.faces.map(\.key) }
        var progress = ProgressSnapshot()
        // Three faces reviewed, none due for a month; one of them buried.
        let later = Fixtures.now.addingTimeInterval(30 * 86_400)
        for key in keys.prefix(3) {
            progress.schedules[key] = CardSchedule(
                state: .review, memory: MemoryState(stability: 30, difficulty: 7), due: later,
                lastReview: Fixtures.now.addingTimeInterval(-86_400), reps: 5, lapses: 3)
        }
        progress.buriedUntil[keys[1]] = Fixtures.dayEnd
        let hardest = [keys[2], keys[1], keys[0]]
        let (state, effects) = Self.run(
            Fixtures.state([deck], progress: progress),
            [.openStatistics, .showStatistics(Self.figures(hardest: hardest)), .studyHardest])
        #expect(effects == [.loadStatistics(StudyFilter())])
        let session = try #require(state.session)
        #expect(session.current?.item.key == keys[2])
        #expect(session.queue.waiting.map(\.key) == [keys[0]])
        // Answering one records it as any review, ahead of its due date.
        let (_, graded) = Self.run(state, [.reveal, .grade(.good)])
        guard case .record(let record)? = graded.first else {
            Issue.record("no answer recorded")
            return
        }
        #expect(record.key == keys[2] && record.before.due == later)
    }

    @Test func withNoHardestCardInTheSessionTheScreenStaysAndSaysSo() {
        let (state, effects) = Self.run(
            Fixtures.state(), [.openStatistics, .showStatistics(Self.figures(hardest: ["gone"])), .studyHardest])
        #expect(effects == [.loadStatistics(StudyFilter())])
        #expect(Self.screen(state) != nil)
        #expect(state.notice == .nothingToStudy)
        // Before the figures arrive there is nothing to study either.
        let (loading, _) = Self.run(Fixtures.state(), [.openStatistics, .studyHardest])
        #expect(Self.screen(loading) != nil && loading.notice == .nothingToStudy)
    }

    @Test func figuresTheStoreCannotGiveSendTheStudentHomeWithTheReason() {
        let (state, _) = Self.run(
            Fixtures.state(), [.openStatistics, .effectFailed(.statisticsUnavailable(reason: "disk I/O error"))])
        guard case .home = state.mode else {
            Issue.record("stayed on the statistics screen")
            return
        }
        #expect(state.notice == .effectFailed(.statisticsUnavailable(reason: "disk I/O error")))
    }
}
