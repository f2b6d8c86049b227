import FSRS
import Foundation
import GRDB

/// The reads the study screen needs. Each is one indexed query; the
/// `card_state_by_due` partial index covers the due queues, `review_by_time`
/// the daily counts and `review_by_card` a card's history.
extension ProgressStore {
    /// The current progress of the given keys; keys the store has no row for
    /// (unseen cards) are absent from the result.
    public func progress(for keys: [String]) throws -> [String: CardProgress] {
        try read { db in
            var result: [String: CardProgress] = [:]
            result.reserveCapacity(keys.count)
            let columns = ProgressColumns.names().joined(separator: ", ")
            if keys.count > Self.keysWorthAScan {
                // Most of the registry asked for (a start on every deck): one
                // pass over the state table beats a B-tree search per key.
                let wanted = Set(keys)
                let rows = try Row.fetchCursor(db, sql: "SELECT key, \(columns) FROM card_state")
                while let row = try rows.next() {
                    let stored = try StoredRow(row, keyColumn: 0, path: path)
                    if wanted.contains(stored.key) { result[stored.key] = try ProgressColumns.progress(stored, at: 1) }
                }
                return result
            }
            for chunk in keys.chunked(into: 900) {
                let marks = Array(repeating: "?", count: chunk.count).joined(separator: ", ")
                let rows = try Row.fetchCursor(
                    db, sql: "SELECT key, \(columns) FROM card_state WHERE key IN (\(marks))",
                    arguments: StatementArguments(Array(chunk)))
                while let row = try rows.next() {
                    let stored = try StoredRow(row, keyColumn: 0, path: path)
                    result[stored.key] = try ProgressColumns.progress(stored, at: 1)
                }
            }
            return result
        }
    }

    /// Which of `keys` have progress (a state row), without decoding it:
    /// the identity hand-over's first question at every start.
    public func keysWithProgress(among keys: [String]) throws -> Set<String> {
        if keys.count > Self.keysWorthAScan { return try keysWithProgress(among: Set(keys)) }
        return try read { db in
            var result = Set<String>()
            for chunk in keys.chunked(into: 900) {
                let marks = Array(repeating: "?", count: chunk.count).joined(separator: ", ")
                result.formUnion(
                    try String.fetchAll(
                        db, sql: "SELECT key FROM card_state WHERE key IN (\(marks))",
                        arguments: StatementArguments(Array(chunk))))
            }
            return result
        }
    }

    /// `keysWithProgress(among:)` for keys already in a set (the identity
    /// hand-over's former keys): one pass over the state table, each key
    /// looked up in the set as it is, without making the set again.
    public func keysWithProgress(among wanted: Set<String>) throws -> Set<String> {
        guard wanted.count > Self.keysWorthAScan else { return try keysWithProgress(among: Array(wanted)) }
        return try read { db in
            var result = Set<String>()
            let rows = try String.fetchCursor(db, sql: "SELECT key FROM card_state")
            while let key = try rows.next() {
                if wanted.contains(key) { result.insert(key) }
            }
            return result
        }
    }

    /// Above this many keys `progress(for:)` reads the whole state table
    /// once instead of looking each key up.
    public static let keysWorthAScan = 4_000

    /// The progress of every face the store holds, handed to `body` row by
    /// row as it is read: for a caller that wants most of the store (a
    /// start on a large collection). Reading into a dictionary that the
    /// caller then copied into its own tables, and matching every row
    /// against a set of the wanted keys, was a sixth of a start at 100,000
    /// cards. Values are checked as `progress(for:)` checks them.
    public func forEachProgress(_ body: (_ key: String, _ progress: CardProgress) throws -> Void) throws {
        try read { db in
            let columns = ProgressColumns.names().joined(separator: ", ")
            let statement = try db.makeStatement(sql: "SELECT key, \(columns) FROM card_state")
            let rows = try Row.fetchCursor(statement)
            while let row = try rows.next() {
                let stored = StatementRow(row: row, statement: statement.sqliteStatement, keyColumn: 0, path: path)
                // The key straight from SQLite's bytes; anything but valid
                // text goes the careful way, which words the error.
                let key =
                    try stored.textBytes(0).flatMap { String(validating: $0, as: UTF8.self) }
                    ?? stored.string(0, required: true) ?? ""
                try body(key, try ProgressColumns.progress(stored, at: 1))
            }
        }
    }

    /// The schedules of the given keys that have been answered at least once
    /// (including suspended and buried ones: the caller decides what to show).
    public func schedules(for keys: [String]) throws -> [String: CardSchedule] {
        try progress(for: keys).compactMapValues(\.schedule)
    }

