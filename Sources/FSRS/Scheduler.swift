import Foundation

/// The FSRS-6 scheduler: given a card's schedule, a rating and the time of
/// the review, the card's next schedule. Pure: time comes in as an argument
/// and the fuzz is seeded from the card, so equal inputs give equal outputs.
///
/// The state machine is py-fsrs 6.3.2's (learning → review ⇄ relearning,
/// with learning and relearning steps); the memory model is `MemoryModel`.
public struct Scheduler: Sendable {
    /// The validated configuration.
    public let configuration: SchedulerConfiguration
    /// The memory model built from the configuration's weights.
    public let model: MemoryModel
    /// `desiredRetention^(1/decay) - 1`, the same for every interval, so
    /// computed once instead of one `pow` per review.
    let retentionTerm: Double

    /// A scheduler for `configuration`; throws a `SchedulerConfigurationError`
    /// listing every invalid setting.
    public init(_ configuration: SchedulerConfiguration) throws(SchedulerConfigurationError) {
        let problems = configuration.problems
        guard problems.isEmpty else { throw SchedulerConfigurationError(problems: problems) }
        self.configuration = configuration
        self.model = MemoryModel(
            weights: configuration.parameters, maximumStability: configuration.maximumStability ?? .infinity)
        self.retentionTerm = model.retentionTerm(desiredRetention: configuration.desiredRetention)
    }

    // MARK: - Reading a card

    /// Days elapsed since the card's last review, counted as configured; nil
    /// for a card never reviewed.
    public func elapsedDays(of card: CardSchedule, at now: Date) -> Int? {
        elapsedDays(since: card.lastReview, at: now)
    }

    /// Days elapsed since `lastReview`, counted as configured; nil for
    /// none (for callers that hold the last review, not the schedule).
    public func elapsedDays(since lastReview: Date?, at now: Date) -> Int? {
        guard let last = lastReview else { return nil }
        return configuration.dayCounting.elapsedDays(from: last, to: now)
    }

    /// The probability that the card is recalled at `now`; 0 for a card never
    /// reviewed (as py-fsrs). Inlinable, as the next: called once per card
    /// by the statistics, the call copied the whole scheduler (352 bytes)
    /// each time, a sixteenth of the statistics screen at 100,000 cards.
    @inlinable public func retrievability(of card: CardSchedule, at now: Date) -> Double {
        retrievability(of: card, elapsedDays: elapsedDays(of: card, at: now))
    }

    /// The probability that the card is recalled `elapsedDays` days (as
    /// `elapsedDays(of:at:)` counts them; nil: never reviewed) after its
    /// last review; 0 for a card never reviewed.
    @inlinable public func retrievability(of card: CardSchedule, elapsedDays: Int?) -> Double {
        retrievability(stability: card.memory?.stability, elapsedDays: card.lastReview == nil ? nil : elapsedDays)
    }

    /// The probability of recall `elapsedDays` days after the last review
    /// of a card of `stability` (nil: no memory state; elapsed days nil:
    /// never reviewed), 0 when either is missing: for callers that read a
    /// card's stability without its whole schedule (the statistics).
    @inlinable public func retrievability(stability: Double?, elapsedDays: Int?) -> Double {
        guard let stability, let elapsedDays else { return 0 }
        return model.retrievability(elapsedDays: Double(elapsedDays), stability: stability)
    }

    // MARK: - Reviewing

    /// The card's schedule after `rating` at `now`. `cardKey` identifies the
    /// card (its progress key) and, with `card.reps`, seeds the fuzz.
    public func review(_ card: CardSchedule, rating: Rating, at now: Date, cardKey: String) -> CardSchedule {
        var reviewed = card
        // Without fuzz a rating's interval depends on no other rating's.
        let first = configuration.enableFuzz ? Rating.again : rating
        schedules(card, at: now, cardKey: cardKey, from: first, through: rating) { reviewed = $1 }
        return reviewed
    }

    /// What each of the four ratings would do to the card at `now`.
    public func preview(_ card: CardSchedule, at now: Date, cardKey: String) -> [Rating: CardSchedule] {
        var result: [Rating: CardSchedule] = [:]
        schedules(card, at: now, cardKey: cardKey, from: .again, through: .easy) { result[$0] = $1 }
        return result
    }

