import FSRS
import Foundation
import GRDB

/// The reads the study screen needs. Each is one indexed query; the
/// `card_state_by_due` partial index covers the due queues, the kept hours
/// (`ReviewHours`) the daily counts and each card's chain of entries (`EntryChain`) its history.
extension ProgressStore {
    /// The current progress of the given keys; keys the store has no row for
    /// (unseen cards) are absent from the result.
    public func progress(for keys: [String]) throws -> [String: CardProgress] {
        var result: [String: CardProgress] = [:]
        result.reserveCapacity(keys.count)
        guard try scanPays(forKeys: keys.count) else {
            try forEachProgress(of: keys) { key, progress in result[key] = progress }
            return result
        }
        // Most of the store asked for (a start on every deck): one pass over
        // the state table beats a B-tree search per key.
        let wanted = Set(keys)
        try forEachProgress { key, progress in
            if wanted.contains(key) { result[key] = progress }
        }
        return result
    }

    /// The progress of each of `keys` that has a state row, handed to `body`
    /// as it is read, in no particular order (a key given twice may come
    /// twice). One indexed query per `keysPerLookup` keys, its statement
    /// made once and bound again for each full chunk.
    public func forEachProgress(of keys: [String], _ body: (_ key: String, _ progress: CardProgress) throws -> Void)
        throws
    {
        var position: LogPosition?
        try forEachProgress(of: keys, position: &position, body)
    }

    /// `forEachProgress(of:_:)`, giving in `position` where the log stood
    /// at that read (`progressChanges(since:limit:)`; nil for a store
    /// opened read-only before the compact log).
    public func forEachProgress(
        of keys: [String], position: inout LogPosition?,
        _ body: (_ key: String, _ progress: CardProgress) throws -> Void
    ) throws {
        position = try read { db in
            let columns = ProgressColumns.names().joined(separator: ", ")
            func statement(_ count: Int) throws -> Statement {
                let marks = Array(repeating: "?", count: count).joined(separator: ", ")
                return try db.makeStatement(sql: "SELECT key, \(columns) FROM card_state WHERE key IN (\(marks))")
            }
            var full: Statement?
            for chunk in keys.chunked(into: Self.keysPerLookup) {
                let made: Statement
                if chunk.count == Self.keysPerLookup, let full {
                    made = full
                } else {
                    made = try statement(chunk.count)
                    if chunk.count == Self.keysPerLookup { full = made }
                }
                try eachProgress(made, arguments: StatementArguments(Array(chunk)), body)
            }
            return try Self.positionIfKept(db)
        }
    }

    /// How many keys one lookup query binds (below SQLite's 999 variables).
    static let keysPerLookup = 500

    /// The progress of each of `keys` that has a state row, read through
    /// the registry's rows under the deck files `deckFiles` (their stored
    /// names) — when that is worth it and every one of `keys` is registered
    /// under one of those files. Returns false otherwise (few keys, a key
    /// given twice, a deck not registered yet, a card registered under
    /// another file), having handed over some of the rows or none: the
    /// caller keeps the rows aside until it knows, and on false looks the
    /// keys up (`forEachProgress(of:_:)`) in a read of its own.
    ///
    /// A start on one deck file of ten asks for 12,000 of 120,000 keys.
    /// Their state rows lie on nearly every page of the state table (keys
    /// are hashes), and looking them up 500 at a time through `IN` lists
    /// sorted each list into a table of its own and then searched the state
    /// table's B-tree for each key, chunk after chunk, each chunk over the
    /// whole table again: about 22 ms of SQLite's CPU at 100,000 cards. The
    /// registry's index by deck file hands over the file's keys in key
    /// order (per level), so the state table is searched in order; nothing
    /// is bound. Nothing is trusted either: a registry row whose key is no
    /// key asked for (a card since removed from its file) is passed over,
    /// and unless every key asked for was met, byte for byte, the answer is
    /// false. SQLite compares keys by their bytes, `Set<String>` canonically,
    /// so a key met is taken only when its bytes are the asked key's.
    public func forEachProgress(
        of keys: [String], registeredUnder deckFiles: Set<String>,
        _ body: (_ key: String, _ progress: CardProgress) throws -> Void
    ) throws -> Bool {
        var position: LogPosition?
        return try forEachProgress(of: keys, registeredUnder: deckFiles, position: &position, body)
    }

