import Foundation

/// Cosine annealing of the learning rate from its initial value towards 0
/// over `totalSteps` (PyTorch's `CosineAnnealingLR`, as fsrs-rs uses it).
struct CosineSchedule {
    /// The rate at step 0.
    let initialRate: Double
    /// The step at which the rate reaches 0.
    let totalSteps: Double

    /// The learning rate of step `index` (0 for the first step).
    func rate(at index: Int) -> Double {
        initialRate * (1 + cos(Double.pi * Double(index) / totalSteps)) / 2
    }
}
