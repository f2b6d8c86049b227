import Foundation

/// The FSRS-6 memory model replayed over one card's reviews in both
/// directions: forward for the predicted recall of each review, backward
/// (reverse-mode differentiation written out by hand) for the exact gradient
/// of the log loss with respect to all 21 weights.
///
/// The forward pass is `MemoryModel.nextMemoryState` with fsrs-rs's
/// stability cap of 36,500 days; it is written again here only because the
/// backward pass needs the intermediate values of every formula. The test
/// `OptimizerGradientTests` holds the two equal and checks the gradient
/// against finite differences.
struct SequenceReplay {
    /// The weights being fitted.
    let w: [Double]
    /// The forgetting curve's exponent, `-w20`.
    let decay: Double
    /// `0.9^(1/decay) - 1`, so that R(S, S) = 0.9.
    let factor: Double
    /// d factor / d decay.
    let factorSlope: Double
    /// `e^w8`.
    let recallScale: Double
    /// `e^(3·w5)`: part of D0(Easy), the target of mean reversion.
    let easyExponential: Double
    /// D0(Easy) unclamped.
    let easyDifficulty: Double
    /// `e^(w17·w18)`, the divisor of the short-term lapse stability.
    let lapseDivisor: Double
    /// `e^(w17·(G - 3 + w18))` for G = 1 … 4.
    let sameDayScale: (Double, Double, Double, Double)

    /// fsrs-rs keeps predictions inside (1e-7, 1 - 1e-7) in the loss.
    static let probabilityFloor = 1e-7
    /// The largest stability kept, as in fsrs-rs and jatta's scheduler.
    static let maximumStability = 36_500.0

    init(weights w: [Double]) {
        self.w = w
        decay = -w[20]
        let ln09 = log(0.9)
        let e = exp(ln09 / decay)
        factor = e - 1
        factorSlope = e * (-ln09 / (decay * decay))
        recallScale = exp(w[8])
        easyExponential = exp(3 * w[5])
        easyDifficulty = w[4] - easyExponential + 1
        lapseDivisor = exp(w[17] * w[18])
        sameDayScale = (
            exp(w[17] * (-2 + w[18])), exp(w[17] * (-1 + w[18])),
            exp(w[17] * w[18]), exp(w[17] * (1 + w[18]))
        )
    }

    @inline(__always) func sameDay(_ rating: Int) -> Double {
        switch rating {
        case 1: sameDayScale.0
        case 2: sameDayScale.1
        case 3: sameDayScale.2
        default: sameDayScale.3
        }
    }

    /// What the backward pass needs to know about one review.
    struct Step {
        enum Kind { case first, sameDay, lapse, recall }
        /// Which formula moved S.
        var kind: Kind = .first
        /// The rating (1 … 4).
        var rating: Int = 0
        /// Days since the previous review.
        var t: Double = 0
        /// S and D before the review.
        var s: Double = 0
        var d: Double = 0
        /// R at the review (long-term reviews only).
        var r: Double = 0
        /// `1 + factor·t/S`.
        var base: Double = 0
        /// `ln(1 + factor·t/S)`.
        var logBase: Double = 0
        /// `ln S` (S before the review).
        var logS: Double = 0
        /// S before the [0.001, 36500] clamp; gradient flows only inside it.
        var stabilityFree = true
        /// D before the [1, 10] clamp; gradient flows only inside it.
        var difficultyFree = true
        /// D after damping, before mean reversion.
        var damped: Double = 0
        /// The formula's own multiplier or value: the same-day increase, the
        /// recall growth `inc`, or the long-term lapse stability.
        var value: Double = 0
        /// Same day: whether the raw increase was used (not raised to 1).
        /// Lapse: whether the short-term floor `S / e^(w17·w18)` won.
        var flag = false
        /// Recall: `S^(-w9)`; lapse: `(S + 1)^w13`. Kept for the backward pass.
        var powerTerm: Double = 0
        /// Recall: `e^((1 - R)·w10)`; lapse: `w11·D^(-w12)·e^((1 - R)·w14)`.
        var scaleTerm: Double = 0
        /// Loss weight of the prediction at this review (0: not predicted).
        var weight: Double = 0
    }

    /// The reviews of one card to predict: positions within the card, in
    /// increasing order, and their loss weights (`targets` indexes both).
    struct Targets {
        var positions: UnsafeBufferPointer<Int>
        var weights: UnsafeBufferPointer<Double>
        var range: Range<Int>

