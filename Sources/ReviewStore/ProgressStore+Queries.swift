import FSRS
import Foundation
import GRDB

/// The reads the study screen needs. Each is one indexed query; the
/// `card_state_by_due` partial index covers the due queues, `review_log_by_time`
/// the daily counts and `review_log_by_key` a card's history.
extension ProgressStore {
    /// The current progress of the given keys; keys the store has no row for
    /// (unseen cards) are absent from the result.
    public func progress(for keys: [String]) throws -> [String: CardProgress] {
        try read { db in
            var result: [String: CardProgress] = [:]
            result.reserveCapacity(keys.count)
            let columns = ProgressColumns.names().joined(separator: ", ")
            for chunk in keys.chunked(into: 900) {
                let marks = Array(repeating: "?", count: chunk.count).joined(separator: ", ")
                let rows = try Row.fetchCursor(
                    db, sql: "SELECT key, \(columns) FROM card_state WHERE key IN (\(marks))",
                    arguments: StatementArguments(Array(chunk)))
                while let row = try rows.next() {
                    result[row[0]] = try ProgressColumns.progress(row, at: 1)
                }
            }
            return result
        }
    }

    /// The schedules of the given keys that have been answered at least once
    /// (including suspended and buried ones: the caller decides what to show).
    public func schedules(for keys: [String]) throws -> [String: CardSchedule] {
        try progress(for: keys).compactMapValues(\.schedule)
    }

    /// Answered cards due by `dueBy` (e.g. the end of today) that are neither
    /// suspended nor buried at `now`, earliest first.
    public func dueKeys(by dueBy: Date, now: Date, limit: Int? = nil) throws -> [String] {
        try keys(whereClause: "TRUE", dueBy: dueBy, now: now, limit: limit)
    }

    /// Cards in learning or relearning steps due by `dueBy` (e.g. the end of
    /// the session), not suspended or buried at `now`, earliest first.
    public func learningKeys(dueBy: Date, now: Date) throws -> [String] {
        try keys(whereClause: "state IN (1, 3)", dueBy: dueBy, now: now, limit: nil)
    }

