import FSRS
import Foundation

/// The FSRS scheduler with the exam rule on top: every review is FSRS's own
/// (memory state, state, step, reps and lapses as FSRS gives them); only a
/// review card's due date is brought before the exam when `ExamRule` says
/// so. Faces with no exam ahead are scheduled exactly as FSRS schedules them.
public struct ExamScheduler: StudyScheduler {
    /// The FSRS scheduler every answer is graded with.
    public let base: Scheduler
    /// The rule that brings reviews before an exam.
    public let rule: ExamRule
    /// The day of the exam each face is studied for (by progress key); a
    /// face not listed has no exam.
    public let examDays: [String: Int]

    public init(base: Scheduler, examDays: [String: Int], target: Double = ExamRule.defaultTarget) {
        self.base = base
        self.rule = ExamRule(model: base.model, target: target)
        self.examDays = examDays
    }

    public func review(_ card: CardSchedule, rating: Rating, at date: Date, cardKey: String) -> CardSchedule {
        adjusted(base.review(card, rating: rating, at: date, cardKey: cardKey), key: cardKey, at: date)
    }

    public func preview(_ card: CardSchedule, at date: Date, cardKey: String) -> [Rating: CardSchedule] {
        base.preview(card, at: date, cardKey: cardKey).mapValues { adjusted($0, key: cardKey, at: date) }
    }

    /// `schedule` with its due date brought before the exam when the rule
    /// asks for a review there; unchanged otherwise (new, in learning steps,
    /// no exam, or the ordinary date is fine).
    public func adjusted(_ schedule: CardSchedule, key: String, at now: Date) -> CardSchedule {
        guard schedule.state == .review, let examDay = examDays[key] else { return schedule }
        return adjusted(schedule, examDay: examDay, at: now)
    }

    /// `adjusted(_:key:at:)` for a face whose exam day is known.
    func adjusted(_ schedule: CardSchedule, examDay: Int, at now: Date) -> CardSchedule {
        guard schedule.state == .review, let memory = schedule.memory, let last = schedule.lastReview else {
            return schedule
        }
        let days = base.configuration.dayCounting
        guard
            let day = rule.reviewDay(
                memory: memory, lastReviewDay: days.dayNumber(of: last), dueDay: days.dayNumber(of: schedule.due),
                earliestDay: days.dayNumber(of: now), examDay: examDay)
        else { return schedule }
        var moved = schedule
        moved.due = days.start(ofDay: day)
        return moved
    }

    /// The progress with every review face the rule concerns due on its
    /// day: cards scheduled before the exam was set (or before a lapse of
    /// time) are brought forward just as a fresh answer would be.
    public func adjusted(_ progress: ProgressSnapshot, at now: Date) -> ProgressSnapshot {
        var result = progress
        adjust(&result, at: now)
        return result
    }

    /// `adjusted(_:at:)` in place: a snapshot held nowhere else is changed
    /// where it lies. Made as a copy, its first moved schedule copied the
    /// whole table (12 MB at 100,000 cards) while the caller dropped the
    /// original.
    public func adjust(_ progress: inout ProgressSnapshot, at now: Date) {
        guard !examDays.isEmpty else { return }
        // The faces of the exam's decks are looked up, not every key of the
        // snapshot walked: its table makes a string of a key only when asked.
        // Only a moved schedule is stored again: storing every one looked
        // each key up a second time (100,000 at 100,000 cards). A key is
        // read before any write to it, and each key once.
        for (key, examDay) in examDays {
            guard let schedule = progress.schedules[key] else { continue }
            let moved = adjusted(schedule, examDay: examDay, at: now)
            if moved != schedule { progress.schedules[key] = moved }
        }
    }
}