        /// No predictions (a replay for the memory states alone).
        static var none: Targets {
            Targets(positions: UnsafeBufferPointer(start: nil, count: 0), weights: UnsafeBufferPointer(start: nil, count: 0), range: 0..<0)
        }
    }

    /// Runs the model over `count` reviews of a flat sequence starting at
    /// `start`, filling `steps` (reused between calls, so no allocation).
    /// The reviews named by `targets` are predicted; returns the weighted
    /// log loss of those predictions.
    func forward(
        ratings: UnsafeBufferPointer<Int8>, elapsed: UnsafeBufferPointer<Int32>,
        start: Int, count: Int, targets: Targets, steps: inout [Step]
    ) -> Double {
        if steps.count < count { steps.append(contentsOf: repeatElement(Step(), count: count - steps.count)) }
        var loss = 0.0
        var s = 0.0
        var d = 0.0
        var next = targets.range.lowerBound
        let end = targets.range.upperBound
        steps.withUnsafeMutableBufferPointer { steps in
            w.withUnsafeBufferPointer { w in
                for k in 0..<count {
                    let g = Int(ratings[start + k])
                    var step = Step()
                    step.rating = g
                    if k == 0 {
                        let s0 = w[g - 1]
                        let d0 = w[4] - exp(w[5] * Double(g - 1)) + 1
                        step.stabilityFree = s0 >= MemoryModel.minimumStability && s0 <= Self.maximumStability
                        step.difficultyFree = d0 >= 1 && d0 <= 10
                        s = min(max(s0, MemoryModel.minimumStability), Self.maximumStability)
                        d = min(max(d0, 1), 10)
                        steps[k] = step
                        continue
                    }
                    let t = Double(elapsed[start + k])
                    step.t = t
                    step.s = s
                    step.d = d
                    let logS = log(s)
                    step.logS = logS
                    var newS: Double
                    if t == 0 {
                        step.kind = .sameDay
                        let raw = sameDay(g) * exp(-w[19] * logS)
                        step.flag = !(g >= 2 && raw < 1)
                        step.value = step.flag ? raw : 1
                        newS = s * step.value
                    } else {
                        let base = 1 + factor * t / s
                        let logBase = log(base)
                        let r = exp(decay * logBase)
                        step.base = base
                        step.logBase = logBase
                        step.r = r
                        var itemWeight = 0.0
                        if next < end && targets.positions[next] == k {
                            itemWeight = targets.weights[next]
                            next += 1
                        }
                        if itemWeight != 0 {
                            step.weight = itemWeight
                            let p = min(max(r, Self.probabilityFloor), 1 - Self.probabilityFloor)
                            loss -= itemWeight * (g > 1 ? log(p) : log(1 - p))
                        }
                        if g == 1 {
                            step.kind = .lapse
                            let grown = pow(s + 1, w[13])
                            let scale = w[11] * pow(d, -w[12]) * exp((1 - r) * w[14])
                            let longTerm = scale * (grown - 1)
                            step.powerTerm = grown
                            step.scaleTerm = scale
                            let floor = s / lapseDivisor
                            step.value = longTerm
                            step.flag = floor < longTerm
                            newS = step.flag ? floor : longTerm
                        } else {
                            step.kind = .recall
                            let hard = g == 2 ? w[15] : 1
                            let easy = g == 4 ? w[16] : 1
                            let sPow = exp(-w[9] * logS)
                            let curve = exp((1 - r) * w[10])
                            let inc = recallScale * (11 - d) * sPow * (curve - 1) * hard * easy
                            step.powerTerm = sPow
                            step.scaleTerm = curve
                            step.value = inc
                            newS = s * (1 + inc)
                        }
                    }
                    step.stabilityFree = newS >= MemoryModel.minimumStability && newS <= Self.maximumStability
                    newS = min(max(newS, MemoryModel.minimumStability), Self.maximumStability)
                    let delta = -w[6] * Double(g - 3)
                    let damped = d + (10 - d) * delta / 9
                    let reverted = w[7] * (easyDifficulty - damped) + damped
                    step.damped = damped
                    step.difficultyFree = reverted >= 1 && reverted <= 10
                    s = newS
                    d = min(max(reverted, 1), 10)
                    steps[k] = step
                }
            }
        }
        return loss
    }

    /// Adds the gradient of the loss of the last `forward` over `count`
    /// reviews to `gradient` (21 entries).
    func backward(steps: [Step], count: Int, gradient: UnsafeMutableBufferPointer<Double>) {
        steps.withUnsafeBufferPointer { steps in
            w.withUnsafeBufferPointer { w in
                backward(steps: steps, w: w, count: count, gradient: gradient)
            }
        }
    }

