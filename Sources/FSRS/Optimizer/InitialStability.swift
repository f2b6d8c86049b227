import Foundation

/// Pre-training of w0 … w3, the stability after the first rating, as fsrs-rs
/// does it: from the cards' first review after day zero only, one ternary
/// search per first rating on the default forgetting curve, then made
/// increasing in the rating, with missing ratings filled in from the others.
enum InitialStability {
    /// The largest initial stability fsrs-rs allows, in days.
    static let maximum = 100.0
    /// fsrs-rs's interpolation exponents between neighbouring ratings.
    private static let lowWeight = 0.41
    private static let highWeight = 0.54

    /// Initial stabilities fitted to `items` (first-interval items), and the
    /// number of items per first rating; nil when there are none.
    static func fit(_ items: [TrainingItem], in set: TrainingSet, averageRecall: Double)
        -> (stabilities: [Double], counts: [Int: Int])?
    {
        // rating → gap → (recalled, total)
        var groups: [Int: [Int: (recalled: Double, total: Double)]] = [:]
        for item in items where set.longTermCount(item) == 1 {
            let gap = set.firstLongTermElapsed(item)
            var entry = groups[set.firstRating(item), default: [:]][gap, default: (0, 0)]
            entry.recalled += set.recalled(item) ? 1 : 0
            entry.total += 1
            groups[set.firstRating(item), default: [:]][gap] = entry
        }
        var counts: [Int: Int] = [:]
        var found: [Int: Double] = [:]
        for (rating, byGap) in groups {
            let data = byGap.sorted { $0.key < $1.key }.map { gap, tally in
                // Recall smoothed towards the average, as fsrs-rs does.
                (t: Double(gap), recall: (tally.recalled + averageRecall) / (tally.total + 1), count: tally.total)
            }
            counts[rating] = Int(data.reduce(0) { $0 + $1.count })
            found[rating] = search(data, defaultStability: FSRSParameters.defaults[rating - 1])
        }
        guard let filled = smoothAndFill(found, counts: counts) else { return nil }
        return (filled, counts)
    }

    /// Ternary search of S0 in [0.001, 100] minimising count-weighted log loss
    /// on the default curve plus |S0 − default| / 16.
    private static func search(_ data: [(t: Double, recall: Double, count: Double)], defaultStability: Double)
        -> Double
    {
        let decay = -FSRSParameters.defaults[20]
        let factor = pow(0.9, 1 / decay) - 1
        func loss(_ s: Double) -> Double {
            var total = 0.0
            for point in data {
                let y = pow(point.t / s * factor + 1, decay)
                total += -(point.recall * log(y) + (1 - point.recall) * log(1 - y)) * point.count
            }
            return total + abs(s - defaultStability) / 16
        }
        var low = MemoryModel.minimumStability
        var high = maximum
        var best = defaultStability
        var iterations = 0
        while high - low > Double.ulpOfOne && iterations < 1000 {
            iterations += 1
            let third1 = low + (high - low) / 3
            let third2 = high - (high - low) / 3
            if loss(third1) < loss(third2) { high = third2 } else { low = third1 }
            best = (high + low) / 2
        }
        return best
    }

    /// Makes the stabilities increasing in the rating (the rating with fewer
    /// items gives way) and fills in missing ratings from the present ones;
    /// nil when none is present. Results are kept in [0.001, 100].
    static func smoothAndFill(_ given: [Int: Double], counts: [Int: Int]) -> [Double]? {
        var s = given.filter { counts[$0.key] != nil }
        for (small, big) in [(1, 2), (2, 3), (3, 4), (1, 3), (2, 4), (1, 4)] {
            if let a = s[small], let b = s[big], a > b {
                if (counts[small] ?? 0) > (counts[big] ?? 0) { s[big] = a } else { s[small] = b }
            }
        }
        let w1 = lowWeight
        let w2 = highWeight
        var r: [Double?] = [nil, s[1], s[2], s[3], s[4]]
        switch s.count {
        case 0:
            return nil
        case 1:
            guard let (rating, value) = s.first else { return nil }
            let factor = value / FSRSParameters.defaults[rating - 1]
            let scaled = FSRSParameters.defaults[0..<4].map { $0 * factor }.sorted()
            return scaled.map(clamp)
        case 2:
            switch (r[1], r[2], r[3], r[4]) {
            case (nil, nil, let r3?, let r4?):
                let r2 = pow(r3, 1 / (1 - w2)) * pow(r4, 1 - 1 / (1 - w2))
                r[2] = r2
                r[1] = pow(r2, 1 / w1) * pow(r3, 1 - 1 / w1)
            case (nil, let r2?, nil, let r4?):
                let r3 = pow(r2, 1 - w2) * pow(r4, w2)
                r[3] = r3
                r[1] = pow(r2, 1 / w1) * pow(r3, 1 - 1 / w1)
            case (nil, let r2?, let r3?, nil):
                r[4] = pow(r2, 1 - 1 / w2) * pow(r3, 1 / w2)
                r[1] = pow(r2, 1 / w1) * pow(r3, 1 - 1 / w1)
            case (let r1?, nil, nil, let r4?):
                let share = w1 / (w1 + w2 - w1 * w2)
                let shareHigh = w2 / (w1 + w2 - w1 * w2)
                r[2] = pow(r1, share) * pow(r4, 1 - share)
                r[3] = pow(r1, 1 - shareHigh) * pow(r4, shareHigh)
            case (let r1?, nil, let r3?, nil):
                let r2 = pow(r1, w1) * pow(r3, 1 - w1)
                r[2] = r2
                r[4] = pow(r2, 1 - 1 / w2) * pow(r3, 1 / w2)
            case (let r1?, let r2?, nil, nil):
                let r3 = pow(r1, 1 - 1 / (1 - w1)) * pow(r2, 1 / (1 - w1))
                r[3] = r3
                r[4] = pow(r2, 1 - 1 / w2) * pow(r3, 1 / w2)
            default:
                break
            }
        case 3:
            switch (r[1], r[2], r[3], r[4]) {
            case (nil, let r2?, let r3?, _):
                r[1] = pow(r2, 1 / w1) * pow(r3, 1 - 1 / w1)
            case (let r1?, nil, let r3?, _):
                r[2] = pow(r1, w1) * pow(r3, 1 - w1)
            case (_, let r2?, nil, let r4?):
                r[3] = pow(r2, 1 - w2) * pow(r4, w2)
            case (_, let r2?, let r3?, nil):
                r[4] = pow(r2, 1 - 1 / w2) * pow(r3, 1 / w2)
            default:
                break
            }
        default:
            break
        }
        let values = r[1...4].compactMap { $0 }
        guard values.count == 4 else { return nil }
        return values.map(clamp)
    }

    private static func clamp(_ s: Double) -> Double {
        min(max(s, MemoryModel.minimumStability), maximum)
    }
}
