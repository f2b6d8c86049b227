import DeckFormat
import FSRS
import Foundation
import ReviewStore
import Study
import Testing

@testable import jatta

/// Card info and practice carried out on a real store: the history is read
/// from the log, unsuspend is logged, a practice writes nothing.
@Suite struct CustomStudyWiringTests {
    typealias Loop = EffectOutcomeTests.Loop

    let deck = DeckParser.parse(Array("Q: Астанасы?\nA: Астана\n\nQ: Алматы?\nA: Оңтүстікте\n".utf8), file: "decks/u.deck").deck

    func loop(_ store: ProgressStore) throws -> Loop {
        let now = Date()
        let day = StudySetup.day(of: now, timeZone: .gmt)
        let snapshot = try StudySetup.snapshot(store: store, decks: [deck], dayStart: day.start, now: now)
        let state = TrainerState(
            catalog: StudyCatalog(decks: [deck], progress: snapshot), scheduler: try StudySetup.scheduler(timeZone: .gmt),
            dayEnd: day.end, now: now)
        return Loop(state: state, performer: EffectPerformer(store: store, sessionID: UUID().uuidString, decks: [deck]))
    }

    @Test func cardInfoReadsTheLogAndUnsuspendIsLogged() throws {
        let store = try ProgressStore()
        var first = try loop(store)
        // Answer the first card Again, then suspend the second.
        for action: TrainerAction in [.startAll, .reveal, .grade(.again), .suspend, .quit] {
            _ = try first.apply(action, handingTerminalTo: { $0() })
        }
        let suspendedKey = try #require(try store.log().first { $0.kind == .suspend }?.key)
        let failedKey = deck.cards[0].id.rawValue

        var second = try loop(store)
        #expect(second.state.catalog.progress.failures[failedKey] != nil)
        for action in [TrainerAction.openSearch] + "АЛМАТЫ".map({ .type($0) }) + [.reveal, .showInfo] {
            _ = try second.apply(action, handingTerminalTo: { $0() })
        }
        guard case .cardInfo(let info)? = second.state.home.panel else {
            Issue.record("no card info")
            return
        }
        #expect(info.history?.map(\.kind) == ["suspend"])
        _ = try second.apply(.unsuspend, handingTerminalTo: { $0() })
        #expect(try store.progress(for: [suspendedKey])[suspendedKey]?.suspended != true)
        #expect(try store.log().first?.kind == .unsuspend)
        guard case .cardInfo(let after)? = second.state.home.panel else {
            Issue.record("card info closed")
            return
        }
        #expect(after.history?.map(\.kind) == ["unsuspend", "suspend"])
        #expect(second.state.notice == .unsuspended)
    }

    @Test func aPracticeWritesNothingToTheStore() throws {
        let store = try ProgressStore()
        var practice = try loop(store)
        Trainer.start(&practice.state, filter: .all, now: Date(), custom: CustomStudy(.everything, practice: true))
        for action: TrainerAction in [.reveal, .grade(.good), .reveal, .grade(.again), .undo, .reveal, .grade(.easy)] {
            _ = try practice.apply(action, handingTerminalTo: { $0() })
        }
        // Good, then Again (asked again at the end), undone, then Easy: the
        // practice ends with its two answers in the summary.
        guard case .summary(let summary, _) = practice.state.mode else {
            Issue.record("the practice did not end")
            return
        }
        #expect(summary.answers == 2)
        #expect(try store.logCount() == 0)
        #expect(try store.progress(for: deck.cards.map(\.id.rawValue)).values.allSatisfy { $0.schedule == nil })
    }
}
