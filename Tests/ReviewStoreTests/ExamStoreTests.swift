import FSRS
import Foundation
import Testing

@testable import ReviewStore

/// The student's exams, and the keys first answered on a day.
@Suite struct ExamStoreTests {
    @Test func examsAreSetReplacedForTheSamePathsAndCleared() throws {
        let store = try ProgressStore()
        #expect(try store.exams().isEmpty)
        let a = try store.setExam(StoredExam(date: "2026-12-20", paths: ["/d/a.deck", "/d/b"]))
        let all = try store.setExam(StoredExam(date: "2026-12-22", paths: [], workload: 150))
        #expect(try store.exams().map(\.date) == ["2026-12-20", "2026-12-22"])
        // The same paths again move that exam rather than add one.
        let moved = try store.setExam(StoredExam(date: "2026-12-28", paths: ["/d/a.deck", "/d/b"]))
        let exams = try store.exams()
        #expect(exams.count == 2)
        #expect(exams.first { $0.id == moved }?.paths == ["/d/a.deck", "/d/b"])
        #expect(exams.first { $0.id == all }?.workload == 150)
        #expect(!exams.contains { $0.id == a })
        #expect(try store.removeExam(id: all))
        #expect(try !store.removeExam(id: all))
        #expect(try store.removeAllExams() == 1)
        #expect(try store.exams().isEmpty)
    }

    @Test func keysIntroducedAreTheFirstAnswersOfTheDayNotUndone() throws {
        let store = try ProgressStore()
        var rng = SeededGenerator(seed: 5)
        let yesterday = t0.addingTimeInterval(-86_400)
        let old = scheduleAfter(nil, rating: .good, at: yesterday, using: &rng)
        _ = try store.record(answer("old", at: yesterday, after: old))
        // A review today of a face first seen yesterday is not new today.
        _ = try store.record(
            answer("old", at: t0, before: old, after: scheduleAfter(old, rating: .good, at: t0, using: &rng)))
        _ = try store.record(answer("new", at: t0.addingTimeInterval(1), after: scheduleAfter(nil, rating: .good, at: t0, using: &rng)))
        _ = try store.record(
            answer("undone", at: t0.addingTimeInterval(2), after: scheduleAfter(nil, rating: .good, at: t0, using: &rng)))
        _ = try store.undoLast(sessionID: "s1", at: t0.addingTimeInterval(3))
        let keys = try store.keysIntroduced(from: t0.addingTimeInterval(-3600), to: t0.addingTimeInterval(10))
        #expect(keys == ["new"])
        #expect(keys.count == (try store.studiedCounts(from: t0.addingTimeInterval(-3600), to: t0.addingTimeInterval(10))).newCards)
    }
}
