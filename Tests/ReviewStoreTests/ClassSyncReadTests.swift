import FSRS
import Foundation
import Testing
@testable import ReviewStore

/// What `jatta sync` reads: answers after a log id, oldest first, without
/// undone answers or non-answers, with the registry's prompt and level and
/// a quiz answer's mark and choice.
@Suite struct ClassSyncReadTests {
    @Test func answersAfterACursorLeaveOutUndoneAndNonAnswers() throws {
        let store = try ProgressStore()
        var rng = SeededGenerator(seed: 18)
        var time = t0
        func next(_ key: String, _ kind: AnswerKind = .study, quiz: QuizAnswerDetail? = nil) throws -> Int64 {
            time = time.addingTimeInterval(60)
            let before = try store.schedules(for: [key])[key]
            var recorded = answer(key, at: time, kind: kind, before: before,
                                  after: scheduleAfter(before, rating: .good, at: time, using: &rng))
            recorded.quizAnswer = quiz
            return try store.record(recorded)
        }
        let a = try next("a")
        let b = try next("b", .quiz, quiz: QuizAnswerDetail(credit: 0, chosen: "Гегемония"))
        _ = try store.suspend(key: "a", at: time.addingTimeInterval(1), sessionID: "s1")
        _ = try next("c")
        _ = try store.undoLast(sessionID: "s1", at: time.addingTimeInterval(2))  // undoes "c"
        _ = try store.undoLast(sessionID: "s1", at: time.addingTimeInterval(3))  // undoes the suspension
        let d = try next("d", .quiz, quiz: QuizAnswerDetail(credit: 1, chosen: nil))

        let all = try store.answers(after: 0, limit: 100)
        #expect(all.map(\.entry.id) == [a, b, d])
        #expect(all.map(\.entry.key) == ["a", "b", "d"])
        #expect(all[1].quiz == QuizAnswerDetail(credit: 0, chosen: "Гегемония"))
        #expect(all[0].quiz == nil)
        #expect(all[2].quiz == QuizAnswerDetail(credit: 1, chosen: nil))
        #expect(all.allSatisfy { $0.prompt == "Prompt of \($0.entry.key)" && $0.level == 1 })
        #expect(try store.answers(after: a, limit: 100).map(\.entry.id) == [b, d])
        #expect(try store.answers(after: 0, limit: 2).map(\.entry.id) == [a, b])
        #expect(try store.answers(after: d, limit: 100).isEmpty)
    }

    @Test func aMarkOutsideZeroToOneIsRefused() throws {
        let store = try ProgressStore()
        var rng = SeededGenerator(seed: 19)
        var recorded = answer("a", at: t0, kind: .quiz, after: scheduleAfter(nil, rating: .good, at: t0, using: &rng))
        recorded.quizAnswer = QuizAnswerDetail(credit: 1.5, chosen: nil)
        #expect(throws: StoreError.self) { try store.record(recorded) }
        #expect(try store.logCount() == 0)
    }
}
