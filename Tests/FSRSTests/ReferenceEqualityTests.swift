import FSRS
import Foundation
import Testing

/// The scheduler replays the committed reference vectors and must give what
/// py-fsrs 6.3.2 and fsrs-rs 0.9.3 (Anki's engine) gave. Regenerate the
/// vectors with `scripts/oracle/regenerate-fixtures.sh`.
@Suite struct ReferenceEqualityTests {
    /// py-fsrs, 24-hour days, no stability cap: state, step, elapsed days and
    /// due time equal; S, D and R within 1e-12 relative (in practice, equal bits).
    @Test func equalsPyFSRS() throws {
        let histories = try ReferenceHistory.load("py-fsrs-6.3.2")
        #expect(histories.count >= 300)
        var totals = ReplayTotals()
        for history in histories {
            let scheduler = try Scheduler(history.configuration(dayCounting: .fullDays))
            try replay(history, with: scheduler, tolerance: 1e-12, comparingDue: true, into: &totals)
        }
        #expect(totals.reviews > 3000)
        print("py-fsrs: \(totals.reviews) reviews, largest relative difference \(totals.largestDescription)")
    }

    /// fsrs-rs (single precision) with Anki's scheduler days in a zone with
    /// daylight saving: same elapsed days, state and step; S, D and R within 1e-4.
    @Test func equalsFSRSRsWithSchedulerDays() throws {
        let histories = try ReferenceHistory.load("fsrs-rs-0.9.3-anki-days")
        #expect(histories.count >= 300)
        var totals = ReplayTotals()
        for history in histories {
            let zone = try #require(TimeZone(identifier: history.config.time_zone ?? ""))
            let hour = try #require(history.config.rollover_hour)
            #expect(history.config.maximum_stability == SchedulerConfiguration.ankiMaximumStability)
            let scheduler = try Scheduler(
                history.configuration(dayCounting: .schedulerDays(rolloverHour: hour, timeZone: zone)))
            try replay(history, with: scheduler, tolerance: 1e-4, comparingDue: false, into: &totals)
        }
        #expect(totals.reviews > 3000)
        print("fsrs-rs: \(totals.reviews) reviews, largest relative difference \(totals.largestDescription)")
    }

    /// Reviews counted and the largest relative differences seen.
    struct ReplayTotals {
        var reviews = 0
        var s = 0.0, d = 0.0, r = 0.0
        var largestDescription: String { "S \(s) D \(d) R \(r)" }
    }

    /// Replays one reference history and checks every review against it:
    /// elapsed days, state and step exactly, the due time exactly when
    /// `comparingDue` (fsrs-rs gives unrounded f32 intervals, no due time),
    /// and S, D, R within `tolerance` relative.
    func replay(
        _ history: ReferenceHistory, with scheduler: Scheduler, tolerance: Double, comparingDue: Bool,
        into totals: inout ReplayTotals
    ) throws {
        var card = CardSchedule.new(at: Date(timeIntervalSince1970: Double(history.reviews[0].t)))
        for (index, expected) in history.reviews.enumerated() {
            let now = Date(timeIntervalSince1970: Double(expected.t))
            let place = "history \(history.id) (\(history.kind)) review \(index + 1)"
            #expect(scheduler.elapsedDays(of: card, at: now) == expected.elapsed_days, "\(place)")
            let r = scheduler.retrievability(of: card, at: now)
            let rating = try #require(Rating(rawValue: expected.rating))
            card = scheduler.review(card, rating: rating, at: now, cardKey: String(history.card_id))
            let memory = try #require(card.memory)
            #expect(card.state.rawValue == expected.state, "\(place)")
            #expect(card.step == expected.step, "\(place)")
            if comparingDue {
                #expect(Int(card.due.timeIntervalSince1970.rounded(.down)) == expected.due, "\(place)")
            }
            let ds = relativeDifference(expected.s, memory.stability)
            let dd = relativeDifference(expected.d, memory.difficulty)
            let dr = relativeDifference(expected.r_before, r)
            #expect(
                ds <= tolerance && dd <= tolerance && dr <= tolerance,
                "\(place): S \(memory.stability) D \(memory.difficulty) R \(r)")
            totals.s = max(totals.s, ds)
            totals.d = max(totals.d, dd)
            totals.r = max(totals.r, dr)
            totals.reviews += 1
        }
    }

    /// The edge cases the vectors must contain, so that a regeneration that
    /// dropped them would be noticed.
    @Test func vectorsCoverTheEdgeCases() throws {
        let kinds = Set(try ReferenceHistory.load("py-fsrs-6.3.2").map(\.kind))
        for kind in [
            "edge:easy_every_time_for_decades", "edge:again_every_time", "edge:very_late_ten_years",
            "edge:very_early_tenth_of_interval", "edge:same_day_many_then_five_years",
            "edge:fitted_no_learning_steps", "edge:no_steps_at_all", "edge:extreme_weights",
        ] {
            #expect(kinds.contains(kind), "\(kind)")
        }
        // Easy every time takes py-fsrs's uncapped stability past 36,500 days.
        let easy = try #require(try ReferenceHistory.load("py-fsrs-6.3.2").first { $0.kind == "edge:easy_every_time_for_decades" })
        #expect((easy.reviews.last?.s ?? 0) > 36_500)
    }
}
