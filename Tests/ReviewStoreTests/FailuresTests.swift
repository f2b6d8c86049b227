import FSRS
import Foundation
import Testing

@testable import ReviewStore

/// `failures(since:)`: the faces answered Again, for custom study.
@Suite struct FailuresTests {
    let t0 = Date(timeIntervalSince1970: 1_772_445_600)

    func answer(_ key: String, _ rating: Rating, at time: Date, kind: AnswerKind = .study) -> RecordedAnswer {
        let after = CardSchedule(due: time.addingTimeInterval(600))
        return RecordedAnswer(
            key: key, deckFile: "d.deck", prompt: key, rating: rating, time: time, durationMilliseconds: 1000, kind: kind,
            sessionID: "s", before: nil, after: after)
    }

    @Test func theLatestAgainSinceTheTimeCountsAndAnUndoneOneDoesNot() throws {
        let store = try ProgressStore()
        _ = try store.record(answer("a", .again, at: t0))
        _ = try store.record(answer("a", .again, at: t0.addingTimeInterval(60)))
        _ = try store.record(answer("b", .good, at: t0))
        _ = try store.record(answer("c", .again, at: t0.addingTimeInterval(-86_400)))
        _ = try store.record(answer("q", .again, at: t0, kind: .quiz))
        _ = try store.record(answer("u", .again, at: t0.addingTimeInterval(120)))
        _ = try store.undoLast(sessionID: "s", at: t0.addingTimeInterval(130))
        let failures = try store.failures(since: t0.addingTimeInterval(-3600))
        #expect(failures == ["a": t0.addingTimeInterval(60), "q": t0])
        #expect(try store.failures(since: t0.addingTimeInterval(-2 * 86_400)).keys.sorted() == ["a", "c", "q"])
    }
}