    private func keys(whereClause: String, dueBy: Date, now: Date, limit: Int?) throws -> [String] {
        try read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT key FROM card_state INDEXED BY card_state_by_due
                    WHERE state IS NOT NULL AND suspended = 0 AND due <= ?
                    AND (buried_until IS NULL OR buried_until <= ?) AND \(whereClause)
                    ORDER BY due, key LIMIT ?
                    """,
                arguments: [ProgressColumns.bound(dueBy), ProgressColumns.bound(now), limit ?? -1])
        }
    }

    /// Registered cards never answered, not suspended or buried at `now`, in
    /// the order they were first registered, at most `limit` (the daily
    /// new-card allowance left). `deckFiles` restricts them to some decks.
    public func newKeys(limit: Int, now: Date, deckFiles: [String]? = nil) throws -> [String] {
        guard limit > 0 else { return [] }
        return try read { db in
            var arguments: [(any DatabaseValueConvertible)?] = [ProgressColumns.bound(now)]
            var deckClause = ""
            if let deckFiles {
                deckClause = "AND c.deck_file IN (\(Array(repeating: "?", count: deckFiles.count).joined(separator: ", ")))"
                arguments += deckFiles
            }
            arguments.append(limit)
            return try String.fetchAll(
                db,
                sql: """
                    SELECT c.key FROM card c INDEXED BY card_by_first_seen
                    LEFT JOIN card_state s ON s.key = c.key
                    WHERE s.state IS NULL AND coalesce(s.suspended, 0) = 0
                    AND (s.buried_until IS NULL OR s.buried_until <= ?) \(deckClause)
                    ORDER BY c.first_seen, c.key LIMIT ?
                    """,
                arguments: StatementArguments(arguments))
        }
    }

    /// What was answered in `[start, end)` and not undone: how many cards
    /// were new and how many were reviews, for the daily limits.
    public func studiedCounts(from start: Date, to end: Date) throws -> StudiedCounts {
        try read { db in
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT count(DISTINCT CASE WHEN e.b_state IS NULL THEN e.key END),
                           count(CASE WHEN e.b_state IS NOT NULL THEN 1 END),
                           count(*)
                    FROM review_log e INDEXED BY review_log_by_time
                    WHERE e.at >= ? AND e.at < ? AND e.kind IN ('study', 'quiz', 'override')
                    AND NOT EXISTS (SELECT 1 FROM review_log u WHERE u.undoes = e.id)
                    """,
                arguments: [ProgressColumns.bound(start), ProgressColumns.bound(end)])
            return StudiedCounts(newCards: row?[0] ?? 0, reviews: row?[1] ?? 0, answers: row?[2] ?? 0)
        }
    }

    /// Counts per deck file and level of the registered cards: new, learning,
    /// review, due by `dueBy`, suspended, buried at `now`. Levels come from the
    /// registry (the deck's `level:` as last registered), so the overview
    /// needs no deck parsed. Sorted by deck file, then level (nil first).
    public func counts(dueBy: Date, now: Date) throws -> [GroupCounts] {
        try read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT c.deck_file, c.level,
                        sum(s.state IS NULL AND coalesce(s.suspended, 0) = 0),
                        sum(s.state IN (1, 3)),
                        sum(s.state = 2),
                        sum(s.state IS NOT NULL AND s.suspended = 0 AND s.due <= ?1
                            AND (s.buried_until IS NULL OR s.buried_until <= ?2)),
                        sum(coalesce(s.suspended, 0)),
                        sum(coalesce(s.suspended, 0) = 0 AND s.buried_until > ?2),
                        count(*)
                    FROM card c LEFT JOIN card_state s ON s.key = c.key
                    GROUP BY c.deck_file, c.level
                    ORDER BY c.deck_file, c.level
                    """,
                arguments: [ProgressColumns.bound(dueBy), ProgressColumns.bound(now)])
            return rows.map { row in
                GroupCounts(
                    deckFile: row[0], level: row[1],
                    counts: CardCounts(
                        new: row[2] ?? 0, learning: row[3] ?? 0, review: row[4] ?? 0, due: row[5] ?? 0,
                        suspended: row[6] ?? 0, buried: row[7] ?? 0, total: row[8] ?? 0))
            }
        }
    }

    /// One card's log, newest first.
    public func history(key: String) throws -> [ReviewLogEntry] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT \(Self.entryColumns) FROM review_log e WHERE e.key = ? ORDER BY e.id DESC",
                arguments: [key]
            ).map(Self.entry)
        }
    }

    /// The whole log, newest first, `limit` entries at most (nil for all).
    public func log(limit: Int? = nil) throws -> [ReviewLogEntry] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT \(Self.entryColumns) FROM review_log e ORDER BY e.id DESC LIMIT ?",
                arguments: [limit ?? -1]
            ).map(Self.entry)
        }
    }

    /// The log entry with this id, if it exists.
    public func entry(id: ReviewLogEntry.ID) throws -> ReviewLogEntry? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT \(Self.entryColumns) FROM review_log e WHERE e.id = ?", arguments: [id])
                .map(Self.entry)
        }
    }

    /// How many entries the log holds.
    public func logCount() throws -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM review_log") ?? 0 }
    }

    /// The registry entries of the given keys (all of them when nil).
    public func registeredCards(keys: [String]? = nil) throws -> [String: RegisteredCard] {
        try read { db in
            var result: [String: RegisteredCard] = [:]
            let chunks: [[String]?] = keys.map { $0.chunked(into: 900).map { Optional(Array($0)) } } ?? [nil]
            for chunk in chunks {
                var sql = "SELECT key, deck_file, prompt, level FROM card"
                if let chunk { sql += " WHERE key IN (\(Array(repeating: "?", count: chunk.count).joined(separator: ", ")))" }
                let rows = try Row.fetchCursor(db, sql: sql, arguments: StatementArguments(chunk ?? []))
                while let row = try rows.next() {
                    let card = RegisteredCard(key: row[0], deckFile: row[1], prompt: row[2], level: row[3])
                    result[card.key] = card
                }
            }
            return result
        }
    }
}

extension Array {
    func chunked(into size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
