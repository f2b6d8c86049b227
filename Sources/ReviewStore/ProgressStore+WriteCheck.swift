import GRDB

extension ProgressStore {
    /// Throws the store error a write would meet (a read-only file or
    /// folder, a locked or full disk) without changing anything: an empty
    /// `BEGIN IMMEDIATE` transaction takes the write lock and gives it back.
    /// Sessions ask before their first question, so a student never answers
    /// into a store that cannot keep the answers.
    public func checkWritable() throws {
        _ = try write { _ in true }
    }
}
