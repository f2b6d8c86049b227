import GRDB

extension ProgressStore {
    /// The value of a read-only PRAGMA (`journal_mode`, `synchronous`, …), so
    /// tests and `jatta debug` can show the settings in force.
    public func pragma(_ name: String) throws -> String? {
        guard name.allSatisfy({ $0.isLetter || $0 == "_" }) else {
            throw StoreError(.invalidValue("pragma name \(name)"), path: path)
        }
        return try read { db in try String.fetchOne(db, sql: "PRAGMA \(name)") }
    }

    /// Runs raw SQL outside the store's rules. Internal: tests use it to
    /// plant a future migration or a foreign table.
    func executeRaw(_ sql: String) throws {
        try queue.writeWithoutTransaction { db in try db.execute(sql: sql) }
    }

    /// Runs `body` while this connection holds the write lock. Internal: tests
    /// use it to keep another connection waiting.
    func withWriteLockHeld(_ body: () throws -> Void) throws {
        try queue.inTransaction(.immediate) { _ in
            try body()
            return .commit
        }
    }
}
