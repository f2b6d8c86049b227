import FSRS
import Foundation
import GRDB

/// Converting progress values to and from columns. Kept in one place so the
/// log's before/after columns and the state table agree exactly.
enum ProgressColumns {
    /// The ten column names of a progress value, with an optional prefix.
    static func names(prefix: String = "") -> [String] {
        ["state", "step", "stability", "difficulty", "due", "last_review", "reps", "lapses", "suspended", "buried_until"]
            .map { prefix + $0 }
    }

    /// Column values, in `names()` order. Throws for values SQLite would not
    /// give back unchanged (NaN, infinities, dates beyond ±285,000 years).
    static func values(_ progress: CardProgress, path: String) throws -> [(any DatabaseValueConvertible)?] {
        let s = progress.schedule
        if let memory = s?.memory, !memory.stability.isFinite || !memory.difficulty.isFinite {
            throw StoreError(.invalidValue("stability/difficulty \(memory.stability)/\(memory.difficulty)"), path: path)
        }
        return [
            s?.state.rawValue, s?.step, s?.memory?.stability, s?.memory?.difficulty,
            try s.map { try millis($0.due, path: path) },
            try s?.lastReview.map { try millis($0, path: path) },
            s?.reps, s?.lapses,
            progress.suspended,
            try progress.buriedUntil.map { try millis($0, path: path) },
        ]
    }

    /// Reads a progress value whose ten columns start at `offset`.
    static func progress(_ row: Row, at offset: Int) throws -> CardProgress {
        var schedule: CardSchedule?
        if let rawState: Int = row[offset] {
            guard let state = SchedulingState(rawValue: rawState) else {
                throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "unknown scheduling state \(rawState)")
            }
            let stability: Double? = row[offset + 2]
            let difficulty: Double? = row[offset + 3]
            let memory: MemoryState? =
                if let stability, let difficulty { MemoryState(stability: stability, difficulty: difficulty) } else { nil }
            let due: Int64 = row[offset + 4] ?? 0
            let lastReview: Int64? = row[offset + 5]
            schedule = CardSchedule(
                state: state, step: row[offset + 1], memory: memory, due: date(due),
                lastReview: lastReview.map(date), reps: row[offset + 6] ?? 0, lapses: row[offset + 7] ?? 0)
        }
        let buried: Int64? = row[offset + 9]
        return CardProgress(schedule: schedule, suspended: row[offset + 8] ?? false, buriedUntil: buried.map(date))
    }

    /// The stored form of a date: whole milliseconds since 1970.
    static func millis(_ date: Date, path: String) throws -> Int64 {
        let value = (date.timeIntervalSince1970 * 1000).rounded()
        guard value.isFinite, abs(value) < 9e15 else {
            throw StoreError(.invalidValue("date \(date)"), path: path)
        }
        return Int64(value)
    }

    /// The same rounding without the range check, for query bounds.
    static func bound(_ date: Date) -> Int64 {
        let value = (date.timeIntervalSince1970 * 1000).rounded()
        guard value.isFinite else { return value > 0 ? Int64.max : Int64.min }
        return Int64(max(min(value, 9e15), -9e15))
    }

    static func date(_ millis: Int64) -> Date {
        Date(timeIntervalSince1970: Double(millis) / 1000)
    }

    /// A date as the store will give it back (rounded to the millisecond).
    static func normalized(_ date: Date) -> Date { Self.date(bound(date)) }
}
