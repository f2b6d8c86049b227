import FSRS
import Foundation
import Testing

@testable import Study

/// The exam rule's days kept between starts (`ExamRuleDays`) give the days
/// the rule's search gives, whichever later day a start is made on.
@Suite struct ExamRuleDaysTests {
    /// A random memory: stability from a tenth of a day to years (so some
    /// cards already reach the aim), any difficulty.
    static func memory(_ random: inout SeededGenerator) -> MemoryState {
        MemoryState(
            stability: pow(10, Double.random(in: -1...3.3, using: &random)),
            difficulty: Double.random(in: 1...10, using: &random))
    }

    /// An answer kept from a search that began on one day gives, for every
    /// later first day, exactly what a search from that day gives, or
    /// nothing; and it gives nothing only when the day it found has passed.
    @Test(arguments: [1, 2, 3] as [UInt64])
    func anAnswerHoldsWhileItsDayIsAhead(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        // The default weights and drawn ones.
        let rules = ([FSRSParameters.defaults] + ExamRuleTests.drawnWeights(8, &random)).map {
            ExamRule(model: MemoryModel(weights: $0))
        }
        var held = 0
        var passed = 0
        for (n, rule) in rules.enumerated() {
            for _ in 0..<(n == 0 ? 200 : 60) {
                let memory = MemoryState(
                    stability: pow(10, Double.random(in: -2...4, using: &random)),
                    difficulty: Double.random(in: 1...10, using: &random))
                let exam = 20_500 + Int.random(in: 0...60, using: &random)
                let last = exam - Int.random(in: 1...200, using: &random)
                let first = max(last + 1, exam - Int.random(in: 0...70, using: &random))
                let found = rule.reviewDay(
                    memory: memory, lastReviewDay: last, dueDay: exam, earliestDay: first, examDay: exam)
                let answer = ExamRuleDays.Answer(firstDay: Int32(first), day: found.map { Int32($0) })
                // Before the first day searched, it cannot say.
                #expect(answer.day(searchingFrom: first - 1) == nil)
                for later in first...(exam + 1) {
                    let searched = rule.reviewDay(
                        memory: memory, lastReviewDay: last, dueDay: exam, earliestDay: later, examDay: exam)
                    if let kept = answer.day(searchingFrom: later) {
                        #expect(kept == searched, "\(memory), last \(last), exam \(exam), from \(first) → \(later)")
                        held += 1
                    } else {
                        // Only a day found that has passed makes a search again.
                        #expect(found.map { $0 < later } == true)
                        passed += 1
                    }
                }
            }
        }
        // Both cases were met. The days found here are all the exam's eve
        // (as in `ExamRuleTests`' grids), so a kept day passes on the exam's
        // day and after.
        #expect(held > 1_000 && passed > 100, "held \(held), passed \(passed)")
    }

    /// Review faces of every strength, due on and after an exam 30 days
    /// ahead, some sharing one memory and last review.
    static func progress(seed: UInt64, now: Date, faces: Int) -> ProgressSnapshot {
        var random = SeededGenerator(seed: seed)
        var progress = ProgressSnapshot()
        var shared: (MemoryState, Date)?
        for i in 0..<faces {
            var memory = Self.memory(&random)
            var last = now.addingTimeInterval(-86_400 * Double(Int.random(in: 0...120, using: &random)))
            if i % 50 == 0, let shared {
                (memory, last) = shared
            } else if i % 50 == 1 {
                shared = (memory, last)
            }
            let due = now.addingTimeInterval(86_400 * Double(Int.random(in: 25...400, using: &random)))
            let state: SchedulingState = i % 17 == 0 ? .learning : .review
            progress.schedules["f\(i)"] = CardSchedule(
                state: state, step: state == .learning ? 0 : nil, memory: memory, due: due, lastReview: last, reps: 3)
        }
        return progress
    }

    static func scheduler(examIn days: Int) -> ExamScheduler {
        let base = Fixtures.scheduler()
        let today = base.configuration.dayCounting.dayNumber(of: Fixtures.now)
        return ExamScheduler(base: base, examDays: ExamDays(everyFace: today + days))
    }

