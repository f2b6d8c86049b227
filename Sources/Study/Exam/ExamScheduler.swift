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
    public let examDays: ExamDays

    public init(base: Scheduler, examDays: ExamDays, target: Double = ExamRule.defaultTarget) {
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
        moved(schedule, at: now) { memory, lastReviewDay, dueDay, earliestDay in
            rule.reviewDay(
                memory: memory, lastReviewDay: lastReviewDay, dueDay: dueDay, earliestDay: earliestDay, examDay: examDay)
        }
    }

    /// `adjusted(_:examDay:at:)` on day `today`, each day's first instant
    /// from `starts`: a walk over many faces keeps one (`DayStarts`).
    func adjusted(_ schedule: CardSchedule, examDay: Int, today: Int, starts: inout DayStarts) -> CardSchedule {
        moved(schedule, today: today, start: { starts.start(ofDay: $0) }) { memory, lastReviewDay, dueDay, earliestDay in
            rule.reviewDay(
                memory: memory, lastReviewDay: lastReviewDay, dueDay: dueDay, earliestDay: earliestDay, examDay: examDay)
        }
    }

    /// `adjusted(_:examDay:at:)` on day `today`, with the rule's day taken
    /// from `kept` when it holds it (`ExamRule.reviewDay(…kept:asked:)`)
    /// and each day's first instant from `walk.starts`.
    func adjusted(_ schedule: CardSchedule, examDay: Int, today: Int, kept: ExamRuleDays?, walk: inout Walk)
        -> CardSchedule
    {
        moved(schedule, today: today, start: { walk.starts.start(ofDay: $0) }) { memory, lastReviewDay, dueDay, earliestDay in
            rule.reviewDay(
                memory: memory, lastReviewDay: lastReviewDay, dueDay: dueDay, earliestDay: earliestDay,
                examDay: examDay, kept: kept, asked: &walk.asked)
        }
    }

    /// What each half of `adjust`'s walk keeps as it goes: the questions
    /// asked the rule, and the first instant of each day a review moved to.
    struct Walk {
        var asked = ExamRuleDays.Asked()
        var starts: DayStarts
    }

    /// A review face's schedule due on the day `reviewDay` gives (its
    /// memory, last review day, due day and today's day number), or as it
    /// is when it gives none.
    private func moved(
        _ schedule: CardSchedule, at now: Date, reviewDay: (MemoryState, Int, Int, Int) -> Int?
    ) -> CardSchedule {
        let days = base.configuration.dayCounting
        return moved(schedule, today: days.dayNumber(of: now), start: days.start(ofDay:), reviewDay: reviewDay)
    }

    /// `moved(_:at:reviewDay:)` on day `today`, the day's first instant
    /// from `start`.
    private func moved(
        _ schedule: CardSchedule, today: Int, start: (Int) -> Date, reviewDay: (MemoryState, Int, Int, Int) -> Int?
    ) -> CardSchedule {
        guard schedule.state == .review, let memory = schedule.memory, let last = schedule.lastReview else {
            return schedule
        }
        let days = base.configuration.dayCounting
        guard let day = reviewDay(memory, days.dayNumber(of: last), days.dayNumber(of: schedule.due), today) else {
            return schedule
        }
        var moved = schedule
        moved.due = start(day)
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
    ///
    /// `kept`: the rule's days a start before found (`ExamRuleDays`), used
    /// when they are of this rule; the questions this one asked the rule
    /// come back, for the next start.
    @discardableResult
    public func adjust(_ progress: inout ProgressSnapshot, at now: Date, kept: ExamRuleDays? = nil)
        -> ExamRuleDays.Asked
    {
        guard let earliestExamDay = examDays.earliest else { return ExamRuleDays.Asked() }
        let kept = kept?.rule == rule.stamp ? kept : nil
        // The table is gone through in its own order and each schedule
        // read once; a key's string is made only for a review due on or
        // after the earliest exam, the only schedules the rule can move.
        // Looking up every key of the exam's faces in turn missed the
        // processor's caches at every look-up (100,000 at 100,000 cards).
        // Only a moved schedule is stored again. Rows of faces not in the
        // session's decks (the table may hold them) are never asked for;
        // with one exam for every face they are moved too, harmlessly.
        let days = base.configuration.dayCounting
        let today = days.dayNumber(of: now)
        let halves = progress.schedules.updateEach(
            where: { schedule in
                schedule.state == .review && days.dayNumber(of: schedule.due) >= earliestExamDay
            }, gathering: Walk(starts: DayStarts(days))
        ) { key, schedule, walk in
            guard let examDay = examDays.everyFace ?? examDays.byKey[String(decoding: key, as: UTF8.self)] else {
                return nil
            }
            let moved = adjusted(schedule, examDay: examDay, today: today, kept: kept, walk: &walk)
            return moved == schedule ? nil : moved
        }
        var asked = ExamRuleDays.Asked()
        for half in halves { asked.add(half.asked) }
        return asked
    }
}
