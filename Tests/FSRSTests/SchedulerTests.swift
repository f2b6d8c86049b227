import FSRS
import Foundation
import Testing

/// The state machine: learning and relearning steps, review, previews.
@Suite struct SchedulerTests {
    let start = Date(timeIntervalSince1970: 1_704_110_400)  // 2024-01-01 12:00 UTC
    let py: Scheduler

    init() throws {
        py = try Scheduler(.pyFSRS())
    }

    func minutes(_ m: Double) -> TimeInterval { m * 60 }

    @Test func newCardFirstRatings() {
        let card = CardSchedule.new(at: start)
        let again = py.review(card, rating: .again, at: start, cardKey: "k")
        #expect(again.state == .learning && again.step == 0 && again.due == start + minutes(1))
        let hard = py.review(card, rating: .hard, at: start, cardKey: "k")
        #expect(hard.state == .learning && hard.step == 0 && hard.due == start + 330)
        let good = py.review(card, rating: .good, at: start, cardKey: "k")
        #expect(good.state == .learning && good.step == 1 && good.due == start + minutes(10))
        let easy = py.review(card, rating: .easy, at: start, cardKey: "k")
        #expect(easy.state == .review && easy.step == nil && easy.due == start + 8 * 86_400)
        for next in [again, hard, good, easy] {
            #expect(next.reps == 1 && next.lapses == 0 && next.lastReview == start)
        }
    }

    /// The worked example of the FSRS-6 specification, review by review.
    @Test func workedExample() {
        var card = CardSchedule.new(at: start)
        card = py.review(card, rating: .good, at: start, cardKey: "k")
        #expect(card.memory == MemoryState(stability: 2.3065, difficulty: 2.118103970459016))
        let second = start + minutes(10)
        card = py.review(card, rating: .good, at: second, cardKey: "k")
        #expect(card.state == .review && card.memory?.stability == 2.3065)
        #expect(abs((card.memory?.difficulty ?? 0) - 2.111214235785395) < 1e-15)
        #expect(card.due == second + 2 * 86_400)
        let third = card.due
        #expect(abs(py.retrievability(of: card, at: third) - 0.909493) < 1e-6)
        card = py.review(card, rating: .good, at: third, cardKey: "k")
        #expect(abs((card.memory?.stability ?? 0) - 10.971048263078135) < 1e-12)
        #expect(card.due == third + 11 * 86_400)
        let fourth = third + 14 * 86_400
        card = py.review(card, rating: .again, at: fourth, cardKey: "k")
        #expect(card.state == .relearning && card.step == 0 && card.due == fourth + minutes(10))
        #expect(abs((card.memory?.stability ?? 0) - 1.5838508544614023) < 1e-12)
        #expect(abs((card.memory?.difficulty ?? 0) - 7.389975788014609) < 1e-12)
        #expect(card.lapses == 1)
        let fifth = fourth + minutes(10)
        card = py.review(card, rating: .good, at: fifth, cardKey: "k")
        #expect(card.state == .review && card.due == fifth + 2 * 86_400)
        #expect(abs((card.memory?.stability ?? 0) - 1.6145824858761484) < 1e-12)
        #expect(card.reps == 5)
    }

    @Test func emptyLearningStepsGraduateAtOnceEvenOnAgain() throws {
        let scheduler = try Scheduler(.pyFSRS(learningSteps: []))
        let card = scheduler.review(.new(at: start), rating: .again, at: start, cardKey: "k")
        #expect(card.state == .review && card.step == nil && card.due == start + 86_400)
    }

    @Test func lapseWithoutRelearningStepsStaysInReview() throws {
        let scheduler = try Scheduler(.pyFSRS(relearningSteps: []))
        var card = scheduler.review(.new(at: start), rating: .easy, at: start, cardKey: "k")
        card = scheduler.review(card, rating: .again, at: card.due, cardKey: "k")
        #expect(card.state == .review && card.step == nil && card.lapses == 1)
        #expect(card.due > card.lastReview ?? .distantFuture)
    }