    /// `forEachProgress(of:registeredUnder:_:)`, giving in `position` where
    /// the log stood at that read when it answers true.
    public func forEachProgress(
        of keys: [String], registeredUnder deckFiles: Set<String>, position: inout LogPosition?,
        _ body: (_ key: String, _ progress: CardProgress) throws -> Void
    ) throws -> Bool {
        position = nil
        guard keys.count > Self.keysWorthAScan else { return false }
        let wanted = Set(keys)
        guard wanted.count == keys.count else { return false }
        let (whole, at) = try read { db -> (Bool, LogPosition?) in
            let statement = try db.makeStatement(sql: Self.registeredProgressSQL(grouped: GroupedRegistry.isGrouped(db)))
            var met = 0
            for file in deckFiles.sorted() {
                try StatementRow.forEach(of: statement, arguments: [file], keyColumn: 0, path: path) { stored in
                    // A key that is not valid text is no face's key.
                    guard let key = stored.validText(0), let asked = wanted.firstIndex(of: key),
                        wanted[asked].utf8.elementsEqual(key.utf8)
                    else { return }
                    met += 1
                    // No state row: a face never answered nor hidden.
                    if stored.isNull(1) { return }
                    try body(key, try ProgressColumns.progress(stored, at: 2))
                }
            }
            guard met == wanted.count else { return (false, nil) }
            return (true, try Self.positionIfKept(db))
        }
        position = at
        return whole
    }

    /// Every registry row of one deck file (its stored name), with its
    /// state row when it has one: the key, the state row's key (NULL when
    /// there is none), then the progress columns. The one statement that
    /// reads the registry for `forEachProgress(of:registeredUnder:_:)`.
    /// `grouped`: the registry is stored by group (`GroupedRegistry`), and
    /// the file's rows are those of its groups, through the registry's
    /// index by group (asked through the `card` view, the deck file of
    /// every row would be looked up first); before that migration (a store
    /// opened read-only) the planner takes the table's index by deck file.
    static func registeredProgressSQL(grouped: Bool) -> String {
        let columns = "SELECT c.key, s.key, \(ProgressColumns.names(prefix: "s.").joined(separator: ", "))"
        guard grouped else {
            return "\(columns) FROM card c LEFT JOIN card_state s ON s.key = c.key WHERE c.deck_file = ?"
        }
        return """
            \(columns) FROM registry c LEFT JOIN card_state s ON s.key = c.key
            WHERE c.grp IN (SELECT id FROM card_group WHERE deck_file = ?)
            """
    }

    /// Whether reading the progress of `count` faces is cheaper as one pass
    /// over the whole state table than as a lookup of each key: only when
    /// they are many (`keysWorthAScan`) and not few beside the faces the
    /// store holds. A start on one deck file of 10,000 cards in a store of
    /// 96,000 state rows read every row (a third of that start); a lookup
    /// of a key costs about as much as reading `lookupCostInRows` rows in
    /// a pass. The store's size is read from its kept group totals (a few
    /// rows), so the question costs nothing beside either answer; a store
    /// opened read-only before its migration to the kept totals has none,
    /// and is read in one pass as before.
    public func scanPays(forKeys count: Int) throws -> Bool {
        guard count > Self.keysWorthAScan else { return false }
        let answered = try read { db -> Int? in
            guard try KeptCounts.isKept(db) else { return nil }
            return try Int.fetchOne(db, sql: "SELECT coalesce(sum(answered), 0) FROM card_group") ?? 0
        }
        guard let answered else { return true }
        return count * Self.lookupCostInRows >= answered
    }

    /// What one key's lookup costs in rows of a pass over the state table
    /// (measured: see docs/progress-store.md, "The start's own work").
    static let lookupCostInRows = 4

