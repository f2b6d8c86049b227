import FSRS
import Foundation
import Testing

@testable import Study

/// The statistics number every card's dates with the time zone's offset
/// asked once per UTC day: the numbers must be `SchedulerDay.number`'s own,
/// on days when the clocks change too.
@Suite struct DayNumbersTests {
    @Test(arguments: [
        "America/New_York", "Europe/London", "Australia/Lord_Howe", "Asia/Kathmandu", "Asia/Almaty",
        "America/St_Johns", "Pacific/Apia", "UTC",
    ])
    func theSameNumbersAsTheSchedulerGivesAroundEveryChangeOfOffset(_ zoneName: String) throws {
        let zone = try #require(TimeZone(identifier: zoneName))
        var numbers = DayNumbers(rolloverHour: 4, timeZone: zone)
        var generator = SeededGenerator(seed: 14)
        var instants: [Double] = []
        // Every change of offset from 2010 to 2030, and the minutes and
        // hours on either side of it, in a shuffled order (so a day is first
        // met at any of its instants).
        var transition = zone.nextDaylightSavingTimeTransition(after: Date(timeIntervalSince1970: 1_262_304_000))
        while let change = transition, change.timeIntervalSince1970 < 1_893_456_000 {
            let t = change.timeIntervalSince1970
            instants += [-86_400, -7200, -3600, -60, -1, -0.001, 0, 0.5, 1, 60, 3600, 7200, 86_400].map { t + $0 }
            transition = zone.nextDaylightSavingTimeTransition(after: change)
        }
        // And instants at random over the same years, and far dates.
        instants += (0..<2000).map { _ in Double.random(in: 1_262_304_000..<1_893_456_000, using: &generator) }
        instants += [-1e13, 1e13, 0, -0.5]
        instants.shuffle(using: &generator)
        for t in instants {
            let date = Date(timeIntervalSince1970: t)
            #expect(
                numbers.number(of: date) == SchedulerDay.number(of: date, rolloverHour: 4, timeZone: zone),
                "\(zoneName) at \(t)")
        }
    }
}
