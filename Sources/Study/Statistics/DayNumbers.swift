import FSRS
import Foundation

/// Scheduler day numbers of many instants, the same as
/// `SchedulerDay.number` gives, with the time zone asked for its offset
/// once per UTC day instead of once per instant: the statistics number
/// the due day and last review of every card, and asking the time zone
/// was most of the cost of a card's figures.
struct DayNumbers {
    /// The hour local days start at.
    let rolloverHour: Int
    /// The student's time zone.
    let timeZone: TimeZone
    /// The offset from GMT throughout each UTC day on which it does not
    /// change, by UTC day number since 1970 less `firstDay`: `unknown`
    /// until asked, `changing` for a day with a change of offset in it
    /// (its instants are numbered one by one). An array, not a dictionary:
    /// hashing the day was a fifth of a card's figures.
    private var offsets: [Int] = []
    /// The UTC day of `offsets[0]`.
    private var firstDay = 0
    /// Not yet asked.
    private static let unknown = Int.min
    /// A change of offset within the day.
    private static let changing = Int.min + 1
    /// The widest span of days kept (about 270 years); instants beyond it
    /// ask the time zone each time.
    private static let widestSpan = 100_000

    init(rolloverHour: Int, timeZone: TimeZone) {
        self.rolloverHour = rolloverHour
        self.timeZone = timeZone
    }

    /// The scheduler day `date` falls on.
    mutating func number(of date: Date) -> Int {
        let seconds = date.timeIntervalSince1970
        // Far dates (and non-finite ones) go the long way, as they always did.
        guard abs(seconds) < 1e12 else { return exact(date) }
        let utcDay = Int((seconds / 86_400).rounded(.down))
        guard let index = slot(of: utcDay) else { return exact(date) }
        var offset = offsets[index]
        if offset == Self.unknown {
            let start = Date(timeIntervalSince1970: Double(utcDay) * 86_400)
            offset = timeZone.secondsFromGMT(for: start)
            // Offsets change at whole seconds and never twice in a day and back.
            if timeZone.secondsFromGMT(for: start.addingTimeInterval(86_399)) != offset { offset = Self.changing }
            offsets[index] = offset
        }
        guard offset != Self.changing else { return exact(date) }
        return SchedulerDay.number(of: date, rolloverHour: rolloverHour, secondsFromGMT: offset)
    }

    /// Where `utcDay` is in `offsets`, widening it to hold the day (nil:
    /// it would grow beyond `widestSpan`).
    @inline(__always)
    private mutating func slot(of utcDay: Int) -> Int? {
        if offsets.isEmpty { firstDay = utcDay }
        if utcDay < firstDay {
            guard offsets.count + firstDay - utcDay <= Self.widestSpan else { return nil }
            // At least doubled, so days met in falling order cost no more
            // than in rising order.
            let added = min(max(firstDay - utcDay, offsets.count), Self.widestSpan - offsets.count)
            offsets.insert(contentsOf: Array(repeating: Self.unknown, count: added), at: 0)
            firstDay -= added
        } else if utcDay - firstDay >= offsets.count {
            guard utcDay - firstDay < Self.widestSpan else { return nil }
            offsets += Array(repeating: Self.unknown, count: utcDay - firstDay + 1 - offsets.count)
        }
        return utcDay - firstDay
    }

    private func exact(_ date: Date) -> Int {
        SchedulerDay.number(of: date, rolloverHour: rolloverHour, timeZone: timeZone)
    }
}
