import FSRS
import Foundation
import Testing
@testable import ReviewStore

/// A damaged or hand-edited database holds values jatta never writes. Each
/// read must report a corrupt store naming the card key, never trap inside
/// GRDB's decoding or further on in the scheduler.
@Suite struct CorruptValueTests {
    /// A store with one learning card "k0" (answered once, Good).
    private func storeWithOneCard(in dir: URL) throws -> ProgressStore {
        let store = try ProgressStore(path: dir.appendingPathComponent("progress.sqlite").path)
        var rng = SeededGenerator(seed: 7)
        try store.record(answer("k0", at: t0, after: scheduleAfter(nil, rating: .good, at: t0, using: &rng)))
        return store
    }

    private func isCorrupt(_ error: any Error, key: String, column: String) -> Bool {
        guard let error = error as? StoreError, case .corruptValue(let k, let what) = error.kind else { return false }
        return k == key && what.contains(column) && error.english.contains(key) && error.kazakh.contains(key)
    }

    @Test(arguments: [
        ("step = -1", "step"),
        ("step = 'two'", "step"),
        ("stability = 'abc'", "stability"),
        ("stability = -3.0", "stability"),
        ("difficulty = 11.5", "difficulty"),
        ("reps = 'x'", "reps"),
        ("lapses = -4", "lapses"),
        ("due = 'tomorrow'", "due"),
        ("due = 1.5", "due"),
        ("state = 9", "state"),
        ("suspended = 7", "suspended"),
        ("buried_until = X'00'", "buried_until"),
    ])
    func impossibleStateValueIsACorruptStore(assignment: String, column: String) throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try storeWithOneCard(in: dir)
        try store.executeRaw("UPDATE card_state SET \(assignment) WHERE key = 'k0'")
        #expect { _ = try store.progress(for: ["k0"]) } throws: { isCorrupt($0, key: "k0", column: column) }
        #expect { _ = try store.currentProgress() } throws: { isCorrupt($0, key: "k0", column: column) }
        // The statistics' pass reads SQLite's columns itself (`StatementRow`):
        // the same error for each column it reads; the step, difficulty and
        // number of reviews it does not read (no figure shows them).
        if ProgressColumns.statisticsNames().contains(column) {
            #expect { try store.forEachStatisticsCard { _, _ in } } throws: { isCorrupt($0, key: "k0", column: column) }
        } else {
            #expect(["step", "difficulty", "reps"].contains(column))
            #expect(throws: Never.self) { try store.forEachStatisticsCard { _, _ in } }
        }
        // So does the start's pass over every state row.
        #expect { try store.forEachProgress { _, _ in } } throws: { isCorrupt($0, key: "k0", column: column) }
        // And an answer to the card, which reads its state first; nothing
        // is recorded.
        var rng = SeededGenerator(seed: 8)
        let later = t0.addingTimeInterval(600)
        #expect {
            try store.record(answer("k0", at: later, after: scheduleAfter(nil, rating: .good, at: later, using: &rng)))
        } throws: { isCorrupt($0, key: "k0", column: column) }
        #expect(try store.log().count == 1)
    }

    /// The start's pass reads every row through one reader of the cursor's
    /// row: a damaged value on a later row names that row's card, not the
    /// first one read, and the rows before it are handed over unharmed.
    @Test(arguments: [("stability = -3.0", "stability"), ("due = 'tomorrow'", "due"), ("state = 9", "state")])
    func aDamagedLaterRowNamesItsOwnCard(assignment: String, column: String) throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try storeWithOneCard(in: dir)
        var rng = SeededGenerator(seed: 8)
        try store.record(answer("k1", at: t0, after: scheduleAfter(nil, rating: .again, at: t0, using: &rng)))
        try store.executeRaw("UPDATE card_state SET \(assignment) WHERE key = 'k1'")
        var handed: [String] = []
        #expect { try store.forEachProgress { key, _ in handed.append(key) } } throws: {
            isCorrupt($0, key: "k1", column: column)
        }
        #expect(handed == ["k0"])
    }

    /// Values SQLite may hold in another type than jatta writes but that
    /// mean the same (a whole number stored as a real) read alike through
    /// `StoredRow` and through the statistics' `StatementRow`.
    @Test func theStatisticsPassReadsWhatStoredRowReads() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try storeWithOneCard(in: dir)
        try store.executeRaw("UPDATE card_state SET lapses = 2.0, reps = 3.0, stability = 4, due = due + 0.0 WHERE key = 'k0'")
        let careful = try #require(try store.progress(for: ["k0"])["k0"])
        #expect(careful.schedule?.lapses == 2)
        #expect(careful.schedule?.memory?.stability == 4)
        #expect(try store.statisticsCards().map { $0.card.progress } == [StatisticsProgress(careful)])
        var scanned: [String: CardProgress] = [:]
        try store.forEachProgress { scanned[$0] = $1 }
        #expect(scanned == ["k0": careful])
    }

    /// Edits of the stored row (`CompactLog`'s `review` table), named by
    /// the `review_log` column they show up in. A `shape` (`ReviewShape`)
    /// that is text or negative reads as -1 in each of its fields, so the
    /// entry's kind is the first unknown value; a real reads as a review
    /// with a fractional learning step.
    @Test(arguments: [
        ("shape = -1", "kind"),
        ("shape = 'noon'", "kind"),
        ("shape = 144.5", "step"),
        ("stability = 'NaN?'", "a_stability"),
        ("at = 'noon'", "at"),
        ("duration_ms = -5", "duration_ms"),
    ])
    func impossibleLogValueIsACorruptStore(assignment: String, column: String) throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try storeWithOneCard(in: dir)
        // A hand edit goes around the append-only trigger.
        try store.executeRaw("DROP TRIGGER review_no_update")
        try store.executeRaw("PRAGMA ignore_check_constraints = ON")
        try store.executeRaw("UPDATE review SET \(assignment) WHERE card = (SELECT id FROM log_card WHERE key = 'k0')")
        #expect { _ = try store.log() } throws: { isCorrupt($0, key: "k0", column: column) }
        #expect { _ = try store.history(key: "k0") } throws: { isCorrupt($0, key: "k0", column: column) }
    }

    @Test func textInTheRegistrysLevelIsACorruptStore() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = try storeWithOneCard(in: dir)
        try store.executeRaw("UPDATE card SET level = 'high' WHERE key = 'k0'")
        #expect { _ = try store.registeredCards() } throws: { isCorrupt($0, key: "k0", column: "level") }
        #expect { try store.forEachStatisticsCard { _, _ in } } throws: { isCorrupt($0, key: "k0", column: "level") }
    }

    @Test func negativeLearningStepDoesNotCrashTheScheduler() throws {
        // Second line of defence: the scheduler is public and pure, so a
        // schedule from anywhere must not index before its steps.
        let scheduler = try Scheduler(SchedulerConfiguration())
        let card = CardSchedule(
            state: .learning, step: -3, memory: MemoryState(stability: 1, difficulty: 5), due: t0, lastReview: t0,
            reps: 1, lapses: 0)
        for rating in [Rating.again, .hard, .good, .easy] {
            let next = scheduler.review(card, rating: rating, at: t0.addingTimeInterval(600), cardKey: "k0")
            #expect((next.step ?? 0) >= 0)
        }
    }
}
