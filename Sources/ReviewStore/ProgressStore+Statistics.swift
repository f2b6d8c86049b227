import Foundation
import GRDB

/// The reads behind `jatta stats` and the statistics screen. The log is
/// summed in SQL into quarter-hour slots (`review_by_time`), so the
/// statistics cost one pass over the log's index and a few thousand rows,
/// not a million values in memory. A scope's deck files and keys are bound
/// as one JSON array each (`json_each`), which SQLite turns into a lookup
/// table, so a filter of 100,000 keys is still one statement.
extension ProgressStore {
    /// Every registered card in the scope with its progress, in key order.
    public func statisticsCards(scope: StatisticsScope = StatisticsScope()) throws -> [StatisticsCardRow] {
        try read { db in
            let (clause, arguments) = try Self.scopeClause(scope, table: "c")
            let columns = ProgressColumns.names().map { "s." + $0 }.joined(separator: ", ")
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT c.key, c.deck_file, c.prompt, c.level, \(columns)
                    FROM card c LEFT JOIN card_state s ON s.key = c.key
                    WHERE TRUE \(clause) ORDER BY c.key
                    """,
                arguments: arguments)
            var result: [StatisticsCardRow] = []
            while let row = try rows.next() {
                // Decoded defensively, as every read of the store is: a
                // damaged value is a corrupt-store error naming the card.
                let stored = try StoredRow(row, keyColumn: 0, path: path)
                let progress: CardProgress =
                    row[4] == nil && row[12] == nil ? .unseen : try ProgressColumns.progress(stored, at: 4)
                result.append(
                    StatisticsCardRow(
                        key: stored.key, deckFile: try stored.string(1, required: true)!,
                        prompt: try stored.string(2, required: true)!, level: try stored.int(3),
                        progress: progress))
            }
            return result
        }
    }

    /// The answers not undone, summed per quarter hour, oldest first. The
    /// True Retention population is Anki's: answers given on an interval
    /// (due − last review) of a day or more, which is every answer to a card
    /// in review and none in minute-long learning steps; mature when that
    /// interval rounds to 21 days or more.
    public func answerSlots(scope: StatisticsScope = StatisticsScope()) throws -> [AnswerSlot] {
        try read { db in
            let (clause, arguments) = try Self.scopeClause(scope, table: "e")
            // Every answer, in one pass over the table (its rows are in time
            // order; walking the time index instead costs a lookup per row),
            // minus the few undone answers, found through the undo index:
            // far cheaper than asking "was this one undone?" a million times.
            var slots = try Self.slotSums(db, from: "review_log e", where: "TRUE", clause: clause, arguments: arguments)
            let undone = try Self.slotSums(
                db, from: "review_log u JOIN review_log e ON e.id = u.undoes",
                where: "u.undoes IS NOT NULL", clause: clause, arguments: arguments)
            for (slot, sums) in undone {
                slots[slot] = zip(slots[slot] ?? [], sums).map { $0 - $1 }
            }
            return slots.keys.sorted().compactMap { slot in
                guard let v = slots[slot], v.count == 7, v[0] > 0 else { return nil }
                return AnswerSlot(
                    start: ProgressColumns.date(slot * AnswerSlot.widthMilliseconds), answers: v[0], correct: v[1],
                    durationMilliseconds: v[2], youngPassed: v[3], youngFailed: v[4], maturePassed: v[5],
                    matureFailed: v[6])
            }
        }
    }

    /// Answers, correct ones, time and the four True Retention counts of the
    /// answers `e` selected by `from`/`where`, per quarter hour.
    private static func slotSums(
        _ db: Database, from: String, where condition: String, clause: String, arguments: StatementArguments
    ) throws -> [Int64: [Int]] {
        let mature = "(e.b_due - e.b_last_review) >= 1771200000"  // 20.5 days in ms
        let reviewed = "(e.b_state = 2 OR e.b_due - e.b_last_review >= 86400000)"
        var result: [Int64: [Int]] = [:]
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT e.at / \(AnswerSlot.widthMilliseconds) AS slot, count(*), sum(e.rating > 1),
                    sum(coalesce(e.duration_ms, 0)),
                    sum(\(reviewed) AND NOT \(mature) AND e.rating > 1),
                    sum(\(reviewed) AND NOT \(mature) AND e.rating = 1),
                    sum(\(reviewed) AND \(mature) AND e.rating > 1),
                    sum(\(reviewed) AND \(mature) AND e.rating = 1)
                FROM \(from)
                WHERE \(condition) AND e.kind IN ('study', 'quiz', 'override') \(clause)
                GROUP BY slot
                """,
            arguments: arguments)
        while let row = try rows.next() {
            let slot: Int64 = row[0]
            result[slot] = (1...7).map { (row[$0] as Int?) ?? 0 }
        }
        return result
    }

    /// How many distinct cards were answered (not undone) in `[start, end)`.
    public func cardsAnswered(from start: Date, to end: Date, scope: StatisticsScope = StatisticsScope()) throws -> Int {
        try read { db in
            let (clause, arguments) = try Self.scopeClause(scope, table: "e")
            return try Int.fetchOne(
                db,
                sql: """
                    SELECT count(DISTINCT e.key) FROM review_log e
                    WHERE e.at >= ? AND e.at < ? AND e.kind IN ('study', 'quiz', 'override')
                    AND NOT EXISTS (SELECT 1 FROM review_log u WHERE u.undoes = e.id) \(clause)
                    """,
                arguments: [ProgressColumns.bound(start), ProgressColumns.bound(end)] + arguments) ?? 0
        }
    }

    /// Quiz answers (not undone) per session and level, oldest session first.
    public func quizTallies(scope: StatisticsScope = StatisticsScope()) throws -> [QuizTallyRow] {
        try read { db in
            let (clause, arguments) = try Self.scopeClause(scope, table: "e")
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT coalesce(e.session, ''), min(e.at), c.level, count(*), sum(e.rating > 1)
                    FROM review_log e LEFT JOIN card c ON c.key = e.key
                    WHERE e.kind = 'quiz'
                    AND NOT EXISTS (SELECT 1 FROM review_log u WHERE u.undoes = e.id) \(clause)
                    GROUP BY coalesce(e.session, ''), c.level ORDER BY min(e.at), c.level
                    """,
                arguments: arguments
            ).map { row in
                let start: Int64 = row[1]
                return QuizTallyRow(
                    session: row[0], start: ProgressColumns.date(start), level: row[2], answers: row[3],
                    correct: row[4] ?? 0)
            }
        }
    }

    /// The `AND …` restricting `table` (with `key` and `deck_file` columns)
    /// to the scope, and its arguments.
    private static func scopeClause(_ scope: StatisticsScope, table: String) throws -> (String, StatementArguments) {
        var clause = ""
        var values: [String] = []
        if let deckFiles = scope.deckFiles {
            clause += " AND \(table).deck_file IN (SELECT value FROM json_each(?))"
            values.append(try jsonArray(deckFiles))
        }
        if let keys = scope.keys {
            clause += " AND \(table).key IN (SELECT value FROM json_each(?))"
            values.append(try jsonArray(keys))
        }
        return (clause, StatementArguments(values))
    }

    private static func jsonArray(_ strings: [String]) throws -> String {
        String(decoding: try JSONEncoder().encode(strings), as: UTF8.self)
    }
}
