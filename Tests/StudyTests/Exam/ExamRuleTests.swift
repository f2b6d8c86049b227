import FSRS
import Foundation
import Testing

@testable import Study

/// The exam rule: which cards get a review before the exam, and on which day.
@Suite struct ExamRuleTests {
    let rule = ExamRule(model: MemoryModel(weights: FSRSParameters.defaults))

    @Test func aimIsHalfTheForgettingTheTargetAllows() {
        #expect(abs(rule.aim - 0.95) < 1e-12)
        #expect(abs(ExamRule(model: rule.model, target: 0.8).aim - 0.9) < 1e-12)
    }

    @Test func aWeakCardDueAfterTheExamIsBroughtBeforeIt() throws {
        // Stability 5 days, reviewed on day 0, due on day 20; exam on day 10.
        let memory = MemoryState(stability: 5, difficulty: 5)
        #expect(rule.recall(memory: memory, lastReviewDay: 0, examDay: 10) < rule.aim)
        let day = try #require(rule.reviewDay(memory: memory, lastReviewDay: 0, dueDay: 20, earliestDay: 1, examDay: 10))
        #expect((1...9).contains(day))
        // It is the day (of those allowed) that does most for the exam.
        let chosen = rule.expectedRecall(memory: memory, lastReviewDay: 0, reviewDay: day, examDay: 10)
        for other in 1...9 {
            #expect(chosen >= rule.expectedRecall(memory: memory, lastReviewDay: 0, reviewDay: other, examDay: 10))
        }
        // And the review helps: better than no review at all.
        #expect(chosen > rule.recall(memory: memory, lastReviewDay: 0, examDay: 10))
    }

    @Test func aStrongCardKeepsItsOrdinaryDate() {
        let memory = MemoryState(stability: 400, difficulty: 3)
        #expect(rule.recall(memory: memory, lastReviewDay: 0, examDay: 10) >= rule.aim)
        #expect(rule.reviewDay(memory: memory, lastReviewDay: 0, dueDay: 300, earliestDay: 1, examDay: 10) == nil)
    }

    @Test func aCardDueBeforeTheExamIsLeftToFSRS() {
        let memory = MemoryState(stability: 2, difficulty: 7)
        #expect(rule.reviewDay(memory: memory, lastReviewDay: 0, dueDay: 2, earliestDay: 1, examDay: 10) == nil)
    }

    @Test func noReviewWhenTheExamIsPastOrTomorrow() {
        let memory = MemoryState(stability: 1, difficulty: 7)
        // Reviewed today (day 9), exam tomorrow: no day left in between.
        #expect(rule.reviewDay(memory: memory, lastReviewDay: 9, dueDay: 11, earliestDay: 10, examDay: 10) == nil)
        // After the exam the ordinary schedule resumes.
        #expect(rule.reviewDay(memory: memory, lastReviewDay: 12, dueDay: 14, earliestDay: 13, examDay: 10) == nil)
    }

    @Test func theReviewIsNeverOnTheDayOfTheLastOne() throws {
        let memory = MemoryState(stability: 0.5, difficulty: 8)
        let day = try #require(rule.reviewDay(memory: memory, lastReviewDay: 4, dueDay: 12, earliestDay: 4, examDay: 10))
        #expect(day > 4 && day < 10)
    }

