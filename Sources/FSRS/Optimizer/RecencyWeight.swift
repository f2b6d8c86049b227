/// fsrs-rs's weighting of training and evaluation items by age: the oldest
/// item counts 0.25, the newest 1, growing with the cube of the position, so
/// that the fitted parameters describe the student as they are now.
enum RecencyWeight {
    /// The weight of the item at `index` among `count` items, oldest first.
    static func weight(index: Int, count: Int) -> Double {
        let last = max(Double(count) - 1, 1)
        let x = Double(index) / last
        return 0.25 + 0.75 * x * x * x
    }
}
