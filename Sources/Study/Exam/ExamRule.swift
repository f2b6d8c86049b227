import FSRS

/// Scheduling toward an exam date (docs/exam.md): the one rule that decides
/// when a card gets a review before the exam that FSRS alone would not give.
///
/// A card whose next FSRS review falls on or after the exam day, but whose
/// predicted recall on the exam day is below the aim, is brought forward
/// to the day before the exam on which one review raises the expected
/// exam-day recall most. Only the due date moves: the review itself is an
/// ordinary FSRS review of the memory state, so after the exam the schedule
/// simply goes on from the true history.
///
/// Days are scheduler day numbers (days since 1970-01-01 in the student's
/// day, see `SchedulerDay`); the exam is sat at the start of `examDay`, so
/// the last day a review helps is the day before.
public struct ExamRule: Sendable, Hashable {
    /// The memory model predictions are made with (the student's weights).
    public let model: MemoryModel
    /// The exam-day recall a card should reach (0.9 = 90 %): what the
    /// readiness forecast counts.
    public let target: Double
    /// The predicted exam-day recall below which a card gets a review
    /// before the exam: half the forgetting the target allows (0.95 for a
    /// target of 0.9). The prediction is made with the scheduler's weights,
    /// not the student's true memory; a card predicted exactly at the
    /// target is below it for about half of the students, so the rule aims
    /// with a margin (docs/exam.md has the measurements).
    public let aim: Double

    /// The default target: the recall FSRS itself aims for between reviews.
    public static let defaultTarget = 0.9

    public init(model: MemoryModel, target: Double = ExamRule.defaultTarget) {
        self.model = model
        self.target = target
        self.aim = 1 - (1 - target) / 2
    }

    /// The predicted recall on `examDay` of a card last reviewed on
    /// `lastReviewDay` with `memory`, if it is not reviewed again.
    public func recall(memory: MemoryState, lastReviewDay: Int, examDay: Int) -> Double {
        model.retrievability(elapsedDays: Double(examDay - lastReviewDay), stability: memory.stability)
    }

    /// The expected exam-day recall if the card is reviewed once more on
    /// `reviewDay`: recalled then (with the probability the model gives),
    /// it is rated Good; forgotten, it lapses and is relearnt the same day.
    public func expectedRecall(memory: MemoryState, lastReviewDay: Int, reviewDay: Int, examDay: Int) -> Double {
        let elapsed = Double(reviewDay - lastReviewDay)
        return expectedRecall(
            now: model.retrievability(elapsedDays: elapsed, stability: memory.stability),
            recalled: model.nextMemoryState(memory, elapsedDays: elapsed, rating: .good),
            lapsed: model.nextMemoryState(memory, elapsedDays: elapsed, rating: .again), reviewDay: reviewDay,
            examDay: examDay)
    }

    /// `expectedRecall` of `memory` given its fixed terms: the same bits.
    func expectedRecall(
        _ terms: MemoryModel.FixedTerms, memory: MemoryState, lastReviewDay: Int, reviewDay: Int, examDay: Int
    ) -> Double {
        let elapsed = Double(reviewDay - lastReviewDay)
        let next = model.goodAndAgain(terms, elapsedDays: elapsed)
        // The chance of recall comes from the state as given, the next
        // states from it clamped: the same value unless the clamp changed
        // the stability.
        let now =
            terms.stability == memory.stability
            ? next.retrievability : model.retrievability(elapsedDays: elapsed, stability: memory.stability)
        return expectedRecall(now: now, recalled: next.good, lapsed: next.again, reviewDay: reviewDay, examDay: examDay)
    }

    /// `expectedRecall` given the chance of recall on the review day and
    /// the memory states after Good and after Again there.
    private func expectedRecall(
        now: Double, recalled: MemoryState, lapsed: MemoryState, reviewDay: Int, examDay: Int
    ) -> Double {
        let relearnt = model.nextMemoryState(lapsed, elapsedDays: 0, rating: .good)
        let left = Double(examDay - reviewDay)
        return now * model.retrievability(elapsedDays: left, stability: recalled.stability)
            + (1 - now) * model.retrievability(elapsedDays: left, stability: relearnt.stability)
    }