    private func backward(
        steps: UnsafeBufferPointer<Step>, w: UnsafeBufferPointer<Double>, count: Int,
        gradient: UnsafeMutableBufferPointer<Double>
    ) {
        var gS = 0.0
        var gD = 0.0
        var k = count - 1
        while k >= 0 {
            let step = steps[k]
            let g = step.rating
            if step.kind == .first {
                if step.stabilityFree { gradient[g - 1] += gS }
                if step.difficultyFree {
                    gradient[4] += gD
                    gradient[5] += gD * (-Double(g - 1) * exp(w[5] * Double(g - 1)))
                }
                break
            }
            let s = step.s
            let d = step.d
            let gPre = step.stabilityFree ? gS : 0
            let gMean = step.difficultyFree ? gD : 0
            var gLastS = 0.0
            var gLastD = 0.0
            var gR = 0.0
            // Difficulty: mean reversion of the damped step.
            if gMean != 0 {
                gradient[7] += gMean * (easyDifficulty - step.damped)
                let gEasy = gMean * w[7]
                gradient[4] += gEasy
                gradient[5] += gEasy * (-3 * easyExponential)
                let gDamped = gMean * (1 - w[7])
                let delta = -w[6] * Double(g - 3)
                gLastD += gDamped * (1 - delta / 9)
                gradient[6] += gDamped * (10 - d) * (-Double(g - 3)) / 9
            }
            if gPre != 0 {
                switch step.kind {
                case .sameDay:
                    if step.flag {
                        let newS = s * step.value
                        gLastS += gPre * step.value * (1 - w[19])
                        gradient[17] += gPre * newS * (Double(g - 3) + w[18])
                        gradient[18] += gPre * newS * w[17]
                        gradient[19] += gPre * newS * (-step.logS)
                    } else {
                        gLastS += gPre
                    }
                case .lapse:
                    if step.flag {
                        let floor = s / lapseDivisor
                        gLastS += gPre / lapseDivisor
                        gradient[17] -= gPre * floor * w[18]
                        gradient[18] -= gPre * floor * w[17]
                    } else {
                        let longTerm = step.value
                        let grown = step.powerTerm
                        let scale = step.scaleTerm
                        gradient[11] += gPre * longTerm / w[11]
                        gLastD += gPre * longTerm * (-w[12]) / d
                        gradient[12] += gPre * longTerm * (-log(d))
                        gLastS += gPre * scale * w[13] * grown / (s + 1)
                        gradient[13] += gPre * scale * grown * log(s + 1)
                        gR += gPre * longTerm * (-w[14])
                        gradient[14] += gPre * longTerm * (1 - step.r)
                    }
                case .recall:
                    let inc = step.value
                    let hard = g == 2 ? w[15] : 1
                    let easy = g == 4 ? w[16] : 1
                    let sPow = step.powerTerm
                    let curve = step.scaleTerm
                    let core = recallScale * (11 - d) * sPow  // inc = core·(curve − 1)·hard·easy
                    gLastS += gPre * (1 + inc * (1 - w[9]))
                    gLastD += gPre * s * (-recallScale * sPow * (curve - 1) * hard * easy)
                    gradient[8] += gPre * s * inc
                    gradient[9] += gPre * s * inc * (-step.logS)
                    let gCurve = gPre * s * core * hard * easy * curve
                    gR += gCurve * (-w[10])
                    gradient[10] += gCurve * (1 - step.r)
                    if g == 2 { gradient[15] += gPre * s * core * (curve - 1) * easy }
                    if g == 4 { gradient[16] += gPre * s * core * (curve - 1) * hard }
                case .first:
                    break
                }
            }
            // The prediction at this review shares R with the stability update.
            if step.weight != 0 {
                let r = step.r
                let p = Self.probabilityFloor
                if r > p && r < 1 - p {
                    let y = g > 1 ? 1.0 : 0.0
                    gR += -step.weight * (y / r - (1 - y) / (1 - r))
                }
            }
            if gR != 0 && step.kind != .sameDay {
                let r = step.r
                let base = step.base
                let t = step.t
                gLastS += gR * r * decay / base * (-factor * t / (s * s))
                let dBaseDecay = t / s * factorSlope
                gradient[20] -= gR * r * (step.logBase + decay / base * dBaseDecay)
            }
            gS = gLastS
            gD = gLastD
            k -= 1
        }
    }
}
