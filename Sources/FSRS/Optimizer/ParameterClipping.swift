import Foundation

/// The ranges fsrs-rs keeps the weights in during training, applied after
/// every step. They are the scheduler's bounds (`FSRSParameters`) except
/// that the initial stabilities stop at 100 days, w19 stays at least 0.01
/// (short-term reviews are modelled), and w17 and w18 are capped so that
/// several relearning steps cannot raise a lapsed card's stability above its
/// pre-lapse value.
enum ParameterClipping {
    /// Keeps every weight of `w` in its training range.
    static func clip(_ w: inout [Double], relearningSteps: Int) {
        var ceiling = 2.0
        if relearningSteps > 1 {
            let lapse = -(log(w[11]) + log(pow(2, w[13]) - 1) + w[14] * 0.3) / Double(relearningSteps)
            ceiling = min(max(lapse, 0.01).squareRoot(), 2)
        }
        for index in 0..<FSRSParameters.count {
            var low = FSRSParameters.lowerBounds[index]
            var high = FSRSParameters.upperBounds[index]
            switch index {
            case 0...3: high = InitialStability.maximum
            case 17, 18: high = ceiling
            case 19: low = 0.01
            default: break
            }
            w[index] = min(max(w[index], low), high)
        }
    }
}
