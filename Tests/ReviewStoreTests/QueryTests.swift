import FSRS
import Foundation
import Testing
@testable import ReviewStore

@Suite struct QueryTests {
    private let day: TimeInterval = 86400

    /// Records a card with a hand-made schedule.
    private func put(
        _ store: ProgressStore, _ key: String, state: SchedulingState, due: Date, deck: String = "a.deck",
        level: Int? = 1, at time: Date = t0
    ) throws {
        let schedule = CardSchedule(
            state: state, step: state == .review ? nil : 0, memory: MemoryState(stability: 3, difficulty: 5),
            due: due, lastReview: time, reps: 1, lapses: 0)
        try store.record(answer(key, deck: deck, level: level, at: time, after: schedule))
    }

    @Test func dueQueueIsOrderedByDueAndSkipsHiddenCards() throws {
        let store = try ProgressStore()
        let endOfDay = t0.addingTimeInterval(10 * 3600)
        try put(store, "late", state: .review, due: t0.addingTimeInterval(5 * 3600))
        try put(store, "early", state: .review, due: t0.addingTimeInterval(-2 * day))
        try put(store, "tomorrow", state: .review, due: t0.addingTimeInterval(2 * day))
        try put(store, "learn", state: .learning, due: t0.addingTimeInterval(600))
        try put(store, "relearn", state: .relearning, due: t0.addingTimeInterval(-60))
        try put(store, "susp", state: .review, due: t0)
        try store.suspend(key: "susp", at: t0)
        try put(store, "buried", state: .review, due: t0)
        try store.bury(key: "buried", until: t0.addingTimeInterval(day), at: t0)

        #expect(try store.dueKeys(by: endOfDay, now: t0) == ["early", "relearn", "learn", "late"])
        #expect(try store.dueKeys(by: endOfDay, now: t0, limit: 2) == ["early", "relearn"])
        #expect(try store.learningKeys(dueBy: t0.addingTimeInterval(3600), now: t0) == ["relearn", "learn"])
        #expect(try store.learningKeys(dueBy: t0, now: t0) == ["relearn"])
        // Once the burial is over the card is due again.
        #expect(try store.dueKeys(by: endOfDay.addingTimeInterval(day), now: t0.addingTimeInterval(day)).contains("buried"))
    }

    @Test func newCardsComeInRegistrationOrderUnderTheLimit() throws {
        let store = try ProgressStore()
        try store.register((0..<5).map { RegisteredCard(key: "n\($0)", deckFile: "a.deck", prompt: "p") }, at: t0)
        try store.register([RegisteredCard(key: "m0", deckFile: "b.deck", prompt: "p")], at: t0.addingTimeInterval(1))
        try put(store, "n1", state: .learning, due: t0)
        #expect(try store.newKeys(limit: 3, now: t0) == ["n0", "n2", "n3"])
        #expect(try store.newKeys(limit: 10, now: t0) == ["n0", "n2", "n3", "n4", "m0"])
        #expect(try store.newKeys(limit: 10, now: t0, deckFiles: ["b.deck"]) == ["m0"])
        #expect(try store.newKeys(limit: 0, now: t0).isEmpty)
        try store.bury(key: "n0", until: t0.addingTimeInterval(60), at: t0)
        #expect(try store.newKeys(limit: 1, now: t0) == ["n2"])
        #expect(try store.newKeys(limit: 1, now: t0.addingTimeInterval(61)) == ["n0"])
    }