    /// Hands `body` the card's schedule after each rating from `first` up to
    /// `last`, in that order. With fuzz, Anki fuzzes the passing ratings
    /// together so that Hard < Good < Easy still holds afterwards: a rating's
    /// interval depends on those of the ratings below it, never above, so a
    /// review stops at its own rating.
    private func schedules(
        _ card: CardSchedule, at now: Date, cardKey: String, from first: Rating, through last: Rating,
        _ body: (Rating, CardSchedule) -> Void
    ) {
        let elapsed = elapsedDays(of: card, at: now)
        let factor = configuration.enableFuzz ? Fuzz.factor(cardKey: cardKey, reps: card.reps) : 0
        // Each passing rating's interval must exceed the one before it.
        var minimumDays = 1
        for rawRating in first.rawValue...last.rawValue {
            guard let rating = Rating(rawValue: rawRating) else { continue }
            let outcome = transition(card, rating: rating, elapsedDays: elapsed)
            var days: Int?
            if let stability = outcome.reviewStability {
                if configuration.enableFuzz {
                    let raw = model.rawInterval(stability: stability, retentionTerm: retentionTerm)
                    let floor = rating == .again ? 1 : minimumDays
                    let fuzzed = Fuzz.fuzzedDays(
                        days: raw, minimum: floor, maximum: configuration.maximumInterval, factor: factor)
                    if rating != .again { minimumDays = fuzzed + 1 }
                    days = fuzzed
                } else {
                    days = model.nextInterval(
                        stability: stability, retentionTerm: retentionTerm,
                        maximumInterval: configuration.maximumInterval)
                }
            }
            body(rating, schedule(card, rating: rating, outcome: outcome, days: days, at: now))
        }
    }

    // MARK: - The state machine

    /// Where a rating takes the card, before its interval is turned into a date.
    struct Outcome {
        var memory: MemoryState
        var state: SchedulingState
        var step: Int?
        /// The delay of a learning or relearning step, in seconds.
        var stepSeconds: TimeInterval
        /// For a card that lands in review: the stability its interval comes from.
        var reviewStability: Double?
    }

    /// The new memory state, state and step after `rating`.
    func transition(_ card: CardSchedule, rating: Rating, elapsedDays: Int?) -> Outcome {
        let memory = model.nextMemoryState(
            card.lastReview == nil ? nil : card.memory, elapsedDays: Double(elapsedDays ?? 0), rating: rating)
        let toReview = Outcome(
            memory: memory, state: .review, step: nil, stepSeconds: 0, reviewStability: memory.stability)

        switch card.state {
        case .review:
            if rating == .again, let first = configuration.relearningSteps.first {
                return Outcome(memory: memory, state: .relearning, step: 0, stepSeconds: first, reviewStability: nil)
            }
            return toReview
        case .learning, .relearning:
            let steps = card.state == .learning ? configuration.learningSteps : configuration.relearningSteps
            // The store refuses a negative step as corrupt; the scheduler is
            // public and pure, so it reads one as the first step rather than
            // indexing before the array.
            let step = max(card.step ?? 0, 0)
            if steps.isEmpty || (step >= steps.count && rating != .again) {
                return toReview
            }
            func stay(_ step: Int, _ seconds: TimeInterval) -> Outcome {
                Outcome(memory: memory, state: card.state, step: step, stepSeconds: seconds, reviewStability: nil)
            }
            switch rating {
            case .again:
                return stay(0, steps[0])
            case .hard:
                if step == 0 && steps.count == 1 { return stay(step, steps[0] * 1.5) }
                if step == 0 { return stay(step, (steps[0] + steps[1]) / 2) }
                return stay(step, steps[step])
            case .good:
                if step + 1 == steps.count { return toReview }
                return stay(step + 1, steps[step + 1])
            case .easy:
                return toReview
            }
        }
    }

    /// The card after the review: new memory, state, step and due date.
    func schedule(_ card: CardSchedule, rating: Rating, outcome: Outcome, days: Int?, at now: Date) -> CardSchedule {
        var next = card
        next.memory = outcome.memory
        next.state = outcome.state
        next.step = outcome.step
        next.lastReview = now
        next.reps = card.reps + 1
        if card.state == .review && rating == .again { next.lapses = card.lapses + 1 }
        if let days {
            next.due = dueDate(afterDays: days, from: now)
        } else {
            next.due = now.addingTimeInterval(outcome.stepSeconds)
        }
        return next
    }

    /// When a review interval of `days` that starts at `now` ends: the same
    /// time of day `days` × 24 h later when counting full days, or the start
    /// of the scheduler day `days` after today when counting scheduler days.
    public func dueDate(afterDays days: Int, from now: Date) -> Date {
        switch configuration.dayCounting {
        case .fullDays:
            return now.addingTimeInterval(Double(days) * 86_400)
        case .schedulerDays(let hour, let zone):
            let today = SchedulerDay.number(of: now, rolloverHour: hour, timeZone: zone)
            return SchedulerDay.start(of: today + days, rolloverHour: hour, timeZone: zone)
        }
    }
}
