import Foundation

/// The FSRS-6 memory model: how stability (S), difficulty (D) and
/// retrievability (R) evolve with each rating. Pure math on doubles.
///
/// Every formula is written in the same order of operations as py-fsrs 6.3.2
/// and uses `pow(M_E, x)` where py-fsrs writes `math.e ** x`, so that the
/// results are the same bits, not merely close (`exp(x)` may differ from
/// `pow(M_E, x)` in the last place).
public struct MemoryModel: Hashable, Sendable {
    /// The 21 weights w0 … w20, already validated.
    public let w: [Double]
    /// The forgetting curve's exponent, `-w20`.
    public let decay: Double
    /// Chosen so that R(S, S) = 0.9: `0.9^(1/decay) - 1`.
    public let factor: Double
    /// The largest stability kept after a review, in days; `.infinity` for none.
    public let maximumStability: Double

    // Terms that depend only on the weights, computed once with exactly the
    // expressions used below, so that the results keep the same bits. The
    // replay of a review is dominated by the C library's `pow`; every term
    // that does not change from review to review is taken out of it, and the
    // weights the formulas read are kept as plain values (no array access).
    /// `e^w8`.
    @usableFromInline let recallScale: Double
    /// D0(Easy) unclamped, the target of mean reversion.
    @usableFromInline let meanReversionTarget: Double
    /// `e^(w17·w18)`, the divisor of the same-day Again stability.
    @usableFromInline let lapseShortTermDivisor: Double
    /// `e^(w17·(G - 3 + w18))` for G = 1 … 4.
    @usableFromInline let sameDayScale: PerRating<Double>
    /// S0(G) and D0(G), clamped: the memory state after a first rating.
    @usableFromInline let firstState: PerRating<MemoryState>
    /// The multiplier of a recall's growth: w15 for Hard, 1 for Good, w16 for
    /// Easy (py-fsrs multiplies by both `hard_penalty` and `easy_bonus`, one
    /// of which is 1, and a product with 1 is exact).
    @usableFromInline let recallBonus: PerRating<Double>
    /// -w9, -w12, -w19: exponents of S and D.
    @usableFromInline let recallStabilityExponent: Double
    @usableFromInline let lapseDifficultyExponent: Double
    @usableFromInline let sameDayStabilityExponent: Double
    /// w6, w7, w10, w11, w13, w14, as the formulas read them.
    @usableFromInline let difficultyStep: Double
    @usableFromInline let meanReversion: Double
    @usableFromInline let recallCurve: Double
    @usableFromInline let lapseScale: Double
    @usableFromInline let lapseStabilityExponent: Double
    @usableFromInline let lapseCurve: Double

    /// One value for each rating, Again … Easy, without an array's bounds
    /// checks and reference counting.
    @usableFromInline struct PerRating<Value: Hashable & Sendable>: Hashable, Sendable {
        /// The values for Again, Hard, Good and Easy.
        @usableFromInline let again: Value, hard: Value, good: Value, easy: Value

        init(_ value: (Rating) -> Value) {
            (again, hard, good, easy) = (value(.again), value(.hard), value(.good), value(.easy))
        }

        @inlinable subscript(_ rating: Rating) -> Value {
            switch rating {
            case .again: again
            case .hard: hard
            case .good: good
            case .easy: easy
            }
        }
    }

    /// The smallest stability FSRS allows, in days.
    public static let minimumStability = 0.001
    /// The difficulty scale runs from 1 (easiest) to 10 (hardest).
    public static let difficultyRange: ClosedRange<Double> = 1.0...10.0

