import DeckFormat
import FSRS
import Foundation
import ReviewStore
import Study
import TerminalUI
import Testing

@testable import jatta

/// The statistics screen's load effect carried out by the real loop on a
/// real store: the figures shown are those of the answers just given, for
/// the cards of the row it was opened from.
@Suite struct StatisticsScreenWiringTests {
    let decks = [
        DeckParser.parse(Array("Q: Астанасы?\nA: Астана\n\nQ: Алматы?\nA: Оңтүстікте\n".utf8), file: "decks/u.deck").deck,
        DeckParser.parse(Array("Q: Бір?\nA: Екі\nlevel: 2\n".utf8), file: "decks/v.deck").deck,
    ]

    @Test func theScreenShowsTheStoresFiguresForTheSelectedRow() throws {
        let store = try ProgressStore()
        let now = Date()
        let day = StudySetup.day(of: now, timeZone: .current)
        let state = TrainerState(
            catalog: StudyCatalog(decks: decks), scheduler: try StudySetup.scheduler(timeZone: .current),
            dayEnd: day.end, now: now)
        var loop = EffectOutcomeTests.Loop(state: state, performer: EffectPerformer(store: store, sessionID: "s", decks: decks))
        // Two answers in the first deck (Easy: straight to review).
        for action: TrainerAction in [.moveSelection(1), .start, .reveal, .grade(.easy), .reveal, .grade(.easy), .back] {
            _ = try loop.apply(action, handingTerminalTo: { $0() })
        }
        _ = try loop.apply(.openStatistics, handingTerminalTo: { $0() })
        guard case .statistics(let screen) = loop.state.mode, let figures = screen.figures else {
            Issue.record("no figures on the statistics screen")
            return
        }
        #expect(figures.studiedToday.answers == 2 && figures.studiedToday.cardsStudied == 2)
        // Only the selected deck's cards: its two, not the other deck's one.
        #expect(figures.knowledge.total == 2 && figures.knowledge.young == 2)
        #expect(Set(figures.hardest.map(\.deckFile)) == ["decks/u.deck"])
        #expect(figures.hardest.allSatisfy { $0.line != nil })

        // All decks with the level filter: only the level-2 card, unanswered.
        _ = try loop.apply(.back, handingTerminalTo: { $0() })
        for action: TrainerAction in [.moveSelection(-1), .cycleLevel, .cycleLevel, .openStatistics] {
            _ = try loop.apply(action, handingTerminalTo: { $0() })
        }
        guard case .statistics(let filtered) = loop.state.mode, let level2 = filtered.figures else {
            Issue.record("no figures for level 2")
            return
        }
        #expect(level2.knowledge.total == 1 && level2.knowledge.new == 1)
        #expect(level2.studiedToday.answers == 0)
    }
}
