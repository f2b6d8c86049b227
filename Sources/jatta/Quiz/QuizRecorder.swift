import DeckFormat
import FSRS
import Foundation
import ReviewStore
import Study

/// Carries out the quiz's `.record` effects: writes each answer to the
/// progress store as kind "quiz" (or "override"), rescheduling the card by
/// `QuizReviewPolicy`.
final class QuizRecorder {
    let store: ProgressStore?
    let scheduler: Scheduler
    let sessionID: String
    /// The first store error met; the quiz goes on (its report and JSON are
    /// still worth having) and the command reports it at the end.
    private(set) var failure: StoreError?
    /// What each logged answer did, by question number, so an "I was right"
    /// can be scheduled from the state before the answer it turns.
    private var logged: [Int: (before: CardSchedule?, rescheduled: Bool)] = [:]

    init(store: ProgressStore?, scheduler: Scheduler, sessionID: String) {
        self.store = store
        self.scheduler = scheduler
        self.sessionID = sessionID
    }

    func handle(_ record: QuizAnswerRecord) {
        guard let store, failure == nil else { return }
        let question = record.question
        let result = record.result
        guard let rating = QuizReviewPolicy.rating(for: result) else { return }
        do {
            let current = try store.schedules(for: [question.key])[question.key]
            var after: CardSchedule
            switch record.kind {
            case .answer:
                let reschedules = QuizReviewPolicy.reschedules(
                    lastReview: current?.lastReview, at: result.answeredAt,
                    dayCounting: scheduler.configuration.dayCounting)
                logged[question.number] = (current, reschedules)
                after = current ?? .new(at: result.answeredAt)
                if reschedules {
                    after = scheduler.review(
                        current ?? .new(at: result.answeredAt), rating: rating, at: result.answeredAt,
                        cardKey: question.key)
                }
            case .override:
                // Redo the turned answer's scheduling with the new rating, from
                // the state before it; if that answer did not reschedule, the
                // override does not either.
                after = current ?? .new(at: result.answeredAt)
                if let original = logged[question.number], original.rescheduled {
                    after = scheduler.review(
                        original.before ?? .new(at: result.answeredAt), rating: rating, at: result.answeredAt,
                        cardKey: question.key)
                }
            }
            try store.record(
                RecordedAnswer(
                    key: question.key, deckFile: question.deckFile, prompt: question.prompt, level: question.level,
                    rating: rating, time: record.kind == .answer ? result.answeredAt : Date(), durationMilliseconds: max(0, Int((result.duration * 1000).rounded())),
                    kind: record.kind == .answer ? .quiz : .override, sessionID: sessionID, before: current,
                    after: after))
        } catch let error as StoreError {
            failure = error
        } catch {
            failure = StoreError(.invalidValue(String(describing: error)), path: store.path)
        }
    }
}
