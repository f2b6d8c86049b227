import FSRS
import Foundation

extension CustomStudy.Selection {
    /// Whether the selection makes its own queue; `extraNew` is today's
    /// queue with a larger new allowance.
    var buildsOwnQueue: Bool {
        if case .extraNew = self { return false }
        return true
    }
}

extension Trainer {
    /// A practice answer: shown and checked like any other, counted in the
    /// summary, but no effect reaches the store and no schedule or daily
    /// count changes. A face answered Again comes back at the end of the
    /// session, so a practice ends with every face answered right once.
    static func practise(_ s: inout TrainerState, _ session: inout SessionState, rating: Rating, now: Date) {
        guard let attempt = session.current else { return }
        let item = attempt.item
        let requeued = rating == .again
        if requeued { session.queue.waiting.append(item) }
        let given = GivenAnswer(
            item: item, rating: rating, after: item.schedule, requeued: requeued,
            duration: max(0, now.timeIntervalSince(attempt.shownAt)))
        session.answers.append(given)
        session.undoStack.append(.answer(given))
        session.current = nil
        advance(&session, state: s, now: now)
        if session.current == nil { finish(&s, session, now: now) }
    }
}
