import Foundation
import GRDB

/// The reads behind `jatta stats` and the statistics screen. The log is
/// read through the summaries kept with every answer and undo
/// (`AnswerSummaries`): a few thousand quarter-hour rows, whatever the
/// number of answers. A scope's deck files and keys are bound
/// as one JSON array each (`json_each`), which SQLite turns into a lookup
/// table, so a filter of 100,000 keys is still one statement.
extension ProgressStore {
    /// Every registered card in the scope that has progress, with its key, in key order.
    public func statisticsCards(scope: StatisticsScope = StatisticsScope()) throws
        -> [(key: String, card: StatisticsCardRow)]
    {
        var result: [(key: String, card: StatisticsCardRow)] = []
        try forEachStatisticsCard(scope: scope) { result.append((try $1.key(), $0)) }
        return result.sorted { $0.key < $1.key }
    }

    /// How many cards in the scope are registered, per deck file and level:
    /// the cards `forEachStatisticsCard` does not hand over (never answered
    /// nor flagged) are these less the ones it does. Counted in the
    /// registry's deck index.
    public func registeredCardCounts(scope: StatisticsScope = StatisticsScope()) throws
        -> [(deckFile: String, level: Int?, count: Int)]
    {
        try read { db in
            let (clause, arguments) = try Self.scopeClause(scope, table: "c")
            return try Row.fetchAll(
                db,
                sql: "SELECT c.deck_file, c.level, count(*) FROM card c WHERE TRUE \(clause) GROUP BY 1, 2",
                arguments: arguments
            ).map { row in
                let stored = try StoredRow(row, keyColumn: nil, path: path)
                return (try stored.string(0, required: true)!, try stored.int(1), try stored.count(2, required: true)!)
            }
        }
    }

    /// Hands every registered card in the scope that has progress (a state
    /// row: answered, or flagged) to `body`, one at a time and in no
    /// particular order: the statistics tally them as they come, so
    /// 100,000 cards are never held at once. The states are read in key
    /// order and each card's registry row looked up in the same order, so
    /// each page of either is read once (the registry's deck index, in deck
    /// order, would look the states up all over the table, again per deck).
    /// No prompt is read: the few cards the statistics list by name ask
    /// `identity` for their key and prompt.
    public func forEachStatisticsCard(
        scope: StatisticsScope = StatisticsScope(),
        _ body: (StatisticsCardRow, StatisticsCardIdentity) throws -> Void
    ) throws {
        try read { db in
            let (clause, arguments) = try Self.scopeClause(scope, table: "c")
            let columns = ProgressColumns.names().map { "s." + $0 }.joined(separator: ", ")
            let statement = try db.makeStatement(
                sql: """
                    SELECT c.deck_file, c.level, s.key, \(columns)
                    FROM card_state s CROSS JOIN card c ON c.key = s.key
                    WHERE TRUE \(clause)
                    """)
            statement.arguments = arguments
            let promptStatement = try db.cachedStatement(sql: "SELECT prompt FROM card WHERE key = ?")
            let rows = try Row.fetchCursor(statement)
            // The deck files met so far, compared in place, so that each is
            // made into a String once (a course has a few dozen).
            var deckFiles: [(bytes: [UInt8], name: String)] = []
            var lastDeck = 0
            let progressAt = 3
            while let row = try rows.next() {
                // Decoded defensively, as every read of the store is: a
                // damaged value is a corrupt-store error naming the card.
                let stored = StatementRow(
                    row: row, statement: statement.sqliteStatement, keyColumn: StatisticsCardIdentity.keyColumn,
                    path: path)
                let deckFile: String
                let bytes = stored.textBytes(0)
                func same(_ known: [UInt8]) -> Bool {
                    guard let bytes, bytes.count == known.count else { return false }
                    return known.withUnsafeBufferPointer { known in
                        guard let a = known.baseAddress, let b = bytes.baseAddress else { return true }
                        return memcmp(a, b, bytes.count) == 0
                    }
                }
                if lastDeck < deckFiles.count, same(deckFiles[lastDeck].bytes) {
                    deckFile = deckFiles[lastDeck].name
                } else if let known = deckFiles.firstIndex(where: { same($0.bytes) }) {
                    lastDeck = known
                    deckFile = deckFiles[known].name
                } else {
                    deckFile = try stored.string(0, required: true)!
                    // Beyond a few dozen, comparing would cost more than it saves.
                    if deckFiles.count < 64 {
                        deckFiles.append((Array(deckFile.utf8), deckFile))
                        lastDeck = deckFiles.count - 1
                    }
                }
                try body(
                    StatisticsCardRow(
                        deckFile: deckFile, level: try stored.int(1),
                        progress: try ProgressColumns.progress(stored, at: progressAt)),
                    StatisticsCardIdentity(row: stored, promptStatement: promptStatement))
            }
        }
    }

