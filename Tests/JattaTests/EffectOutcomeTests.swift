import DeckFormat
import FSRS
import Foundation
import ReviewStore
import Study
import TerminalUI
import Testing

@testable import jatta

/// Effects report their outcome back to the trainer: an undo the store
/// refuses because another session changed the card is a notice and the
/// session goes on (it used to end the whole session with exit 74).
@Suite struct EffectOutcomeTests {
    /// The trainer loop without a screen: only `apply` is used.
    struct Loop: TrainerLoop {
        var state: TrainerState
        let performer: EffectPerformer
        let reloadDecks: () -> DeckLibrary.Result = { DeckLibrary.Result(decks: [], diagnostics: [], files: []) }
        let environment: [String: String] = [:]
        let strings = Strings.english
    }

    let deck = DeckParser.parse(Array("Q: Астанасы?\nA: Астана\n\nQ: Алматы?\nA: Оңтүстікте\n".utf8), file: "decks/u.deck").deck

    @Test func anUndoRefusedByTheStoreIsANoticeAndTheSessionGoesOn() throws {
        let store = try ProgressStore()
        let now = Date()
        let day = StudySetup.day(of: now, timeZone: .gmt)
        let state = TrainerState(
            catalog: StudyCatalog(decks: [deck]), scheduler: try StudySetup.scheduler(timeZone: .gmt), dayEnd: day.end,
            now: now)
        var loop = Loop(state: state, performer: EffectPerformer(store: store, sessionID: "mine", decks: [deck]))
        for action: TrainerAction in [.startAll, .reveal, .grade(.good)] {
            #expect(try loop.apply(action, handingTerminalTo: { $0() }) == false)
        }
        let key = try #require(try store.log().last?.key)
        // Another session answers the same card.
        let current = try #require(try store.schedules(for: [key])[key])
        let scheduler = try StudySetup.scheduler(timeZone: .gmt)
        try store.record(
            RecordedAnswer(
                key: key, deckFile: "decks/u.deck", prompt: "x", rating: .easy, time: now.addingTimeInterval(1),
                durationMilliseconds: 1000, kind: .study, sessionID: "other", before: current,
                after: scheduler.review(current, rating: .easy, at: now.addingTimeInterval(1), cardKey: key)))

        let other = try #require(try store.schedules(for: [key])[key])
        #expect(try loop.apply(.undo, handingTerminalTo: { $0() }) == false)
        #expect(loop.state.notice == .effectFailed(.undoRefused(key: key, current: other)))
        // The session goes on, without asking the card again, and knows the
        // card as the other session left it.
        #expect(loop.state.session != nil)
        #expect(loop.state.session?.current?.item.key != key)
        #expect(loop.state.catalog.progress.schedules[key] == other)
        // Both answers stay logged, and the summary still counts this
        // session's answer, which the refused undo did not take back.
        #expect(try store.log().filter { $0.key == key }.count == 2)
        #expect(loop.state.session?.answers.map(\.item.key) == [key])
        #expect(loop.state.catalog.progress.newStudiedToday == 1)
    }
}
