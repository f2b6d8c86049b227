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

    /// Reads a progress value whose ten columns start at `offset`. Values
    /// jatta never writes (an unknown state, a negative step or count,
    /// non-positive stability, difficulty outside 1…10, a date beyond the
    /// stored range) are a corrupt store, not a crash further on.
    static func progress(_ row: some StoredValues, at offset: Int) throws -> CardProgress {
        var schedule: CardSchedule?
        if let state = try state(row, offset) {
            let stability = try stability(row, offset + 2)
            let difficulty = try row.double(offset + 3, required: false)
            if let difficulty, !(1...10).contains(difficulty) { throw row.corrupt(offset + 3, "difficulty \(difficulty)") }
            let memory: MemoryState? =
                if let stability, let difficulty { MemoryState(stability: stability, difficulty: difficulty) } else { nil }
            let due = try storedDate(row, offset + 4) ?? date(0)
            schedule = CardSchedule(
                state: state, step: try row.count(offset + 1), memory: memory, due: due,
                lastReview: try storedDate(row, offset + 5), reps: try row.count(offset + 6) ?? 0,
                lapses: try row.count(offset + 7) ?? 0)
        }
        return CardProgress(
            schedule: schedule, suspended: try row.bool(offset + 8) ?? false, buriedUntil: try storedDate(row, offset + 9))
    }

    /// The seven columns of a progress value the statistics read
    /// (`statisticsProgress`), with an optional prefix.
    static func statisticsNames(prefix: String = "") -> [String] {
        ["state", "stability", "due", "last_review", "lapses", "suspended", "buried_until"].map { prefix + $0 }
    }

    /// Reads the statistics' part of a progress value whose seven
    /// `statisticsNames` columns start at `offset`, checked as `progress`
    /// checks them.
    static func statisticsProgress(_ row: some StoredValues, at offset: Int) throws -> StatisticsProgress {
        var progress = StatisticsProgress(
            state: try state(row, offset), stability: nil, due: date(0), lastReview: nil, lapses: 0, suspended: false,
            buriedUntil: nil)
        if progress.state != nil {
            progress.stability = try stability(row, offset + 1)
            progress.due = try storedDate(row, offset + 2) ?? date(0)
            progress.lastReview = try storedDate(row, offset + 3)
            progress.lapses = try row.count(offset + 4) ?? 0
        }
        progress.suspended = try row.bool(offset + 5) ?? false
        progress.buriedUntil = try storedDate(row, offset + 6)
        return progress
    }

    /// The scheduling state in column `index` (nil: none); an unknown one is a corrupt store.
    private static func state(_ row: some StoredValues, _ index: Int) throws -> SchedulingState? {
        guard let rawState = try row.int(index) else { return nil }
        guard let state = SchedulingState(rawValue: rawState) else {
            throw row.corrupt(index, "unknown scheduling state \(rawState)")
        }
        return state
    }

    /// The stability in column `index` (nil: none); not positive is a corrupt store.
    private static func stability(_ row: some StoredValues, _ index: Int) throws -> Double? {
        let stability = try row.double(index, required: false)
        if let stability, stability <= 0 { throw row.corrupt(index, "stability \(stability)") }
        return stability
    }

    /// A date column (milliseconds), within the range `millis` writes.
    static func storedDate(_ row: some StoredValues, _ index: Int, required: Bool = false) throws -> Date? {
        guard let value = try row.int64(index, required: required) else { return nil }
        guard abs(value) < 9_000_000_000_000_000 else { throw row.corrupt(index, "date out of range (\(value))") }
        return date(value)
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
