import FSRS
import Foundation
import Testing
@testable import ReviewStore

/// The queue reads its keys straight from SQLite's bytes (`StatementRow
/// .validText`, issue 20): ASCII as it stands, other text validated, and
/// text that is not UTF-8 the careful way. Whatever the bytes, its lists
/// name the keys the careful readers (`dueKeys`, `learningKeys`,
/// `progress(for:)`) name, and its schedules are theirs.
@Suite struct QueueKeyTextTests {
    @Test func theQueueReadsEveryKindOfKeyAsTheCarefulReadersDo() throws {
        let store = try ProgressStore()
        let dayStart = t0.addingTimeInterval(-3600)
        let dayEnd = dayStart.addingTimeInterval(86_400)
        let keys = ["ascii-1", "кілт-2", "ключ/reverse", "k\u{301}-4", "𝔨-5"]
        try store.register(
            (keys + ["жаңа-1", "new-2"]).map { RegisteredCard(key: $0, deckFile: "a.deck", prompt: "p") }, at: t0)
        for (i, key) in keys.enumerated() {
            let state: SchedulingState = i % 2 == 0 ? .review : .learning
            let schedule = CardSchedule(
                state: state, step: state == .review ? nil : 0, memory: MemoryState(stability: 3, difficulty: 5),
                due: t0.addingTimeInterval(Double(i) * 60 - 600), lastReview: t0, reps: 1, lapses: 0)
            try store.record(answer(key, at: t0.addingTimeInterval(-86_400 * 2), after: schedule))
        }
        // A key whose bytes are not UTF-8 (a hand-edited store), in the
        // state table and in the registry; SQLite keeps it as text.
        try store.executeRaw("UPDATE card SET key = CAST(X'6bff2d36' AS TEXT) WHERE key = 'new-2'")
        try store.executeRaw(
            "UPDATE card_state SET key = CAST(X'6bff2d37' AS TEXT) WHERE key = 'ascii-1'")
        try store.executeRaw("UPDATE card SET key = CAST(X'6bff2d37' AS TEXT) WHERE key = 'ascii-1'")

        let learnAhead = t0.addingTimeInterval(1200)
        let queue = try store.studyQueue(
            dayStart: dayStart, dayEnd: dayEnd, now: t0, learnAhead: learnAhead, newCardLimit: 10, reviewLimit: 10)
        #expect(queue.learning == (try store.learningKeys(dueBy: learnAhead, now: t0)))
        #expect(Set(queue.learning + queue.reviews) == Set(try store.dueKeys(by: dayEnd, now: t0)))
        #expect(queue.reviews == (try store.dueKeys(by: dayEnd, now: t0)).filter { !queue.learning.contains($0) })
        #expect(queue.learning.count + queue.reviews.count == keys.count)
        // A key that is not UTF-8 cannot be looked up by its repaired text.
        let lookedUp = (queue.learning + queue.reviews).filter { !$0.contains("\u{FFFD}") }
        #expect(lookedUp.count == keys.count - 1)
        #expect(queue.schedules.filter { lookedUp.contains($0.key) } == (try store.schedules(for: lookedUp)))
        #expect(queue.learningSchedules == queue.learning.map { queue.schedules[$0] })
        #expect(queue.reviewSchedules == queue.reviews.map { queue.schedules[$0] })
        // The start's pass over every state row names the same keys.
        var scanned: [String] = []
        try store.forEachProgress { key, _ in scanned.append(key) }
        #expect(Set(scanned) == Set(queue.learning + queue.reviews))
        // New cards: the non-UTF-8 key as the registry's careful read gives it.
        #expect(queue.new.count == 2)
        #expect(queue.new.contains("жаңа-1"))
        #expect(Set(queue.new) == Set(try store.registeredCards().keys).subtracting(keys).subtracting(scanned))
    }
}
