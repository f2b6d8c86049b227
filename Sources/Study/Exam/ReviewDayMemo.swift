import Synchronization

/// The review days `ExamRule.reviewDay` found, by what decides them, so
/// that a rule asked again gives the day it found without the search.
///
/// A start with an exam asks the rule about every review face three times
/// over (the exam outlook's count of reviews per day, its readiness
/// forecast, and the session's schedules brought before the exam), each
/// time a search over every day to the exam with six evaluations of the
/// memory model per day: at 100,000 cards two thirds of a 0.76 s start.
/// Each way back to the home screen asks again.
final class ReviewDayMemo: Sendable {
    /// What the day depends on (`ExamRule.reviewDay` past its first
    /// guard): the memory state's exact bits, the last review, the first
    /// day a review may be given, and the exam day.
    struct Question: Hashable {
        var stability: UInt64
        var difficulty: UInt64
        var lastReviewDay: Int
        var firstDay: Int
        var examDay: Int
    }

    /// The days found so far; nil for "no review before the exam".
    private let days = Mutex<[Question: Int?]>([:])

    /// The day for `question`: the one found before, else `search`'s, kept.
    func day(_ question: Question, search: () -> Int?) -> Int? {
        if let known = days.withLock({ $0[question] }) { return known }
        let found = search()
        days.withLock { $0[question] = found }
        return found
    }
}
