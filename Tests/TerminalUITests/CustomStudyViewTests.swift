import DeckFormat
import FSRS
import Foundation
import Study
import Testing

@testable import TerminalUI

/// Search, card info, the custom-study menu and a practice, rendered to text.
@Suite struct CustomStudyViewTests {
    let deck = ViewFixtures.deck(
        """
        T: Режим
        D: Мемлекеттердің келісілген нормалары.

        Q: Қазақстанның астанасы?
        A: Астана
        level: 2
        """)
    var termKey: String { deck.cards[0].id.rawValue }

    func reviewed(dueIn days: Double, lapses: Int) -> CardSchedule {
        CardSchedule(
            state: .review, step: nil, memory: MemoryState(stability: 3, difficulty: 5),
            due: ViewFixtures.now.addingTimeInterval(days * 86_400), lastReview: ViewFixtures.now, reps: 3, lapses: lapses)
    }

    func searched(_ word: String, _ state: TrainerState) -> TrainerState {
        ViewFixtures.run(state, [.openSearch] + word.map { .type($0) } + [.reveal])
    }

    @Test func searchResultsShowEachFacesStageDueDateAndLapses() {
        var state = ViewFixtures.state([deck])
        state.catalog.progress.schedules[termKey] = reviewed(dueIn: 3, lapses: 2)
        state.catalog.progress.suspended = [termKey + "/reverse"]
        let text = ViewFixtures.render(searched("РЕЖИМ", state), 80, 16, .english)
        #expect(text.contains("Word: РЕЖИМ"))
        #expect(text.contains("1 card found"))
        #expect(text.contains("Режим"))
        #expect(text.contains("review · due in 3d · lapses: 2  |  reverse: new · suspended"))
        let kazakh = ViewFixtures.render(searched("режим", state), 80, 16, .kazakh)
        #expect(kazakh.contains("қайталауда · 3 күн кейін · ұмытылды: 2"))
    }

    @Test func nothingFoundIsSaid() {
        let text = ViewFixtures.render(searched("жоқсөз", ViewFixtures.state([deck])), 80, 16, .english)
        #expect(text.contains("No card holds “жоқсөз”"))
    }

    @Test func cardInfoShowsTheCardItsFacesAndItsHistory() {
        var state = searched("астана", ViewFixtures.state([deck]))
        state = ViewFixtures.run(state, [.showInfo])
        let key = deck.cards[1].id.rawValue
        let loading = ViewFixtures.render(state, 80, 20, .english)
        #expect(loading.contains("Қазақстанның астанасы?"))
        #expect(loading.contains("Answer: Астана"))
        #expect(loading.contains("Level 2"))
        #expect(loading.contains("reading…"))
        let entries = [
            CardHistoryEntry(
                key: key, time: ViewFixtures.now.addingTimeInterval(-2 * 86_400), kind: "study", rating: .good,
                undone: false, stageAfter: "review", dueAfter: ViewFixtures.now.addingTimeInterval(4 * 86_400)),
            CardHistoryEntry(
                key: key, time: ViewFixtures.now.addingTimeInterval(-3 * 86_400), kind: "study", rating: .again,
                undone: true, stageAfter: "learning", dueAfter: nil),
        ]
        state = ViewFixtures.run(state, [.historyLoaded(keys: [key], entries)])
        let text = ViewFixtures.render(state, 80, 20, .english)
        #expect(text.contains("History (newest first)"))
        #expect(text.contains("2d ago · study · Good · → review, due in 4d"))
        #expect(text.contains("3d ago · study · Again · → learning · (undone)"))
    }

