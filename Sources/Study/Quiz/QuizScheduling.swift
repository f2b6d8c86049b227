import FSRS
import Foundation

/// The quiz's rescheduling policy carried out as a pure step: from a quiz
/// answer (or "I was right") and the card's schedule, the complete review
/// to log — rating, schedule before and after, kind, stamped with the
/// event's time. `QuizSession` runs it on every answer, so its records are
/// complete and the executable only writes them.
///
/// It remembers what each logged answer did, by question number, so that an
/// "I was right" is scheduled from the state before the answer it turns,
/// and reschedules only if that answer did (`QuizReviewPolicy`).
public struct QuizScheduling: Sendable {
    /// The scheduler answers are graded with.
    public let scheduler: Scheduler
    /// What each logged answer did, by question number.
    private var logged: [Int: LoggedAnswer] = [:]

    /// An answer as logged: the schedule before it and whether it moved it.
    struct LoggedAnswer: Sendable {
        var before: CardSchedule?
        var rescheduled: Bool
    }

    public init(scheduler: Scheduler) {
        self.scheduler = scheduler
    }

    /// The review to log for `record`, given the card's schedule `current`
    /// (nil for a card never reviewed); nil for a question left unanswered.
    public mutating func review(for record: QuizAnswerRecord, current: CardSchedule?) -> QuizReview? {
        let result = record.result
        guard let rating = QuizReviewPolicy.rating(for: result) else { return nil }
        let question = record.question
        let time = record.recordedAt
        var after = current ?? .new(at: result.answeredAt)
        switch record.kind {
        case .answer:
            let reschedules = QuizReviewPolicy.reschedules(
                lastReview: current?.lastReview, at: result.answeredAt, dayCounting: scheduler.configuration.dayCounting)
            logged[question.number] = LoggedAnswer(before: current, rescheduled: reschedules)
            if reschedules {
                after = scheduler.review(
                    current ?? .new(at: result.answeredAt), rating: rating, at: result.answeredAt, cardKey: question.key)
            }
        case .override:
            // Redo the turned answer's scheduling with the new rating, from
            // the state before it; if that answer did not reschedule, the
            // override does not either.
            if let original = logged[question.number], original.rescheduled {
                after = scheduler.review(
                    original.before ?? .new(at: result.answeredAt), rating: rating, at: result.answeredAt,
                    cardKey: question.key)
            }
        }
        return QuizReview(
            question: question, rating: rating, time: time, duration: max(0, result.duration), kind: record.kind,
            before: current, after: after)
    }
}

/// A quiz answer ready for the review log.
public struct QuizReview: Hashable, Sendable {
    /// The question answered (its key, deck, prompt and level are logged).
    public var question: QuizQuestion
    /// The grade the answer gives the scheduler.
    public var rating: Rating
    /// When it happened: the answer, or the "I was right".
    public var time: Date
    /// Seconds spent answering.
    public var duration: TimeInterval
    /// The answer itself or an override.
    public var kind: QuizAnswerRecord.Kind
    /// The card's schedule before (nil for a card never reviewed) and after.
    public var before: CardSchedule?
    public var after: CardSchedule
}
