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
    ///
    /// The delete names `student_setting`, a table no trigger or foreign key
    /// hangs on: preparing a statement compiles the triggers it would fire,
    /// and GRDB's authorizer makes a region of every column they read, so
    /// the same check on `card` (whose delete triggers keep the deck counts
    /// and answer summaries) cost about 2 ms of every start. Every writable
    /// store has the table (migrations run on open).
    public func checkWritable() throws {
        try write { db in try db.execute(sql: "DELETE FROM student_setting WHERE 0") }
    }
}