    @Test func theMenuCountsWhatEachChoiceWouldAsk() {
        var state = ViewFixtures.state([deck])
        state.catalog.progress.schedules[termKey] = reviewed(dueIn: 2, lapses: 1)
        state.catalog.progress.failures[termKey] = ViewFixtures.now.addingTimeInterval(-3600)
        state = ViewFixtures.run(state, [.openCustomStudy])
        let text = ViewFixtures.render(state, 80, 20, .english)
        #expect(text.contains("Custom study"))
        #expect(text.contains("1  Failed today (1)"))
        #expect(text.contains("2  Failed in the last 7 days (1)"))
        #expect(text.contains("3  Study ahead: due in the next 3 days (1)"))
        #expect(text.contains("4  10 more new cards today"))
        #expect(text.contains("5  Everything in the selection (3 faces)"))
        #expect(text.contains("p  Practice (no rescheduling): off"))
        let on = ViewFixtures.render(ViewFixtures.run(state, [.togglePractice]), 80, 20, .kazakh)
        #expect(on.contains("Жаттығу (кесте өзгермейді): қосулы"))
    }

    /// Card info gives a long answer the rows free below it, and marks
    /// with "…" what it cuts (the answer stopped mid-phrase at three rows,
    /// half the screen empty, and a tag went unsaid).
    @Test func cardInfoUsesTheFreeRowsAndMarksWhatIsCut() {
        let long = (1...30).map { "сөз\($0)" }.joined(separator: " ") + " соңғысөз"
        let deck = ViewFixtures.deck("Q: Дипломатия дегеніміз не?\nA: \(long)\ntags: бір, екі, үш\n")
        var state = ViewFixtures.run(ViewFixtures.state([deck]), [.openSearch] + "дипломатия".map { .type($0) } + [.reveal])
        state = ViewFixtures.run(state, [.showInfo])
        let tall = ViewFixtures.render(state, 40, 24, .english)
        #expect(tall.contains("соңғысөз"), "\(tall)")
        let short = ViewFixtures.render(state, 40, 12, .english)
        #expect(!short.contains("соңғысөз") && short.contains("…"), "\(short)")
    }

    /// At the smallest size two choices fit; the one selected is always
    /// drawn, marked, since Enter starts it (↓ went on to choices not drawn,
    /// and Enter started "10 more new cards today" unseen).
    @Test func theSelectedChoiceIsDrawnAtTheSmallestSize() {
        var state = ViewFixtures.run(ViewFixtures.state([deck]), [.openCustomStudy])
        for down in 0..<5 {
            let text = ViewFixtures.render(state, 40, 10, .english)
            let marked = text.split(separator: "\n").filter { $0.contains("›") }
            #expect(marked.count == 1, "after \(down) ↓: \(text)")
            #expect(marked.first?.contains("\(down + 1)  ") == true, "after \(down) ↓: \(text)")
            state = ViewFixtures.run(state, [.moveSelection(1)])
        }
    }

    /// One day ahead and one more new card are said in the singular.
    @Test func oneDayAndOneCardAreSingular() {
        var state = ViewFixtures.run(ViewFixtures.state([deck]), [.openCustomStudy, .moveSelection(2)])
        for _ in 0..<10 { state = ViewFixtures.run(state, [.adjust(-1)]) }
        state = ViewFixtures.run(state, [.moveSelection(1)])
        for _ in 0..<20 { state = ViewFixtures.run(state, [.adjust(-1)]) }
        let text = ViewFixtures.render(state, 80, 20, .english)
        #expect(text.contains("due in the next 1 day ("), "\(text)")
        #expect(text.contains("1 more new card today"), "\(text)")
    }

    @Test func aPracticeSaysSoAndItsButtonsPromiseNoInterval() {
        var state = ViewFixtures.state([deck])
        Trainer.start(&state, filter: .all, now: ViewFixtures.now, custom: CustomStudy(.everything, practice: true))
        state = ViewFixtures.run(state, [.reveal])
        let text = ViewFixtures.render(state, 80, 16, .english)
        #expect(text.contains("practice · not rescheduled"))
        #expect(text.contains("1 Again  "))
        #expect(!text.contains("1 Again 1m"))
        // The same card in real study shows the intervals.
        var real = ViewFixtures.state([deck])
        Trainer.start(&real, filter: .all, now: ViewFixtures.now)
        let realText = ViewFixtures.render(ViewFixtures.run(real, [.reveal]), 80, 16, .english)
        #expect(realText.contains("1 Again 1m"))
        #expect(!realText.contains("practice"))
    }
}
