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
    // expressions used below, so that the results keep the same bits.
    /// `e^w8`.
    private let recallScale: Double
    /// D0(Easy) unclamped, the target of mean reversion.
    private let meanReversionTarget: Double
    /// `e^(w17·w18)`, the divisor of the same-day Again stability.
    private let lapseShortTermDivisor: Double
    /// `e^(w17·(G - 3 + w18))` for G = 1 … 4.
    private let sameDayScale: [Double]

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
        self.sameDayScale = Rating.allCases.map { Self.ePow(weights[17] * (Double($0.rawValue - 3) + weights[18])) }
    }

    /// `e^x` as py-fsrs computes it (`math.e ** x`).
    @inline(__always) static func ePow(_ x: Double) -> Double { pow(M_E, x) }

    /// Keeps S in [0.001, maximumStability].
    @inline(__always) func clampStability(_ s: Double) -> Double {
        min(max(s, Self.minimumStability), maximumStability)
    }

    /// Keeps D in [1, 10].
    @inline(__always) static func clampDifficulty(_ d: Double) -> Double {
        min(max(d, 1.0), 10.0)
    }

    // MARK: - Forgetting curve

    /// R(t, S): the probability of recall `elapsedDays` after the last review.
    /// Negative elapsed time counts as none.
    public func retrievability(elapsedDays: Double, stability: Double) -> Double {
        let t = max(0, elapsedDays)
        return pow(1 + factor * t / stability, decay)
    }

    // MARK: - First review

    /// S0(G) = w[G-1]: the stability after the first rating.
    public func initialStability(_ rating: Rating) -> Double {
        clampStability(w[rating.rawValue - 1])
    }

    /// D0(G) before clamping: `w4 - e^(w5·(G-1)) + 1`. Mean reversion pulls
    /// towards this unclamped value for Easy.
    public func initialDifficultyUnclamped(_ rating: Rating) -> Double {
        w[4] - Self.ePow(w[5] * Double(rating.rawValue - 1)) + 1
    }

    /// D0(G): the difficulty after the first rating.
    public func initialDifficulty(_ rating: Rating) -> Double {
        Self.clampDifficulty(initialDifficultyUnclamped(rating))
    }

    // MARK: - Later reviews

    /// D after a rating: a step of `-w6·(G-3)`, damped linearly as D nears 10,
    /// then mean reversion towards D0(Easy) by w7.
    public func nextDifficulty(_ difficulty: Double, rating: Rating) -> Double {
        let delta = -(w[6] * Double(rating.rawValue - 3))
        let damped = difficulty + (10.0 - difficulty) * delta / 9.0
        let reverted = w[7] * meanReversionTarget + (1 - w[7]) * damped
        return Self.clampDifficulty(reverted)
    }

    /// S after a successful recall (Hard, Good or Easy) at least a day later.
    public func stabilityAfterRecall(
        stability s: Double, difficulty d: Double, retrievability r: Double, rating: Rating
    ) -> Double {
        let hardPenalty = rating == .hard ? w[15] : 1
        let easyBonus = rating == .easy ? w[16] : 1
        let growth =
            recallScale * (11 - d) * pow(s, -w[9]) * (Self.ePow((1 - r) * w[10]) - 1) * hardPenalty
            * easyBonus
        return clampStability(s * (1 + growth))
    }

    /// S after a lapse (Again) at least a day later: the long-term post-lapse
    /// stability, never more than the same-day Again result.
    public func stabilityAfterLapse(
        stability s: Double, difficulty d: Double, retrievability r: Double
    ) -> Double {
        let longTerm = w[11] * pow(d, -w[12]) * (pow(s + 1, w[13]) - 1) * Self.ePow((1 - r) * w[14])
        let shortTerm = s / lapseShortTermDivisor
        return clampStability(min(longTerm, shortTerm))
    }

    /// S after a review on the same day as the last one (elapsed < 1 day).
    /// Hard, Good and Easy never lower it.
    public func stabilityAfterSameDay(stability s: Double, rating: Rating) -> Double {
        var increase = sameDayScale[rating.rawValue - 1] * pow(s, -w[19])
        if rating != .again { increase = max(increase, 1.0) }
        return clampStability(s * increase)
    }

    /// The memory state after `rating`, given the state before (nil for a new
    /// card) and the elapsed days since the last review (ignored for a new card).
    public func nextMemoryState(_ memory: MemoryState?, elapsedDays: Double, rating: Rating) -> MemoryState {
        guard let memory else {
            return MemoryState(stability: initialStability(rating), difficulty: initialDifficulty(rating))
        }
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

    // MARK: - Interval

    /// The unrounded interval in days after which R falls to `desiredRetention`.
    public func rawInterval(stability: Double, desiredRetention: Double) -> Double {
        (stability / factor) * (pow(desiredRetention, 1 / decay) - 1)
    }

    /// The next interval in whole days: rounded half to even (as Python's
    /// `round`), at least 1, at most `maximumInterval`.
    public func nextInterval(stability: Double, desiredRetention: Double, maximumInterval: Int) -> Int {
        let raw = rawInterval(stability: stability, desiredRetention: desiredRetention)
        let rounded = raw.rounded(.toNearestOrEven)
        // Compare as doubles first: a huge or non-finite value must not trap in Int().
        if !(rounded < Double(maximumInterval)) { return maximumInterval }
        return max(Int(rounded), 1)
    }
}
