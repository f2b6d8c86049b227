import FSRS
import Foundation
import Testing
@testable import ReviewStore

@Suite struct UndoTests {
    @Test func undoingSeveralAnswersWalksBackThroughExactEarlierStates() throws {
        let store = try ProgressStore()
        var rng = SeededGenerator(seed: 10)
        var snapshots: [[String: CardProgress]] = [try store.currentProgress()]
        var time = t0
        for (i, key) in ["a", "b", "a", "c", "a"].enumerated() {
            time = time.addingTimeInterval(Double(i + 1) * 61.7)
            let before = try store.schedules(for: [key])[key]
            let rating = Rating.allCases[i % 4]
            try store.record(
                answer(key, rating: rating, at: time, before: before,
                       after: scheduleAfter(before, rating: rating, at: time, using: &rng)))
            snapshots.append(try store.currentProgress())
        }
        // Undo all five, one at a time: each step must give back the exact
        // state that held before the matching answer.
        for expected in snapshots.dropLast().reversed() {
            let undone = try #require(try store.undoLast(sessionID: "s1", at: time))
            #expect(undone.kind.isAnswer)
            #expect(try store.currentProgress() == expected)
        }
        #expect(try store.currentProgress().isEmpty)
        #expect(try store.undoLast(sessionID: "s1", at: time) == nil)
        // Nothing was deleted: five answers plus five undo entries.
        #expect(try store.logCount() == 10)
        #expect(try store.log().filter { $0.kind == .undo }.count == 5)
        #expect(try store.log().filter { $0.kind.isAnswer }.allSatisfy { $0.undoneBy != nil })
    }

    @Test func undoStaysWithinItsSession() throws {
        let store = try ProgressStore()
        var rng = SeededGenerator(seed: 11)
        try store.record(answer("x", at: t0, session: "morning", after: scheduleAfter(nil, rating: .good, at: t0, using: &rng)))
        let t1 = t0.addingTimeInterval(60)
        try store.record(answer("y", at: t1, session: "evening", after: scheduleAfter(nil, rating: .good, at: t1, using: &rng)))
        let undone = try #require(try store.undoLast(sessionID: "morning", at: t1))
        #expect(undone.key == "x")
        #expect(try store.schedules(for: ["x", "y"]).keys.sorted() == ["y"])
    }

    @Test func undoRestoresFlagsToo() throws {
        let store = try ProgressStore()
        var rng = SeededGenerator(seed: 12)
        try store.record(answer("x", at: t0, after: scheduleAfter(nil, rating: .good, at: t0, using: &rng)))
        let before = try store.currentProgress()
        try store.bury(key: "x", until: t0.addingTimeInterval(86400), at: t0, sessionID: "s1")
        try store.suspend(key: "x", at: t0, sessionID: "s1")
        #expect(try store.undoLast(sessionID: "s1", at: t0)?.kind == .suspend)
        #expect(try store.undoLast(sessionID: "s1", at: t0)?.kind == .bury)
        #expect(try store.currentProgress() == before)
    }

    @Test func undoRefusesToDiscardAnotherSessionsLaterAnswer() throws {
        let store = try ProgressStore()
        var rng = SeededGenerator(seed: 13)
        try store.record(answer("x", at: t0, session: "A", after: scheduleAfter(nil, rating: .good, at: t0, using: &rng)))
        let mid = try store.currentProgress()
        let t1 = t0.addingTimeInterval(120)
        let s = try store.schedules(for: ["x"])["x"]
        try store.record(answer("x", at: t1, session: "B", before: s, after: scheduleAfter(s, rating: .easy, at: t1, using: &rng)))
        let after = try store.currentProgress()
        #expect {
            try store.undoLast(sessionID: "A", at: t1)
        } throws: { ($0 as? StoreError)?.kind == .undoConflict(key: "x") }
        #expect(try store.currentProgress() == after)
        // Session B can still undo its own answer, and then A can undo.
        #expect(try store.undoLast(sessionID: "B", at: t1) != nil)
        #expect(try store.currentProgress() == mid)
        #expect(try store.undoLast(sessionID: "A", at: t1) != nil)
        #expect(try store.currentProgress().isEmpty)
    }

    @Test func undoneAnswersNoLongerCountTowardsDailyLimits() throws {
        let store = try ProgressStore()
        var rng = SeededGenerator(seed: 14)
        try store.record(answer("x", at: t0, after: scheduleAfter(nil, rating: .good, at: t0, using: &rng)))
        try store.record(answer("y", at: t0, after: scheduleAfter(nil, rating: .good, at: t0, using: &rng)))
        let day = (t0.addingTimeInterval(-3600), t0.addingTimeInterval(3600))
        #expect(try store.studiedCounts(from: day.0, to: day.1) == StudiedCounts(newCards: 2, reviews: 0, answers: 2))
        try store.undoLast(sessionID: "s1", at: t0)
        #expect(try store.studiedCounts(from: day.0, to: day.1) == StudiedCounts(newCards: 1, reviews: 0, answers: 1))
    }
}
