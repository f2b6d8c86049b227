/// One prediction the model is trained (or judged) on: "will the student
/// recall this card at review `target`, given the reviews before it?". As in
/// fsrs-rs, there is one item for every review that comes at least one
/// scheduler day after the previous one; same-day reviews stay in the
/// history that leads up to an item but are never predicted.
public struct TrainingItem: Hashable, Sendable {
    /// The card sequence in the `TrainingSet` the item belongs to.
    public var sequence: Int
    /// The position of the predicted review within that sequence (at least 1).
    public var target: Int

    public init(sequence: Int, target: Int) {
        self.sequence = sequence
        self.target = target
    }
}
