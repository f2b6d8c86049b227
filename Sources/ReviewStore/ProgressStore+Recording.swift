import FSRS
import Foundation
import GRDB

extension ProgressStore {
    /// Records one answer in one transaction: registers the card, appends the
    /// log entry and sets the card's state. When this returns, the answer is
    /// on disk (see `init(path:options:)` on `synchronous=FULL`).
    @discardableResult
    public func record(_ answer: RecordedAnswer) throws -> ReviewLogEntry.ID {
        let ids = try record([answer])
        guard let id = ids.first else { throw StoreError(.sqlite(code: 1), path: path, detail: "no id") }
        return id
    }

    /// Records many answers in one transaction, in order (an import of
    /// history from elsewhere, or a benchmark's set-up). All or nothing.
    @discardableResult
    public func record(_ answers: [RecordedAnswer]) throws -> [ReviewLogEntry.ID] {
        if let bad = answers.first(where: { $0.durationMilliseconds < 0 }) {
            throw StoreError(.invalidValue("duration \(bad.durationMilliseconds) ms"), path: path)
        }
        return try write { db in
            try answers.map { answer in
                let card = RegisteredCard(
                    key: answer.key, deckFile: answer.deckFile, prompt: answer.prompt, level: answer.level)
                // The card's registry row and state in one look-up: an
                // answer nearly always names its card as registered, and
                // the upsert (a write, with the registry's triggers) is
                // then left out. It changes no state column, so the state
                // read before it is the one after it.
                // The log's ids of its names come with them (the registry's
                // upsert adds no name to the log).
                let (registered, before, logIDs) = try Self.registrationAndProgress(
                    of: card, session: answer.sessionID, db: db, path: path)
                if !registered { try upsert(card, at: answer.time, db: db) }
                var after = before
                after.schedule = answer.after
                let entry = try appendTransition(
                    db: db, key: answer.key, deckFile: answer.deckFile, session: answer.sessionID, time: answer.time,
                    kind: answer.kind.reviewKind, rating: answer.rating, duration: answer.durationMilliseconds,
                    undoes: nil, before: before, after: after, knownLogIDs: logIDs)
                if let quiz = answer.quizAnswer { try Self.recordQuizAnswer(quiz, logID: entry.id, db: db, path: path) }
                try AnswerSummaries.add(entry, db: db, path: path)
                return entry.id
            }
        }
    }

    /// Adds cards to the registry or updates their deck file, prompt and level
    /// (a deck edit must not lose progress, so nothing else changes). Called
    /// when decks are loaded, so new cards can be counted and queued.
    ///
    /// A deck file whose cards are registered exactly as last time (same
    /// `RegistryFingerprint` in `registered_deck`) is skipped: a start with
    /// unchanged decks reads one small table and writes nothing.
    public func register(_ cards: [RegisteredCard], at time: Date) throws {
        try register(each: { visit in for card in cards { visit(card) } }, at: time)
    }

