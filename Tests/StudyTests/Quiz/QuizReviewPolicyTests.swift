import FSRS
import Foundation
import Testing

@testable import Study

struct QuizReviewPolicyTests {
    let almaty = TimeZone(identifier: "Asia/Almaty")!  // UTC+5 since 2024
    let t0 = QuizFixtures.start

    func result(_ outcome: QuizOutcome, credit: Double, tier: String? = nil) -> QuizResult {
        QuizResult(questionNumber: 1, response: .skipped, outcome: outcome, credit: credit, tier: tier, answeredAt: t0, duration: 1)
    }

    @Test func ratings() {
        #expect(QuizReviewPolicy.rating(for: result(.correct, credit: 1, tier: "exact")) == .good)
        #expect(QuizReviewPolicy.rating(for: result(.accepted, credit: 1, tier: "keyboard")) == .good)
        #expect(QuizReviewPolicy.rating(for: result(.accepted, credit: 1, tier: "exact; typo")) == .hard)
        #expect(QuizReviewPolicy.rating(for: result(.partial, credit: 0.75)) == .hard)
        #expect(QuizReviewPolicy.rating(for: result(.partial, credit: 0.25)) == .again)
        #expect(QuizReviewPolicy.rating(for: result(.wrong, credit: 0)) == .again)
        #expect(QuizReviewPolicy.rating(for: result(.skipped, credit: 0)) == .again)
        #expect(QuizReviewPolicy.rating(for: result(.unanswered, credit: 0)) == nil)
    }

    /// 2026-11-22 03:00 in Almaty is 2026-11-21 22:00 UTC.
    func almatyTime(day: Int, hour: Int, minute: Int = 0) -> Date {
        var c = DateComponents()
        c.year = 2026; c.month = 11; c.day = day; c.hour = hour; c.minute = minute
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = almaty
        return cal.date(from: c)!
    }

    @Test func aCardIsNotCountedTwiceOnOneDay() {
        let days = DayCounting.schedulerDays(rolloverHour: 4, timeZone: almaty)
        let studiedMorning = almatyTime(day: 22, hour: 9)
        #expect(!QuizReviewPolicy.reschedules(lastReview: studiedMorning, at: almatyTime(day: 22, hour: 21), dayCounting: days))
        // After midnight but before the 4 a.m. rollover it is still the same study day.
        #expect(!QuizReviewPolicy.reschedules(lastReview: almatyTime(day: 22, hour: 23), at: almatyTime(day: 23, hour: 2), dayCounting: days))
        #expect(QuizReviewPolicy.reschedules(lastReview: almatyTime(day: 22, hour: 23), at: almatyTime(day: 23, hour: 4), dayCounting: days))
        #expect(QuizReviewPolicy.reschedules(lastReview: studiedMorning, at: almatyTime(day: 23, hour: 9), dayCounting: days))
        #expect(QuizReviewPolicy.reschedules(lastReview: nil, at: studiedMorning, dayCounting: days), "a new card starts its schedule")
        // With 24-hour days (py-fsrs), 23 hours later is still the same day.
        #expect(!QuizReviewPolicy.reschedules(lastReview: studiedMorning, at: studiedMorning.addingTimeInterval(23 * 3600), dayCounting: .fullDays))
    }
}