    @Test func singleStepHardWaitsOneAndAHalfSteps() throws {
        let scheduler = try Scheduler(.pyFSRS(learningSteps: [600]))
        let card = scheduler.review(.new(at: start), rating: .hard, at: start, cardKey: "k")
        #expect(card.state == .learning && card.due == start + 900)
    }

    @Test func hardAtALaterStepRepeatsThatStep() throws {
        let scheduler = try Scheduler(.pyFSRS(learningSteps: [60, 600, 3600]))
        var card = scheduler.review(.new(at: start), rating: .good, at: start, cardKey: "k")
        #expect(card.step == 1)
        card = scheduler.review(card, rating: .hard, at: start + 600, cardKey: "k")
        #expect(card.step == 1 && card.due == start + 1200)
        card = scheduler.review(card, rating: .good, at: card.due, cardKey: "k")
        #expect(card.step == 2 && card.due == start + 1200 + 3600)
        card = scheduler.review(card, rating: .again, at: card.due, cardKey: "k")
        #expect(card.step == 0 && card.state == .learning)
    }

    @Test func previewShowsWhatEachRatingWouldDo() throws {
        for scheduler in [py, try Scheduler(SchedulerConfiguration())] {
            var card = scheduler.review(.new(at: start), rating: .good, at: start, cardKey: "card-1")
            card = scheduler.review(card, rating: .good, at: start + 600, cardKey: "card-1")
            let later = card.due + 86_400
            let preview = scheduler.preview(card, at: later, cardKey: "card-1")
            #expect(preview.count == 4)
            for rating in Rating.allCases {
                #expect(preview[rating] == scheduler.review(card, rating: rating, at: later, cardKey: "card-1"))
            }
            let hard = try #require(preview[.hard]?.due), good = try #require(preview[.good]?.due)
            let easy = try #require(preview[.easy]?.due)
            #expect(hard < good && good < easy)
            #expect(preview[.again]?.state == .relearning)
        }
    }

    @Test func retrievabilityOfANewCardIsZero() {
        #expect(py.retrievability(of: .new(at: start), at: start + 86_400) == 0)
    }

    @Test func schedulerDaysMakeReviewCardsDueAtTheRollover() throws {
        let almaty = try #require(TimeZone(identifier: "Asia/Almaty"))
        let scheduler = try Scheduler(
            SchedulerConfiguration(enableFuzz: false, dayCounting: .anki(timeZone: almaty)))
        // 12:00 UTC is evening in Almaty; Easy gives 8 days.
        let card = scheduler.review(.new(at: start), rating: .easy, at: start, cardKey: "k")
        let today = SchedulerDay.number(of: start, rolloverHour: 4, timeZone: almaty)
        #expect(card.due == SchedulerDay.start(of: today + 8, rolloverHour: 4, timeZone: almaty))
        #expect(SchedulerDay.number(of: card.due, rolloverHour: 4, timeZone: almaty) == today + 8)
        #expect(SchedulerDay.number(of: card.due - 1, rolloverHour: 4, timeZone: almaty) == today + 7)
    }

    @Test func reviewIsDeterministic() throws {
        let scheduler = try Scheduler(SchedulerConfiguration())
        var a = CardSchedule.new(at: start), b = CardSchedule.new(at: start)
        var t = start
        for rating in [Rating.good, .good, .good, .hard, .easy, .again, .good, .good] {
            a = scheduler.review(a, rating: rating, at: t, cardKey: "same")
            b = scheduler.review(b, rating: rating, at: t, cardKey: "same")
            #expect(a == b)
            t = a.due + 3600
        }
    }

    @Test func corruptScheduleIsHandledWithoutCrashing() {
        // A review-state card without a memory state starts over from S0/D0.
        var card = CardSchedule(state: .review, step: nil, memory: nil, due: start, lastReview: start - 86_400)
        card = py.review(card, rating: .good, at: start, cardKey: "k")
        #expect(card.memory == MemoryState(stability: 2.3065, difficulty: 2.118103970459016))
        // A learning card whose step is past the end graduates on a pass.
        let stale = CardSchedule(state: .learning, step: 7, memory: MemoryState(stability: 1, difficulty: 5), due: start,
            lastReview: start - 600)
        #expect(py.review(stale, rating: .good, at: start, cardKey: "k").state == .review)
    }
}
