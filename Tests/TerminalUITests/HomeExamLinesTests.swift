import DeckFormat
import FSRS
import Foundation
import Study
import Testing

@testable import TerminalUI

/// The home screen's exam lines are said whole on a small terminal: at 60
/// columns "all cards seen 2 days before" and "100% with the plan" were cut
/// to "all cards seen 2 d…" and "100% with the p…".
@Suite struct HomeExamLinesTests {
    func examState() throws -> TrainerState {
        let deck = ViewFixtures.deck("# Сынақ\n\nQ: Астана?\nA: Иә\nlevel: 1\n\nQ: Алматы?\nA: Иә\nlevel: 2\n")
        var state = ViewFixtures.state([deck])
        let exam = Exam(date: try #require(CalendarDate("2026-03-14")), paths: [], source: .student(id: 1))
        let byDeck = [deck.file: exam]
        let scheduler = ExamOutlook.scheduler(base: ViewFixtures.scheduler(), decks: state.catalog.decks, examsByDeck: byDeck)
        state.scheduler = scheduler
        state.exams = ExamOutlook.make(
            catalog: state.catalog, examsByDeck: byDeck, scheduler: scheduler, defaultWorkload: 200,
            introducedToday: [], now: ViewFixtures.now)
        return state
    }

    @Test func thePlanAndForecastAreWholeAt60By15And80By24InBothLanguages() throws {
        let state = try examState()
        let outlook = try #require(state.exams.first)
        for (strings, language) in [(Strings.english, Language.en), (Strings.kazakh, Language.kk)] {
            // Every item of both lines, as the words give them.
            let items = ExamWords.of(language).lines(outlook).flatMap { $0.components(separatedBy: " · ") }
            #expect(items.count >= 5)
            for (width, height) in [(60, 15), (80, 24)] {
                let text = ViewFixtures.render(state, width, height, strings)
                for item in items {
                    #expect(text.contains(item), "\(width)×\(height) \(strings.code): «\(item)» is not whole in\n\(text)")
                }
            }
        }
    }

    /// Rows that do not fit are joined back as they were cut: no " · "
    /// inside an item ("0% of cards · today" at 40×12).
    @Test func rowsJoinedBackKeepTheirItems() {
        let line = "Ready for the exam: 0% of cards today · 100% with the plan"
        #expect(HomeView.fittedItems(line, width: 36, rows: 1) == ["Ready for the exam: 0% of cards today · 100% with the plan"])
        #expect(HomeView.fittedItems(line, width: 36, rows: 2) == ["Ready for the exam: 0% of cards", "today · 100% with the plan"])
        #expect(HomeView.fittedItems(line, width: 80, rows: 1) == [line])
    }

    /// A workload that cannot fit is said even at 60×15, where the plan,
    /// the forecast and "does not fit …" together need more rows than the
    /// screen leaves: the plan line comes whole, the forecast is cut.
    @Test func doesNotFitIsSaidAt60By15() throws {
        var state = try examState()
        let outlook = try #require(state.exams.first)
        var tight = outlook
        tight.exam.workload = 0
        tight.plan.workload = 0
        state.exams = [tight]
        let words = ExamWords.of(.en)
        let planItems = words.lines(tight)[0].components(separatedBy: " · ")
        #expect(planItems.count == 4)
        let text = ViewFixtures.render(state, 60, 15, .english)
        let flat = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        for item in planItems { #expect(flat.contains(item), "«\(item)» not whole in\n\(text)") }
        // The list keeps its three rows.
        #expect(text.contains("› "))
    }

    /// Several exams for several decks: a deck's row shows its own exam's
    /// plan, the row of all decks the soonest, a deck without one none.
    @Test func aDecksRowShowsItsOwnExam() throws {
        let a = ViewFixtures.deck("# A\n\nQ: Астана?\nA: Иә\n", file: "decks/a.deck")
        let b = ViewFixtures.deck("# B\n\nQ: Алматы?\nA: Иә\n", file: "decks/b.deck")
        let c = ViewFixtures.deck("# C\n\nQ: Шымкент?\nA: Иә\n", file: "decks/c.deck")
        var state = ViewFixtures.state([a, b, c])
        let byDeck = [
            a.file: Exam(date: try #require(CalendarDate("2026-03-14")), paths: [], source: .student(id: 1)),
            b.file: Exam(date: try #require(CalendarDate("2026-03-30")), paths: [], source: .student(id: 2)),
        ]
        let scheduler = ExamOutlook.scheduler(base: ViewFixtures.scheduler(), decks: state.catalog.decks, examsByDeck: byDeck)
        state.scheduler = scheduler
        state.exams = ExamOutlook.make(
            catalog: state.catalog, examsByDeck: byDeck, scheduler: scheduler, defaultWorkload: 200,
            introducedToday: [], now: ViewFixtures.now)
        let words = ExamWords.of(.en)
        let soon = try #require(state.exams.first { $0.deckFiles == [a.file] }.map { words.lines($0)[0] })
        let later = try #require(state.exams.first { $0.deckFiles == [b.file] }.map { words.lines($0)[0] })
        #expect(soon != later)
        func shown(row: Int) -> String {
            state.home.selection = row
            return ViewFixtures.render(state, 80, 24, .english)
        }
        #expect(shown(row: 0).contains(soon) && !shown(row: 0).contains(later))
        #expect(shown(row: 1).contains(soon))
        #expect(shown(row: 2).contains(later) && !shown(row: 2).contains(soon))
        #expect(!shown(row: 3).contains(soon) && !shown(row: 3).contains(later))
    }

    /// Below 80 columns the hint row has no room for `x`; the help, which
    /// every width keeps, names it in both languages (it named no exam key).
    @Test func theHelpNamesTheExamKey() {
        for strings in [Strings.english, Strings.kazakh] {
            let line = strings.helpLines.first { $0.hasPrefix("x ") }
            #expect(line != nil, "\(strings.code): no help line for x")
        }
        let hints = ViewFixtures.render(ViewFixtures.state([ViewFixtures.deck("Q: А?\nA: Б\n")]), 60, 15, .english)
        #expect(!hints.contains("x exam"))
    }
}
