import FSRS
import Foundation
import GRDB

/// A student's progress: the review log, the current state of each card and
/// the registry of cards seen, in one SQLite database. The only code in jatta
/// that talks to SQLite.
///
/// Every change is one transaction that appends a log entry and updates the
/// card's state, so the two never disagree, and the state can always be
/// rebuilt from the log (`rebuiltProgress()`).
public final class ProgressStore: Sendable {
    /// Where the database lives (":memory:" for an in-memory store).
    public let path: String
    let queue: DatabaseQueue
    let options: StoreOptions

    /// Opens (creating if missing) the database at `path`, migrating it to
    /// the current schema. The folder must exist.
    ///
    /// Durability choices, fixed on purpose:
    /// - `journal_mode=WAL`: a commit appends to the write-ahead log instead
    ///   of rewriting pages, readers never block the writer, and a process
    ///   killed mid-write leaves the database as of its last commit.
    /// - `synchronous=FULL`: in WAL mode, NORMAL only syncs at checkpoints, so
    ///   a power cut can roll back the last answers even though the process
    ///   reported them; FULL syncs the WAL on every commit. One fsync per
    ///   answer costs far less than the seconds a student spends answering.
    /// - A busy timeout (`options.busyTimeout`, 5 s, polled every 2 ms) makes a
    ///   second jatta process wait for the write lock instead of failing, and every write
    ///   is a `BEGIN IMMEDIATE` transaction so it takes the lock up front,
    ///   where the timeout applies (a deferred transaction that reads first
    ///   can get SQLITE_BUSY at the upgrade without waiting). A transaction
    ///   that still meets SQLITE_BUSY is retried whole, `busyRetries` times,
    ///   before `StoreError.busy`.
    public init(path: String, options: StoreOptions = StoreOptions()) throws {
        self.path = path
        self.options = options
        try FileHeader.check(path: path)
        if !options.readOnly { try FileHeader.createPrivately(path: path) }
        var configuration = Configuration()
        configuration.readonly = options.readOnly
        // Poll every 2 ms rather than SQLite's default back-off (which sleeps
        // up to 100 ms between tries and lets one busy writer starve another).
        let pollInterval: useconds_t = 2_000
        let maximumTries = Int(max(options.busyTimeout, 0) * 1_000_000) / Int(pollInterval)
        configuration.busyMode = .callback { tries in
            guard tries < maximumTries else { return false }
            usleep(pollInterval)
            return true
        }
        configuration.label = "jatta.progress"
        let pageLimit = options.maximumPageCount
        let readOnly = options.readOnly
        configuration.prepareDatabase { db in
            // A read-only connection keeps the file's journal mode.
            if readOnly { return }
            // Set by hand rather than with GRDB's `journalMode = .wal`, which
            // writes a scratch table on open: opening must not touch a file
            // that then turns out to be from a newer jatta.
            let mode = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
            guard mode?.lowercased() == "wal" else {
                throw DatabaseError(resultCode: .SQLITE_CANTOPEN, message: "could not enable WAL (got \(mode ?? "nil"))")
            }
            try db.execute(sql: "PRAGMA synchronous = FULL")
            if let pageLimit {
                try db.execute(sql: "PRAGMA max_page_count = \(pageLimit)")
            }
        }
        let location = options.readOnly ? Self.readOnlyLocation(path) : path
        // Switching a new file to WAL fails at once with SQLITE_BUSY, without
        // the busy handler, while another process is opening the same file:
        // that wait is ours to make.
        let wait = OpeningWait(timeout: options.busyTimeout)
        var opened: DatabaseQueue?
        while opened == nil {
            do {
                opened = try DatabaseQueue(path: location, configuration: configuration)
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY && wait.another() {
                continue
            } catch {
                throw StoreError.from(error, path: path)
            }
        }
        queue = opened!
        try prepareSchema()
    }

    /// The waiting of a process that meets another one opening the same new
    /// file: a few milliseconds between tries, for as long as the busy
    /// timeout, measured on the monotonic clock. A fixed number of immediate
    /// tries was not enough: the other process applies dozens of migrations,
    /// each in its own transaction, and every one of them can turn this
    /// process's try away.
    struct OpeningWait {
        let deadline: UInt64

        init(timeout: TimeInterval) {
            deadline = DispatchTime.now().uptimeNanoseconds + UInt64(max(timeout, 0) * 1_000_000_000)
        }

        /// Sleeps a little and says whether to try again.
        func another() -> Bool {
            guard DispatchTime.now().uptimeNanoseconds < deadline else { return false }
            usleep(2_000)
            return true
        }
    }

    /// Whether `path` is an empty file nothing was ever written into (no
    /// write-ahead log beside it): reading commands treat it as an empty
    /// record rather than writing a schema into it.
    public static func isUnwritten(path: String) -> Bool { FileHeader.isUnwrittenFile(path: path) }

    /// Where SQLite opens a database for reading only. In a folder we cannot
    /// write (or on a full disk), with no write-ahead log beside the file,
    /// SQLite cannot create the -shm file a WAL database needs; nobody can
    /// be writing there, so the file is opened as immutable (a URI filename).
    static func readOnlyLocation(_ path: String) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        let unwritable = access(folder.isEmpty ? "." : folder, W_OK) != 0 || StoreError.isDiskFull(near: path)
        // An empty log (left by a failed open on a full disk) holds nothing.
        var wal = stat()
        guard unwritable, stat(path + "-wal", &wal) != 0 || wal.st_size == 0 else { return path }
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#%")
        return "file:" + (absolute.addingPercentEncoding(withAllowedCharacters: allowed) ?? absolute) + "?immutable=1"
    }

