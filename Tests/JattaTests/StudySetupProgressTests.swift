import DeckFormat
import FSRS
import Foundation
import ReviewStore
import Study
import Testing

@testable import jatta

/// `StudySetup.progress` reads a large collection's progress in one pass
/// over the store (`forEachProgress`) and a small one — or a few decks of a
/// much larger store — by looking its keys up; for every face of the decks
/// both give what one pass over the whole state table reads.
@Suite struct StudySetupProgressTests {
    static let now = Date(timeIntervalSince1970: 1_795_000_000)

    /// A deck of `count` question cards and term cards (two faces each).
    func deck(_ count: Int, file: String) -> Deck {
        let text = (0..<count).map { i in
            i % 3 == 0 ? "T: термин \(i)\nD: анықтама \(i)\n" : "Q: сұрақ \(i)?\nA: жауап \(i)\n"
        }.joined(separator: "\n")
        return DeckParser.parse(Array(text.utf8), file: file).deck
    }

    /// Checks a deck of `cards` cards in a store that also holds the
    /// progress of `others` cards of a deck not loaded; `scan` is whether
    /// the whole state table should be read.
    func check(cards: Int, others: Int = 5, scan: Bool) throws {
        let store = try ProgressStore()
        let loaded = deck(cards, file: "decks/a.deck")
        let other = deck(others, file: "decks/other.deck")
        let keys = loaded.cards.flatMap { $0.faces.map(\.key) }
        var answers: [RecordedAnswer] = []
        for (i, key) in keys.enumerated() where i % 2 == 0 {
            let due = Self.now.addingTimeInterval(Double(i % 40 - 20) * 86_400)
            answers.append(
                RecordedAnswer(
                    key: key, deckFile: loaded.file, prompt: "p", level: 1, rating: .good, time: Self.now,
                    durationMilliseconds: 900, kind: .study, sessionID: "s", before: nil,
                    after: CardSchedule(
                        state: .review, step: nil, memory: MemoryState(stability: 3 + Double(i % 7), difficulty: 5),
                        due: due, lastReview: Self.now, reps: 1 + i % 4, lapses: i % 3)))
        }
        // Progress of a deck not loaded now, under the same store.
        for card in other.cards {
            answers.append(
                RecordedAnswer(
                    key: card.id.rawValue, deckFile: other.file, prompt: "p", level: 1, rating: .good, time: Self.now,
                    durationMilliseconds: 900, kind: .study, sessionID: "s", before: nil,
                    after: CardSchedule(
                        state: .review, step: nil, memory: MemoryState(stability: 2, difficulty: 5),
                        due: Self.now, lastReview: Self.now, reps: 1, lapses: 0)))
        }
        try store.record(answers)
        try store.register(EffectPerformer.registry([loaded, other]), at: Self.now)
        try store.suspend(key: keys[1], at: Self.now)
        try store.suspend(key: keys[2], at: Self.now)
        try store.bury(key: keys[4], until: Self.now.addingTimeInterval(3600), at: Self.now)

        #expect(try store.scanPays(forKeys: loaded.cards.count) == scan)
        let snapshot = try StudySetup.progress(store: store, decks: [loaded])
        // The previous computation: every row of the state table.
        var stored: [String: CardProgress] = [:]
        try store.forEachProgress { key, progress in stored[key] = progress }
        #expect(try store.progress(for: keys) == stored.filter { keys.contains($0.key) })
        // The identity hand-over's question takes the same way.
        let withRow = Set(stored.keys).intersection(keys)
        #expect(try store.keysWithProgress(among: keys) == withRow)
        #expect(try store.keysWithProgress(among: Set(keys)) == withRow)
        #expect(!stored.isEmpty)
        for key in keys {
            #expect(snapshot.schedules[key] == stored[key]?.schedule, "\(key)")
            #expect(snapshot.suspended.contains(key) == (stored[key]?.suspended ?? false), "\(key)")
            #expect(snapshot.buriedUntil[key] == stored[key]?.buriedUntil, "\(key)")
        }
        #expect(snapshot.suspended.contains(keys[1]) && snapshot.buriedUntil[keys[4]] != nil)
    }

    @Test func aLargeCollectionReadInOnePass() throws {
        try check(cards: ProgressStore.keysWorthAScan + 50, scan: true)
    }

    @Test func aSmallCollectionLookedUp() throws {
        try check(cards: 60, scan: false)
    }

    /// One deck file of a store that holds many more faces: its keys are
    /// looked up (more than one query's worth), not the whole table read.
    @Test func aFewDecksOfALargeStoreLookedUp() throws {
        try check(cards: ProgressStore.keysWorthAScan + 50, others: 20_000, scan: false)
    }
}