    /// Today's queue in one read transaction, so the lists and the counts
    /// agree even while another process is answering. `day` is the caller's
    /// idea of today (the rollover hour is a scheduling choice, not the
    /// store's); learning cards are taken up to `learnAhead`.
    public func studyQueue(
        dayStart: Date, dayEnd: Date, now: Date, learnAhead: Date, newCardLimit: Int, reviewLimit: Int,
        deckFiles: [String]? = nil
    ) throws -> DueQueue {
        try read { db in
            let studied = try Self.studiedCounts(db, from: dayStart, to: dayEnd)
            let learning = try Self.keys(
                db, index: "card_state_learning", whereClause: "state IN (1, 3)", dueBy: learnAhead, now: now, limit: nil)
            let reviews = try Self.keys(
                db, whereClause: "state = 2", dueBy: dayEnd, now: now, limit: max(0, reviewLimit - studied.reviews))
            let new = try Self.newKeys(db, limit: newCardLimit - studied.newCards, now: now, deckFiles: deckFiles)
            return DueQueue(learning: learning, reviews: reviews, new: new, studied: studied)
        }
    }

    /// Answered cards due by `dueBy` (e.g. the end of today) that are neither
    /// suspended nor buried at `now`, earliest first.
    public func dueKeys(by dueBy: Date, now: Date, limit: Int? = nil) throws -> [String] {
        try keys(whereClause: "TRUE", dueBy: dueBy, now: now, limit: limit)
    }

    /// Cards in learning or relearning steps due by `dueBy` (e.g. the end of
    /// the session), not suspended or buried at `now`, earliest first.
    public func learningKeys(dueBy: Date, now: Date) throws -> [String] {
        try keys(index: "card_state_learning", whereClause: "state IN (1, 3)", dueBy: dueBy, now: now, limit: nil)
    }

    private func keys(
        index: String = "card_state_by_due", whereClause: String, dueBy: Date, now: Date, limit: Int?
    ) throws -> [String] {
        try read { db in
            try Self.keys(db, index: index, whereClause: whereClause, dueBy: dueBy, now: now, limit: limit)
        }
    }

    private static func keys(
        _ db: Database, index: String = "card_state_by_due", whereClause: String, dueBy: Date, now: Date, limit: Int?
    ) throws -> [String] {
        try String.fetchAll(
            db,
            sql: """
                SELECT key FROM card_state INDEXED BY \(index)
                WHERE state IS NOT NULL AND suspended = 0 AND due <= ?
                AND (buried_until IS NULL OR buried_until <= ?) AND \(whereClause)
                ORDER BY due, key LIMIT ?
                """,
            arguments: [ProgressColumns.bound(dueBy), ProgressColumns.bound(now), limit ?? -1])
    }

    /// Registered cards never answered, not suspended or buried at `now`, in
    /// the order they were first registered, at most `limit` (the daily
    /// new-card allowance left). `deckFiles` restricts them to some decks.
    public func newKeys(limit: Int, now: Date, deckFiles: [String]? = nil) throws -> [String] {
        try read { db in try Self.newKeys(db, limit: limit, now: now, deckFiles: deckFiles) }
    }

