import FSRS
import Foundation

/// What the study session needs from a scheduler: the schedule a rating
/// gives, and the four schedules the buttons would give.
///
/// The session is written against this rather than a concrete scheduler so
/// that its rules (queues, limits, undo) can be tested on their own; the
/// FSRS `Scheduler` is what the trainer runs with.
public protocol StudyScheduler: Sendable {
    /// The schedule after answering `card` with `rating` at `date`.
    func review(_ card: CardSchedule, rating: Rating, at date: Date, cardKey: String) -> CardSchedule
    /// What each rating would give, for the buttons' intervals.
    func preview(_ card: CardSchedule, at date: Date, cardKey: String) -> [Rating: CardSchedule]
}
