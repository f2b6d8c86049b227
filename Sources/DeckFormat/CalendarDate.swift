/// A day of the calendar written `YYYY-MM-DD`, as an exam date is given on
/// the command line and in a deck's `exam:` header. Only real dates are
/// read: 2026-02-30 and 2026-13-01 are refused rather than rolled over.
public struct CalendarDate: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The year, 1970 … 9999.
    public let year: Int
    /// The month, 1 … 12.
    public let month: Int
    /// The day of the month, 1 … 28/29/30/31.
    public let day: Int

    /// The date written as `YYYY-MM-DD` (four, two and two ASCII digits);
    /// nil for anything else or a day that does not exist.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// The date, or nil when it does not exist (or is before 1970).
    public init?(year: Int, month: Int, day: Int) {
        guard (1970...9999).contains(year), (1...12).contains(month),
            (1...Self.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The date `number` days after 1970-01-01 (the inverse of `dayNumber`).
    public init?(dayNumber number: Int) {
        let (year, month, day) = Self.civil(dayNumber: number)
        self.init(year: year, month: month, day: day)
    }

    /// Year, month and day of a day count since 1970-01-01 in the proleptic
    /// Gregorian calendar, any count (Howard Hinnant's civil_from_days).
    public static func civil(dayNumber number: Int) -> (year: Int, month: Int, day: Int) {
        let z = number + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// Days since 1970-01-01: the same count as a scheduler day number, so
    /// an exam date and "today" can be subtracted.
    public var dayNumber: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public var description: String {
        func pad(_ n: Int, _ width: Int) -> String {
            let digits = String(n)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool { a.dayNumber < b.dayNumber }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

extension Deck {
    /// The instructor's exam date (`exam:` in the header); nil when none
    /// is given or it is not a real date (the parser reports that).
    public var examDate: CalendarDate? { metadata("exam").flatMap(CalendarDate.init) }
}