    /// The answers not undone, summed per quarter hour, oldest first, with
    /// the True Retention counts (`AnswerSummaries.slotContribution` says
    /// which answers count). Read from the kept `answer_slot` summary; a
    /// scope of card keys (a level or tag filter), which the summary does
    /// not break down, sums the log itself: card by card through its
    /// per-card index when the cards are few (a tag), else in one pass
    /// (`AnswerSummaries.fewCards` says which), as does a store opened
    /// read-only from before the summaries.
    public func answerSlots(scope: StatisticsScope = StatisticsScope()) throws -> [AnswerSlot] {
        try read { db in
            let (clause, arguments) = try Self.scopeClause(scope, table: "e")
            var slots: [Int64: [Int]] = [:]
            if scope.keys == nil, try AnswerSummaries.areKept(db) {
                slots = try AnswerSummaries.keptSlotTotals(db, path: path, clause: clause, arguments: arguments)
            } else {
                let perDeck: [AnswerSummaries.SlotKey: [Int]]
                if let keys = scope.keys, try AnswerSummaries.fewCards(keys.count, db: db) {
                    let (deckClause, deckArguments) = try Self.scopeClause(
                        StatisticsScope(deckFiles: scope.deckFiles), table: "e")
                    perDeck = try AnswerSummaries.slotsOfCards(
                        db, keys: keys, clause: deckClause, arguments: deckArguments)
                } else {
                    perDeck = try AnswerSummaries.recomputedSlots(db, clause: clause, arguments: arguments)
                }
                for (key, sums) in perDeck { slots[key.slot] = AnswerSummaries.sum(slots[key.slot], sums) }
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

    /// How many distinct cards were answered (not undone) in `[start, end)`.
    public func cardsAnswered(from start: Date, to end: Date, scope: StatisticsScope = StatisticsScope()) throws -> Int {
        try read { db in
            let (clause, arguments) = try Self.scopeClause(scope, table: "e")
            return try Int.fetchOne(
                db,
                sql: """
                    SELECT count(DISTINCT e.key) FROM review_log e
                    WHERE e.at >= ? AND e.at < ? AND e.kind IN ('study', 'quiz', 'override')
                    AND \(LogClauses.notUndone) \(clause)
                    """,
                arguments: [ProgressColumns.bound(start), ProgressColumns.bound(end)] + arguments) ?? 0
        }
    }

    /// Quiz answers (not undone) per session and level, oldest session
    /// first, from the kept `quiz_summary` (one row per session and card).
    public func quizTallies(scope: StatisticsScope = StatisticsScope()) throws -> [QuizTallyRow] {
        try read { db in
            let (clause, arguments) = try Self.scopeClause(scope, table: "q")
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT q.session, min(q.first_at), c.level, sum(q.answers), sum(q.correct)
                    FROM \(try AnswerSummaries.quizSource(db)) q LEFT JOIN card c ON c.key = q.key
                    WHERE TRUE \(clause)
                    GROUP BY q.session, c.level ORDER BY min(q.first_at), c.level
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
