import FSRS
import Foundation
import Testing

@testable import ReviewStore

/// The statistics reads: answers summed per quarter hour, undone answers
/// left out, the True Retention split, the scope, quizzes per level.
@Suite struct StatisticsQueryTests {
    static let day: TimeInterval = 86_400

    /// A review card last reviewed `interval` days before `at`, due at `at`.
    static func review(interval: Double, at: Date, lapses: Int = 0) -> CardSchedule {
        CardSchedule(
            state: .review, memory: MemoryState(stability: interval, difficulty: 5), due: at,
            lastReview: at.addingTimeInterval(-interval * day), reps: 3, lapses: lapses)
    }

    @Test func slotsCountAnswersNotUndoneAndSplitYoungFromMature() throws {
        let store = try ProgressStore()
        let start = Date(timeIntervalSince1970: 1_795_000_800)  // 5 minutes into a quarter hour
        let young = Self.review(interval: 20, at: start)
        let mature = Self.review(interval: 21, at: start)
        // Two hours before, the cards reach the states the answers are given in
        // (the log's "before" is the store's state, not the caller's).
        for (key, schedule) in [("a", young), ("b", mature), ("c", mature), ("e", young)] {
            _ = try store.record(answer(key, at: start.addingTimeInterval(-7200), after: schedule))
        }
        _ = try store.record(answer("a", rating: .good, at: start, before: young, after: young))
        _ = try store.record(answer("b", rating: .again, at: start.addingTimeInterval(60), before: mature, after: mature))
        _ = try store.record(answer("c", rating: .hard, at: start.addingTimeInterval(120), before: mature, after: mature))
        // A new card's first answer: counted as an answer, not for retention.
        _ = try store.record(answer("d", rating: .good, at: start.addingTimeInterval(180), after: young))
        // Answered, then undone: counted nowhere.
        _ = try store.record(answer("e", rating: .again, at: start.addingTimeInterval(240), before: young, after: young))
        _ = try store.undoLast(sessionID: "s1", at: start.addingTimeInterval(250))
        // The next quarter hour.
        _ = try store.record(answer("a", rating: .easy, at: start.addingTimeInterval(900), before: young, after: young))

        let slots = try store.answerSlots()
        #expect(slots.count == 3)
        #expect(slots.first?.answers == 4)
        let first = slots[1]
        #expect(first.start == Date(timeIntervalSince1970: 1_795_000_500))
        #expect(first.answers == 4)
        #expect(first.correct == 3)
        #expect(first.durationMilliseconds == 4 * 4200)
        #expect((first.youngPassed, first.youngFailed, first.maturePassed, first.matureFailed) == (1, 0, 1, 1))
        #expect(slots.last?.answers == 1)
        #expect(slots.last?.youngPassed == 1)
        let end = start.addingTimeInterval(3600)
        #expect(try store.cardsAnswered(from: start, to: end) == 4)  // a, b, c, d; e was undone
    }

    @Test func scopeRestrictsToDeckFilesAndKeys() throws {
        let store = try ProgressStore()
        let at = Date(timeIntervalSince1970: 1_795_000_000)
        let s = Self.review(interval: 3, at: at)
        _ = try store.record(answer("a", deck: "x.deck", at: at, after: s))
        _ = try store.record(answer("b", deck: "y.deck", at: at, after: s))
        _ = try store.record(answer("c", deck: "y.deck", at: at, after: s))
        #expect(try store.statisticsCards(scope: StatisticsScope(deckFiles: ["y.deck"])).map { $0.key } == ["b", "c"])
        #expect(try store.answerSlots(scope: StatisticsScope(keys: ["a", "c"])).map(\.answers) == [2])
        #expect(try store.cardsAnswered(from: at, to: at.addingTimeInterval(1), scope: StatisticsScope(
            deckFiles: ["y.deck"], keys: ["a", "b"])) == 1)
    }

    @Test func quizTalliesPerSessionAndLevel() throws {
        let store = try ProgressStore()
        let at = Date(timeIntervalSince1970: 1_795_000_000)
        let s = Self.review(interval: 3, at: at)
        _ = try store.record(answer("a", level: 1, rating: .good, at: at, kind: .quiz, session: "q1", after: s))
        _ = try store.record(answer("b", level: 2, rating: .again, at: at.addingTimeInterval(1), kind: .quiz, session: "q1", after: s))
        _ = try store.record(answer("c", level: 2, rating: .good, at: at.addingTimeInterval(2), kind: .quiz, session: "q1", after: s))
        _ = try store.record(answer("a", level: 1, rating: .good, at: at.addingTimeInterval(3), kind: .study, session: "s", after: s))
        let tallies = try store.quizTallies()
        #expect(tallies.map(\.level) == [1, 2])
        #expect(tallies.map(\.answers) == [1, 2])
        #expect(tallies.map(\.correct) == [1, 1])
        #expect(Set(tallies.map(\.session)) == ["q1"])
    }
}

