import Foundation

/// The extra new faces a student allowed for today (custom study's "extra
/// new cards today"), as the progress store keeps them: Anki keeps a deck's
/// raised limit for the day, so quitting and starting again the same study
/// day keeps them, and the next study day (after the 4 a.m. rollover the
/// scheduler counts days by) they are gone.
public struct ExtraNewToday: Hashable, Sendable {
    /// The extra new faces allowed, all raises of the day added up.
    public var count: Int
    /// The end of the study day they were allowed on (its rollover).
    public var until: Date

    /// The `student_setting` name they are kept under.
    public static let settingKey = "extra_new_today"

    public init(count: Int, until: Date) {
        self.count = count
        self.until = until
    }

    /// Reads the stored text `COUNT UNTIL` (UNTIL in whole seconds since
    /// 1970); nil for no setting or a text that does not read (edited by
    /// hand), which allows nothing extra rather than guessing.
    public init?(stored: String?) {
        guard let parts = stored?.split(separator: " "), parts.count == 2,
            let count = Int(parts[0]), count >= 0, let seconds = Int64(parts[1])
        else { return nil }
        self.init(count: count, until: Date(timeIntervalSince1970: Double(seconds)))
    }

    /// The text kept in the store.
    public var stored: String { "\(count) \(Int64(until.timeIntervalSince1970.rounded(.down)))" }

    /// The extra new faces still allowed at `now`: none once their study
    /// day has ended.
    public func count(at now: Date) -> Int { now < until ? count : 0 }
}
