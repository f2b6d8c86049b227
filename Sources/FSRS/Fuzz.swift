import Foundation

/// Anki's interval fuzz: a review interval of I days is spread over a range
/// that widens with I, so cards learnt together do not all come back on the
/// same day. Unlike py-fsrs (which draws from Python's global generator), the
/// draw is deterministic: it is seeded from the card's identity and its
/// review count, so the same history always gives the same schedule.
public enum Fuzz {
    /// The half-width of the fuzz range for an interval of `days`: none below
    /// 2.5 days, then 1 day plus 15 % of the part between 2.5 and 7 days, 10 %
    /// of the part between 7 and 20 and 5 % of the part above 20.
    public static func delta(days: Double) -> Double {
        if days < 2.5 { return 0 }
        return 1.0
            + 0.15 * max(min(days, 7) - 2.5, 0)
            + 0.10 * max(min(days, 20) - 7, 0)
            + 0.05 * max(days - 20, 0)
    }

    /// The whole days an interval of `days` may be fuzzed to, kept within
    /// `minimum … maximum` (Anki's `constrained_fuzz_bounds`). When the range
    /// collapses to one day above 2 and below the maximum, it is widened by a
    /// day so that the fuzz still does something.
    public static func bounds(days: Double, minimum: Int, maximum: Int) -> ClosedRange<Int> {
        let minimum = min(minimum, maximum)
        let interval = min(max(days, Double(minimum)), Double(maximum))
        let delta = delta(days: interval)
        // Anki rounds half away from zero (Rust's f32::round).
        let rawLower = Int(clamping: (interval - delta).rounded(.toNearestOrAwayFromZero))
        let rawUpper = Int(clamping: (interval + delta).rounded(.toNearestOrAwayFromZero))
        let lower = min(max(rawLower, minimum), maximum)
        var upper = min(max(rawUpper, minimum), maximum)
        if upper == lower && upper > 2 && upper < maximum {
            upper = lower + 1
        }
        return lower...upper
    }

    /// A whole number of days in `bounds(days:minimum:maximum:)`, chosen by
    /// `factor` in [0, 1): uniform over the range, as Anki's floor rule gives.
    public static func fuzzedDays(days: Double, minimum: Int, maximum: Int, factor: Double) -> Int {
        let range = bounds(days: days, minimum: minimum, maximum: maximum)
        let width = Double(range.upperBound - range.lowerBound + 1)
        let pick = range.lowerBound + Int(clamping: (factor * width).rounded(.down))
        return min(pick, range.upperBound)
    }

    /// The fuzz factor in [0, 1) for the review that brings `cardKey` from
    /// `reps` to `reps + 1` reviews: FNV-1a of the key, plus the review count,
    /// mixed by SplitMix64. Stable across runs, machines and versions.
    public static func factor(cardKey: String, reps: Int) -> Double {
        var generator = SeededGenerator(
            seed: SeededGenerator.seed(hashing: cardKey) &+ UInt64(truncatingIfNeeded: reps))
        let z = generator.next()
        // The top 53 bits make a double in [0, 1) with every value equally likely.
        return Double(z >> 11) * 0x1.0p-53
    }
}
