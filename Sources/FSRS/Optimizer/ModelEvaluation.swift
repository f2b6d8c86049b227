import Foundation

/// How well a parameter set predicts a student's recall, measured as fsrs-rs
/// measures it (`FSRS::evaluate`): every item weighted by recency (see
/// `RecencyWeight`), in the order the items are given.
public struct ModelEvaluation: Hashable, Sendable, Codable {
    /// Weighted binary cross-entropy of the predicted recall; lower is better.
    public var logLoss: Double
    /// RMSE(bins): items grouped by interval, review count and lapses; the
    /// root of the weighted mean squared gap between mean predicted and
    /// actual recall per group. Lower is better.
    public var rmseBins: Double

    public init(logLoss: Double, rmseBins: Double) {
        self.logLoss = logLoss
        self.rmseBins = rmseBins
    }

    /// The evaluation of `weights` (21, already valid) on the items of `set`;
    /// nil when there are no items.
    public static func of(weights: [Double], on set: TrainingSet) -> ModelEvaluation? {
        guard !set.items.isEmpty else { return nil }
        let predicted = predictions(weights: weights, set: set)
        var lossSum = 0.0
        var weightSum = 0.0
        var bins: [Bin: BinTotals] = [:]
        let count = set.items.count
        for (index, item) in set.items.enumerated() {
            let weight = RecencyWeight.weight(index: index, count: count)
            let p = predicted[set.reviewIndex(item)]
            let recalled = set.recalled(item)
            lossSum -= weight * (recalled ? log(p) : log(1 - p))
            weightSum += weight
            let bin = Bin(
                elapsed: set.targetElapsed(item), longTermCount: set.longTermCount(item),
                lapses: set.lapses(item))
            bins[bin, default: BinTotals()].add(predicted: p, actual: recalled ? 1 : 0, weight: weight)
        }
        var squared = 0.0
        var binWeight = 0.0
        // In a fixed order: a dictionary's order changes with each process's
        // hashing seed, and with it the sum's last digits.
        for totals in bins.sorted(by: { $0.key.precedes($1.key) }).map(\.value) {
            let gap = totals.predicted / totals.count - totals.actual / totals.count
            squared += gap * gap * totals.weight
            binWeight += totals.weight
        }
        return ModelEvaluation(logLoss: lossSum / weightSum, rmseBins: (squared / binWeight).squareRoot())
    }

    /// R predicted for every review of `set` that comes a day or more after
    /// the previous one (other entries are 0), by flat review index.
    static func predictions(weights: [Double], set: TrainingSet) -> [Double] {
        let replay = SequenceReplay(weights: weights)
        var predicted = [Double](repeating: 0, count: set.reviewCount)
        var steps: [SequenceReplay.Step] = []
        set.ratings.withUnsafeBufferPointer { ratings in
            set.elapsed.withUnsafeBufferPointer { elapsed in
                for sequence in 0..<set.sequenceCount {
                    let start = set.sequenceStarts[sequence]
                    let count = set.sequenceStarts[sequence + 1] - start
                    guard count > 1 else { continue }
                    _ = replay.forward(
                        ratings: ratings, elapsed: elapsed, start: start, count: count, targets: .none,
                        steps: &steps)
                    for k in 1..<count where steps[k].kind != .sameDay {
                        predicted[start + k] = steps[k].r
                    }
                }
            }
        }
        return predicted
    }

    /// fsrs-rs's bin of an item: interval, review count and lapses on
    /// logarithmic scales.
    struct Bin: Hashable {
        var elapsed: Int
        var length: Int
        var lapses: Int

        /// The order bins are summed in.
        func precedes(_ other: Bin) -> Bool {
            (elapsed, length, lapses) < (other.elapsed, other.length, other.lapses)
        }

        init(elapsed: Int, longTermCount: Int, lapses: Int) {
            self.elapsed = Int((2.48 * pow(3.62, Self.floorLog(Double(elapsed), 3.62)) * 100).rounded())
            self.length = Int((1.99 * pow(1.89, Self.floorLog(Double(longTermCount + 1), 1.89))).rounded())
            self.lapses = lapses == 0 ? 0 : Int((1.65 * pow(1.73, Self.floorLog(Double(lapses), 1.73))).rounded())
        }

        /// ⌊log_base(x)⌋, computed as fsrs-rs does (`x.ln() / base.ln()`).
        static func floorLog(_ x: Double, _ base: Double) -> Double {
            (log(x) / log(base)).rounded(.down)
        }
    }

    /// Running sums of one bin.
    struct BinTotals {
        /// Sum of predicted recall.
        var predicted = 0.0
        /// Sum of actual recall (1 or 0).
        var actual = 0.0
        /// Number of items.
        var count = 0.0
        /// Sum of recency weights.
        var weight = 0.0

        mutating func add(predicted p: Double, actual a: Double, weight w: Double) {
            predicted += p
            actual += a
            count += 1
            weight += w
        }
    }
}