    /// Which of `keys` have progress (a state row), without decoding it:
    /// the identity hand-over's first question at every start.
    public func keysWithProgress(among keys: [String]) throws -> Set<String> {
        if try scanPays(forKeys: keys.count) { return try keysWithProgress(among: Set(keys)) }
        return try lookedUpKeysWithProgress(keys)
    }

    /// `keysWithProgress(among:)` by looking each key up.
    private func lookedUpKeysWithProgress(_ keys: [String]) throws -> Set<String> {
        try read { db in
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
        guard try scanPays(forKeys: wanted.count) else { return try lookedUpKeysWithProgress(Array(wanted)) }
        return try read { db in
            var result = Set<String>()
            let rows = try String.fetchCursor(db, sql: "SELECT key FROM card_state")
            while let key = try rows.next() {
                if wanted.contains(key) { result.insert(key) }
            }
            return result
        }
    }

    /// Up to this many keys are always looked up; above it `scanPays`
    /// decides between looking them up and reading the whole state table.
    public static let keysWorthAScan = 4_000

    /// The progress of every face the store holds, handed to `body` row by
    /// row as it is read: for a caller that wants most of the store (a
    /// start on a large collection). Reading into a dictionary that the
    /// caller then copied into its own tables, and matching every row
    /// against a set of the wanted keys, was a sixth of a start at 100,000
    /// cards. Values are checked as `progress(for:)` checks them.
    public func forEachProgress(_ body: (_ key: String, _ progress: CardProgress) throws -> Void) throws {
        try forEachProgressByKeyBytes { key, progress in try body(String(decoding: key, as: UTF8.self), progress) }
    }

    /// `forEachProgress(_:)` with each key as its UTF-8 bytes, valid only
    /// during the call: a caller that keeps the keys in a table of its own
    /// (`ScheduleTable`) makes no string of each of them (96,000 strings on
    /// the heap at 100,000 cards).
    /// Returns where the log stood at that read (`progressChanges(since:limit:)`).
    @discardableResult
    public func forEachProgressByKeyBytes(
        _ body: (_ key: UnsafeBufferPointer<UInt8>, _ progress: CardProgress) throws -> Void
    ) throws -> LogPosition? {
        try read { db in
            // Each page of the table is read once, in order: kept in the
            // cache they only filled it (2 MB of the peak at 100,000 cards).
            let cacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size")
            try db.execute(sql: "PRAGMA cache_size = \(Self.scanCachePages)")
            defer { if let cacheSize { try? db.execute(sql: "PRAGMA cache_size = \(cacheSize)") } }
            let columns = ProgressColumns.names().joined(separator: ", ")
            try eachProgressByKeyBytes(try db.makeStatement(sql: "SELECT key, \(columns) FROM card_state"), body)
            return try Self.positionIfKept(db)
        }
    }

    /// Where the log stands, in a read already begun; nil for a store
    /// opened read-only before the compact log, which has no position to
    /// give.
    static func positionIfKept(_ db: Database) throws -> LogPosition? {
        try Schema.hasTable(db, "review") && Schema.hasTable(db, "student_setting") ? logPosition(db) : nil
    }

    /// The pages the cache keeps while the whole state table is read
    /// (`forEachProgressByKeyBytes`): enough for the table's b-tree path.
    static let scanCachePages = 16

    /// The rows of `statement` (a key, then the progress columns), read in
    /// place from SQLite's columns and handed to `body` one by one.
    private func eachProgress(
        _ statement: Statement, arguments: StatementArguments = [],
        _ body: (_ key: String, _ progress: CardProgress) throws -> Void
    ) throws {
        try eachProgressByKeyBytes(statement, arguments: arguments) { key, progress in
            try body(String(decoding: key, as: UTF8.self), progress)
        }
    }

    /// `eachProgress` with each key's UTF-8 bytes: in place when they are
    /// ASCII (every key jatta makes from an ASCII id), else those of the
    /// string read the careful way, which also words the error of a key
    /// that is not valid text.
    private func eachProgressByKeyBytes(
        _ statement: Statement, arguments: StatementArguments = [],
        _ body: (_ key: UnsafeBufferPointer<UInt8>, _ progress: CardProgress) throws -> Void
    ) throws {
        try StatementRow.forEach(of: statement, arguments: arguments, keyColumn: 0, path: path) { stored in
            // The key first, so that a row wrong in both says the key.
            let ascii = stored.textBytes(0).flatMap { bytes in bytes.allSatisfy { $0 < 0x80 } ? bytes : nil }
            var key = ascii == nil ? try stored.validText(0) ?? stored.string(0, required: true) ?? "" : ""
            let progress = try ProgressColumns.progress(stored, at: 1)
            if let ascii {
                try body(ascii, progress)
            } else {
                try key.withUTF8 { try body($0, progress) }
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
            let studied = try studiedCounts(db, from: dayStart, to: dayEnd)
            // The schedules come with the keys, from the same index walk:
            // asking for them afterwards read the whole state table once
            // the queue held more than `keysWorthAScan` cards.
            func due(index: String = "card_state_by_due", _ whereClause: String, by: Date, limit: Int?) throws
                -> (keys: [String], schedules: [CardSchedule])
            {
                var keys: [String] = []
                var schedules: [CardSchedule] = []
                if let limit, limit >= 0 {
                    keys.reserveCapacity(min(limit, 100_000))
                    schedules.reserveCapacity(min(limit, 100_000))
                }
                try eachProgress(
                    try db.makeStatement(sql: Self.dueSQL(index: index, whereClause: whereClause, columns: true)),
                    arguments: [ProgressColumns.bound(by), ProgressColumns.bound(now), limit ?? -1]
                ) { key, progress in
                    // Every row of the due index has a state, so a schedule.
                    guard let schedule = progress.schedule else { return }
                    keys.append(key)
                    schedules.append(schedule)
                }
                return (keys, schedules)
            }
            let learning = try due(index: "card_state_learning", "state IN (1, 3)", by: learnAhead, limit: nil)
            let reviews = try due("state = 2", by: dayEnd, limit: max(0, reviewLimit - studied.reviews))
            let new = try Self.newKeys(
                db, limit: newCardLimit - studied.newCards, now: now, deckFiles: deckFiles, path: path)
            return DueQueue(
                learning: learning.keys, reviews: reviews.keys, new: new, studied: studied,
                learningSchedules: learning.schedules, reviewSchedules: reviews.schedules)
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
            db, sql: dueSQL(index: index, whereClause: whereClause, columns: false),
            arguments: [ProgressColumns.bound(dueBy), ProgressColumns.bound(now), limit ?? -1])
    }

    /// The one query of due cards: answered, neither suspended nor buried
    /// at the second argument, due by the first, earliest first, at most
    /// the third; the key alone or with the progress columns.
    private static func dueSQL(index: String, whereClause: String, columns: Bool) -> String {
        """
        SELECT key\(columns ? ", " + ProgressColumns.names().joined(separator: ", ") : "")
        FROM card_state INDEXED BY \(index)
        WHERE state IS NOT NULL AND suspended = 0 AND due <= ?
        AND (buried_until IS NULL OR buried_until <= ?) AND \(whereClause)
        ORDER BY due, key LIMIT ?
        """
    }

    /// Registered cards never answered, not suspended or buried at `now`, in
    /// the order they were first registered, at most `limit` (the daily
    /// new-card allowance left). `deckFiles` restricts them to some decks.
    public func newKeys(limit: Int, now: Date, deckFiles: [String]? = nil) throws -> [String] {
        try read { db in try Self.newKeys(db, limit: limit, now: now, deckFiles: deckFiles, path: path) }
    }

    private static func newKeys(
        _ db: Database, limit: Int, now: Date, deckFiles: [String]?, path: String
    ) throws -> [String] {
        guard limit > 0 else { return [] }
        // The never-answered cards that are hidden: a state row with no
        // schedule exists only for a suspended or buried card, and those
        // are the few rows of `card_state_hidden`. Looking up every new
        // card's state row instead was most of a 9,999-card queue.
        var hidden = Set<String>()
        let bound = ProgressColumns.bound(now)
        for key in try String.fetchAll(
            db,
            sql: """
                SELECT key FROM card_state INDEXED BY card_state_hidden
                WHERE (suspended = 1 OR buried_until IS NOT NULL) AND state IS NULL
                AND (suspended = 1 OR buried_until > ?)
                """, arguments: [bound])
        { hidden.insert(key) }
        let wanted = deckFiles.map(Set.init)
        var keys: [String] = []
        keys.reserveCapacity(min(limit, 100_000))
        guard let wanted else {
            // Read in place from SQLite's columns, as `eachProgress` reads.
            let statement = try db.makeStatement(sql: newCardsSQL(grouped: GroupedRegistry.isGrouped(db)))
            let rows = try Row.fetchCursor(statement)
            while keys.count < limit, let row = try rows.next() {
                let stored = StatementRow(row: row, statement: statement.sqliteStatement, keyColumn: 0, path: path)
                let key = try stored.validText(0) ?? stored.string(0, required: true) ?? ""
                // Most stores hide no new card: hashing each key only to
                // look it up in an empty set showed in the queue's profile.
                if hidden.isEmpty || !hidden.contains(key) { keys.append(key) }
            }
            return keys
        }
        let grouped = try GroupedRegistry.isGrouped(db)
        let rows = try Row.fetchCursor(
            db,
            sql: newCardsSQL(
                reading: grouped ? "key, (SELECT deck_file FROM card_group g WHERE g.id = grp)" : "key, deck_file",
                grouped: grouped))
        while keys.count < limit, let row = try rows.next() {
            let stored = try StoredRow(row, keyColumn: 0, path: path)
            if try hidden.contains(stored.key) || !wanted.contains(stored.string(1) ?? "") { continue }
            keys.append(stored.key)
        }
        return keys
    }

    /// The never-answered cards in registration order, through the
    /// `card_new` index: read from the index alone when only the key is
    /// asked for (migration `queue-2-covering-new-cards`).
    /// `grouped`: the registry is stored by group (`GroupedRegistry`), its
    /// index on the table `registry`, `card` a view.
    static func newCardsSQL(reading columns: String = "key", grouped: Bool) -> String {
        "SELECT \(columns) FROM \(grouped ? "registry" : "card") INDEXED BY card_new WHERE answered = 0 ORDER BY first_seen, key"
    }

    /// What was answered in `[start, end)` and not undone: how many cards
    /// were new and how many answers were reviews (the card was in review
    /// state), for the daily limits. Learning steps count towards neither.
    public func studiedCounts(from start: Date, to end: Date) throws -> StudiedCounts {
        try read { db in try studiedCounts(db, from: start, to: end) }
    }

    /// `studiedCounts(from:to:)` within a read already open.
    private func studiedCounts(_ db: Database, from start: Date, to end: Date) throws -> StudiedCounts {
        let log = logEntries(["id", "key", "at", "kind", "b_state"])
        let row = try Row.fetchOne(
            db,
            sql: """
                SELECT count(DISTINCT CASE WHEN e.b_state IS NULL THEN e.key END),
                       count(CASE WHEN e.b_state = 2 THEN 1 END),
                       count(*)
                FROM \(log) e
                WHERE \(LogClauses.during(db, from: ProgressColumns.bound(start), to: ProgressColumns.bound(end)))
                AND \(LogClauses.isAnswer)
                AND \(try LogClauses.notUndone(db))
                """)
        return StudiedCounts(newCards: row?[0] ?? 0, reviews: row?[1] ?? 0, answers: row?[2] ?? 0)
    }

    /// Counts per deck file and level of the registered cards: new, learning,
    /// review, due by `dueBy`, suspended, buried at `now`. Levels come from the
    /// registry (the deck's `level:` as last registered), so the overview
    /// needs no deck parsed. Sorted by deck file, then level (nil first).
    ///
    /// Read from what the triggers keep (`KeptCounts`): the groups'
    /// totals, and per group the cards due (a range of the covering due
    /// index), in learning, suspended and buried (small partial indexes);
    /// no pass over the cards, which at 100,000 cards took 80–120 ms.
    public func counts(dueBy: Date, now: Date) throws -> [GroupCounts] {
        let level = "CASE WHEN typeof(level_key) = 'integer' THEN level_key END"
        return try read { db in
            /// Per group id, a count read by `sql` (group id, then counts).
            func perGroup(_ sql: String, _ arguments: StatementArguments = []) throws -> [Int64: [Int]] {
                var result: [Int64: [Int]] = [:]
                for row in try Row.fetchAll(db, sql: sql, arguments: arguments) {
                    let stored = try StoredRow(row, keyColumn: nil, path: path)
                    guard let group = try stored.int64(0) else { continue }
                    result[group] = try (1..<row.count).map { try stored.count($0) ?? 0 }
                }
                return result
            }
            let dueBy = ProgressColumns.bound(dueBy), now = ProgressColumns.bound(now)
            let due = try perGroup(
                """
                SELECT grp, count(*) FROM card_state INDEXED BY card_state_by_due
                WHERE state IS NOT NULL AND suspended = 0 AND due <= ?1
                AND (buried_until IS NULL OR buried_until <= ?2) GROUP BY grp
                """, [dueBy, now])
            let learning = try perGroup(
                """
                SELECT grp, count(*) FROM card_state INDEXED BY card_state_learning
                WHERE state IN (1, 3) AND suspended = 0 GROUP BY grp
                """)
            // Suspended (learning or not, answered or not) and buried rows.
            let hidden = try perGroup(
                """
                SELECT grp, sum(suspended = 1), sum(suspended = 0 AND buried_until > ?1),
                    sum(state IS NULL AND suspended = 1), sum(suspended = 1 AND state IN (1, 3))
                FROM card_state INDEXED BY card_state_hidden
                WHERE suspended = 1 OR buried_until IS NOT NULL GROUP BY grp
                """, [now])
            var groups: [(deckFile: String, level: Int?, counts: CardCounts)] = []
            for row in try Row.fetchAll(
                db, sql: "SELECT id, deck_file, \(level), total, answered FROM card_group WHERE total > 0")
            {
                let stored = try StoredRow(row, keyColumn: nil, path: path)
                let id = try stored.int64(0) ?? 0
                let total = try stored.count(3) ?? 0, answered = try stored.count(4) ?? 0
                let flags = hidden[id] ?? [0, 0, 0, 0]
                let inLearning = (learning[id]?[0] ?? 0) + flags[3]
                groups.append(
                    (
                        try stored.string(1) ?? "?", try stored.int(2),
                        CardCounts(
                            new: total - answered - flags[2], learning: inLearning, review: answered - inLearning,
                            due: due[id]?[0] ?? 0, suspended: flags[0], buried: flags[1], total: total)
                    ))
            }
            return groups.sorted { ($0.deckFile, $0.level ?? Int.min) < ($1.deckFile, $1.level ?? Int.min) }
                .map { GroupCounts(deckFile: $0.deckFile, level: $0.level, counts: $0.counts) }
        }
    }

    /// One card's log, newest first.
    ///
    /// The statement is prepared once per store and kept: the log is a
    /// view over the compact tables, and preparing it (five joins, and the
    /// view again for the undoing entry) cost more than reading one card's
    /// rows; the card info and Anki's import and export ask card by card.
    public func history(key: String) throws -> [ReviewLogEntry] {
        try read { db in
            try Row.fetchAll(
                db.cachedStatement(
                    sql: """
                        SELECT \(Self.entryColumns) FROM review_log e
                        WHERE \(EntryChain.isEntry(ofKey: "?", chained: try EntryChain.isChained(db))) ORDER BY e.id DESC
                        """),
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

    /// The whole log in the order it was written (by id), one entry at a
    /// time, in one read: for work over every card's answers at once (an
    /// Anki package of the progress), where `history(key:)` card by card
    /// was a read of its own for each of 96,000 faces.
    public func forEachLogEntry(_ body: (ReviewLogEntry) throws -> Void) throws {
        try read { db in
            let rows = try Row.fetchCursor(db, sql: "SELECT \(Self.entryColumns) FROM review_log e ORDER BY e.id")
            while let row = try rows.next() { try body(try Self.entry(row, path: path)) }
        }
    }

    /// The log newest first, at most `limit` entries, handed to `body` a
    /// page of `pageSize` entries at a time with the registered prompts of
    /// that page's cards (by key): `jatta history` of a million entries
    /// prints as it reads, where reading them all first held 1.4 GB. Each
    /// page is read on its own, after the one before was handed over, so a
    /// slow reader of the output holds no read open (which would keep the
    /// write-ahead log from being folded back while answers are saved);
    /// pages follow each other by id, and entries written meanwhile, newer
    /// than the first page, are not handed over.
    public func forEachLogPage(
        limit: Int? = nil, pageSize: Int = 1_000,
        _ body: (_ entries: [ReviewLogEntry], _ prompts: [String: String]) throws -> Void
    ) throws {
        var remaining = limit ?? Int.max
        var before: ReviewLogEntry.ID?
        while remaining > 0 {
            let size = min(pageSize, remaining)
            let (page, prompts) = try read { db -> ([ReviewLogEntry], [String: String]) in
                let rows = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT \(Self.entryColumns) FROM review_log e \(before == nil ? "" : "WHERE e.id < ?")
                        ORDER BY e.id DESC LIMIT ?
                        """,
                    arguments: StatementArguments(before.map { [$0, Int64(size)] } ?? [Int64(size)]))
                let page = try rows.map { try Self.entry($0, path: path) }
                let keys = Array(Set(page.map(\.key)))
                return (page, try Self.registeredCards(keys: keys, db: db, path: path).mapValues(\.prompt))
            }
            guard let last = page.last else { return }
            try body(page, prompts)
            remaining -= page.count
            before = last.id
            if page.count < size { return }
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

    /// The keys of the suspended faces, from the few rows of
    /// `card_state_hidden`: `jatta unsuspend` lists them without reading
    /// the state of every card (0.55 s at 100,000 cards).
    public func suspendedKeys() throws -> [String] {
        try read { db in
            // The index's own condition first, so that SQLite may use the
            // partial index it names; then the suspended rows of it.
            try String.fetchAll(
                db,
                sql: """
                    SELECT key FROM card_state INDEXED BY card_state_hidden
                    WHERE (suspended = 1 OR buried_until IS NOT NULL) AND suspended = 1
                    """)
        }
    }

    /// The registered faces of the card or face `id`: the key `id` itself
    /// and the keys `id/…` (a card's other faces), as `jatta unsuspend ID`
    /// names them. An id of ASCII characters is looked up as the range of
    /// keys it begins (the registry's primary key): such an id is the same
    /// bytes in any normal form, so the range holds every key the rule
    /// below accepts. Any other id is tested against every key, as Swift
    /// compares strings (canonical equivalence).
    /// The registry's keys of the card `id`'s faces (`id` itself, and
    /// `id/…` for its other faces), as `key == id || key.hasPrefix(id + "/")`
    /// picks them among every key: through the registry's key index for
    /// an ASCII id, by that test over every key otherwise (Swift compares
    /// strings canonically, and a key's bytes may differ from the id's).
    public func registeredFaceKeys(of id: String) throws -> [String] {
        func named(_ key: String) -> Bool { key == id || key.hasPrefix(id + "/") }
        return try read { db in
            guard id.utf8.allSatisfy({ $0 < 0x80 }) else {
                return try String.fetchAll(db, sql: "SELECT key FROM registry").filter(named)
            }
            // '0' follows '/' in byte order: [id/, id0) are the keys id/….
            return try String.fetchAll(
                db, sql: "SELECT key FROM registry WHERE key = ?1 OR (key >= ?1 || '/' AND key < ?1 || '0')",
                arguments: [id]
            ).filter(named)
        }
    }

    /// The registry entries of the given keys (all of them when nil).
    public func registeredCards(keys: [String]? = nil) throws -> [String: RegisteredCard] {
        try read { db in try Self.registeredCards(keys: keys, db: db, path: path) }
    }

    /// `registeredCards(keys:)` within a read already open.
    static func registeredCards(keys: [String]?, db: Database, path: String) throws -> [String: RegisteredCard] {
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
                    prompt: try stored.prompt(2, required: true)!, level: try stored.int(3))
                result[card.key] = card
            }
        }
        return result
    }
}

extension Array {
    func chunked(into size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
