import GRDB

/// Single values the store keeps about the student besides progress, in the
/// `student_setting` table (migration `fsrs-parameters`): the desired
/// retention (`jatta optimize --retention`) and the keyboard rule (whether
/// the student has the Kazakh layout, and the answer that showed it). One
/// table and one pair of functions, so every setting is read and written
/// the same way.
extension ProgressStore {
    /// The value stored under `name`, or nil. A database opened read-only
    /// before the table existed simply has no settings yet.
    public func setting(_ name: String) throws -> String? {
        try read { db in
            guard try Schema.hasTable(db, "student_setting") else { return nil }
            return try String.fetchOne(
                db, sql: "SELECT value FROM student_setting WHERE name = ?", arguments: [name])
        }
    }

    /// Stores `value` under `name` (nil removes it).
    public func setSetting(_ name: String, _ value: String?) throws {
        try write { db in
            if let value {
                try db.execute(
                    sql: "INSERT OR REPLACE INTO student_setting (name, value) VALUES (?, ?)",
                    arguments: [name, value])
            } else {
                try db.execute(sql: "DELETE FROM student_setting WHERE name = ?", arguments: [name])
            }
        }
    }
}