    @Test func countsPerDeckAndLevel() throws {
        let store = try ProgressStore()
        try store.register(
            [
                RegisteredCard(key: "a-new", deckFile: "a.deck", prompt: "p", level: 1),
                RegisteredCard(key: "a-new2", deckFile: "a.deck", prompt: "p", level: 2),
                RegisteredCard(key: "b-new", deckFile: "b.deck", prompt: "p"),
            ], at: t0)
        try put(store, "a-rev-due", state: .review, due: t0, level: 1)
        try put(store, "a-rev-later", state: .review, due: t0.addingTimeInterval(9 * day), level: 1)
        try put(store, "a-learn", state: .learning, due: t0, level: 1)
        try put(store, "a-susp", state: .review, due: t0, level: 1)
        try store.suspend(key: "a-susp", at: t0)
        try put(store, "b-relearn", state: .relearning, due: t0, deck: "b.deck", level: nil)
        try store.bury(key: "b-relearn", until: t0.addingTimeInterval(day), at: t0)

        let counts = try store.counts(dueBy: t0.addingTimeInterval(3600), now: t0)
        #expect(counts.map(\.deckFile) == ["a.deck", "a.deck", "b.deck"])
        #expect(counts.map(\.level) == [1, 2, nil])
        #expect(counts[0].counts == CardCounts(new: 1, learning: 1, review: 3, due: 2, suspended: 1, buried: 0, total: 5))
        #expect(counts[1].counts == CardCounts(new: 1, total: 1))
        #expect(counts[2].counts == CardCounts(new: 1, learning: 1, review: 0, due: 0, suspended: 0, buried: 1, total: 2))
    }

    @Test func studiedCountsSeparateNewCardsFromReviewsWithinTheDay() throws {
        let store = try ProgressStore()
        var rng = SeededGenerator(seed: 40)
        let dayStart = t0.addingTimeInterval(-3600)
        let yesterday = dayStart.addingTimeInterval(-60)
        try store.record(answer("old", at: yesterday, after: scheduleAfter(nil, rating: .good, at: yesterday, using: &rng)))
        let s = try store.schedules(for: ["old"])["old"]
        try store.record(answer("old", at: t0, before: s, after: scheduleAfter(s, rating: .good, at: t0, using: &rng)))
        try store.record(answer("fresh", at: t0, after: scheduleAfter(nil, rating: .again, at: t0, using: &rng)))
        let f = try store.schedules(for: ["fresh"])["fresh"]
        // A second answer to a card first seen today is a learning step:
        // neither a new card nor a review.
        #expect(f?.state == .learning)
        try store.record(answer("fresh", at: t0, kind: .quiz, before: f, after: scheduleAfter(f, rating: .good, at: t0, using: &rng)))
        try store.suspend(key: "old", at: t0)
        let counts = try store.studiedCounts(from: dayStart, to: dayStart.addingTimeInterval(day))
        #expect(counts == StudiedCounts(newCards: 1, reviews: 1, answers: 3))
    }

    @Test func historyIsNewestFirstAndPerCard() throws {
        let store = try ProgressStore()
        var rng = SeededGenerator(seed: 41)
        var ids: [ReviewLogEntry.ID] = []
        for i in 0..<4 {
            let time = t0.addingTimeInterval(Double(i) * 100)
            let key = i % 2 == 0 ? "x" : "y"
            let s = try store.schedules(for: [key])[key]
            ids.append(try store.record(answer(key, at: time, before: s, after: scheduleAfter(s, rating: .good, at: time, using: &rng))))
        }
        #expect(try store.history(key: "x").map(\.id) == [ids[2], ids[0]])
        #expect(try store.log().map(\.id) == ids.reversed())
        #expect(try store.log(limit: 1).map(\.id) == [ids[3]])
        #expect(ids == ids.sorted())
    }

    /// The log read a page at a time is the log read whole, in pages of
    /// the size asked, each with the registered prompts of its cards.
    @Test func theLogInPagesIsTheWholeLogWithItsPrompts() throws {
        let store = try ProgressStore()
        var rng = SeededGenerator(seed: 43)
        for i in 0..<23 {
            let time = t0.addingTimeInterval(Double(i) * 100)
            let key = "k\(i % 7)"
            let s = try store.schedules(for: [key])[key]
            try store.record(answer(key, at: time, before: s, after: scheduleAfter(s, rating: .good, at: time, using: &rng)))
        }
        let registered = try store.registeredCards().mapValues(\.prompt)
        for (limit, pageSize) in [(nil, 5), (nil, 23), (nil, 100), (10, 3), (1, 1), (23, 1)] as [(Int?, Int)] {
            var pages: [[ReviewLogEntry]] = []
            try store.forEachLogPage(limit: limit, pageSize: pageSize) { entries, prompts in
                pages.append(entries)
                #expect(prompts == registered.filter { key, _ in entries.contains { $0.key == key } })
            }
            #expect(pages.flatMap { $0 } == (try store.log(limit: limit)))
            #expect(pages.dropLast().allSatisfy { $0.count == pageSize })
            #expect(pages.last.map { (1...pageSize).contains($0.count) } ?? false)
        }
        var none = 0
        try ProgressStore().forEachLogPage { _, _ in none += 1 }
        #expect(none == 0)
    }

