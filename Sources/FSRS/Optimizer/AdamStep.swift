import Foundation

/// Adam (Kingma and Ba) with fsrs-rs's settings: β1 = 0.9, β2 = 0.999,
/// ε = 1e-8 added to the root of the second moment.
struct AdamStep {
    /// First-moment estimate per weight.
    private var m = [Double](repeating: 0, count: FSRSParameters.count)
    /// Second-moment estimate per weight.
    private var v = [Double](repeating: 0, count: FSRSParameters.count)
    /// Steps taken so far.
    private var t = 0

    /// Moves `w` against `gradient` with step size `rate`.
    mutating func step(_ w: inout [Double], gradient: [Double], rate: Double) {
        let beta1 = 0.9
        let beta2 = 0.999
        t += 1
        let correction1 = 1 - pow(beta1, Double(t))
        let correction2 = 1 - pow(beta2, Double(t))
        for i in 0..<FSRSParameters.count {
            m[i] = beta1 * m[i] + (1 - beta1) * gradient[i]
            v[i] = beta2 * v[i] + (1 - beta2) * gradient[i] * gradient[i]
            w[i] -= rate * (m[i] / correction1) / ((v[i] / correction2).squareRoot() + 1e-8)
        }
    }
}
