import GRDB

extension ProgressStore {
    /// Throws the store error a write would meet (a read-only file or
    /// folder, a locked disk) without changing anything. Sessions ask before
    /// their first question, so a student never answers into a store that
    /// cannot keep the answers.
    ///
    /// SQLite opens a file it may not write read-only without a word, and
    /// even an empty `BEGIN IMMEDIATE` succeeds on it: only a statement that
    /// writes finds out. A delete that matches no row writes nothing yet is
    /// refused the same way.
    public func checkWritable() throws {
        try write { db in try db.execute(sql: "DELETE FROM card WHERE 0") }
    }
}
