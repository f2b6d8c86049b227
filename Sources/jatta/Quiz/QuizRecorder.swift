import Foundation
import ReviewStore
import Study

/// Writes the quiz's `.record` effects to the progress store as kind "quiz"
/// (or "override"). The records arrive complete — the rescheduling policy
/// is `QuizScheduling`'s, run by `QuizSession` — so this only writes them.
final class QuizRecorder {
    let store: ProgressStore?
    let sessionID: String
    /// The first store error met; the quiz goes on (its report and JSON are
    /// still worth having) and the command reports it at the end.
    private(set) var failure: StoreError?
    /// The answers not recorded: the one that met the failure and every
    /// one after it.
    private(set) var notRecorded = 0

    init(store: ProgressStore?, sessionID: String) {
        self.store = store
        self.sessionID = sessionID
    }

    func handle(_ record: QuizAnswerRecord) {
        guard let store, let review = record.review else { return }
        guard failure == nil else {
            if review.kind == .answer { notRecorded += 1 }
            return
        }
        let question = review.question
        do {
            try store.record(
                RecordedAnswer(
                    key: question.key, deckFile: StoredDeckFile.of(question.deckFile), prompt: question.prompt, level: question.level,
                    rating: review.rating, time: review.time,
                    durationMilliseconds: Int((review.duration * 1000).rounded()),
                    kind: review.kind == .answer ? .quiz : .override, sessionID: sessionID, before: review.before,
                    after: review.after, quizAnswer: review.kind == .answer ? Self.detail(record) : nil))
        } catch let error as StoreError {
            failure = error
            if review.kind == .answer { notRecorded += 1 }
        } catch {
            failure = StoreError(.invalidValue(String(describing: error)), path: store.path)
            if review.kind == .answer { notRecorded += 1 }
        }
    }

    /// The mark and, for multiple choice, the options picked (their text:
    /// options are shuffled per quiz), for the class report's item analysis.
    static func detail(_ record: QuizAnswerRecord) -> QuizAnswerDetail {
        var chosen: String?
        if case .choice(let question) = record.question.format, case .choices = record.result.response {
            // The same text the quiz's own report gives as "given".
            chosen = QuizReportItem.text(of: record.result.response, options: question.options)
        }
        return QuizAnswerDetail(credit: min(1, max(0, record.result.credit)), chosen: chosen)
    }
}
