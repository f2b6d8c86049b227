/// Moodle's item analysis for one quiz question, from the sums of its marks
/// (`question/classes/statistics/questions/calculator.php`):
///
/// - facility index = mean mark ÷ maximum mark, as a percentage;
/// - discrimination index = 100 · cov(x, y) / √(var(x) · var(y)), where x is
///   the mark on this question in an attempt and y the rest of that attempt
///   (its total minus x).
///
/// Kept as running sums so the server can add them up in SQL and the
/// collected-files report in Swift, and both end in this one formula. Marks
/// are credits 0…1, so the maximum mark is 1.
public struct ItemAnalysis: Hashable, Sendable {
    /// Attempts that answered the question.
    public var count: Double = 0
    /// Σx.
    public var sumMark: Double = 0
    /// Σy.
    public var sumRest: Double = 0
    /// Σx².
    public var sumMarkSquared: Double = 0
    /// Σy².
    public var sumRestSquared: Double = 0
    /// Σxy.
    public var sumProduct: Double = 0

    /// An empty tally.
    public init() {}

    /// A tally from sums computed elsewhere (the server's aggregate).
    public init(count: Double, sumMark: Double, sumRest: Double, sumMarkSquared: Double, sumRestSquared: Double,
                sumProduct: Double) {
        self.count = count
        self.sumMark = sumMark
        self.sumRest = sumRest
        self.sumMarkSquared = sumMarkSquared
        self.sumRestSquared = sumRestSquared
        self.sumProduct = sumProduct
    }

    /// Adds one attempt: the mark on this question and the attempt's total.
    public mutating func add(mark: Double, attemptTotal: Double) {
        let rest = attemptTotal - mark
        count += 1
        sumMark += mark
        sumRest += rest
        sumMarkSquared += mark * mark
        sumRestSquared += rest * rest
        sumProduct += mark * rest
    }

    /// Facility index in percent; nil without attempts.
    public var facilityIndex: Double? {
        count > 0 ? 100 * sumMark / count : nil
    }

    /// Discrimination index in percent; nil when either the marks or the
    /// rest of the test do not vary (Moodle shows nothing then either). The
    /// n−1 denominators of Moodle's variances and covariance cancel.
    public var discriminationIndex: Double? {
        guard count >= 2 else { return nil }
        let covariance = count * sumProduct - sumMark * sumRest
        let markVariance = count * sumMarkSquared - sumMark * sumMark
        let restVariance = count * sumRestSquared - sumRest * sumRest
        // Sums of equal marks can leave a rounding residue; below this the
        // spread is zero.
        let tolerance = 1e-9 * max(1, count * count)
        guard markVariance > tolerance, restVariance > tolerance else { return nil }
        return 100 * covariance / (markVariance * restVariance).squareRoot()
    }
}