    /// The log's entries with only `columns`, for a query to name `e`:
    /// `CompactLog.entries` on a store opened for writing (every migration
    /// ran on it, so its log is in `CompactLog.layout`), the view
    /// `review_log` on one opened read-only, which may predate that layout.
    func logEntries(_ columns: [String]) -> String {
        options.readOnly ? "review_log" : CompactLog.entries(columns)
    }

    /// An empty store in memory, for tests and dry runs.
    public init() throws {
        path = ":memory:"
        options = StoreOptions()
        do {
            queue = try DatabaseQueue()
        } catch {
            throw StoreError.from(error, path: ":memory:")
        }
        try prepareSchema()
    }

    /// Refuses databases that are not jatta's or are from a newer jatta, then
    /// applies missing migrations. Two processes opening a new file at once
    /// race on the migrations; the loser's attempt fails and it tries again,
    /// waiting (`OpeningWait`) until it finds the schema complete.
    private func prepareSchema() throws {
        let migrator = Schema.migrator
        let wait = OpeningWait(timeout: options.busyTimeout)
        var attempt = 0
        while true {
            do {
                let (complete, applied) = try queue.read { db in
                    try Self.checkOwnership(db, migrator: migrator, path: path)
                    return (try migrator.hasCompletedMigrations(db), try migrator.appliedIdentifiers(db))
                }
                if complete || options.readOnly { return }
                try migrator.migrate(queue)
                // A migration that drops a large table or index, or shrinks
                // rows, is followed by a VACUUM whether or not it freed a
                // quarter of the file; a store made in this opening has
                // nothing to give back.
                let shrinking = [
                    CompactLog.migrationName, ReviewHours.migrationName, ReviewShape.migrationName,
                    GroupedRegistry.migrationName, EntryChain.migrationName,
                    PromptCoding.migrationName,
                ]
                try compactAfterMigration(shrunk: !applied.isEmpty && !applied.isSuperset(of: shrinking))
                return
            } catch let error as StoreError {
                throw error
            } catch {
                // Only the race is worth another look: a lock held too long,
                // "table already exists" because the other process won, or
                // (19) the other process recorded a migration this one had
                // just found already done (v2-adopt-kind returns early then)
                // and tried to record again.
                let mapped = StoreError.from(error, path: path)
                let retryable: Bool
                switch mapped.kind {
                case .busy, .sqlite(code: 1), .sqlite(code: 19): retryable = true
                default: retryable = false
                }
                attempt += 1
                guard retryable, attempt <= max(options.busyRetries, 1) || wait.another() else { throw mapped }
            }
        }
    }

