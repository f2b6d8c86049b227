import FSRS
import Foundation
import Testing

/// Anki's fuzz ranges, drawn deterministically per card.
@Suite struct FuzzTests {
    /// Ranges from Anki's own tests (rslib `fuzz.rs`).
    @Test(arguments: [(1.0, 1...1), (2.0, 2...2), (3.0, 2...4), (7.0, 5...9), (17.0, 14...20), (37.0, 33...41)])
    func ankiRanges(days: Double, expected: ClosedRange<Int>) {
        #expect(Fuzz.bounds(days: days, minimum: 1, maximum: 36_500) == expected)
    }

    @Test func rangesRespectTheLimits() {
        // delta(100) = 1 + 0.15·4.5 + 0.1·13 + 0.05·80 = 6.975: 93.025 … 106.975, cut at 100.
        #expect(Fuzz.bounds(days: 100, minimum: 1, maximum: 100) == 93...100)
        // The interval is raised to the minimum first: delta(8) = 1.775, 6.225 … 9.775 → 8 … 10.
        #expect(Fuzz.bounds(days: 5, minimum: 8, maximum: 36_500) == 8...10)
        // A minimum above the maximum yields the maximum.
        #expect(Fuzz.bounds(days: 5, minimum: 500, maximum: 365) == 365...365)
    }

    @Test func deltaGrowsByBands() {
        #expect(Fuzz.delta(days: 2.4) == 0)
        #expect(abs(Fuzz.delta(days: 7) - 1.675) < 1e-12)
        #expect(abs(Fuzz.delta(days: 20) - 2.975) < 1e-12)
        #expect(abs(Fuzz.delta(days: 100) - 6.975) < 1e-12)
    }

    @Test func factorIsDeterministicAndInUnitInterval() {
        for reps in 0..<200 {
            let f = Fuzz.factor(cardKey: "deck/card-\(reps % 7)", reps: reps)
            #expect(f >= 0 && f < 1)
            #expect(f == Fuzz.factor(cardKey: "deck/card-\(reps % 7)", reps: reps))
        }
        #expect(Fuzz.factor(cardKey: "a", reps: 3) != Fuzz.factor(cardKey: "b", reps: 3))
        #expect(Fuzz.factor(cardKey: "a", reps: 3) != Fuzz.factor(cardKey: "a", reps: 4))
    }

    /// Over many cards, a 7-day interval lands on each of 5 … 9 days about a
    /// fifth of the time (Anki's floor rule is uniform).
    @Test func drawIsUniformOverTheRange() {
        var counts: [Int: Int] = [:]
        let n = 20_000
        for i in 0..<n {
            let days = Fuzz.fuzzedDays(days: 7, minimum: 1, maximum: 36_500, factor: Fuzz.factor(cardKey: "c\(i)", reps: 2))
            counts[days, default: 0] += 1
        }
        #expect(Set(counts.keys) == Set(5...9))
        for value in 5...9 {
            let share = Double(counts[value] ?? 0) / Double(n)
            #expect(abs(share - 0.2) < 0.02, "\(value): \(share)")
        }
    }

    @Test func factorEdgesGiveTheRangeEnds() {
        #expect(Fuzz.fuzzedDays(days: 37, minimum: 1, maximum: 36_500, factor: 0) == 33)
        #expect(Fuzz.fuzzedDays(days: 37, minimum: 1, maximum: 36_500, factor: 0.999_999_9) == 41)
    }

    @Test func schedulerFuzzesReviewIntervalsOnlyWhenAsked() throws {
        let start = Date(timeIntervalSince1970: 1_704_110_400)
        let utc = try #require(TimeZone(identifier: "UTC"))
        let plain = try Scheduler(SchedulerConfiguration(enableFuzz: false, dayCounting: .fullDays))
        let fuzzed = try Scheduler(SchedulerConfiguration(enableFuzz: true, dayCounting: .fullDays))
        var intervals = Set<Int>()
        for i in 0..<200 {
            var card = CardSchedule(
                state: .review, step: nil, memory: MemoryState(stability: 30, difficulty: 5), due: start,
                lastReview: start - 30 * 86_400, reps: 4)
            let unfuzzed = plain.review(card, rating: .good, at: start, cardKey: "card\(i)")
            card = fuzzed.review(card, rating: .good, at: start, cardKey: "card\(i)")
            #expect(card.memory == unfuzzed.memory)
            let days = Int(card.due.timeIntervalSince(start) / 86_400)
            let base = Int(unfuzzed.due.timeIntervalSince(start) / 86_400)
            // Fuzzed from the unrounded interval, so at most the fuzz delta (rounded up) from the plain one.
            #expect(abs(days - base) <= Int(Fuzz.delta(days: Double(base)).rounded(.up)), "\(days) vs \(base)")
            intervals.insert(days)
        }
        #expect(intervals.count > 3)
        // Learning steps are never fuzzed.
        let learning = try Scheduler(SchedulerConfiguration(dayCounting: .anki(timeZone: utc)))
        let card = learning.review(.new(at: start), rating: .good, at: start, cardKey: "x")
        #expect(card.due == start + 600)
    }

    /// With fuzz, the passing ratings of a review card stay in order for every
    /// card: Hard < Good < Easy, as Anki keeps them.
    @Test func fuzzKeepsPassingRatingsInOrder() throws {
        let start = Date(timeIntervalSince1970: 1_704_110_400)
        let scheduler = try Scheduler(SchedulerConfiguration(dayCounting: .fullDays))
        for i in 0..<500 {
            let stability = [0.5, 1.5, 3, 8, 40, 400][i % 6]
            let card = CardSchedule(
                state: .review, step: nil, memory: MemoryState(stability: stability, difficulty: Double(1 + i % 10)),
                due: start, lastReview: start - Double(1 + i % 30) * 86_400, reps: i % 13)
            let preview = scheduler.preview(card, at: start, cardKey: "key-\(i)")
            let hard = try #require(preview[.hard]?.due), good = try #require(preview[.good]?.due)
            let easy = try #require(preview[.easy]?.due)
            #expect(hard >= start + 86_400 && hard < good && good < easy, "card \(i)")
            // A review works out only the ratings up to its own: the same card.
            for rating in Rating.allCases {
                #expect(scheduler.review(card, rating: rating, at: start, cardKey: "key-\(i)") == preview[rating])
            }
        }
    }
}