    private static func newKeys(_ db: Database, limit: Int, now: Date, deckFiles: [String]?) throws -> [String] {
        guard limit > 0 else { return [] }
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
                SELECT c.key FROM card c INDEXED BY card_new
                LEFT JOIN card_state s ON s.key = c.key
                WHERE c.answered = 0 AND s.state IS NULL AND coalesce(s.suspended, 0) = 0
                AND (s.buried_until IS NULL OR s.buried_until <= ?) \(deckClause)
                ORDER BY c.first_seen, c.key LIMIT ?
                """,
            arguments: StatementArguments(arguments))
    }

    /// What was answered in `[start, end)` and not undone: how many cards
    /// were new and how many answers were reviews (the card was in review
    /// state), for the daily limits. Learning steps count towards neither.
    public func studiedCounts(from start: Date, to end: Date) throws -> StudiedCounts {
        try read { db in try Self.studiedCounts(db, from: start, to: end) }
    }

    private static func studiedCounts(_ db: Database, from start: Date, to end: Date) throws -> StudiedCounts {
        let row = try Row.fetchOne(
            db,
            sql: """
                SELECT count(DISTINCT CASE WHEN e.b_state IS NULL THEN e.key END),
                       count(CASE WHEN e.b_state = 2 THEN 1 END),
                       count(*)
                FROM review_log e
                WHERE e.at >= ? AND e.at < ? AND e.kind IN ('study', 'quiz', 'override')
                AND \(LogClauses.notUndone)
                """,
            arguments: [ProgressColumns.bound(start), ProgressColumns.bound(end)])
        return StudiedCounts(newCards: row?[0] ?? 0, reviews: row?[1] ?? 0, answers: row?[2] ?? 0)
    }

    /// Counts per deck file and level of the registered cards: new, learning,
    /// review, due by `dueBy`, suspended, buried at `now`. Levels come from the
    /// registry (the deck's `level:` as last registered), so the overview
    /// needs no deck parsed. Sorted by deck file, then level (nil first).
    ///
    /// Two queries instead of one join over every card: totals from the
    /// registry's covering index, and a join only for the few state rows that
    /// are not plain reviews waiting for a later day (learning, due,
    /// suspended, buried); CROSS JOIN keeps SQLite from driving the join
    /// from the registry. Reviews are then answered cards minus learning ones.
    public func counts(dueBy: Date, now: Date) throws -> [GroupCounts] {
        struct Group: Hashable {
            var deckFile: String
            var level: Int?
        }
        return try read { db in
            var totals: [Group: (total: Int, answered: Int)] = [:]
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT deck_file, level, count(*), sum(answered) FROM card INDEXED BY card_by_deck
                    GROUP BY deck_file, level
                    """)
            {
                let stored = try StoredRow(row, keyColumn: nil, path: path)
                totals[Group(deckFile: try stored.string(0) ?? "?", level: try stored.int(1))] =
                    (try stored.count(2) ?? 0, try stored.count(3) ?? 0)
            }
            var special: [Group: [Int]] = [:]
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT c.deck_file, c.level,
                        sum(s.state IN (1, 3)),
                        sum(s.state IS NOT NULL AND s.suspended = 0 AND s.due <= ?1
                            AND (s.buried_until IS NULL OR s.buried_until <= ?2)),
                        sum(s.suspended),
                        sum(s.suspended = 0 AND s.buried_until > ?2),
                        sum(s.state IS NULL AND s.suspended = 1)
                    FROM card_state s CROSS JOIN card c ON c.key = s.key
                    WHERE s.state IN (1, 3) OR s.due <= ?1 OR s.suspended = 1 OR s.buried_until > ?2
                    GROUP BY c.deck_file, c.level
                    """,
                arguments: [ProgressColumns.bound(dueBy), ProgressColumns.bound(now)])
            {
                let stored = try StoredRow(row, keyColumn: nil, path: path)
                special[Group(deckFile: try stored.string(0) ?? "?", level: try stored.int(1))] =
                    try (2...6).map { try stored.count($0) ?? 0 }
            }
            let groups = totals.keys.sorted {
                ($0.deckFile, $0.level ?? Int.min) < ($1.deckFile, $1.level ?? Int.min)
            }
            return groups.map { group in
                let total = totals[group] ?? (0, 0)
                let row = special[group]
                let learning = row?[0] ?? 0
                let suspendedUnanswered = row?[4] ?? 0
                return GroupCounts(
                    deckFile: group.deckFile, level: group.level,
                    counts: CardCounts(
                        new: total.total - total.answered - suspendedUnanswered, learning: learning,
                        review: total.answered - learning, due: row?[1] ?? 0, suspended: row?[2] ?? 0,
                        buried: row?[3] ?? 0, total: total.total))
            }
        }
    }

    /// One card's log, newest first.
    public func history(key: String) throws -> [ReviewLogEntry] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT \(Self.entryColumns) FROM review_log e WHERE e.key = ? ORDER BY e.id DESC",
                arguments: [key]
            ).map { try Self.entry($0, path: path) }
        }
    }

    /// The whole log, newest first, `limit` entries at most (nil for all).
    public func log(limit: Int? = nil) throws -> [ReviewLogEntry] {
        try read { db in
            try Row.fetchAll(
                db, sql: "SELECT \(Self.entryColumns) FROM review_log e ORDER BY e.id DESC LIMIT ?",
                arguments: [limit ?? -1]
            ).map { try Self.entry($0, path: path) }
        }
    }

    /// The log entry with this id, if it exists.
    public func entry(id: ReviewLogEntry.ID) throws -> ReviewLogEntry? {
        try read { db in
            try Row.fetchOne(db, sql: "SELECT \(Self.entryColumns) FROM review_log e WHERE e.id = ?", arguments: [id])
                .map { try Self.entry($0, path: path) }
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
                    let stored = try StoredRow(row, keyColumn: 0, path: path)
                    let card = RegisteredCard(
                        key: stored.key, deckFile: try stored.string(1, required: true)!,
                        prompt: try stored.string(2, required: true)!, level: try stored.int(3))
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
