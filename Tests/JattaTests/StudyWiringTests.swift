import DeckFormat
import FSRS
import Foundation
import ReviewStore
import Study
import Testing

@testable import jatta

/// The trainer's effects carried out on a real (in-memory) progress store:
/// after any run of answers, burials, suspensions and undos, what the store
/// says about each face is what the trainer believed.
@Suite struct StudyWiringTests {
    let deck = DeckParser.parse(
        Array(
            """
            Q: Астанасы?
            A: Астана

            T: Режим
            D: Нормалар жиынтығы

            C: Қазақстан БҰҰ-ға {1992} жылы мүше болды.

            Q: Соңғы саты?
            * Империализм
            - Гегемония
            """.utf8), file: "decks/w.deck"
    ).deck
    let start = Date(timeIntervalSince1970: 1_772_445_600)

    func fresh(_ store: ProgressStore, at now: Date) throws -> TrainerState {
        let day = StudySetup.day(of: now, timeZone: .gmt)
        let snapshot = try StudySetup.snapshot(store: store, decks: [deck], dayStart: day.start, now: now)
        return TrainerState(
            catalog: StudyCatalog(decks: [deck], progress: snapshot), scheduler: try StudySetup.scheduler(timeZone: .gmt),
            dayEnd: day.end, now: now)
    }

    @Test func theStoreAgreesWithTheTrainerAfterAnswersBurialsAndUndos() throws {
        let store = try ProgressStore()
        let performer = EffectPerformer(store: store, sessionID: "test", decks: [deck])
        var state = try fresh(store, at: start)
        let actions: [TrainerAction] = [
            .start, .reveal, .grade(.good),  // question: good
            .reveal, .grade(.easy),  // term forward: easy
            .bury,  // cloze buried
            .undo,  // … and unburied
            .type("1"), .type("9"), .type("9"), .type("2"), .reveal, .acceptRating,  // cloze typed right
            .suspend,  // choice suspended
            .undo, .undo,  // unsuspend, take back the cloze answer
        ]
        var t = start
        for action in actions {
            let (next, effects) = Trainer.update(state, TrainerEvent(action, at: t))
            state = next
            for effect in effects { _ = try performer.perform(effect, at: t) }
            t = t.addingTimeInterval(3)
        }
        let log = try store.log()
        #expect(log.filter { $0.kind == .study }.count == 3)
        #expect(log.filter { $0.kind == .undo }.count == 3)
        #expect(log.filter { $0.kind == .bury }.count == 1)
        #expect(log.filter { $0.kind == .suspend }.count == 1)

        // A restart reads back exactly what the trainer holds.
        let restarted = try fresh(store, at: t)
        #expect(restarted.catalog.progress.schedules == state.catalog.progress.schedules)
        #expect(restarted.catalog.progress.suspended == state.catalog.progress.suspended)
        #expect(restarted.catalog.progress.newStudiedToday == state.catalog.progress.newStudiedToday)
        #expect(restarted.catalog.progress.newStudiedToday == 2)
        #expect(state.catalog.progress.schedules.count == 2)
    }

    @Test func anOverruledVerdictIsLoggedAsAnOverride() throws {
        let store = try ProgressStore()
        let performer = EffectPerformer(store: store, sessionID: "test", decks: [deck])
        var state = try fresh(store, at: start)
        // Both faces of the term: its reverse face would otherwise take its
        // turn (NewFaceOrder) before the cloze.
        state.catalog.progress.suspended = [
            deck.cards[0].id.rawValue, deck.cards[1].id.rawValue, deck.cards[1].id.rawValue + "/reverse",
            deck.cards[3].id.rawValue,
        ]
        for action: TrainerAction in [.start, .type("1"), .type("9"), .type("9"), .type("1"), .reveal, .grade(.good)] {
            let (next, effects) = Trainer.update(state, TrainerEvent(action, at: start))
            state = next
            for effect in effects { _ = try performer.perform(effect, at: start) }
        }
        let answers = try store.log().filter(\.kind.isAnswer)
        #expect(answers.map(\.kind) == [.override])
        #expect(answers.first?.key == deck.cards[2].id.rawValue)
    }

    @Test func defaultDecksArePreferredFromTheCurrentFolder() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("jatta-decks-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let bin = root.appendingPathComponent("prefix/bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let work = root.appendingPathComponent("work")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        let executable = bin.appendingPathComponent("jatta").path
        #expect(DeckLocation.defaults(currentDirectory: work.path, executable: executable) == [])
        let shared = root.appendingPathComponent("prefix/share/jatta/decks")
        try FileManager.default.createDirectory(at: shared, withIntermediateDirectories: true)
        #expect(DeckLocation.defaults(currentDirectory: work.path, executable: executable) == [shared.path])
        try FileManager.default.createDirectory(at: work.appendingPathComponent("decks"), withIntermediateDirectories: true)
        #expect(DeckLocation.defaults(currentDirectory: work.path, executable: executable) == ["decks"])
    }
}
