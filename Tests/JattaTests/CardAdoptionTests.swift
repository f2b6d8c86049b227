import DeckFormat
import FSRS
import Foundation
import ReviewStore
import Testing

@testable import jatta

/// Issue 11: adding `id:` to a card reset every student's progress on it.
/// Opening the edited deck hands the progress over (`CardAdoption`).
@Suite struct CardAdoptionTests {
    static let now = Date(timeIntervalSince1970: 1_795_000_000)

    func schedule(at time: Date) -> CardSchedule {
        CardSchedule(
            state: .review, step: nil, memory: MemoryState(stability: 12.5, difficulty: 4.25),
            due: time.addingTimeInterval(86400 * 12), lastReview: time, reps: 3, lapses: 0)
    }

    func studyEveryFace(_ deck: Deck, in store: ProgressStore) throws {
        for card in deck.cards {
            for face in card.faces {
                try store.record(
                    RecordedAnswer(
                        key: face.key, deckFile: deck.file, prompt: face.card.prompt, level: 1, rating: .good,
                        time: Self.now, durationMilliseconds: 1000, kind: .study, sessionID: "s",
                        before: nil, after: schedule(at: Self.now)))
            }
        }
    }

    @Test func addingAnIDKeepsEveryFacesProgress() throws {
        let before = DeckParser.parse(
            "T: Гегемония\nD: Бір мемлекеттің басымдығы\n\nQ: БҰҰ қашан құрылды?\nA: 1945\n", file: "ir/l4.deck").deck
        let after = DeckParser.parse(
            "namespace: ir\n\nT: Гегемония\nD: Бір мемлекеттің басымдығы\nid: hegemony\n\nQ: БҰҰ қай жылы құрылды?\nA: 1945\nid: un\n",
            file: "ir/l4.deck"
        ).deck
        let store = try ProgressStore()
        try studyEveryFace(before, in: store)
        let snapshot = try StudySetup.snapshot(
            store: store, decks: [after], dayStart: Self.now, now: Self.now.addingTimeInterval(60))
        #expect(Set(snapshot.schedules.keys) == ["ir:hegemony", "ir:hegemony/reverse"])
        #expect(snapshot.schedules["ir:hegemony"] == schedule(at: Self.now))
        // The question was reworded as its id was added: nothing to adopt
        // (its derived id changed too), so it starts new, as the docs say.
        #expect(snapshot.schedules["ir:un"] == nil)
        let kinds = try store.log(limit: 10).map(\.kind)
        #expect(kinds.filter { $0 == .adopt }.count == 4)
        #expect(try store.verify().isEmpty)
    }

    /// A deck registered exactly as it is now (its fingerprint kept by the
    /// deck index and recorded by the store) was opened by a session since
    /// its last edit, which handed its progress over then: its explicit ids
    /// are not walked again. A deck registered otherwise is asked.
    @Test func aDeckRegisteredAsItIsNowIsNotAskedAgain() throws {
        let file = "adoption-\(UUID().uuidString)/l4.deck"
        let before = DeckParser.parse("T: Гегемония\nD: Бір мемлекеттің басымдығы\n", file: file).deck
        let after = DeckParser.parse(
            "namespace: ir\n\nT: Гегемония\nD: Бір мемлекеттің басымдығы\nid: hegemony\n", file: file).deck
        let store = try ProgressStore()
        try studyEveryFace(before, in: store)
        try EffectPerformer(store: store, sessionID: "s", decks: [after]).registerDecks(at: Self.now)
        RegistryFingerprints.shared.keep(RegistryFingerprints.of(after), for: file)
        defer { RegistryFingerprints.shared.forget(file) }
        #expect(try CardAdoption.run(store: store, decks: [after], at: Self.now).isEmpty)
        RegistryFingerprints.shared.keep(RegistryFingerprints.of(before), for: file)
        #expect(try CardAdoption.run(store: store, decks: [after], at: Self.now).count == 2)
    }

    @Test func aFormerKeyStillInUseIsLeftToItsCard() throws {
        // The same prompt twice, once with an id: the derived key belongs to
        // the card still using it.
        let deck = DeckParser.parse(
            "namespace: ir\n\nQ: Астана?\nA: Иә\n\nQ: Астана?\nA: Иә\nid: capital\n", file: "d.deck").deck
        let former = CardAdoption.candidates([deck]).flatMap(\.former).map(\.key)
        #expect(former == ["capital"])  // the bare id of 0.1, not the derived key
    }
}
