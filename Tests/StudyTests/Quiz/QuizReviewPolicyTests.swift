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

    @Test func aStudyDayStartsAtFourInTheMorningLocalTime() {
        let day = { QuizReviewPolicy.studyDay(of: $0, rolloverHour: 4, timeZone: self.almaty) }
        #expect(day(almatyTime(day: 22, hour: 3, minute: 59)) == day(almatyTime(day: 21, hour: 9)))
        #expect(day(almatyTime(day: 22, hour: 4)) == day(almatyTime(day: 21, hour: 9)) + 1)
        #expect(day(almatyTime(day: 22, hour: 23, minute: 59)) == day(almatyTime(day: 22, hour: 4)))
    }

    @Test func aCardIsNotCountedTwiceOnOneDay() {
        let day = { QuizReviewPolicy.studyDay(of: $0, rolloverHour: 4, timeZone: self.almaty) }
        let studiedMorning = almatyTime(day: 22, hour: 9)
        #expect(!QuizReviewPolicy.reschedules(lastReview: studiedMorning, at: almatyTime(day: 22, hour: 21), studyDay: day))
        // After midnight but before the rollover it is still the same study day.
        #expect(!QuizReviewPolicy.reschedules(lastReview: almatyTime(day: 22, hour: 23), at: almatyTime(day: 23, hour: 2), studyDay: day))
        #expect(QuizReviewPolicy.reschedules(lastReview: studiedMorning, at: almatyTime(day: 23, hour: 9), studyDay: day))
        #expect(QuizReviewPolicy.reschedules(lastReview: nil, at: studiedMorning, studyDay: day), "a new card starts its schedule")
    }
}