/// The statistics' pass reads the registry and the states side by side in
/// key order and matches them itself: it must pair them exactly as a join
/// by key would, whatever the keys' bytes.
@Suite struct StatisticsPassTests {
    @Test func registryAndStatesAreMatchedByKeyAsSQLiteOrdersThem() throws {
        let store = try ProgressStore()
        let at = Date(timeIntervalSince1970: 1_795_000_000)
        let s = StatisticsQueryTests.review(interval: 3, at: at)
        // Prefixes of each other, upper before lower case, multi-byte
        // letters after ASCII, a byte under any letter: every way a
        // comparison by characters instead of SQLite's bytes would go wrong.
        let answered = ["a", "a-1", "ab", "B", "ә", "әб", "z\u{1}", "қ"]
        for (index, key) in answered.enumerated() {
            _ = try store.record(
                answer(key, deck: index % 2 == 0 ? "x.deck" : "y.deck", level: index % 3 == 0 ? nil : 2, at: at, after: s))
        }
        // Registered, never answered: counted, not handed over.
        try store.register(
            ["a0", "aa", "b", "ә0", "ө"].map { RegisteredCard(key: $0, deckFile: "y.deck", prompt: $0, level: 2) }, at: at)
        // A state whose card is not registered: neither handed over nor counted.
        try store.executeRaw("DELETE FROM card WHERE key = 'ab'")

        var handed: [String] = []
        let counts = try store.forEachStatisticsCard { row, identity in
            handed.append(try identity.key())
            #expect(row.progress == StatisticsProgress(CardProgress(schedule: s)))
        }
        let expected = answered.filter { $0 != "ab" }
        #expect(handed == expected.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
        var byGroup: [String: Int] = [:]
        for group in counts { byGroup["\(group.deckFile) \(group.level.map(String.init) ?? "-")", default: 0] += group.count }
        // x.deck: a and z\u{1} (no level), ә (2); y.deck: B (no level), a-1,
        // әб, қ and the five registered only (2).
        #expect(byGroup == ["x.deck -": 2, "x.deck 2": 1, "y.deck -": 1, "y.deck 2": 8])

        // A scope of deck files and keys restricts both what is handed over and what is counted.
        handed = []
        let scoped = try store.forEachStatisticsCard(
            scope: StatisticsScope(deckFiles: ["y.deck"], keys: ["a-1", "ә", "ө", "z\u{1}"])
        ) { _, identity in handed.append(try identity.key()) }
        #expect(handed == ["a-1"])
        #expect(scoped.map(\.count).reduce(0, +) == 2)  // a-1 and ө
    }

    /// The statistics screen widens the session connection's page cache
    /// once (so reopening it reads the state pages from memory), and never
    /// narrows a cache already wider.
    @Test func keepingPagesCachedWidensTheCacheAndNeverNarrowsIt() throws {
        let store = try ProgressStore()
        #expect(try store.pragma("cache_size") == "-2000")
        try store.keepPagesCached(megabytes: ProgressStore.statisticsCacheMegabytes)
        #expect(try store.pragma("cache_size") == "-\(ProgressStore.statisticsCacheMegabytes * 1024)")
        try store.keepPagesCached(megabytes: 1)
        #expect(try store.pragma("cache_size") == "-\(ProgressStore.statisticsCacheMegabytes * 1024)")
    }
}
