import FSRS
import Foundation
import Testing

/// Elapsed days, counted as py-fsrs does and as Anki does, through time
/// zones and daylight-saving changes.
@Suite struct DayCountingTests {
    /// 2024-01-01 00:00 UTC.
    let midnight = Date(timeIntervalSince1970: 1_704_067_200)

    func zone(_ name: String) throws -> TimeZone {
        try #require(TimeZone(identifier: name))
    }

    /// A local wall-clock time in `zone`.
    func local(_ zone: TimeZone, _ y: Int, _ m: Int, _ d: Int, _ h: Int, _ min: Int = 0) throws -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return try #require(calendar.date(from: DateComponents(year: y, month: m, day: d, hour: h, minute: min)))
    }

    @Test func fullDaysCountWhole24HourPeriods() {
        let days = DayCounting.fullDays
        #expect(days.elapsedDays(from: midnight, to: midnight + 86_399) == 0)
        #expect(days.elapsedDays(from: midnight, to: midnight + 86_400) == 1)
        #expect(days.elapsedDays(from: midnight, to: midnight + 2 * 86_400 - 1) == 1)
        #expect(days.elapsedDays(from: midnight, to: midnight + 400 * 86_400 + 5) == 400)
        #expect(days.elapsedDays(from: midnight, to: midnight - 10) == 0)
    }

    @Test func schedulerDaysRollOverAtTheConfiguredHour() throws {
        let utc = try zone("UTC")
        let anki = DayCounting.anki(timeZone: utc)
        // 03:00 and 05:00 on the same date straddle the 4 a.m. rollover.
        #expect(anki.elapsedDays(from: midnight + 3 * 3600, to: midnight + 5 * 3600) == 1)
        // 23:00 and 03:00 the next morning are the same scheduler day.
        #expect(anki.elapsedDays(from: midnight + 23 * 3600, to: midnight + 27 * 3600) == 0)
        // 05:00 to 03:59 two dates later: one day, though nearly 47 hours passed.
        #expect(anki.elapsedDays(from: midnight + 5 * 3600, to: midnight + 2 * 86_400 + 3 * 3600 + 3599) == 1)
        let midnightRollover = DayCounting.schedulerDays(rolloverHour: 0, timeZone: utc)
        #expect(midnightRollover.elapsedDays(from: midnight - 1, to: midnight) == 1)
    }

    @Test func theTimeZoneDecidesTheDay() throws {
        // 22:30 UTC on 1 January is 04:30 on 2 January in Almaty (UTC+6 in 2024... or +5 later).
        let almaty = try zone("Asia/Almaty")
        let first = try local(almaty, 2024, 1, 2, 3, 30)
        let second = try local(almaty, 2024, 1, 2, 4, 30)
        #expect(DayCounting.anki(timeZone: almaty).elapsedDays(from: first, to: second) == 1)
        #expect(try DayCounting.anki(timeZone: zone("UTC")).elapsedDays(from: first, to: second) == 0)
    }

    /// Reviews every day at the same local time through both 2024 clock
    /// changes: exactly one scheduler day apart each time, never 0 or 2.
    @Test(arguments: ["America/New_York", "Europe/Berlin", "Australia/Sydney", "Asia/Almaty"])
    func dailyReviewsThroughDaylightSavingAreOneDayApart(name: String) throws {
        let zone = try zone(name)
        let anki = DayCounting.anki(timeZone: zone)
        for hour in [0, 3, 4, 5, 12, 23] {
            var previous = try local(zone, 2024, 1, 1, hour)
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = zone
            for _ in 0..<366 {
                let next = try #require(calendar.date(byAdding: .day, value: 1, to: previous))
                #expect(anki.elapsedDays(from: previous, to: next) == 1, "\(name) \(previous) → \(next)")
                previous = next
            }
        }
    }

    /// Every instant of a year, hour by hour: the day number never goes down
    /// and never jumps by more than one.
    @Test(arguments: ["America/New_York", "Europe/Berlin", "Australia/Lord_Howe"])
    func dayNumbersNeverSkipOrGoBack(name: String) throws {
        let zone = try zone(name)
        for rollover in [0, 2, 3, 4] {
            var last = SchedulerDay.number(of: midnight, rolloverHour: rollover, timeZone: zone)
            var t = midnight
            for _ in 0..<(366 * 24 * 4) {
                t += 900
                let day = SchedulerDay.number(of: t, rolloverHour: rollover, timeZone: zone)
                #expect(day == last || day == last + 1, "\(name) rollover \(rollover) at \(t)")
                last = day
            }
        }
    }

    @Test func aClockGoingBackIsTheSameDay() throws {
        let anki = DayCounting.anki(timeZone: try zone("Europe/Berlin"))
        #expect(anki.elapsedDays(from: midnight + 86_400 * 3, to: midnight) == 0)
    }

    /// The start of a scheduler day is the rollover instant: the second before
    /// it belongs to the previous day. Checked on the clock-change dates,
    /// including a rollover hour that the spring change skips.
    @Test func startOfDayIsTheRollover() throws {
        let newYork = try zone("America/New_York")
        for rollover in [0, 2, 4] {
            for date in [(2024, 3, 9), (2024, 3, 10), (2024, 3, 11), (2024, 11, 2), (2024, 11, 3), (2024, 11, 4)] {
                let noon = try local(newYork, date.0, date.1, date.2, 12)
                let day = SchedulerDay.number(of: noon, rolloverHour: rollover, timeZone: newYork)
                let start = SchedulerDay.start(of: day, rolloverHour: rollover, timeZone: newYork)
                #expect(SchedulerDay.number(of: start, rolloverHour: rollover, timeZone: newYork) == day)
                #expect(SchedulerDay.number(of: start - 1, rolloverHour: rollover, timeZone: newYork) == day - 1)
            }
        }
        // 2 a.m. on 10 March 2024 does not exist in New York: the day starts at 03:00 EDT.
        let sunday = try local(newYork, 2024, 3, 10, 12)
        let day = SchedulerDay.number(of: sunday, rolloverHour: 2, timeZone: newYork)
        let start = SchedulerDay.start(of: day, rolloverHour: 2, timeZone: newYork)
        #expect(start == Date(timeIntervalSince1970: 1_710_054_000))  // 2024-03-10 07:00 UTC
        // On 4 a.m. the normal case: 08:00 UTC in summer time.
        let summer = SchedulerDay.start(
            of: SchedulerDay.number(of: try local(newYork, 2024, 7, 1, 12), rolloverHour: 4, timeZone: newYork),
            rolloverHour: 4, timeZone: newYork)
        #expect(summer == Date(timeIntervalSince1970: 1_719_820_800))  // 2024-07-01 08:00 UTC
    }

    /// Absurd dates from bad input give finite, non-negative counts, never a trap.
    @Test func extremeDatesDoNotOverflow() throws {
        let far = Date(timeIntervalSince1970: 1e300), past = Date(timeIntervalSince1970: -1e300)
        for counting in [DayCounting.fullDays, .anki(timeZone: try zone("Asia/Almaty"))] {
            #expect(counting.elapsedDays(from: past, to: far) > 0)
            #expect(counting.elapsedDays(from: far, to: past) == 0)
        }
        let scheduler = try Scheduler(SchedulerConfiguration(learningSteps: []))
        let card = scheduler.review(.new(at: far), rating: .easy, at: far, cardKey: "k")
        #expect(card.state == .review)
        _ = scheduler.review(card, rating: .good, at: past, cardKey: "k")
    }
}