    /// Gives back to the file system the pages a migration freed (the
    /// compact log's conversion frees most of the first layout's, the kept
    /// hours the time index's, the packed shape a few bytes of every log
    /// row): once, when more than a quarter of the file
    /// is free pages, or when the log was converted or its time index
    /// dropped in this opening (a later migration in the same run
    /// may reuse the pages it freed, leaving fewer free ones than a
    /// quarter in a file that a VACUUM would still make smaller than it
    /// was). Such a migration may free no page at all: the coded prompts
    /// (`PromptCoding`) shrink the registry's rows in place, leaving its
    /// pages part empty. A failed VACUUM (a full disk) leaves a sound,
    /// merely larger, file.
    private func compactAfterMigration(shrunk: Bool) throws {
        let (free, total) = try queue.read { db in
            (try Int.fetchOne(db, sql: "PRAGMA freelist_count") ?? 0, try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0)
        }
        guard shrunk || free >= 16 && free * 4 > total else { return }
        try? queue.vacuum()
    }

    private static func checkOwnership(_ db: Database, migrator: DatabaseMigrator, path: String) throws {
        let applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
        if applicationID != Schema.applicationID {
            let tables = try String.fetchAll(
                db,
                sql: """
                    SELECT name FROM sqlite_master WHERE type = 'table'
                    AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'grdb_%'
                    """)
            if applicationID != 0 || !tables.isEmpty {
                throw StoreError(.foreignDatabase, path: path)
            }
        }
        if try migrator.hasBeenSuperseded(db) {
            let known = Set(migrator.migrations)
            let unknown = try migrator.appliedIdentifiers(db).subtracting(known).sorted()
            throw StoreError(.newerSchema(unknownMigrations: unknown), path: path)
        }
    }

    // MARK: - Transactions

    /// Runs `body` in one `BEGIN IMMEDIATE` transaction, retrying the whole
    /// transaction when another process holds the lock past the busy timeout.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        var attempt = 0
        while true {
            do {
                var result: T?
                try queue.inTransaction(.immediate) { db in
                    result = try body(db)
                    return .commit
                }
                guard let result else { throw StoreError(.sqlite(code: 1), path: path, detail: "no result") }
                return result
            } catch let error as DatabaseError
                where (error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED)
                && attempt < options.busyRetries
            {
                attempt += 1
            } catch let error as StoreError {
                throw error
            } catch {
                throw StoreError.from(error, path: path)
            }
        }
    }

    /// Runs a read in one deferred transaction (one snapshot), mapping
    /// SQLite failures to `StoreError`. A read that changed a row is rolled
    /// back and fails.
    ///
    /// Not GRDB's `read`: it makes the connection read-only with `PRAGMA
    /// query_only` on and off, and every change of that pragma expires all
    /// prepared statements, so the answer recorded after a read recompiled
    /// each of its statements (the summaries' over the log's view among
    /// them): about 1.2 ms of CPU an answer.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            var result: T?
            try queue.inTransaction(.deferred) { db in
                let changes = db.totalChangesCount
                result = try body(db)
                guard db.totalChangesCount == changes else {
                    throw StoreError(.sqlite(code: 8), path: path, detail: "a read changed rows")  // SQLITE_READONLY
                }
                return .commit
            }
            guard let result else { throw StoreError(.sqlite(code: 1), path: path, detail: "no result") }
            return result
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError.from(error, path: path)
        }
    }
}
