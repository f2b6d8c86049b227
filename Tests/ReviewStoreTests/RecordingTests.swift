import FSRS
import Foundation
import Testing
@testable import ReviewStore

@Suite struct RecordingTests {
    @Test func recordedAnswerBecomesStateLogEntryAndRegistryEntry() throws {
        let store = try ProgressStore()
        var rng = SeededGenerator(seed: 1)
        let after = scheduleAfter(nil, rating: .good, at: t0, using: &rng)
        let id = try store.record(answer("kz-001", level: 2, rating: .good, at: t0, after: after))

        let stored = try #require(try store.schedules(for: ["kz-001", "other"])["kz-001"])
        #expect(try store.schedules(for: ["other"]).isEmpty)
        // Floating-point fields come back bit for bit; dates to the millisecond.
        #expect(stored.memory == after.memory)
        #expect(stored.state == after.state && stored.step == after.step)
        #expect(stored.reps == 1 && stored.lapses == 0)
        #expect(abs(stored.due.timeIntervalSince(after.due)) < 0.0005)
        #expect(abs(try #require(stored.lastReview).timeIntervalSince(t0)) < 0.0005)

        let entry = try #require(try store.entry(id: id))
        #expect(entry.key == "kz-001" && entry.deckFile == "decks/ir.deck" && entry.sessionID == "s1")
        #expect(entry.kind == .study && entry.rating == .good && entry.durationMilliseconds == 4200)
        #expect(entry.before == .unseen)
        #expect(entry.after.schedule == stored)
        #expect(entry.undoneBy == nil)

        let card = try #require(try store.registeredCards(keys: ["kz-001"])["kz-001"])
        #expect(card == RegisteredCard(key: "kz-001", deckFile: "decks/ir.deck", prompt: "Prompt of kz-001", level: 2))
    }

    @Test func eachAnswerAppendsOneEntryAndLogsTheStoredStateAsBefore() throws {
        let store = try ProgressStore()
        var rng = SeededGenerator(seed: 2)
        let first = scheduleAfter(nil, rating: .good, at: t0, using: &rng)
        try store.record(answer("k", at: t0, after: first))
        let stored = try #require(try store.schedules(for: ["k"])["k"])
        let t1 = t0.addingTimeInterval(3600)
        let second = scheduleAfter(stored, rating: .hard, at: t1, using: &rng)
        // The caller passes a stale "before"; the log must hold the store's own.
        let id = try store.record(answer("k", rating: .hard, at: t1, before: first, after: second))
        #expect(try store.logCount() == 2)
        let entry = try #require(try store.entry(id: id))
        #expect(entry.before.schedule == stored)
        #expect(entry.rating == .hard)
    }

    @Test func registryFollowsDeckEditsWithoutTouchingProgress() throws {
        let store = try ProgressStore()
        var rng = SeededGenerator(seed: 3)
        try store.record(answer("k", at: t0, after: scheduleAfter(nil, rating: .good, at: t0, using: &rng)))
        let before = try store.currentProgress()
        try store.register(
            [RegisteredCard(key: "k", deckFile: "decks/moved.deck", prompt: "Fixed typo", level: 3)],
            at: t0.addingTimeInterval(10))
        #expect(try store.registeredCards()["k"]?.prompt == "Fixed typo")
        #expect(try store.registeredCards()["k"]?.deckFile == "decks/moved.deck")
        #expect(try store.currentProgress() == before)
        #expect(try store.logCount() == 1)

        // An answer without a level keeps the registered one; a deck that
        // drops the level clears it.
        let t1 = t0.addingTimeInterval(60)
        try store.record(answer("k", deck: "decks/moved.deck", level: nil, at: t1, after: .new(at: t1)))
        #expect(try store.registeredCards()["k"]?.level == 3)
        try store.register([RegisteredCard(key: "k", deckFile: "decks/moved.deck", prompt: "Fixed typo")], at: t1)
        #expect(try store.registeredCards()["k"]?.level == nil)
    }

    @Test func suspendAndBuryAreLoggedAndHideTheCard() throws {
        let store = try ProgressStore()
        var rng = SeededGenerator(seed: 4)
        try store.record(answer("a", at: t0, after: scheduleAfter(nil, rating: .again, at: t0, using: &rng)))
        try store.register([RegisteredCard(key: "new", deckFile: "d.deck", prompt: "p")], at: t0)
        let later = t0.addingTimeInterval(86400 * 60)
        #expect(try store.dueKeys(by: later, now: later) == ["a"])

        let suspended = try store.suspend(key: "a", at: t0)
        #expect(suspended.kind == .suspend && suspended.after.suspended && !suspended.before.suspended)
        #expect(try store.dueKeys(by: later, now: later).isEmpty)
        try store.unsuspend(key: "a", at: t0)
        #expect(try store.dueKeys(by: later, now: later) == ["a"])

        let until = t0.addingTimeInterval(86400)
        try store.bury(key: "a", until: until, at: t0)
        #expect(try store.dueKeys(by: later, now: t0.addingTimeInterval(3600)).isEmpty)
        #expect(try store.dueKeys(by: later, now: until.addingTimeInterval(1)) == ["a"])

        // A never-answered card can be suspended too; it then leaves the new queue.
        #expect(try store.newKeys(limit: 10, now: t0) == ["new"])
        try store.suspend(key: "new", at: t0)
        #expect(try store.newKeys(limit: 10, now: t0).isEmpty)
        #expect(try store.progress(for: ["new"])["new"] == CardProgress(suspended: true))
        #expect(try store.logCount() == 5)
    }

    @Test func flagChangesOnUnknownCardsAreRefused() throws {
        let store = try ProgressStore()
        #expect {
            try store.suspend(key: "nobody", at: t0)
        } throws: { ($0 as? StoreError)?.kind == .unknownCard(key: "nobody") }
        #expect(try store.logCount() == 0)
    }

    @Test func valuesSQLiteCannotKeepAreRefusedWithoutWriting() throws {
        let store = try ProgressStore()
        var bad = CardSchedule.new(at: t0)
        bad.memory = MemoryState(stability: .nan, difficulty: 5)
        #expect {
            try store.record(answer("k", at: t0, after: bad))
        } throws: { error in
            guard let error = error as? StoreError, case .invalidValue = error.kind else { return false }
            return !error.kazakh.isEmpty && !error.english.isEmpty
        }
        var negative = answer("k", at: t0, after: .new(at: t0))
        negative.durationMilliseconds = -1
        #expect(throws: StoreError.self) { try store.record(negative) }
        #expect(try store.logCount() == 0)
        #expect(try store.registeredCards().isEmpty)
    }

    @Test func logIsAppendOnlyInTheDatabaseItself() throws {
        let store = try ProgressStore()
        try store.record(answer("k", at: t0, after: .new(at: t0)))
        #expect(throws: (any Error).self) { try store.executeRaw("DELETE FROM review_log") }
        #expect(throws: (any Error).self) { try store.executeRaw("UPDATE review_log SET rating = 1") }
        #expect(try store.logCount() == 1)
    }

    @Test func fileStoreRunsInWALWithFullSynchronous() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try ProgressStore(path: dir.appendingPathComponent("p.sqlite").path)
        #expect(try store.pragma("journal_mode") == "wal")
        #expect(try store.pragma("synchronous") == "2")  // FULL
        #expect(try store.pragma("application_id") == String(Schema.applicationID))
    }
}
