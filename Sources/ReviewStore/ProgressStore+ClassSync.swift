import FSRS
import Foundation
import GRDB

/// One answer as a class sync sends it: the log entry, the card's registry
/// entry (prompt and level) and, for quizzes, the mark and option chosen.
public struct SyncableAnswer: Hashable, Sendable {
    /// The log entry.
    public var entry: ReviewLogEntry
    /// The prompt kept in the registry.
    public var prompt: String
    /// The card's exam level, if known.
    public var level: Int?
    /// The quiz mark and choice, for quiz answers recorded with them.
    public var quiz: QuizAnswerDetail?
}

extension ProgressStore {
    /// Keeps a quiz answer's mark and choice beside its log entry, in the
    /// transaction that appends the entry.
    static func recordQuizAnswer(_ quiz: QuizAnswerDetail, logID: Int64, db: Database, path: String) throws {
        guard quiz.credit.isFinite, (0...1).contains(quiz.credit) else {
            throw StoreError(.invalidValue("quiz credit \(quiz.credit)"), path: path)
        }
        try db.cachedStatement(sql: "INSERT INTO quiz_answer (log_id, credit, chosen) VALUES (?, ?, ?)")
            .execute(arguments: [logID, quiz.credit, quiz.chosen])
    }

    /// Answers (study, quiz, override) after log entry `id`, oldest first, at
    /// most `limit`, leaving out answers already undone: what `jatta sync`
    /// sends next. Reads an index range, so a daily sync costs what it sends.
    public func answers(after id: ReviewLogEntry.ID, limit: Int) throws -> [SyncableAnswer] {
        try read { db in
            let hasQuizTable = try Schema.hasTable(db, "quiz_answer")
            let quizColumns = hasQuizTable ? "q.credit, q.chosen" : "NULL, NULL"
            let quizJoin = hasQuizTable ? "LEFT JOIN quiz_answer q ON q.log_id = e.id" : ""
            let sql = """
                SELECT \(Self.entryColumns), c.prompt, c.level, \(quizColumns)
                FROM review_log e LEFT JOIN card c ON c.key = e.key \(quizJoin)
                WHERE e.id > ? AND \(LogClauses.isAnswer)
                  AND \(LogClauses.notUndone)
                ORDER BY e.id LIMIT ?
                """
            return try Row.fetchAll(db, sql: sql, arguments: [id, limit]).map { row in
                let entry = try Self.entry(row, path: path)
                let stored = try StoredRow(row, keyColumn: 1, path: path)
                let base = row.count - 4
                let quiz = try stored.double(base + 2).map { QuizAnswerDetail(credit: $0, chosen: try stored.string(base + 3)) }
                return SyncableAnswer(
                    entry: entry, prompt: try stored.prompt(base) ?? "", level: try stored.int(base + 1), quiz: quiz)
            }
        }
    }
}
