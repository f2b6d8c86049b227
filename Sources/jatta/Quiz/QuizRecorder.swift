import DeckFormat
import FSRS
import Foundation
import ReviewStore
import Study

/// Writes the quiz's `.record` effects to the progress store as kind "quiz"
/// (or "override"). The rescheduling policy is `QuizScheduling`'s, in
/// `Study`; this only reads the card's current schedule and writes the
/// review it gives.
final class QuizRecorder {
    let store: ProgressStore?
    let sessionID: String
    /// The policy, with what it remembers of the answers logged so far.
    private var scheduling: QuizScheduling
    /// The first store error met; the quiz goes on (its report and JSON are
    /// still worth having) and the command reports it at the end.
    private(set) var failure: StoreError?

    init(store: ProgressStore?, scheduler: Scheduler, sessionID: String) {
        self.store = store
        self.scheduling = QuizScheduling(scheduler: scheduler)
        self.sessionID = sessionID
    }

    func handle(_ record: QuizAnswerRecord) {
        guard let store, failure == nil else { return }
        do {
            let current = try store.schedules(for: [record.key])[record.key]
            guard let review = scheduling.review(for: record, current: current) else { return }
            let question = review.question
            try store.record(
                RecordedAnswer(
                    key: question.key, deckFile: question.deckFile, prompt: question.prompt, level: question.level,
                    rating: review.rating, time: review.time,
                    durationMilliseconds: Int((review.duration * 1000).rounded()),
                    kind: review.kind == .answer ? .quiz : .override, sessionID: sessionID, before: review.before,
                    after: review.after))
        } catch let error as StoreError {
            failure = error
        } catch {
            failure = StoreError(.invalidValue(String(describing: error)), path: store.path)
        }
    }
}
