import Foundation

/// How the days elapsed between two reviews are counted. FSRS's same-day rule
/// (elapsed < 1) and its forgetting curve both read this count, so the two
/// modes give different memory states for the same history.
public enum DayCounting: Hashable, Sendable {
    /// Whole 24-hour periods since the last review, as py-fsrs counts them:
    /// 23 h 59 min later is day 0.
    case fullDays
    /// Scheduler days, as Anki counts them: the day starts at `rolloverHour`
    /// local time (Anki's default is 4 a.m.), and the elapsed count is the
    /// difference of day numbers. A review at 23:00 and one at 05:00 the next
    /// morning are a day apart; one at 02:00 and one at 03:30 are not.
    case schedulerDays(rolloverHour: Int, timeZone: TimeZone)

    /// Anki's default hour at which a day starts, local time.
    public static let ankiRolloverHour = 4

    /// Anki's default: the day starts at 4 a.m. in `timeZone`.
    public static func anki(timeZone: TimeZone) -> DayCounting {
        .schedulerDays(rolloverHour: ankiRolloverHour, timeZone: timeZone)
    }

    /// Days elapsed from `last` to `now`; never negative, so a clock that went
    /// backwards (or a daylight-saving change) reads as the same day.
    public func elapsedDays(from last: Date, to now: Date) -> Int {
        switch self {
        case .fullDays:
            let periods = ((now.timeIntervalSince1970 - last.timeIntervalSince1970) / 86_400).rounded(.down)
            return periods > 0 ? Int(clamping: periods) : 0
        case .schedulerDays(let rolloverHour, let timeZone):
            return Self.elapsedDays(
                fromDay: SchedulerDay.number(of: last, rolloverHour: rolloverHour, timeZone: timeZone),
                toDay: SchedulerDay.number(of: now, rolloverHour: rolloverHour, timeZone: timeZone))
        }
    }

    /// Scheduler days elapsed from day number `last` to day number `now`,
    /// as `.schedulerDays` counts them (for callers that number many days
    /// at once).
    public static func elapsedDays(fromDay last: Int, toDay now: Int) -> Int {
        max(0, now - last)
    }
}

extension Int {
    /// `Int(value)` for a double already known to be finite or infinite, never
    /// trapping: out-of-range values saturate.
    @inlinable init(clamping value: Double) {
        if value >= Double(Int.max) {
            self = .max
        } else if value <= Double(Int.min) {
            self = .min
        } else if value.isNaN {
            self = 0
        } else {
            self = Int(value)
        }
    }
}

/// Scheduler-day arithmetic: a day number is the count of local days since
/// 1970-01-01, where each local day starts at the rollover hour.
public enum SchedulerDay {
    /// Day numbers are clamped to ±2^52 (about 10^13 years either way).
    @usableFromInline static let dayLimit = 0x1p52
    /// The scheduler day `date` falls on. Read from the local wall clock, so a
    /// 23- or 25-hour day around a daylight-saving change is still one day.
    public static func number(of date: Date, rolloverHour: Int, timeZone: TimeZone) -> Int {
        number(of: date, rolloverHour: rolloverHour, secondsFromGMT: timeZone.secondsFromGMT(for: date))
    }

    /// The scheduler day `date` falls on where the local time is
    /// `secondsFromGMT` ahead of UTC at that instant (for callers that
    /// know the offset: asking the time zone is most of the cost).
    /// Inlinable: the statistics number two instants of every card.
    @inlinable
    public static func number(of date: Date, rolloverHour: Int, secondsFromGMT offset: Int) -> Int {
        let seconds = date.timeIntervalSince1970.rounded(.down)
        let local = seconds + Double(offset) - Double(rolloverHour * 3600)
        // Kept far inside Int's range so that sums and differences of day
        // numbers cannot overflow, whatever date comes in.
        return Int(clamping: min(max((local / 86_400).rounded(.down), -dayLimit), dayLimit))
    }

    /// The first instant of scheduler day `day`: the rollover hour on that
    /// local date, or the first instant after it when a daylight-saving gap
    /// skips that hour.
    public static func start(of day: Int, rolloverHour: Int, timeZone: TimeZone) -> Date {
        let localStart = Double(day) * 86_400 + Double(rolloverHour * 3600)
        // Local wall time = UTC + offset(at that instant); the offset depends on
        // the instant itself, so try the offsets in force around it.
        var offsets: [Double] = []
        for probe in [localStart - 86_400, localStart, localStart + 86_400] {
            offsets.append(Double(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: probe))))
        }
        // An instant whose own offset puts it exactly at the rollover; when the
        // wall time occurs twice (clocks going back), the earlier one.
        let exact = offsets.map { localStart - $0 }.filter { candidate in
            let offset = Double(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: candidate)))
            return candidate + offset == localStart
        }
        if let earliest = exact.min() { return Date(timeIntervalSince1970: earliest) }
        // The rollover hour itself was skipped (clocks going forward): the day
        // begins when the clock jumps past it. Walk from safely before it.
        var instant = localStart - (offsets.max() ?? 0) - 3600
        var steps = 0
        while number(of: Date(timeIntervalSince1970: instant), rolloverHour: rolloverHour, timeZone: timeZone) < day,
            steps < 24 * 60
        {
            instant += 60
            steps += 1
        }
        return Date(timeIntervalSince1970: instant)
    }
}
