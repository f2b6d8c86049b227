import FSRS
import Foundation
import GRDB
import Testing

@testable import ReviewStore

/// Progress follows a card whose identity its deck changed (issue 11):
/// two `adopt` log entries, the log append-only, the state its fold.
@Suite struct AdoptTests {
    func studied(_ store: ProgressStore, _ key: String) throws -> CardSchedule {
        var rng = SeededGenerator(seed: 7)
        let after = scheduleAfter(nil, rating: .good, at: t0, using: &rng)
        try store.record(answer(key, at: t0, after: after))
        return try #require(try store.schedules(for: [key])[key])
    }

    func face(_ key: String, from former: [FormerKeys.Former]) -> FormerKeys {
        FormerKeys(card: RegisteredCard(key: key, deckFile: "decks/ir.deck", prompt: "Prompt of \(key)", level: 1), former: former)
    }

    @Test func progressMovesToTheNewKeyAndTheLogShowsIt() throws {
        let store = try ProgressStore()
        let schedule = try studied(store, "question-4233f3ee22e0")
        let moved = try store.adopt([face("ir:q1", from: [.init(key: "question-4233f3ee22e0")])], at: t0.addingTimeInterval(60))
        #expect(moved == [Adoption(from: "question-4233f3ee22e0", to: "ir:q1")])
        #expect(try store.schedules(for: ["ir:q1"])["ir:q1"] == schedule)
        #expect(try store.progress(for: ["question-4233f3ee22e0"]).isEmpty)
        let log = try store.log(limit: 10)
        #expect(log.map(\.kind) == [.adopt, .adopt, .study])
        #expect(log[0].key == "ir:q1" && log[0].before == .unseen && log[0].after.schedule == schedule)
        #expect(log[1].key == "question-4233f3ee22e0" && log[1].after == .unseen)
        #expect(try store.rebuiltProgress() == store.currentProgress())
        #expect(try store.verify().isEmpty)
        // Done once: a second run finds the new key studied already.
        #expect(try store.adopt([face("ir:q1", from: [.init(key: "question-4233f3ee22e0")])], at: t0).isEmpty)
        // Not a student's action: undo never picks it; the answer before it
        // is not undone either, since its card's progress has moved on.
        #expect(throws: StoreError.self) { try store.undoLast(at: t0.addingTimeInterval(120)) }
        #expect(try store.log(limit: 10).count == 3)
    }

    @Test func aKeyAlreadyStudiedKeepsWhatItHas() throws {
        let store = try ProgressStore()
        _ = try studied(store, "old")
        let mine = try studied(store, "new")
        #expect(try store.adopt([face("new", from: [.init(key: "old")])], at: t0).isEmpty)
        #expect(try store.schedules(for: ["new"])["new"] == mine)
    }

    @Test func aBareIDIsTakenOnlyFromTheSamePrompt() throws {
        let store = try ProgressStore()
        _ = try studied(store, "q1")  // registered with the prompt "Prompt of q1"
        let other = [FormerKeys.Former(key: "q1", requiredPrompt: "Another course's question")]
        #expect(try store.adopt([face("b:q1", from: other)], at: t0).isEmpty)
        let same = [FormerKeys.Former(key: "q1", requiredPrompt: "Prompt of q1")]
        #expect(try store.adopt([face("a:q1", from: same)], at: t0).map(\.to) == ["a:q1"])
    }

    @Test func theFirstFormerKeyWithProgressIsTaken() throws {
        let store = try ProgressStore()
        let bare = try studied(store, "q1")
        _ = try studied(store, "question-aaaaaaaaaaaa")
        let moved = try store.adopt([face("ir:q1", from: [.init(key: "q1"), .init(key: "question-aaaaaaaaaaaa")])], at: t0)
        #expect(moved.map(\.from) == ["q1"])
        #expect(try store.schedules(for: ["ir:q1"])["ir:q1"] == bare)
    }

    /// A database migrated from the first schema accepts `adopt` entries
    /// and keeps its log append-only.
    @Test func theMigrationWidensOnlyTheKindCheck() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (path, queue) = try olderStore("v1.sqlite", in: dir, upTo: "v1-progress")
        do {
            _ = try queue.write { db in
                #expect(throws: (any Error).self) {
                    try db.execute(sql: """
                        INSERT INTO review_log (key, deck_file, at, kind, b_suspended, a_suspended)
                        VALUES ('k', 'd', 0, 'adopt', 0, 0)
                        """)
                }
            }
            try queue.close()
        }
        let store = try ProgressStore(path: path)
        _ = try studied(store, "old")
        #expect(try store.adopt([face("new", from: [.init(key: "old")])], at: t0).count == 1)
        #expect(throws: (any Error).self) { try store.executeRaw("DELETE FROM review_log") }
        #expect(throws: (any Error).self) { try store.executeRaw("INSERT INTO review_log (key, deck_file, at, kind, b_suspended, a_suspended) VALUES ('k', 'd', 0, 'nonsense', 0, 0)") }
        #expect(try store.verify().isEmpty)
    }
}