    /// `history` keeps its prepared statement between calls: each call
    /// still reads the log as it is then, other keys, answers recorded
    /// since (here by another connection to the file, as another jatta
    /// process would) and an undo of an earlier answer included, as the
    /// whole log (read with a statement of its own) has them.
    @Test func historyAskedAgainSeesTheLogAsItIsNow() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("progress.sqlite").path
        let store = try ProgressStore(path: path)
        let writer = try ProgressStore(path: path)
        var rng = SeededGenerator(seed: 42)
        func answerNow(_ key: String, _ i: Int) throws {
            let time = t0.addingTimeInterval(Double(i) * 100)
            let s = try writer.schedules(for: [key])[key]
            try writer.record(answer(key, at: time, session: "s", before: s, after: scheduleAfter(s, rating: .good, at: time, using: &rng)))
        }
        func expectHistoryIsTheLogs(_ key: String) throws {
            #expect(try store.history(key: key) == (try writer.log()).filter { $0.key == key })
        }
        try expectHistoryIsTheLogs("x")
        try answerNow("x", 0)
        try expectHistoryIsTheLogs("x")
        try answerNow("y", 1)
        try expectHistoryIsTheLogs("y")
        try answerNow("x", 2)
        try expectHistoryIsTheLogs("x")
        #expect(try store.history(key: "x").count == 2)
        let undone = try #require(try writer.undoLast(sessionID: "s", at: t0.addingTimeInterval(300)))
        #expect(undone.key == "x")
        try expectHistoryIsTheLogs("x")
        #expect(try store.history(key: "x").contains { $0.undoneBy != nil })
        try expectHistoryIsTheLogs("y")
    }

    @Test func studyQueueAppliesWhatIsLeftOfTheDailyLimits() throws {
        let store = try ProgressStore()
        let dayStart = t0.addingTimeInterval(-3600)
        let dayEnd = dayStart.addingTimeInterval(day)
        try store.register((0..<6).map { RegisteredCard(key: "n\($0)", deckFile: "a.deck", prompt: "p") }, at: t0)
        for i in 0..<5 { try put(store, "r\(i)", state: .review, due: t0.addingTimeInterval(Double(i) * 60), at: dayStart.addingTimeInterval(-day)) }
        try put(store, "l0", state: .learning, due: t0.addingTimeInterval(300))
        try put(store, "l1", state: .relearning, due: t0.addingTimeInterval(7200))
        // One review done today: r0 answered again (before: review) and now due tomorrow.
        let r0 = try store.schedules(for: ["r0"])["r0"]
        var next = try #require(r0)
        next.due = dayEnd.addingTimeInterval(3600)
        try store.record(answer("r0", at: t0, before: r0, after: next))

        let queue = try store.studyQueue(
            dayStart: dayStart, dayEnd: dayEnd, now: t0, learnAhead: t0.addingTimeInterval(1200), newCardLimit: 4,
            reviewLimit: 3)
        // put() answered l0 and l1 as new cards today: 2 of the 4 new cards are used.
        #expect(queue.studied == StudiedCounts(newCards: 2, reviews: 1, answers: 3))
        #expect(queue.learning == ["l0"])
        #expect(queue.reviews == ["r1", "r2"])
        #expect(queue.new == ["n0", "n1"])
    }
}
