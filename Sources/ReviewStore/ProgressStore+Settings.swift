import GRDB

/// A tiny key/value table for what the store keeps about the student
/// besides progress: so far only the keyboard rule (whether the student has
/// the Kazakh layout, and the answer that showed it). Created on first use
/// with `IF NOT EXISTS`, so it needs no schema version of its own and an
/// older database simply has no settings yet.
extension ProgressStore {
    /// The value stored under `key`, or nil.
    public func setting(_ key: String) throws -> String? {
        try read { db in
            guard try db.tableExists("setting") else { return nil }
            return try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [key])
        }
    }

    /// Stores `value` under `key` (nil removes it).
    public func setSetting(_ key: String, _ value: String?) throws {
        try write { db in
            try Self.createSettings(db)
            if let value {
                try db.execute(
                    sql: "INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    arguments: [key, value])
            } else {
                try db.execute(sql: "DELETE FROM setting WHERE key = ?", arguments: [key])
            }
        }
    }

    static func createSettings(_ db: Database) throws {
        try db.execute(sql: "CREATE TABLE IF NOT EXISTS setting (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL)")
    }
}