    /// Item 3 of issue 15 as a property: every review card whose predicted
    /// exam-day recall is below the target, and whose next FSRS review falls
    /// on or after the exam, gets a review before the exam — whenever a day
    /// lies between its last review and the exam. Checked over a grid of
    /// memories (stability from hours to years, every difficulty), last
    /// reviews and exam distances; the aim above the target only widens the
    /// set of cards that get one.
    @Test func everyCardBelowTheTargetGetsAReviewBeforeTheExam() {
        var stabilities: [Double] = []
        var s = 0.05
        while s < 2_000 { stabilities.append(s); s *= 1.4 }
        var below = 0
        for stability in stabilities {
            for difficulty in stride(from: 1.0, through: 10.0, by: 1.5) {
                let memory = MemoryState(stability: stability, difficulty: difficulty)
                for examDay in [2, 3, 8, 15, 40] {
                    for last in 0..<examDay {
                        for today in Set([last, last + 1, examDay - 1]) where today >= last && today < examDay {
                            let due = examDay + Int(stability.rounded())
                            let recall = rule.recall(memory: memory, lastReviewDay: last, examDay: examDay)
                            let day = rule.reviewDay(
                                memory: memory, lastReviewDay: last, dueDay: due, earliestDay: today, examDay: examDay)
                            let roomBefore = max(today, last + 1) <= examDay - 1
                            if recall < rule.target, roomBefore {
                                below += 1
                                guard let day else {
                                    Issue.record("S=\(stability) D=\(difficulty) last \(last) exam \(examDay): no review")
                                    continue
                                }
                                #expect(day >= max(today, last + 1) && day < examDay)
                            }
                            // With no day in between, nothing can be placed.
                            if !roomBefore { #expect(day == nil) }
                        }
                    }
                }
            }
        }
        // The grid does reach the cards the rule is for.
        #expect(below > 1_000)
    }

    /// The same through the scheduler a session uses, on answers FSRS really
    /// gives: every answer's schedule is due before the exam whenever the
    /// card's predicted exam-day recall is below the target and a day is
    /// left before it.
    @Test func everyAnswerBelowTheTargetIsDueBeforeTheExam() throws {
        let base = try Scheduler(SchedulerConfiguration(enableFuzz: false, dayCounting: .fullDays))
        let days = DayCounting.fullDays
        let examDay = 20_030
        let scheduler = ExamScheduler(base: base, examDays: ["k": examDay])
        var seed: UInt64 = 20_261_220
        func next(_ n: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(n))
        }
        var checked = 0
        for _ in 0..<300 {
            var day = 20_000 + next(20)
            var card = CardSchedule.new(at: days.start(ofDay: day))
            while day < examDay {
                let now = days.start(ofDay: day).addingTimeInterval(3_600)
                let rating = Rating(rawValue: 1 + [0, 1, 2, 2, 2, 2, 3][next(7)]) ?? .good
                card = scheduler.review(card, rating: rating, at: now, cardKey: "k")
                if card.state == .review, let memory = card.memory, day + 1 <= examDay - 1,
                    rule.recall(memory: memory, lastReviewDay: day, examDay: examDay) < scheduler.rule.target
                {
                    checked += 1
                    #expect(days.dayNumber(of: card.due) < examDay)
                }
                day = max(day + 1, days.dayNumber(of: card.due))
            }
        }
        #expect(checked > 100)
    }
    /// The search takes the state's powers once (`MemoryModel.FixedTerms`):
    /// each day's value is `expectedRecall`'s to the bit, and the day it
    /// picks is the day a search of `expectedRecall` over every
    /// day picks, for drawn weights and states (stabilities below the
    /// clamp and above the cap among them), last reviews and exam days.
    @Test func theSearchPicksTheDayEveryDaysExpectedRecallPicks() {
        var random = SeededGenerator(seed: 20_261_207)
        var moved = 0
        var searched = 0
        for (n, weights) in ([FSRSParameters.defaults] + Self.drawnWeights(30, &random)).enumerated() {
            let model = MemoryModel(
                weights: weights, maximumStability: n % 2 == 0 ? SchedulerConfiguration.ankiMaximumStability : .infinity)
            let rule = ExamRule(model: model)
            for _ in 0..<150 {
                let memory = MemoryState(
                    stability: pow(10, Double.random(in: -4...5.5, using: &random)),
                    difficulty: Double.random(in: 0...11, using: &random))
                let last = Int.random(in: 0...30, using: &random)
                let examDay = last + Int.random(in: 1...60, using: &random)
                let first = last + Int.random(in: 1...5, using: &random)
                let found = rule.bestReviewDay(memory: memory, lastReviewDay: last, firstDay: first, examDay: examDay)
                // Every day's value from the public formula, latest day first
                // so a tie keeps the later day.
                var expected: Int?
                if rule.recall(memory: memory, lastReviewDay: last, examDay: examDay) < rule.aim, first <= examDay - 1 {
                    var bestValue = -Double.infinity
                    for day in stride(from: examDay - 1, through: first, by: -1) {
                        let value = rule.expectedRecall(
                            memory: memory, lastReviewDay: last, reviewDay: day, examDay: examDay)
                        // The search's own value of the day, the same bits.
                        let searched = rule.expectedRecall(
                            model.fixedTerms(of: memory), memory: memory, lastReviewDay: last, reviewDay: day,
                            examDay: examDay)
                        #expect(searched.bitPattern == value.bitPattern, "S=\(memory.stability) day \(day)")
                        if value > bestValue || expected == nil {
                            expected = day
                            bestValue = value
                        }
                    }
                }
                #expect(found == expected, "S=\(memory.stability) D=\(memory.difficulty) last \(last) exam \(examDay)")
                searched += 1
                if found != nil { moved += 1 }
            }
        }
        // Both outcomes are met often.
        #expect(moved > searched / 10 && moved < searched * 9 / 10)
    }

    /// `count` sets of weights drawn between their bounds.
    static func drawnWeights(_ count: Int, _ random: inout SeededGenerator) -> [[Double]] {
        (0..<count).map { _ in
            (0..<FSRSParameters.count).map { i in
                Double.random(in: FSRSParameters.lowerBounds[i]...FSRSParameters.upperBounds[i], using: &random)
            }
        }
    }
}
