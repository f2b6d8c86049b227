import FSRS
import Foundation

/// Study days as numbers, counted the way the scheduler counts them, so an
/// exam's day and a card's due date can be compared and subtracted.
extension DayCounting {
    /// The study day `date` falls on: a scheduler day number, or whole
    /// 24-hour days since 1970 when counting full days.
    public func dayNumber(of date: Date) -> Int {
        switch self {
        case .fullDays:
            return Int((date.timeIntervalSince1970 / 86_400).rounded(.down))
        case .schedulerDays(let hour, let zone):
            return SchedulerDay.number(of: date, rolloverHour: hour, timeZone: zone)
        }
    }

    /// The first instant of study day `day`.
    public func start(ofDay day: Int) -> Date {
        switch self {
        case .fullDays:
            return Date(timeIntervalSince1970: Double(day) * 86_400)
        case .schedulerDays(let hour, let zone):
            return SchedulerDay.start(of: day, rolloverHour: hour, timeZone: zone)
        }
    }
}

/// The first instant of each study day asked (`DayCounting.start(ofDay:)`),
/// worked out once per day. Counting scheduler days it asks the time zone
/// six times (the offsets around the day's rollover hour), about 2,800
/// instructions: the reviews the exam rule moves land on the few dozen days
/// before the exam, and each moved one asked anew, 17 million instructions
/// at 100,000 cards.
struct DayStarts {
    let counting: DayCounting
    private var starts: [Int: Date] = [:]

    init(_ counting: DayCounting) { self.counting = counting }

    mutating func start(ofDay day: Int) -> Date {
        if let known = starts[day] { return known }
        let start = counting.start(ofDay: day)
        starts[day] = start
        return start
    }
}
