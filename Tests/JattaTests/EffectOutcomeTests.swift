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
    /// A store that cannot take an answer (its file may not grow: a full
    /// disk or a quota) ends the session as an action not recorded, which
    /// the session says; every earlier answer is kept.
    @Test func anAnswerTheStoreCannotTakeIsAnUnrecordedAction() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("jatta-unrecorded-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let long = String(repeating: "ұзын сұрақ мәтіні ", count: 60)
        let text = (0..<400).map { "Q: \($0) \(long)?\nA: жауап \($0)\n" }.joined(separator: "\n")
        let deck = DeckParser.parse(Array(text.utf8), file: "decks/long.deck").deck
        let path = dir.appendingPathComponent("p.sqlite").path
        let now = Date()
        // The decks registered first; then the file may grow by 4 pages,
        // which some answers fill.
        do {
            let store = try ProgressStore(path: path)
            try EffectPerformer(store: store, sessionID: "setup", decks: [deck]).registerDecks(at: now)
        }
        let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        let store = try ProgressStore(path: path, options: StoreOptions(maximumPageCount: size / 4096 + 4))
        let day = StudySetup.day(of: now, timeZone: .gmt)
        var state = TrainerState(
            catalog: StudyCatalog(decks: [deck]), scheduler: try StudySetup.scheduler(timeZone: .gmt), dayEnd: day.end,
            now: now)
        state.limits.newPerDay = 400
        let performer = EffectPerformer(store: store, sessionID: "mine", decks: [deck])
        var loop = Loop(state: state, performer: performer)
        _ = try loop.apply(.startAll, handingTerminalTo: { $0() })
        var answered = 0
        var lost: UnrecordedAction?
        for _ in 0..<400 {
            do {
                _ = try loop.apply(.reveal, handingTerminalTo: { $0() })
                _ = try loop.apply(.grade(.good), handingTerminalTo: { $0() })
                answered += 1
            } catch let error as UnrecordedAction {
                lost = error
                break
            }
        }
        let failure = try #require(lost)
        #expect(failure.error.kind == .diskFull)
        #expect(answered > 0)
        #expect(try store.logCount() == answered)
    }
}
