import GRDB
import Testing

@testable import ReviewStore

/// `Schema.hasTable`, the store's one question of whether a table exists
/// (asked of old stores and read-only ones), answers as SQLite names
/// tables: without case, tables only, whatever else bears the name.
@Suite struct SchemaTableTests {
    @Test func aTableIsFoundByItsNameInAnyCaseAndNothingElseIs() throws {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(
                sql: """
                    CREATE TABLE student_setting (name TEXT PRIMARY KEY, value TEXT);
                    CREATE INDEX review_index ON student_setting (value);
                    CREATE VIEW exam AS SELECT name FROM student_setting;
                    CREATE TEMP TABLE quiz_answer (x);
                    """)
            #expect(try Schema.hasTable(db, "student_setting"))
            #expect(try Schema.hasTable(db, "Student_Setting"))
            #expect(try Schema.hasTable(db, "student_setting") == db.tableExists("student_setting"))
            for name in ["review_index", "exam", "quiz_answer", "student", "student_setting "] {
                #expect(try !Schema.hasTable(db, name), "\(name)")
            }
        }
    }
}