    /// The day before the exam on which the card should be reviewed instead
    /// of `dueDay`, or nil when the ordinary schedule stands: the card is
    /// due before the exam anyway (that review applies the rule again), the
    /// exam is past or too near to review in between, or the predicted
    /// exam-day recall already reaches the aim.
    ///
    /// Of the days from `earliestDay` (at least the day after the last
    /// review) to the day before the exam, the one with the highest
    /// expected exam-day recall; on a tie the later day, which costs no
    /// more and leaves the memory more time to space.
    ///
    /// A start asks once per review face (`ExamScheduler.adjust`, before
    /// the outlooks are made from the moved schedules, which the rule
    /// leaves as they are); the days found were remembered when a start
    /// asked three times, which cost a table of every question asked.
    public func reviewDay(memory: MemoryState, lastReviewDay: Int, dueDay: Int, earliestDay: Int, examDay: Int)
        -> Int?
    {
        // What the kept variant below does without kept days, noting
        // nothing: the outlook and each answer ask this, and a question
        // noted only to be thrown away was an allocation each.
        guard dueDay >= examDay else { return nil }
        return bestReviewDay(
            memory: memory, lastReviewDay: lastReviewDay, firstDay: max(earliestDay, lastReviewDay + 1), examDay: examDay)
    }

    /// `reviewDay`, taken from `kept` when it holds the answer (the same
    /// day: `ExamRuleDays.Answer.day(searchingFrom:)`), searched otherwise;
    /// the question and its answer are noted in `asked` for the next start.
    /// `kept` must be of this rule (`stamp`).
    public func reviewDay(
        memory: MemoryState, lastReviewDay: Int, dueDay: Int, earliestDay: Int, examDay: Int,
        kept: ExamRuleDays?, asked: inout ExamRuleDays.Asked
    ) -> Int? {
        guard dueDay >= examDay else { return nil }
        let first = max(earliestDay, lastReviewDay + 1)
        guard let question = ExamRuleDays.Question(memory: memory, lastReviewDay: lastReviewDay, examDay: examDay),
            let firstDay = Int32(exactly: first)
        else {
            return bestReviewDay(memory: memory, lastReviewDay: lastReviewDay, firstDay: first, examDay: examDay)
        }
        if let kept, let number = kept.entry(for: question),
            let day = kept.entries[number].answer.day(searchingFrom: first)
        {
            // Fewer entries than `Int32.max`: `ExamRuleDays` numbers its
            // slots so.
            asked.kept.append(Int32(number))
            return day
        }
        let day = bestReviewDay(memory: memory, lastReviewDay: lastReviewDay, firstDay: first, examDay: examDay)
        // A day found lies between the first day and the exam, both of
        // which fit.
        asked.searched.append(
            ExamRuleDays.Entry(question: question, answer: .init(firstDay: firstDay, day: day.map { Int32($0) })))
        return day
    }

    /// `reviewDay`'s search: from `first` (at least the day after the last
    /// review) to the day before the exam.
    ///
    /// Each day's value is `expectedRecall`'s, the same bits: the powers
    /// of the state's stability and difficulty are taken once
    /// (`MemoryModel.FixedTerms`), and the retrievability on the review
    /// day once for both ratings, instead of at every day; at 100,000
    /// cards with an exam 44 days ahead this search was a third of a start.
    func bestReviewDay(memory: MemoryState, lastReviewDay: Int, firstDay first: Int, examDay: Int) -> Int? {
        guard recall(memory: memory, lastReviewDay: lastReviewDay, examDay: examDay) < aim else { return nil }
        guard first <= examDay - 1 else { return nil }
        let terms = model.fixedTerms(of: memory)
        func value(reviewingOn day: Int) -> Double {
            expectedRecall(terms, memory: memory, lastReviewDay: lastReviewDay, reviewDay: day, examDay: examDay)
        }
        var best = examDay - 1
        var bestRecall = value(reviewingOn: best)
        var day = best - 1
        while day >= first {
            let value = value(reviewingOn: day)
            if value > bestRecall {
                best = day
                bestRecall = value
            }
            day -= 1
        }
        return best
    }
}
