import FSRS
import Foundation
import GRDB
import GRDBSQLite
import Testing
@testable import ReviewStore

/// `ProgressStore.read`: one snapshot, never a write, and no cost to the
/// writes after it.
@Suite struct ReadIsolationTests {
    /// A read that changes a row fails, and the change is rolled back.
    @Test func aReadThatWritesFailsAndChangesNothing() throws {
        let store = try ProgressStore()
        var rng = SeededGenerator(seed: 1)
        try store.record(answer("k", at: t0, after: scheduleAfter(nil, rating: .good, at: t0, using: &rng)))
        #expect(throws: StoreError.self) {
            try store.read { db in try db.execute(sql: "DELETE FROM card_state") }
        }
        #expect(try store.schedules(for: ["k"])["k"] != nil)
    }

    /// A statement the store keeps compiled is not compiled again after a
    /// read. GRDB's own read switched `PRAGMA query_only` on and off, which
    /// expires every prepared statement: each answer after a read then
    /// recompiled all of its statements.
    @Test func aReadLeavesCompiledStatementsValid() throws {
        let store = try ProgressStore()
        let sql = "SELECT count(*) FROM card_state WHERE key = ?"
        func reprepares() throws -> Int32 {
            try store.write { db in
                let statement = try db.cachedStatement(sql: sql)
                _ = try Int.fetchOne(statement, arguments: ["k"])
                return sqlite3_stmt_status(statement.sqliteStatement, SQLITE_STMTSTATUS_REPREPARE, 0)
            }
        }
        let first = try reprepares()
        _ = try store.schedules(for: ["k"])
        _ = try store.read { db in try Int.fetchOne(db, sql: "SELECT 1") }
        #expect(try reprepares() == first)
    }
}
