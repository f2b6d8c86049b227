import Foundation
import GRDB

/// The student's exams, in the `exam` table (migration `exam-1-exam-dates`).
extension ProgressStore {
    /// Every exam set, oldest first. A database opened read-only before the
    /// table existed has none yet.
    public func exams() throws -> [StoredExam] {
        try read { db in
            guard try Schema.hasTable(db, "exam") else { return [] }
            return try Row.fetchAll(db, sql: "SELECT id, date, paths, workload FROM exam ORDER BY id").map { row in
                let stored = try StoredRow(row, keyColumn: nil, knownKey: "exam", path: path)
                let paths = try stored.string(2, required: true) ?? ""
                return StoredExam(
                    id: try stored.int64(0, required: true) ?? 0, date: try stored.string(1, required: true) ?? "",
                    paths: paths.split(separator: "\n").map(String.init), workload: try stored.int(3))
            }
        }
    }

    /// Sets an exam for `paths` (absolute; empty = every deck). An exam set
    /// before for exactly the same paths is replaced, so setting a new date
    /// for the same decks moves the exam rather than adding a second one.
    /// Returns the exam's id.
    @discardableResult
    public func setExam(_ exam: StoredExam) throws -> Int64 {
        let paths = exam.paths.joined(separator: "\n")
        return try write { db in
            try db.execute(sql: "DELETE FROM exam WHERE paths = ?", arguments: [paths])
            try db.execute(
                sql: "INSERT INTO exam (date, paths, workload) VALUES (?, ?, ?)",
                arguments: [exam.date, paths, exam.workload])
            return db.lastInsertedRowID
        }
    }

    /// Removes the exam `id`; false when there is none.
    public func removeExam(id: Int64) throws -> Bool {
        try write { db in
            try db.execute(sql: "DELETE FROM exam WHERE id = ?", arguments: [id])
            return db.changesCount > 0
        }
    }

    /// Removes every exam; returns how many there were.
    public func removeAllExams() throws -> Int {
        try write { db in
            try db.execute(sql: "DELETE FROM exam")
            return db.changesCount
        }
    }

    /// The keys first answered between `start` and `end` (answers not
    /// undone), so each exam's plan can count the new faces introduced
    /// today among its own decks. The same answers `studiedCounts` counts
    /// as new cards.
    public func keysIntroduced(from start: Date, to end: Date) throws -> Set<String> {
        try read { db in
            let keys = try String.fetchAll(
                db,
                sql: """
                    SELECT DISTINCT e.key
                    FROM review_log e
                    WHERE \(LogClauses.during(db, from: ProgressColumns.bound(start), to: ProgressColumns.bound(end)))
                    AND \(LogClauses.isAnswer) AND e.b_state IS NULL
                    AND \(LogClauses.notUndone)
                    """)
            return Set(keys)
        }
    }
}

extension ProgressStore {
    /// The mean time in seconds of the student's last `limit` study and quiz
    /// answers that were not undone (nil when there is none): the pace a
    /// workload in minutes is counted at (`jatta exam set --minutes`).
    public func recentSecondsPerAnswer(limit: Int = 500) throws -> Double? {
        try read { db in
            let ms = try Double.fetchOne(
                db,
                sql: """
                    SELECT avg(duration_ms) FROM (
                        SELECT e.duration_ms FROM review_log e
                        WHERE e.kind IN ('study', 'quiz') AND e.duration_ms IS NOT NULL
                          AND \(LogClauses.notUndone)
                        ORDER BY e.id DESC LIMIT ?)
                    """, arguments: [limit])
            return ms.map { $0 / 1000 }
        }
    }
}