    /// `register(_:at:)` for the cards `entries` gives, calling its
    /// argument with each card in order. It is called once to fingerprint
    /// them, and once more only when some deck file changed, for that
    /// file's cards: a start with unchanged decks makes no list of 100,000
    /// entries only to drop it.
    ///
    /// `respelling` gives the name the caller keeps now for a deck file
    /// name the store holds (nil: none of the caller's): when a deck file
    /// is registered anew, the store's other spellings of it are renamed
    /// first, as a whole (`respell`), so its cards and answers stay where
    /// they were. Deck files renamed otherwise, all of whose cards are in
    /// a file now registered, move as a whole too (`renamedInto`).
    ///
    /// `fingerprints`, when the caller has them, are what
    /// `registryFingerprints(of: entries)` gives: the cards are then not
    /// visited to fingerprint them (the deck index keeps each deck's), only
    /// to list a changed file's cards.
    public func register(
        each entries: (_ visit: (RegisteredCard) -> Void) -> Void, at time: Date,
        respelling: (String) -> String? = { _ in nil }, fingerprints known: [String: Int64]? = nil
    ) throws {
        let fingerprints = known ?? Self.registryFingerprints(of: entries)
        guard !fingerprints.isEmpty else { return }
        let changed = try read { db in
            let known = try Self.registeredFingerprints(db)
            return Set(fingerprints.filter { known[$0.key] != $0.value }.keys)
        }
        guard !changed.isEmpty else { return }
        var cards: [RegisteredCard] = []
        entries { card in if changed.contains(card.deckFile) { cards.append(card) } }
        try write { db in
            // A first registration of a large collection writes every page
            // of the registry and its indexes, and with them the kept
            // counts' triggers read and update theirs; in SQLite's default
            // 2 MB page cache, pages were spilled to the log and dirtied
            // again over and over (120,000 cards: 2.4 s of system time, 4.1 s
            // in all, against 1.4 s and 3.0 s with 64 MB). The cache is
            // widened for such a registration only, then set back.
            let widened = cards.count >= Self.largeRegistration
            let cacheSize = widened ? try Int.fetchOne(db, sql: "PRAGMA cache_size") : nil
            if widened { try db.execute(sql: "PRAGMA cache_size = -65536") }
            defer { if let cacheSize { try? db.execute(sql: "PRAGMA cache_size = \(cacheSize)") } }
            // A deck file renamed (all its cards now in one changed file)
            // moves as a whole before its cards are registered one by one.
            let registering = Set(fingerprints.keys)
            try Self.respellOlderNames(db, registering: registering, changed: changed, respelling: respelling)
            var keysByFile: [String: [String]] = [:]
            for card in cards { keysByFile[card.deckFile, default: []].append(card.key) }
            for file in changed.sorted() {
                let keys = keysByFile[file] ?? []
                let renamed = try Self.renamedInto(file, keys: keys, registering: registering, db: db)
                let keeping = renamed.isEmpty ? "" : JSONTextArray.of(keys)
                for old in renamed { try Self.moveCards(db, from: old, to: file, keeping: keeping) }
            }
            // Read after the moves, which drop the rows of the files they
            // move: only faces still listed as registered are skipped.
            let plan = RegisteredFaces.plan(cards, listed: try RegisteredFaces.listed(for: changed, db: db))
            var groups: [RegistryGroupName: Int64] = [:]
            for i in cards.indices where plan.write[i] {
                try upsert(cards[i], at: time, db: db, levelFromDeck: true, groups: &groups)
            }
            for file in changed.sorted() {
                try db.execute(
                    sql: "INSERT OR REPLACE INTO registered_deck (deck_file, fingerprint, faces) VALUES (?, ?, ?)",
                    arguments: [file, fingerprints[file], plan.lists[file]])
            }
        }
    }

    /// How many cards make a registration large enough to widen the page
    /// cache for it (the bundled decks register about 200).
    static let largeRegistration = 10_000

    /// The fingerprint each deck file's cards would be registered under
    /// (`RegistryFingerprint`), for the cards `entries` gives: a caller
    /// that keeps it beside a deck (the deck index) can tell an unchanged
    /// deck from `registeredFingerprints()` without visiting its cards.
    public static func registryFingerprints(of entries: (_ visit: (RegisteredCard) -> Void) -> Void) -> [String: Int64] {
        var running = RegistryFingerprint.PerDeckFile()
        entries { running.add($0) }
        return running.fingerprints
    }

    /// The fingerprint of each deck file as last registered.
    public func registeredFingerprints() throws -> [String: Int64] {
        try read { db in try Self.registeredFingerprints(db) }
    }

