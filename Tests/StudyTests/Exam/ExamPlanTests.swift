import FSRS
import Testing

@testable import Study

/// Pacing new faces to the exam, and saying when the workload cannot fit.
@Suite struct ExamPlanTests {
    let rule = ExamRule(model: MemoryModel(weights: FSRSParameters.defaults))

    func path(_ exam: Int) -> (Int) -> ExamPath {
        { ExamPath.newFace(introducedOn: $0, examDay: exam, rule: rule, desiredRetention: 0.9, learningSteps: 2) }
    }

    @Test func newFacesArePacedToLeaveTwoDaysFree() throws {
        // 100 new faces, exam in 12 days: 10 days of 10, the last on day 9.
        let plan = try #require(
            ExamPlan.make(unseen: 100, introducedToday: 0, today: 100, examDay: 112, workload: 1000, path: path(112)))
        #expect(plan.daysLeft == 12)
        #expect(plan.newPerDay == 10 && plan.newToday == 10)
        #expect(plan.lastIntroductionDay == 109)
        #expect(plan.daysSeenBefore == 2)
        #expect(plan.fits)
    }

    @Test func facesAlreadyIntroducedTodayCountAgainstToday() throws {
        let plan = try #require(
            ExamPlan.make(unseen: 94, introducedToday: 6, today: 100, examDay: 112, workload: 1000, path: path(112)))
        #expect(plan.newPerDay == 10 && plan.newToday == 4)
        #expect(plan.lastIntroductionDay == 109)
    }

    @Test func aNearExamUsesEveryDayLeft() throws {
        let plan = try #require(
            ExamPlan.make(unseen: 30, introducedToday: 0, today: 100, examDay: 102, workload: 1000, path: path(102)))
        #expect(plan.newPerDay == 15)
        #expect(plan.lastIntroductionDay == 101 && plan.daysSeenBefore == 0)
        #expect(ExamPlan.make(unseen: 30, introducedToday: 0, today: 100, examDay: 100, workload: 9, path: path(100)) == nil)
    }

    @Test func answersCountTheLearningStepsAndTheReviewsNewFacesBring() throws {
        let plan = try #require(
            ExamPlan.make(
                unseen: 10, introducedToday: 0, today: 0, examDay: 3, workload: 1000, scheduled: [5, 5],
                path: path(3)))
        // Day 0: 5 scheduled reviews + 10 faces × 2 learning steps.
        #expect(plan.answersPerDay[0] == 25)
        #expect(plan.answersPerDay.count == 3)
        // Every face is reviewed at least once more before the exam.
        let total = plan.answersPerDay.reduce(0, +)
        let atLeast = 10 + 20 + 10
        #expect(total >= atLeast)
    }

    @Test func aWorkloadTooSmallIsSaidWithWhatIsNeeded() throws {
        let plan = try #require(
            ExamPlan.make(unseen: 600, introducedToday: 0, today: 0, examDay: 7, workload: 100, path: path(7)))
        #expect(!plan.fits)
        #expect(plan.peak > 100)
        #expect(plan.peak == plan.answersPerDay.max())
    }

    @Test func theNewFacePathReachesTheTargetByTheExam() {
        for day in 0..<10 {
            let p = ExamPath.newFace(introducedOn: day, examDay: 10, rule: rule, desiredRetention: 0.9, learningSteps: 2)
            #expect(p.answersByDay[0] == 2)
            #expect(p.examRecall >= rule.target, "introduced on day \(day)")
        }
    }
}
