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
        return result
    }

    /// Hands every registered card in the scope that has progress (a state
    /// row: answered, or flagged) to `body`, one at a time and in key
    /// order, and returns how many cards in the scope are registered, per
    /// deck file and level (the cards not handed over, never answered nor
    /// flagged, are these less the ones that are). The statistics tally
    /// the cards as they come, so 100,000 cards are never held at once.
    ///
    /// The registry and the states are both stored in key order, so they
    /// are read side by side, each in one forward pass, and matched by key
    /// here: SQLite's join looked each state's card up in the registry (a
    /// search from the root per card, through the pages that also hold
    /// every prompt), a third of the whole `jatta stats`. No prompt is
    /// read: the few cards the statistics list by name ask `identity` for
    /// their key and prompt.
    ///
    /// A store that keeps the groups of the home screen's counts
    /// (`KeptCounts`: `card_group`, and each state row's group in
    /// `card_state.grp`) is read from the states alone, in key order too:
    /// the registry is not stepped at all.
    @discardableResult
    public func forEachStatisticsCard(
        scope: StatisticsScope = StatisticsScope(),
        _ body: (StatisticsCardRow, StatisticsCardIdentity) throws -> Void
    ) throws -> [RegisteredGroup] {
        try read { db in
            if try KeptCounts.isKept(db) { return try forEachGroupedCard(db, scope: scope, body) }
            return try forEachRegisteredCard(db, scope: scope, body)
        }
    }

    /// Lets this connection keep up to `megabytes` of the database's
    /// pages in its cache from now on (SQLite keeps 2 MB by default, and
    /// never less than that here): a long-lived session that opens the
    /// statistics again then reads the state rows' pages (7.5 MB at
    /// 100,000 cards) from memory, not with one `pread` each. Pages are
    /// kept only once read, so this costs nothing until then.
    public func keepPagesCached(megabytes: Int) throws {
        try read { db in
            let kibibytes = -(try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000)
            guard megabytes * 1024 > kibibytes else { return }
            try db.execute(sql: "PRAGMA cache_size = -\(megabytes * 1024)")
        }
    }

    /// The cache a session's statistics screen asks for (`keepPagesCached`):
    /// the state rows of 100,000 cards and the summaries, with room to spare.
    public static let statisticsCacheMegabytes = 16

    /// `forEachStatisticsCard` from the kept groups: the pairs of deck
    /// file and level are read first (a few dozen, with their cards
    /// counted), the deck files' scope applied to them, and each state row
    /// finds its pair by number (a state without a registered card has
    /// none, and is passed as a join would).
    private func forEachGroupedCard(
        _ db: Database, scope: StatisticsScope, _ body: (StatisticsCardRow, StatisticsCardIdentity) throws -> Void
    ) throws -> [RegisteredGroup] {
        let wanted = scope.deckFiles.map(Set.init)
        var pairs: [(deckFile: String, level: Int?)?] = []
        var counts: [Int] = []
        for row in try Row.fetchAll(db, sql: KeptCounts.groupsWithLevel) {
            let stored = try StoredRow(row, keyColumn: nil, path: path)
            guard let id = try stored.int(0), id >= 0, id < 1 << 20 else { throw stored.corrupt(0, "pair number") }
            let deckFile = try stored.string(1, required: true)!
            if id >= pairs.count {
                pairs += Array(repeating: nil, count: id + 1 - pairs.count)
                counts += Array(repeating: 0, count: id + 1 - counts.count)
            }
            guard wanted?.contains(deckFile) ?? true else { continue }
            pairs[id] = (deckFile, try Self.level(of: stored, row: row, db: db, path: path))
            counts[id] = try stored.count(3) ?? 0
        }
        var sql = """
            SELECT key, grp, \(ProgressColumns.statisticsNames().joined(separator: ", ")) FROM card_state
            WHERE grp IS NOT NULL
            """
        var arguments = StatementArguments()
        if let keysJSON = scope.keysJSON {
            // Only these cards, found by SQLite through a lookup table, and counted so.
            arguments = [keysJSON]
            sql += " AND key IN (SELECT value FROM json_each(?))"
            counts = counts.map { _ in 0 }
            for row in try Row.fetchAll(db, sql: KeptCounts.registeredOfKeys, arguments: arguments) {
                let stored = try StoredRow(row, keyColumn: nil, path: path)
                guard let id = try stored.int(0), id >= 0, id < counts.count else {
                    throw stored.corrupt(0, "a deck file and level not numbered")
                }
                counts[id] = try stored.count(1) ?? 0
            }
        }
        let statement = try db.makeStatement(sql: sql)
        let promptStatement = try db.cachedStatement(sql: "SELECT prompt FROM card WHERE key = ?")
        // One reader serves every row (`StatementRow.forEach`), so the
        // identity over it is made once too, not once per card.
        var identity: StatisticsCardIdentity? = nil
        try StatementRow.forEach(of: statement, arguments: arguments, keyColumn: 0, path: path) { row in
            let card = identity ?? StatisticsCardIdentity(row: row, promptStatement: promptStatement)
            identity = card
            guard let group = try row.int(1), group >= 0, group < pairs.count else {
                throw row.corrupt(1, "a deck file and level not numbered")
            }
            // Outside the deck files' scope.
            guard let pair = pairs[group] else { return }
            try body(
                StatisticsCardRow(
                    deckFile: pair.deckFile, level: pair.level,
                    progress: try ProgressColumns.statisticsProgress(row, at: 2),
                    group: group),
                card)
        }
        return pairs.indices.compactMap { group in
            guard let pair = pairs[group], counts[group] > 0 else { return nil }
            return RegisteredGroup(deckFile: pair.deckFile, level: pair.level, group: group, count: counts[group])
        }
    }

    /// The level of a pair (column 2 of `stored`); a damaged one is the
    /// error reading a card of that pair from the registry gives, naming
    /// the card, as everywhere else.
    private static func level(of stored: StoredRow, row: Row, db: Database, path: String) throws -> Int? {
        do {
            return try stored.int(2)
        } catch {
            let card = try Row.fetchOne(
                db, sql: "SELECT key, level FROM card WHERE deck_file = ? AND level IS ? LIMIT 1",
                arguments: [row[1] as DatabaseValue, row[2] as DatabaseValue])
            if let card { _ = try StoredRow(card, keyColumn: 0, path: path).int(1) }
            throw error
        }
    }

    /// `forEachStatisticsCard` from the registry and the states, for a
    /// store without the kept groups (opened read-only from before them).
    private func forEachRegisteredCard(
        _ db: Database, scope: StatisticsScope, _ body: (StatisticsCardRow, StatisticsCardIdentity) throws -> Void
    ) throws -> [RegisteredGroup] {
        let (clause, arguments) = try Self.scopeClause(scope, table: "c")
        // NOT INDEXED: the registry's own order (its key), whatever the scope.
        let cardStatement = try db.makeStatement(
            sql: "SELECT c.key, c.deck_file, c.level FROM card c NOT INDEXED WHERE TRUE \(clause) ORDER BY c.key")
        cardStatement.arguments = arguments
        let columns = ProgressColumns.statisticsNames(prefix: "s.").joined(separator: ", ")
        let stateStatement = try db.makeStatement(sql: "SELECT s.key, \(columns) FROM card_state s ORDER BY s.key")
        let promptStatement = try db.cachedStatement(sql: "SELECT prompt FROM card WHERE key = ?")
        let cards = try Row.fetchCursor(cardStatement)
        let states = try Row.fetchCursor(stateStatement)
        var groups = RegisteredGroups()
        var state = try states.next()
        while let card = try cards.next() {
            let registered = StatementRow(
                row: card, statement: cardStatement.sqliteStatement, keyColumn: 0, path: path)
            let key = try registered.keyBytes(0)
            let level = try registered.int(2)
            let (deckFile, group) = try groups.count(registered, deckFileAt: 1, level: level)
            // Pass the states of keys not registered (or not in the scope).
            var stored: StatementRow?
            while let row = state {
                let candidate = StatementRow(
                    row: row, statement: stateStatement.sqliteStatement, keyColumn: 0, path: path)
                let order = StatementRow.binaryOrder(try candidate.keyBytes(0), key)
                if order > 0 { break }
                if order == 0 {
                    stored = candidate
                    break
                }
                state = try states.next()
            }
            guard let stored else { continue }
            try body(
                StatisticsCardRow(
                    deckFile: deckFile, level: level, progress: try ProgressColumns.statisticsProgress(stored, at: 1),
                    group: group),
                StatisticsCardIdentity(row: stored, promptStatement: promptStatement))
            state = try states.next()
        }
        return groups.counts
    }

    /// The answers not undone, summed per quarter hour, oldest first, with
    /// the True Retention counts (`AnswerSummaries.slotContribution` says
    /// which answers count). Read from the kept `answer_slot` summary; a
    /// scope of card keys (a level or tag filter) from its rows of the
    /// groups of deck file and level the keys cover whole (a level), and
    /// for the other keys (a tag) from the log: card by card through each
    /// card's chain of entries (`EntryChain`) when they are few, else in one pass
    /// (`AnswerSummaries.slotTotals`). A store opened read-only from
    /// before the summaries (or their groups) sums the log itself.
    public func answerSlots(scope: StatisticsScope = StatisticsScope()) throws -> [AnswerSlot] {
        try read { db in
            let (clause, arguments) = try Self.scopeClause(scope, table: "e")
            var slots: [Int64: [Int]] = [:]
            if scope.keys == nil, try AnswerSummaries.areKept(db) {
                slots = try AnswerSummaries.keptSlotTotals(db, path: path, clause: clause, arguments: arguments)
            } else if let keys = scope.keys, let keysJSON = scope.keysJSON, try AnswerSummaries.areGrouped(db),
                try KeptCounts.isKept(db)
            {
                let (deckClause, deckArguments) = try Self.scopeClause(
                    StatisticsScope(deckFiles: scope.deckFiles), table: "e")
                slots = try AnswerSummaries.slotTotals(
                    ofCards: keys, keysJSON: keysJSON, db: db, path: path, clause: deckClause,
                    arguments: deckArguments)
            } else {
                let perDeck: [AnswerSummaries.SlotKey: [Int]]
                if let keys = scope.keys, try AnswerSummaries.fewCards(keys.count, db: db) {
                    let (deckClause, deckArguments) = try Self.scopeClause(
                        StatisticsScope(deckFiles: scope.deckFiles), table: "e")
                    perDeck = try AnswerSummaries.slotsOfCards(
                        db, keys: keys, clause: deckClause, arguments: deckArguments)
                } else {
                    // Summed per slot below: no registry group is needed (a
                    // store from before the summaries has no `card_group`).
                    perDeck = try AnswerSummaries.recomputedSlots(db, clause: clause, arguments: arguments, group: nil)
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
                    WHERE \(LogClauses.during(db, from: ProgressColumns.bound(start), to: ProgressColumns.bound(end)))
                    AND \(LogClauses.isAnswer)
                    AND \(LogClauses.notUndone) \(clause)
                    """,
                arguments: arguments) ?? 0
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
        if let keysJSON = scope.keysJSON {
            clause += " AND \(table).key IN (SELECT value FROM json_each(?))"
            values.append(keysJSON)
        }
        return (clause, StatementArguments(values))
    }

    private static func jsonArray(_ strings: [String]) throws -> String { JSONTextArray.of(strings) }
}
