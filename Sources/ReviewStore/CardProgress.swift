import FSRS
import Foundation

/// Everything the store keeps about one card between answers: the FSRS
/// schedule plus the student's own flags. A card with no schedule, not
/// suspended and not buried is `unseen`, and the store keeps no row for it.
public struct CardProgress: Hashable, Sendable {
    /// The scheduler's state; nil until the first answer.
    public var schedule: CardSchedule?
    /// Suspended cards never come up until unsuspended.
    public var suspended: Bool
    /// A buried card stays out of the queue until this moment.
    public var buriedUntil: Date?

    /// Creates a progress value.
    public init(schedule: CardSchedule? = nil, suspended: Bool = false, buriedUntil: Date? = nil) {
        self.schedule = schedule
        self.suspended = suspended
        self.buriedUntil = buriedUntil
    }

    /// A card the store knows nothing about.
    public static let unseen = CardProgress()

    /// True when there is nothing to keep, so the store deletes the row: this
    /// makes "no row" and "unseen" the same state, which undo and rebuild rely on.
    public var isUnseen: Bool { self == .unseen }

    /// Whether the card is kept out of the queue at `date`.
    public func isHidden(at date: Date) -> Bool {
        if suspended { return true }
        if let buriedUntil, buriedUntil > date { return true }
        return false
    }
}
