import FSRS
import Foundation
import Testing

@testable import Study

/// The readiness forecast: cards ready today and with the plan, per level.
@Suite struct ExamReadinessTests {
    let rule = ExamRule(model: MemoryModel(weights: FSRSParameters.defaults))
    let days = DayCounting.fullDays

    @Test func studiedStrongCardsAreReadyNewOnesOnlyWithThePlan() throws {
        let today = 20_000
        let exam = today + 10
        let path: (Int) -> ExamPath = {
            ExamPath.newFace(introducedOn: $0, examDay: exam, rule: self.rule, desiredRetention: 0.9, learningSteps: 2)
        }
        let strong = CardSchedule(
            state: .review, step: nil, memory: MemoryState(stability: 300, difficulty: 4),
            due: days.start(ofDay: today + 200), lastReview: days.start(ofDay: today - 1), reps: 5)
        let faces: [ExamReadiness.Face] = [
            .init(card: 0, level: 1, schedule: strong),
            .init(card: 1, level: 2, schedule: nil),
            .init(card: 2, level: 2, schedule: nil),
            // A term whose forward face is strong but reverse face new: not ready today.
            .init(card: 3, level: 3, schedule: strong),
            .init(card: 3, level: 3, schedule: nil),
        ]
        let plan = try #require(
            ExamPlan.make(unseen: 3, introducedToday: 0, today: today, examDay: exam, workload: 1000, path: path))
        let r = ExamReadiness.forecast(faces: faces, plan: plan, rule: rule, dayCounting: days, path: path)
        #expect(r.overall.cards == 4)
        #expect(r.overall.readyToday == 1)
        #expect(r.overall.readyWithPlan == 4)
        #expect(r.perLevel[1] == ExamReadiness.Share(cards: 1, readyToday: 1, readyWithPlan: 1))
        #expect(r.perLevel[2] == ExamReadiness.Share(cards: 2, readyToday: 0, readyWithPlan: 2))
        #expect(r.perLevel[3] == ExamReadiness.Share(cards: 1, readyToday: 0, readyWithPlan: 1))
        #expect(r.overall.percentToday == 25)
    }

    @Test func aWeakCardIsReadyOnlyWithItsReviewBeforeTheExam() throws {
        let today = 20_000
        let exam = today + 10
        let path: (Int) -> ExamPath = { _ in ExamPath() }
        let weak = CardSchedule(
            state: .review, step: nil, memory: MemoryState(stability: 4, difficulty: 5),
            due: days.start(ofDay: today + 12), lastReview: days.start(ofDay: today - 2), reps: 2)
        let plan = try #require(
            ExamPlan.make(unseen: 0, introducedToday: 0, today: today, examDay: exam, workload: 1000, path: path))
        let r = ExamReadiness.forecast(
            faces: [.init(card: 0, level: 1, schedule: weak)], plan: plan, rule: rule, dayCounting: days, path: path)
        #expect(r.overall.readyToday == 0)
        #expect(r.overall.readyWithPlan == 1)
    }

    /// A face answered for the first time today is still in its learning
    /// steps; with the plan it finishes them and follows the path a new
    /// face learnt today does, so studying it never lowers the forecast
    /// "with the plan" (it did: 100% with the plan became 98% after two
    /// answers on the home screen).
    @Test func aFaceInItsLearningStepsCountsThePathItIsOn() throws {
        let today = 20_000
        let exam = today + 13
        let path: (Int) -> ExamPath = {
            ExamPath.newFace(introducedOn: $0, examDay: exam, rule: self.rule, desiredRetention: 0.9, learningSteps: 2)
        }
        let firstStep = rule.model.nextMemoryState(nil, elapsedDays: 0, rating: .good)
        let learning = CardSchedule(
            state: .learning, step: 1, memory: firstStep,
            due: days.start(ofDay: today).addingTimeInterval(3_600), lastReview: days.start(ofDay: today), reps: 1)
        let plan = try #require(
            ExamPlan.make(unseen: 1, introducedToday: 1, today: today, examDay: exam, workload: 1000, path: path))
        let studied = ExamReadiness.forecast(
            faces: [.init(card: 0, level: 1, schedule: learning), .init(card: 1, level: 1, schedule: nil)],
            plan: plan, rule: rule, dayCounting: days, path: path)
        #expect(path(today).examRecall >= rule.target)
        #expect(studied.overall.readyToday == 0)
        #expect(studied.overall.readyWithPlan == 2)
    }
    /// The outlook keeps one for every face of the exam's decks: a whole
    /// schedule each was twice the memory, and judged (two flags instead of
    /// the schedule) a seventh of it.
    @Test func aFaceTakesFiftySixBytesAndJudgedEight() {
        #expect(MemoryLayout<ExamReadiness.Face>.stride <= 56)
        #expect(MemoryLayout<ExamReadiness.JudgedFace>.stride == 8)
    }

    /// A face keeps what the forecast reads of its schedule to the bit.
    @Test func aFaceKeepsItsScheduleToTheBit() throws {
        let schedule = CardSchedule(
            state: .relearning, step: 0, memory: MemoryState(stability: 0.1 + 1e-15, difficulty: 9.999999),
            due: Date(timeIntervalSinceReferenceDate: 812_345_678.123_456_7),
            lastReview: Date(timeIntervalSinceReferenceDate: 812_000_000.000_000_1), reps: 4)
        let face = ExamReadiness.Face(card: 3, level: 7, schedule: schedule)
        let kept = try #require(face.memory)
        #expect(kept.memory == schedule.memory)
        #expect(kept.lastReview == schedule.lastReview && kept.due == schedule.due)
        #expect(!kept.isReview)
        #expect(face.level == nil)
        #expect(ExamReadiness.Face(card: 0, level: 2, schedule: nil).level == 2)
        // Without a memory state it reads as never studied.
        var bare = schedule
        bare.memory = nil
        #expect(ExamReadiness.Face(card: 0, level: 1, schedule: bare).memory == nil)
    }
}
