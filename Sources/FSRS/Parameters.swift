/// The 21 weights of FSRS-6 and the bounds each must lie within.
///
/// The bounds are py-fsrs 6.3.2's (`LOWER_BOUNDS_PARAMETERS` and
/// `UPPER_BOUNDS_PARAMETERS`); fsrs-rs clips to the same bounds except that it
/// allows w17 and w18 up to 2 and w19 up to 0.8, which these bounds also allow.
public enum FSRSParameters {
    /// The number of weights of an FSRS-6 parameter set.
    public static let count = 21

    /// FSRS-6's default weights, w0 … w20.
    public static let defaults: [Double] = [
        0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
        1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
    ]

    /// The smallest valid value of each weight.
    public static let lowerBounds: [Double] = [
        0.001, 0.001, 0.001, 0.001, 1.0, 0.001, 0.001, 0.001, 0.0, 0.0, 0.001,
        0.001, 0.001, 0.001, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.1,
    ]

    /// The largest valid value of each weight.
    public static let upperBounds: [Double] = [
        100, 100, 100, 100, 10.0, 4.0, 4.0, 0.75, 4.5, 0.8, 3.5,
        5.0, 0.25, 0.9, 4.0, 1.0, 6.0, 2.0, 2.0, 0.8, 0.8,
    ]

    /// Every way `weights` fails to be a valid FSRS-6 parameter set; empty when
    /// it is valid.
    public static func problems(in weights: [Double]) -> [SchedulerConfigurationError.Problem] {
        guard weights.count == count else {
            return [.parameterCount(weights.count)]
        }
        var found: [SchedulerConfigurationError.Problem] = []
        for index in 0..<count {
            let value = weights[index]
            // A NaN fails both comparisons, so it is reported as out of range.
            if !(value >= lowerBounds[index] && value <= upperBounds[index]) {
                found.append(
                    .parameterOutOfRange(
                        index: index, value: value, lower: lowerBounds[index], upper: upperBounds[index]))
            }
        }
        return found
    }
}
