import FSRS
import Foundation

/// What the progress store knows that the queue needs, read once when the
/// trainer opens. Keys are `StudyFace.key`s; a key with no schedule is new.
public struct ProgressSnapshot: Sendable, Hashable {
    /// The current schedule of every face studied before.
    public var schedules: ScheduleTable
    /// Faces the student suspended: never shown until unsuspended.
    public var suspended: Set<String>
    /// Faces the student buried, hidden until the given time.
    public var buriedUntil: [String: Date]
    /// New faces already introduced today (counts against the new limit).
    public var newStudiedToday: Int
    /// Reviews already done today (counts against the review limit).
    public var reviewsDoneToday: Int
    /// Faces answered Again in the last week, with the time of the latest
    /// such answer (custom study's "failed today / this week").
    public var failures: [String: Date] = [:]

    public init(
        schedules: [String: CardSchedule] = [:], suspended: Set<String> = [], buriedUntil: [String: Date] = [:],
        newStudiedToday: Int = 0, reviewsDoneToday: Int = 0
    ) {
        self.schedules = ScheduleTable(schedules)
        self.suspended = suspended
        self.buriedUntil = buriedUntil
        self.newStudiedToday = newStudiedToday
        self.reviewsDoneToday = reviewsDoneToday
    }

    /// Whether `key` is hidden at `now` (suspended, or buried until later).
    public func isHidden(_ key: @autoclosure () -> String, at now: Date) -> Bool {
        // Asked of every face due today at a start, when usually nothing is
        // hidden: then the key is not even made (a string per face, a new
        // one for each reverse face), and an empty table answers without
        // hashing it.
        if suspended.isEmpty, buriedUntil.isEmpty { return false }
        let key = key()
        if !suspended.isEmpty, suspended.contains(key) { return true }
        if !buriedUntil.isEmpty, let until = buriedUntil[key], until > now { return true }
        return false
    }
}
