import FSRS
import Foundation

/// How quiz answers teach the scheduler.
///
/// The rule against counting a card twice on one day: every quiz answer is
/// logged (kind "quiz"), but it reschedules the card only when the card
/// has not been reviewed earlier on the same study day, by a study session
/// or an earlier quiz. A card already reviewed today keeps the schedule
/// that review gave it, since FSRS treats a second same-day review as
/// almost no new evidence and a quiz right after studying mostly measures
/// short-term memory. A new card answered in a quiz starts its schedule
/// like a first review.
public enum QuizReviewPolicy {
    /// The rating a quiz result gives the scheduler, nil for a question not
    /// answered (no evidence either way).
    ///
    /// A clean right answer is Good; one accepted as a typo, or an open
    /// question with at least half its key points, is Hard; anything less
    /// is Again. An "I was right" counts as Good.
    public static func rating(for result: QuizResult) -> Rating? {
        if result.overruled { return .good }
        switch result.outcome {
        case .correct: return .good
        case .accepted:
            return (result.tier ?? "").split(separator: ";").contains { $0.trimmingCharacters(in: .whitespaces) == "typo" }
                ? .hard : .good
        case .partial: return result.credit >= 0.5 ? .hard : .again
        case .wrong, .skipped: return .again
        case .unanswered: return nil
        }
    }

    /// Whether a quiz answer at `time` may reschedule a card last reviewed
    /// at `lastReview`: only when the scheduler counts at least one day in
    /// between (its own day counting, so "one day" means the same thing
    /// here as in the memory model).
    public static func reschedules(lastReview: Date?, at time: Date, dayCounting: DayCounting) -> Bool {
        guard let lastReview else { return true }
        return dayCounting.elapsedDays(from: lastReview, to: time) > 0
    }
}