    /// A model for weights already checked by `FSRSParameters.problems(in:)`.
    public init(weights: [Double], maximumStability: Double = .infinity) {
        self.w = weights
        self.decay = -weights[20]
        self.factor = pow(0.9, 1 / decay) - 1
        self.maximumStability = maximumStability
        self.recallScale = Self.ePow(weights[8])
        self.meanReversionTarget = weights[4] - Self.ePow(weights[5] * Double(Rating.easy.rawValue - 1)) + 1
        self.lapseShortTermDivisor = Self.ePow(weights[17] * weights[18])
        self.sameDayScale = PerRating { Self.ePow(weights[17] * (Double($0.rawValue - 3) + weights[18])) }
        self.recallBonus = PerRating { $0 == .hard ? weights[15] : $0 == .easy ? weights[16] : 1 }
        self.recallStabilityExponent = -weights[9]
        self.lapseDifficultyExponent = -weights[12]
        self.sameDayStabilityExponent = -weights[19]
        self.difficultyStep = weights[6]
        self.meanReversion = weights[7]
        self.recallCurve = weights[10]
        self.lapseScale = weights[11]
        self.lapseStabilityExponent = weights[13]
        self.lapseCurve = weights[14]
        self.firstState = PerRating { rating in
            let stability = min(max(weights[rating.rawValue - 1], Self.minimumStability), maximumStability)
            let difficulty = weights[4] - Self.ePow(weights[5] * Double(rating.rawValue - 1)) + 1
            return MemoryState(stability: stability, difficulty: Self.clampDifficulty(difficulty))
        }
    }

    /// `e^x` as py-fsrs computes it (`math.e ** x`).
    @inlinable @inline(__always) static func ePow(_ x: Double) -> Double { pow(M_E, x) }

    /// Keeps S in [0.001, maximumStability].
    @inlinable @inline(__always) func clampStability(_ s: Double) -> Double {
        min(max(s, Self.minimumStability), maximumStability)
    }

    /// Keeps D in [1, 10].
    @inlinable @inline(__always) static func clampDifficulty(_ d: Double) -> Double {
        min(max(d, 1.0), 10.0)
    }

    /// `x^y`, without calling `pow` when y is zero: `pow(x, ±0)` is 1 for
    /// every x (C99 F.9.4.4), so the result is the same bits. A fitted w9 or
    /// w19 may sit at its lower bound 0.
    @inlinable @inline(__always) static func power(_ x: Double, _ y: Double) -> Double {
        y == 0 ? 1 : pow(x, y)
    }

    // MARK: - Forgetting curve

    /// R(t, S): the probability of recall `elapsedDays` after the last review.
    /// Negative elapsed time counts as none.
    @inlinable public func retrievability(elapsedDays: Double, stability: Double) -> Double {
        let t = max(0, elapsedDays)
        return pow(1 + factor * t / stability, decay)
    }

    // MARK: - First review

    /// S0(G) = w[G-1]: the stability after the first rating.
    public func initialStability(_ rating: Rating) -> Double {
        firstState[rating].stability
    }

    /// D0(G) before clamping: `w4 - e^(w5·(G-1)) + 1`. Mean reversion pulls
    /// towards this unclamped value for Easy.
    public func initialDifficultyUnclamped(_ rating: Rating) -> Double {
        w[4] - Self.ePow(w[5] * Double(rating.rawValue - 1)) + 1
    }

    /// D0(G): the difficulty after the first rating.
    public func initialDifficulty(_ rating: Rating) -> Double {
        firstState[rating].difficulty
    }

    // MARK: - Later reviews

    /// D after a rating: a step of `-w6·(G-3)`, damped linearly as D nears 10,
    /// then mean reversion towards D0(Easy) by w7.
    @inlinable public func nextDifficulty(_ difficulty: Double, rating: Rating) -> Double {
        let delta = -(difficultyStep * Double(rating.rawValue - 3))
        let damped = difficulty + (10.0 - difficulty) * delta / 9.0
        let reverted = meanReversion * meanReversionTarget + (1 - meanReversion) * damped
        return Self.clampDifficulty(reverted)
    }

    /// S after a successful recall (Hard, Good or Easy) at least a day later.
    @inlinable public func stabilityAfterRecall(
        stability s: Double, difficulty d: Double, retrievability r: Double, rating: Rating
    ) -> Double {
        stabilityAfterRecall(
            stability: s, growthBase: recallGrowthBase(stability: s, difficulty: d), retrievability: r, rating: rating)
    }