    /// The fingerprint of each deck file as last registered.
    static func registeredFingerprints(_ db: Database) throws -> [String: Int64] {
        var known: [String: Int64] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT deck_file, fingerprint FROM registered_deck") {
            known[row[0]] = row[1]
        }
        return known
    }

    /// Suspends a registered card: it stays out of every queue until unsuspended.
    @discardableResult
    public func suspend(key: String, at time: Date, sessionID: String? = nil) throws -> ReviewLogEntry {
        try changeFlags(key: key, kind: .suspend, at: time, sessionID: sessionID) { $0.suspended = true }
    }

    /// Lets a suspended card come back.
    @discardableResult
    public func unsuspend(key: String, at time: Date, sessionID: String? = nil) throws -> ReviewLogEntry {
        try changeFlags(key: key, kind: .unsuspend, at: time, sessionID: sessionID) { $0.suspended = false }
    }

    /// Keeps a registered card out of the queue until `until` (nil unburies it).
    @discardableResult
    public func bury(key: String, until: Date?, at time: Date, sessionID: String? = nil) throws -> ReviewLogEntry {
        let until = until.map(ProgressColumns.normalized)
        return try changeFlags(key: key, kind: .bury, at: time, sessionID: sessionID) { $0.buriedUntil = until }
    }

    /// Reverses the newest entry not yet undone (within `sessionID` when given;
    /// any session otherwise) by appending an `.undo` entry that restores the
    /// card's progress exactly as it was before that entry. Calling it again
    /// goes one further step back. Returns the entry undone, or nil when there
    /// is nothing left to undo.
    ///
    /// Throws `undoConflict` if the card changed after that entry in a way
    /// not undone (another session answered it): restoring would silently
    /// discard that later answer.
    @discardableResult
    public func undoLast(sessionID: String? = nil, at time: Date) throws -> ReviewLogEntry? {
        try write { db in
            let sessionFilter = sessionID == nil ? "" : "AND e.session = ?"
            let arguments: StatementArguments = sessionID.map { [$0] } ?? []
            let sql = """
                SELECT \(Self.entryColumns) FROM review_log e
                WHERE e.kind NOT IN ('undo', 'adopt') \(sessionFilter)
                AND \(LogClauses.notUndone)
                ORDER BY e.id DESC LIMIT 1
                """
            guard let row = try Row.fetchOne(db, sql: sql, arguments: arguments) else { return nil }
            let target = try Self.entry(row, path: path)
            let current = try Self.progress(of: target.key, db: db, path: path)
            guard current == target.after else { throw StoreError(.undoConflict(key: target.key), path: path) }
            _ = try appendTransition(
                db: db, key: target.key, deckFile: target.deckFile, session: sessionID ?? target.sessionID,
                time: time, kind: .undo, rating: nil, duration: nil, undoes: target.id, before: current,
                after: target.before)
            try AnswerSummaries.remove(entry: target.id, db: db)
            return target
        }
    }

    // MARK: - Internals

    private func changeFlags(
        key: String, kind: ReviewKind, at time: Date, sessionID: String?, _ change: (inout CardProgress) -> Void
    ) throws -> ReviewLogEntry {
        try write { db in
            guard let deckFile = try String.fetchOne(db, sql: "SELECT deck_file FROM card WHERE key = ?", arguments: [key])
            else { throw StoreError(.unknownCard(key: key), path: path) }
            let current = try Self.progress(of: key, db: db, path: path)
            var after = current
            change(&after)
            return try appendTransition(
                db: db, key: key, deckFile: deckFile, session: sessionID, time: time, kind: kind, rating: nil,
                duration: nil, undoes: nil, before: current, after: after)
        }
    }

    /// Adds or updates a registry entry. From `register` (the deck as loaded)
    /// the level is taken as given, so a level removed from the deck goes;
    /// from `record` a missing level keeps the registered one, since an
    /// answer may not carry it.
    func upsert(_ card: RegisteredCard, at time: Date, db: Database, levelFromDeck: Bool = false) throws {
        var groups: [RegistryGroupName: Int64] = [:]
        try upsert(card, at: time, db: db, levelFromDeck: levelFromDeck, groups: &groups)
    }

    /// `upsert` with the group numbers already looked up in this
    /// transaction (`groups`, added to): a registration of 12,000 faces
    /// asks for each of its few groups once, not once per face.
    func upsert(
        _ card: RegisteredCard, at time: Date, db: Database, levelFromDeck: Bool, groups: inout [RegistryGroupName: Int64]
    ) throws {
        var level = card.level?.databaseValue ?? .null
        if !levelFromDeck, card.level == nil {
            level = try DatabaseValue.fetchOne(
                db.cachedStatement(sql: "SELECT level FROM card WHERE key = ?"), arguments: [card.key]) ?? .null
        }
        let name = RegistryGroupName(deckFile: card.deckFile, level: level)
        let group: Int64
        if let known = groups[name] {
            group = known
        } else {
            // The card's group exists before its row names it: a group the
            // card is not in yet is one it moves to, as the triggers on the
            // first layout's table made it.
            try db.cachedStatement(sql: Self.makeGroupSQL).execute(arguments: [card.deckFile, level])
            guard let made = try Int64.fetchOne(db.cachedStatement(sql: Self.groupSQL), arguments: [card.deckFile, level])
            else { throw StoreError(.sqlite(code: 1), path: path, detail: "no group for \(card.deckFile)") }
            group = made
            groups[name] = made
        }
        try db.cachedStatement(sql: Self.upsertSQL)
            .execute(arguments: [card.key, group, PromptCoding.stored(card.prompt), try ProgressColumns.millis(time, path: path)])
        if !levelFromDeck, db.changesCount > 0 {
            // An answer registered a card otherwise than the decks did: the
            // fingerprints no longer describe the registry, so the next load
            // registers every deck again.
            try db.execute(sql: "DELETE FROM registered_deck")
        }
    }

    /// Whether the registry row whose columns are `current` (a prefix: ""
    /// or "c.") differs from the card an answer names as `deckFile`,
    /// `prompt` and `level` (SQL expressions; the prompt coded, as stored,
    /// `PromptCoding`): the one rule for when an answer's `upsert` writes.
    /// An answer that names no level keeps the registered one, as `upsert`
    /// does.
    private static func registryDiffers(current: String, deckFile: String, prompt: String, level: String) -> String {
        "\(current)deck_file IS NOT \(deckFile) OR \(current)prompt IS NOT \(prompt) "
            + "OR \(current)level IS NOT coalesce(\(level), \(current)level)"
    }

    /// The group of deck file `?1` and level `?2`, made if it is new.
    private static let makeGroupSQL = KeptCounts.makeGroup(deckFile: "?1", level: "?2")

    /// The number of the group of deck file `?1` and level `?2`.
    private static let groupSQL = "SELECT \(KeptCounts.groupOf(deckFile: "?1", level: "?2"))"

    /// `upsert`'s statement, parameters key, group (the one the row will
    /// have), coded prompt (`PromptCoding`) and first seen. It writes when
    /// `registryDiffers`: a group is one deck file and level, so another
    /// group is another deck file or level.
    private static let upsertSQL = """
        INSERT INTO registry (key, grp, prompt, first_seen) VALUES (?1, ?2, ?3, ?4)
        ON CONFLICT (key) DO UPDATE SET grp = excluded.grp, prompt = excluded.prompt
        WHERE grp IS NOT excluded.grp OR prompt IS NOT excluded.prompt
        """

    /// For the card `?1` (deck file `?2`, coded prompt `?3`, level `?4`):
    /// whether the registry holds it so that an answer's `upsert` would change
    /// nothing, whether it has a state row, that row's progress, and the
    /// log's ids of the key, the deck file and the session `?5`
    /// (`CompactLog.knownIDs`). The key comes first, so that a damaged
    /// state row is reported naming its card.
    private static let registrationAndProgressSQL = """
        SELECT k.key, c.key IS NOT NULL AND NOT (\(registryDiffers(current: "c.", deckFile: "?2", prompt: "?3", level: "?4"))),
            s.key IS NOT NULL, \(ProgressColumns.names(prefix: "s.").joined(separator: ", ")),
            \(CompactLog.knownIDColumns(key: "?1", deckFile: "?2", session: "?5"))
        FROM (SELECT ?1 AS key) k LEFT JOIN card c ON c.key = k.key LEFT JOIN card_state s ON s.key = k.key
        """

    /// Whether an answer to `card` would leave its registry row as it is
    /// (`upsert` writes nothing), the card's progress (`progress(of:)`),
    /// and what `CompactLog.knownIDs` gives for its key, deck file and
    /// `session`: one statement instead of two at every answer.
    static func registrationAndProgress(of card: RegisteredCard, session: String?, db: Database, path: String) throws
        -> (registered: Bool, progress: CardProgress, logIDs: [Int64?])
    {
        let statement = try db.cachedStatement(sql: registrationAndProgressSQL)
        // Read in place from the cursor's row: `Row.fetchOne` copies the
        // row and its column names, a third of this look-up's time.
        // The cursor resets the statement when it goes, and the row reads
        // the statement: it is kept until the row is read.
        let rows = try Row.fetchCursor(
            statement, arguments: [card.key, card.deckFile, PromptCoding.stored(card.prompt), card.level, session])
        return try withExtendedLifetime(rows) {
            guard let row = try rows.next() else { throw StoreError(.sqlite(code: 1), path: path, detail: "no row") }
            let stored = StatementRow(row: row, statement: statement.sqliteStatement, keyColumn: 0, path: path)
            let registered = try stored.int64(1, required: false) == 1
            let idColumn = 3 + ProgressColumns.names().count
            let logIDs = try (idColumn..<idColumn + 3).map { try stored.int64($0, required: false) }
            guard try stored.int64(2, required: false) == 1 else { return (registered, .unseen, logIDs) }
            return (registered, try ProgressColumns.progress(stored, at: 3), logIDs)
        }
    }

    /// Appends one log entry and makes `after` the card's state: the single
    /// place where both tables change, so they cannot drift apart.
    /// `beforeIsStored`: `before` is the card's state as read in this
    /// transaction (not an assumed one, as adopt's "unseen").
    /// `knownLogIDs`: `CompactLog.knownIDs` of the entry's names, when
    /// read already in this transaction.
    func appendTransition(
        db: Database, key: String, deckFile: String, session: String?, time: Date, kind: ReviewKind,
        rating: Rating?, duration: Int?, undoes: ReviewLogEntry.ID?, before: CardProgress, after: CardProgress,
        beforeIsStored: Bool = true, knownLogIDs: [Int64?]? = nil
    ) throws -> ReviewLogEntry {
        let at = try ProgressColumns.millis(time, path: path)
        let id = try CompactLog.append(
            db: db, key: key, deckFile: deckFile, session: session, at: at, kind: kind, rating: rating?.rawValue,
            duration: duration, undoes: undoes, before: try ProgressColumns.values(before, path: path),
            after: try ProgressColumns.values(after, path: path), knownIDs: knownLogIDs)
        try Self.setState(
            after, of: key, logID: id, db: db, path: path, answeredBefore: beforeIsStored ? before.schedule != nil : nil)
        // What a later read or undo will see: the values as stored (dates
        // rounded to the millisecond; doubles come back unchanged).
        return ReviewLogEntry(
            id: id, key: key, deckFile: deckFile, sessionID: session, time: ProgressColumns.date(at), kind: kind,
            rating: rating, durationMilliseconds: duration, undoes: undoes, undoneBy: nil,
            before: try Self.roundTrip(before, path: path), after: try Self.roundTrip(after, path: path))
    }

    /// Sets a card's state row in place (an upsert, not REPLACE's delete
    /// and insert, so index entries whose columns did not change stay put).
    private static let setStateSQL: String = {
        let names = ProgressColumns.names()
        return """
            INSERT INTO card_state (key, \(names.joined(separator: ", ")), log_id)
            VALUES (\(Array(repeating: "?", count: names.count + 2).joined(separator: ", ")))
            ON CONFLICT (key) DO UPDATE SET \((names + ["log_id"]).map { "\($0) = excluded.\($0)" }.joined(separator: ", "))
            """
    }()

    private static let progressSQL =
        "SELECT \(ProgressColumns.names().joined(separator: ", ")) FROM card_state WHERE key = ?"

    /// Makes `progress` the state of `key`. `answeredBefore`, when given, is
    /// whether the state being replaced had a schedule: `card.answered`
    /// already says so, and is only written when that changes.
    static func setState(
        _ progress: CardProgress, of key: String, logID: Int64, db: Database, path: String, answeredBefore: Bool? = nil
    ) throws {
        if answeredBefore != (progress.schedule != nil) {
            // The registry's own table, not the `card` view: a store that
            // is written to has every migration (`GroupedRegistry`), and the
            // view's trigger would look the card's group up again.
            try db.cachedStatement(sql: "UPDATE registry SET answered = ?1 WHERE key = ?2 AND answered != ?1")
                .execute(arguments: [progress.schedule != nil, key])
        }
        if progress.isUnseen {
            try db.cachedStatement(sql: "DELETE FROM card_state WHERE key = ?").execute(arguments: [key])
            return
        }
        var arguments: [(any DatabaseValueConvertible)?] = [key]
        arguments += try ProgressColumns.values(progress, path: path)
        arguments.append(logID)
        try db.cachedStatement(sql: setStateSQL).execute(arguments: StatementArguments(arguments))
    }

    private static func roundTrip(_ progress: CardProgress, path: String) throws -> CardProgress {
        guard var schedule = progress.schedule else {
            return CardProgress(suspended: progress.suspended, buriedUntil: progress.buriedUntil.map(ProgressColumns.normalized))
        }
        schedule.due = ProgressColumns.normalized(schedule.due)
        schedule.lastReview = schedule.lastReview.map(ProgressColumns.normalized)
        return CardProgress(
            schedule: schedule, suspended: progress.suspended, buriedUntil: progress.buriedUntil.map(ProgressColumns.normalized))
    }

    static func progress(of key: String, db: Database, path: String) throws -> CardProgress {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: progressSQL), arguments: [key]) else { return .unseen }
        return try ProgressColumns.progress(try StoredRow(row, keyColumn: nil, knownKey: key, path: path), at: 0)
    }

    /// The columns `entry(_:)` reads, in order, from `review_log e`.
    static var entryColumns: String {
        let fixed = "e.id, e.key, e.deck_file, e.session, e.at, e.kind, e.rating, e.duration_ms, e.undoes, "
            + "(SELECT u.id FROM review_log u WHERE u.undoes = e.id), "
        return fixed + (ProgressColumns.names(prefix: "e.b_") + ProgressColumns.names(prefix: "e.a_")).joined(separator: ", ")
    }

    static func entry(_ row: Row, path: String) throws -> ReviewLogEntry {
        let stored = try StoredRow(row, keyColumn: 1, path: path)
        let kindText = try stored.string(5, required: true)!
        guard let kind = ReviewKind(rawValue: kindText) else { throw stored.corrupt(5, "unknown log kind \(kindText)") }
        let rating = try stored.int(6).map { value in
            guard let rating = Rating(rawValue: value) else { throw stored.corrupt(6, "unknown rating \(value)") }
            return rating
        }
        return ReviewLogEntry(
            id: try stored.int64(0, required: true)!, key: stored.key, deckFile: try stored.string(2, required: true)!,
            sessionID: try stored.string(3), time: try ProgressColumns.storedDate(stored, 4, required: true)!,
            kind: kind, rating: rating, durationMilliseconds: try stored.count(7),
            undoes: try stored.int64(8), undoneBy: try stored.int64(9), before: try ProgressColumns.progress(stored, at: 10),
            after: try ProgressColumns.progress(stored, at: 20))
    }
}