    /// A start with the days a start before kept moves every schedule as a
    /// start without them does: the same day, the next, a week on and on
    /// the exam's day (the student studied nothing, so kept days pass), and after
    /// some faces were answered; it searches only where the kept answer
    /// cannot say.
    @Test(arguments: [(4_000, 11), (30_000, 12)] as [(Int, UInt64)])
    func keptDaysMoveTheSchedulesAsTheSearchDoes(faces: Int, seed: UInt64) throws {
        let scheduler = Self.scheduler(examIn: 30)
        let now = Fixtures.now
        let exam = try #require(scheduler.examDays.everyFace)
        var progress = Self.progress(seed: seed, now: now, faces: faces)
        var first = progress
        let asked = scheduler.adjust(&first, at: now)
        #expect(asked.kept.isEmpty)
        #expect(asked.searched.count > faces / 2, "searched \(asked.searched.count)")
        var kept = asked.days(rule: scheduler.rule.stamp, over: nil)
        // Shared memories are kept once.
        #expect(kept.entries.count < asked.searched.count)
        let moved = progress.schedules.filter { first.schedules[$0.key] != $0.value }.count
        #expect(moved > faces / 4, "the rule moved \(moved) reviews")

        var random = SeededGenerator(seed: seed &+ 100)
        for days in [0, 1, 7, 30] {
            let later = now.addingTimeInterval(86_400 * Double(days) + 3_600)
            var answered = 0
            if days == 7 {
                // Some faces answered since: another memory, a later review.
                for i in stride(from: 3, to: faces, by: 40) where progress.schedules["f\(i)"].map({
                    $0.state == .review && $0.due >= scheduler.base.configuration.dayCounting.start(ofDay: exam)
                }) == true {
                    answered += 1
                    progress.schedules["f\(i)"]?.memory = Self.memory(&random)
                    progress.schedules["f\(i)"]?.lastReview = later.addingTimeInterval(-7_200)
                }
            }
            var searched = progress
            scheduler.adjust(&searched, at: later)
            var fromKept = progress
            let again = scheduler.adjust(&fromKept, at: later, kept: kept)
            #expect(fromKept == searched, "\(days) days on")
            #expect(again.kept.count + again.searched.count == asked.searched.count, "\(days) days on")
            if days == 0 { #expect(again.searched.isEmpty) }
            if days == 7 { #expect(again.searched.count >= answered && answered > faces / 50) }
            if days < 30 {
                #expect(again.searched.count < again.kept.count, "\(days) days on: searched \(again.searched.count)")
            }
            // On the exam's day every day found has passed.
            if days == 30 { #expect(!again.searched.isEmpty) }
            // The next start keeps what this one asked, as a start would.
            kept = again.days(rule: scheduler.rule.stamp, over: kept)
        }
    }

    /// A kept answer is taken as it is when it is of the scheduler's rule
    /// (a day the search would not give is given), and never when it is of
    /// another rule (another target, other weights).
    @Test func keptAnswersAreUsedOnlyForTheirRule() throws {
        let scheduler = Self.scheduler(examIn: 30)
        let now = Fixtures.now
        let today = scheduler.base.configuration.dayCounting.dayNumber(of: now)
        let progress = Self.progress(seed: 5, now: now, faces: 300)
        var searched = progress
        let asked = scheduler.adjust(&searched, at: now)
        // Every day found set to the exam's eve minus one, whatever it was.
        let planted = asked.searched.map { entry in
            ExamRuleDays.Entry(
                question: entry.question,
                answer: .init(firstDay: Int32(today), day: entry.answer.day == nil ? nil : Int32(today + 28)))
        }
        let moved = asked.searched.filter { $0.answer.day != nil }.count
        #expect(moved > 50)
        #expect(asked.searched.contains { $0.answer.day.map { $0 != Int32(today + 28) } == true })

        var own = progress
        let ownAsked = scheduler.adjust(&own, at: now, kept: ExamRuleDays(rule: scheduler.rule.stamp, entries: planted))
        #expect(ownAsked.searched.isEmpty)
        #expect(ownAsked.kept.count == asked.searched.count)
        let day28 = scheduler.base.configuration.dayCounting.start(ofDay: today + 28)
        for (key, schedule) in own.schedules where searched.schedules[key] != progress.schedules[key] {
            #expect(schedule.due == day28, "\(key): the kept day was not used")
        }

        let otherTarget = ExamRule(model: scheduler.rule.model, target: 0.8).stamp
        var weights = scheduler.rule.model.w
        weights[3] += 0.5
        let otherWeights = ExamRule(model: MemoryModel(weights: weights)).stamp
        for stamp in [otherTarget, otherWeights, []] {
            #expect(stamp != scheduler.rule.stamp)
            var other = progress
            let otherAsked = scheduler.adjust(&other, at: now, kept: ExamRuleDays(rule: stamp, entries: planted))
            #expect(other == searched)
            #expect(otherAsked.searched == asked.searched)
            #expect(otherAsked.kept.isEmpty)
        }
    }

    /// The answers read back from their bytes are the answers; bytes cut
    /// short, lengthened or with a count that does not match are refused.
    @Test func theBytesReadBackAsWritten() throws {
        let scheduler = Self.scheduler(examIn: 30)
        var progress = Self.progress(seed: 9, now: Fixtures.now, faces: 500)
        let asked = scheduler.adjust(&progress, at: Fixtures.now)
        let days = asked.days(rule: scheduler.rule.stamp, over: nil)
        #expect(days.entries.contains { $0.answer.day == nil } && days.entries.contains { $0.answer.day != nil })
        let bytes = days.bytes
        let read = try #require(bytes.withUnsafeBytes { ExamRuleDays(bytes: $0) })
        #expect(read.rule == days.rule)
        #expect(read.entries == days.entries)
        for entry in days.entries { #expect(read.answer(to: entry.question) == entry.answer) }
        let absent = try #require(
            ExamRuleDays.Question(memory: MemoryState(stability: 1e9, difficulty: 0.5), lastReviewDay: 3, examDay: 4))
        #expect(read.answer(to: absent) == nil)

        #expect(Array(bytes.dropLast()).withUnsafeBytes { ExamRuleDays(bytes: $0) } == nil)
        #expect((bytes + [0]).withUnsafeBytes { ExamRuleDays(bytes: $0) } == nil)
        #expect((bytes + [UInt8](repeating: 0, count: 32)).withUnsafeBytes { ExamRuleDays(bytes: $0) } == nil)
        var huge = bytes
        let countAt = 8 * (days.rule.count + 1)
        for i in 0..<8 { huge[countAt + i] = 0xFF }
        #expect(huge.withUnsafeBytes { ExamRuleDays(bytes: $0) } == nil)
        var manyWords = bytes
        manyWords[0] = 200
        #expect(manyWords.withUnsafeBytes { ExamRuleDays(bytes: $0) } == nil)
        #expect([UInt8]().withUnsafeBytes { ExamRuleDays(bytes: $0) } == nil)
    }

    /// Kept anew when something was searched, or when most of what was
    /// kept is no longer asked; not for a start that found all it needed.
    /// Kept anew, the entries used and those searched are kept, each once.
    @Test func answersAreKeptAnewWhenWorthIt() throws {
        var entries: [ExamRuleDays.Entry] = []
        for last in 0..<6 {
            let question = try #require(
                ExamRuleDays.Question(
                    memory: MemoryState(stability: 3, difficulty: 5), lastReviewDay: last, examDay: 9))
            entries.append(ExamRuleDays.Entry(question: question, answer: .init(firstDay: 7, day: 8)))
        }
        let kept = ExamRuleDays(rule: [1], entries: Array(entries[0..<4]))
        var asked = ExamRuleDays.Asked()
        asked.kept = [0, 1, 2, 1]
        #expect(!asked.worthKeeping(over: kept))
        asked.kept = [3]
        #expect(asked.worthKeeping(over: kept))
        asked.kept = [2, 3]
        #expect(!asked.worthKeeping(over: kept))
        #expect(!asked.worthKeeping(over: nil))
        asked.searched = [entries[4], entries[5], entries[4]]
        #expect(asked.worthKeeping(over: kept))
        let again = asked.days(rule: [1], over: kept)
        #expect(again.rule == [1])
        #expect(again.entries == [entries[2], entries[3], entries[4], entries[5]])
    }
}
