import Foundation
import GRDB

extension ProgressStore {
    /// The faces answered Again since `start` (answers of any kind, none
    /// undone), each with the time of its latest such answer: what custom
    /// study's "failed today" and "failed this week" draw from.
    public func failures(since start: Date) throws -> [String: Date] {
        try read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT e.key, max(e.at)
                    FROM \(logEntries(["id", "key", "at", "kind", "rating"])) e
                    WHERE \(LogClauses.during(db, from: ProgressColumns.bound(start)))
                    AND \(LogClauses.isAnswer) AND e.rating = 1
                    AND \(try LogClauses.notUndone(db))
                    GROUP BY e.key
                    """)
            var failures: [String: Date] = [:]
            for row in rows {
                let stored = try StoredRow(row, keyColumn: 0, path: path)
                guard let key = try stored.string(0, required: true), let at = try stored.int64(1, required: true)
                else { continue }
                failures[key] = ProgressColumns.date(at)
            }
            return failures
        }
    }
}