    /// The part of a recall's growth the memory state alone fixes:
    /// `e^w8 · (11 - D) · S^-w9`, the left of the product
    /// `stabilityAfterRecall` multiplies in order, so the same bits.
    @inlinable @inline(__always) func recallGrowthBase(stability s: Double, difficulty d: Double) -> Double {
        recallScale * (11 - d) * Self.power(s, recallStabilityExponent)
    }

    /// `stabilityAfterRecall` given its `recallGrowthBase`.
    @inlinable @inline(__always) func stabilityAfterRecall(
        stability s: Double, growthBase: Double, retrievability r: Double, rating: Rating
    ) -> Double {
        let growth = growthBase * (Self.ePow((1 - r) * recallCurve) - 1) * recallBonus[rating]
        return clampStability(s * (1 + growth))
    }

    /// S after a lapse (Again) at least a day later: the long-term post-lapse
    /// stability, never more than the same-day Again result.
    @inlinable public func stabilityAfterLapse(
        stability s: Double, difficulty d: Double, retrievability r: Double
    ) -> Double {
        stabilityAfterLapse(stability: s, lapseBase: lapseBase(stability: s, difficulty: d), retrievability: r)
    }

    /// The part of a lapse's long-term stability the memory state alone
    /// fixes: `w11 · D^-w12 · ((S+1)^w13 - 1)`, the left of the product
    /// `stabilityAfterLapse` multiplies in order, so the same bits.
    @inlinable @inline(__always) func lapseBase(stability s: Double, difficulty d: Double) -> Double {
        lapseScale * pow(d, lapseDifficultyExponent) * (pow(s + 1, lapseStabilityExponent) - 1)
    }

    /// `stabilityAfterLapse` given its `lapseBase`.
    @inlinable @inline(__always) func stabilityAfterLapse(
        stability s: Double, lapseBase: Double, retrievability r: Double
    ) -> Double {
        let longTerm = lapseBase * Self.ePow((1 - r) * lapseCurve)
        let shortTerm = s / lapseShortTermDivisor
        return clampStability(min(longTerm, shortTerm))
    }

    /// S after a review on the same day as the last one (elapsed < 1 day).
    /// Hard, Good and Easy never lower it.
    @inlinable public func stabilityAfterSameDay(stability s: Double, rating: Rating) -> Double {
        var increase = sameDayScale[rating] * Self.power(s, sameDayStabilityExponent)
        if rating != .again { increase = max(increase, 1.0) }
        return clampStability(s * increase)
    }

    /// The memory state after `rating`, given the state before (nil for a new
    /// card) and the elapsed days since the last review (ignored for a new card).
    @inlinable public func nextMemoryState(_ memory: MemoryState?, elapsedDays: Double, rating: Rating) -> MemoryState {
        guard let memory else { return firstState[rating] }
        let s = clampStability(memory.stability)
        let d = Self.clampDifficulty(memory.difficulty)
        let stability: Double
        if elapsedDays < 1 {
            stability = stabilityAfterSameDay(stability: s, rating: rating)
        } else {
            let r = retrievability(elapsedDays: elapsedDays, stability: s)
            stability =
                rating == .again
                ? stabilityAfterLapse(stability: s, difficulty: d, retrievability: r)
                : stabilityAfterRecall(stability: s, difficulty: d, retrievability: r, rating: rating)
        }
        return MemoryState(stability: stability, difficulty: nextDifficulty(d, rating: rating))
    }

    /// What `nextMemoryState` computes from the memory state alone, for
    /// asking about one state at many elapsed times (the exam rule tries
    /// every day before the exam): the powers of S and D once, not at every
    /// day. `nextMemoryState(_:elapsedDays:rating:)` on these terms gives
    /// the same bits as on the state.
    public struct FixedTerms: Sendable {
        /// S, clamped.
        public let stability: Double
        /// `recallGrowthBase` of the clamped state.
        @usableFromInline let growthBase: Double
        /// `lapseBase` of the clamped state.
        @usableFromInline let lapseBase: Double
        /// D after Good and after Again, which do not depend on the time.
        @usableFromInline let difficultyAfterGood: Double
        @usableFromInline let difficultyAfterAgain: Double

