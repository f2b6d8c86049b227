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
    /// at `lastReview`, given the study day each moment falls on.
    public static func reschedules(lastReview: Date?, at time: Date, studyDay: (Date) -> Int) -> Bool {
        guard let lastReview else { return true }
        return studyDay(lastReview) != studyDay(time)
    }

    /// The study day of `date`: days since the epoch in `timeZone`, a day
    /// starting at `rolloverHour` (4 a.m. by default, as Anki counts, so a
    /// late-night session belongs to the evening before).
    public static func studyDay(of date: Date, rolloverHour: Int = 4, timeZone: TimeZone) -> Int {
        let local = date.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: date))
        let shifted = local - Double(rolloverHour) * 3600
        return Int((shifted / 86400).rounded(.down))
    }
}
