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
    /// The offset from GMT throughout each UTC day (by day number since
    /// 1970) on which it does not change; a day with a change of offset
    /// in it is not here, and its instants are numbered one by one.
    private var offsets: [Int: Int] = [:]
    /// UTC days found to hold a change of offset.
    private var changing: Set<Int> = []

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
        if let offset = offsets[utcDay] {
            return SchedulerDay.number(of: date, rolloverHour: rolloverHour, secondsFromGMT: offset)
        }
        if changing.contains(utcDay) { return exact(date) }
        let start = Date(timeIntervalSince1970: Double(utcDay) * 86_400)
        let offset = timeZone.secondsFromGMT(for: start)
        // Offsets change at whole seconds and never twice in a day and back.
        guard timeZone.secondsFromGMT(for: start.addingTimeInterval(86_399)) == offset else {
            changing.insert(utcDay)
            return exact(date)
        }
        offsets[utcDay] = offset
        return SchedulerDay.number(of: date, rolloverHour: rolloverHour, secondsFromGMT: offset)
    }

    private func exact(_ date: Date) -> Int {
        SchedulerDay.number(of: date, rolloverHour: rolloverHour, timeZone: timeZone)
    }
}