        @usableFromInline init(
            stability: Double, growthBase: Double, lapseBase: Double, difficultyAfterGood: Double,
            difficultyAfterAgain: Double
        ) {
            self.stability = stability
            self.growthBase = growthBase
            self.lapseBase = lapseBase
            self.difficultyAfterGood = difficultyAfterGood
            self.difficultyAfterAgain = difficultyAfterAgain
        }
    }

    /// The fixed terms of `memory`.
    @inlinable public func fixedTerms(of memory: MemoryState) -> FixedTerms {
        let s = clampStability(memory.stability)
        let d = Self.clampDifficulty(memory.difficulty)
        return FixedTerms(
            stability: s, growthBase: recallGrowthBase(stability: s, difficulty: d),
            lapseBase: lapseBase(stability: s, difficulty: d),
            difficultyAfterGood: nextDifficulty(d, rating: .good),
            difficultyAfterAgain: nextDifficulty(d, rating: .again))
    }

    /// The memory states after Good and after Again, `elapsedDays` (at
    /// least one) after the review `terms` were taken of, and the
    /// retrievability both start from: `nextMemoryState` of the state for
    /// each rating, the same bits, the retrievability computed once.
    @inlinable public func goodAndAgain(_ terms: FixedTerms, elapsedDays: Double) -> (
        good: MemoryState, again: MemoryState, retrievability: Double
    ) {
        precondition(elapsedDays >= 1, "same-day reviews take another formula")
        let r = retrievability(elapsedDays: elapsedDays, stability: terms.stability)
        let good = stabilityAfterRecall(
            stability: terms.stability, growthBase: terms.growthBase, retrievability: r, rating: .good)
        let again = stabilityAfterLapse(stability: terms.stability, lapseBase: terms.lapseBase, retrievability: r)
        return (
            MemoryState(stability: good, difficulty: terms.difficultyAfterGood),
            MemoryState(stability: again, difficulty: terms.difficultyAfterAgain), r
        )
    }

    // MARK: - Interval

    /// `desiredRetention^(1/decay) - 1`: the part of the interval that does
    /// not depend on the card, so a scheduler computes it once.
    public func retentionTerm(desiredRetention: Double) -> Double {
        pow(desiredRetention, 1 / decay) - 1
    }

    /// The unrounded interval in days after which R falls to `desiredRetention`.
    public func rawInterval(stability: Double, desiredRetention: Double) -> Double {
        rawInterval(stability: stability, retentionTerm: retentionTerm(desiredRetention: desiredRetention))
    }

    /// The unrounded interval for a `retentionTerm(desiredRetention:)` already computed.
    public func rawInterval(stability: Double, retentionTerm: Double) -> Double {
        (stability / factor) * retentionTerm
    }

    /// The next interval in whole days: rounded half to even (as Python's
    /// `round`), at least 1, at most `maximumInterval`.
    public func nextInterval(stability: Double, desiredRetention: Double, maximumInterval: Int) -> Int {
        nextInterval(
            stability: stability, retentionTerm: retentionTerm(desiredRetention: desiredRetention),
            maximumInterval: maximumInterval)
    }

    /// `nextInterval` for a `retentionTerm(desiredRetention:)` already computed.
    public func nextInterval(stability: Double, retentionTerm: Double, maximumInterval: Int) -> Int {
        let raw = rawInterval(stability: stability, retentionTerm: retentionTerm)
        let rounded = raw.rounded(.toNearestOrEven)
        // Compare as doubles first: a huge or non-finite value must not trap in Int().
        if !(rounded < Double(maximumInterval)) { return maximumInterval }
        return max(Int(rounded), 1)
    }
}
