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
}
