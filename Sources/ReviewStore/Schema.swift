import GRDB

/// The database schema, as GRDB migrations. Migrations are only ever added,
/// never edited: a database that has a migration this list lacks was written
/// by a newer jatta, and the store refuses to touch it.
enum Schema {
    /// `PRAGMA application_id` of a jatta database ("jatt"), so another
    /// program's SQLite file is recognised and left alone.
    static let applicationID: Int32 = 0x6A61_7474

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-progress") { db in
            try db.execute(sql: "PRAGMA application_id = \(applicationID)")
            try db.execute(sql: v1)
        }
        migrator.registerMigration("v2-adopt-kind") { db in try allowAdoptEntries(db) }
        migrator.registerMigration("fsrs-parameters") { db in
            try db.execute(sql: fsrsParameters)
        }
        migrator.registerMigration("scale-1-registered-decks") { db in
            try db.execute(sql: registeredDecks)
        }
        migrator.registerMigration("exam-1-exam-dates") { db in
            try db.execute(sql: examDates)
        }
        migrator.registerMigration("class-1-quiz-answers") { db in
            try db.execute(sql: quizAnswers)
        }
        // The statistics' summaries of the log, built once from the log
        // already recorded; answers and undos keep them from then on.
        migrator.registerMigration("stats-1-answer-summaries") { db in
            try db.execute(sql: AnswerSummaries.schema)
            try AnswerSummaries.rebuild(db)
        }
        migrator.registerMigration(CompactLog.migrationName) { db in try CompactLog.migrate(db) }
        // The home screen's counts kept per deck file and level (issue 20):
        // filled once from the registry and the state, then by triggers.
        migrator.registerMigration("queue-1-kept-counts") { db in try KeptCounts.migrate(db) }
        // The statistics' answer summaries per group of deck file and level
        // too, so a level filter reads them instead of the log (issue 14).
        migrator.registerMigration("stats-2-answer-slot-groups") { db in try AnswerSummaries.groupSlots(db) }
        // A store written before may hold a fingerprint already stale: the
        // fingerprints are a cache, so they go once and the next load
        // registers every deck again.
        migrator.registerMigration("scale-2-stale-fingerprints") { db in
            try db.execute(sql: staleFingerprints)
            try db.execute(sql: "DELETE FROM registered_deck")
        }
        // The log's time index gives way to a few rows a day (issue 20:
        // the store at Anki's size).
        migrator.registerMigration(ReviewHours.migrationName) { db in try ReviewHours.migrate(db) }
        // Today's new cards read from their index alone (issue 20).
        migrator.registerMigration("queue-2-covering-new-cards") { db in try db.execute(sql: coveringNewCards) }
        // The log's small columns in one integer (issue 20: the store at
        // Anki's size).
        migrator.registerMigration(ReviewShape.migrationName) { db in try ReviewShape.migrate(db) }
        // The shape's check in the log's insert trigger without constant
        // lists, as jatta's own append now spells it (one answer's
        // temporary tables, issue 20).
        migrator.registerMigration(ReviewShape.comparisonsMigrationName) { db in try ReviewShape.remakeLogView(db) }
        // The registry's rows name their group (deck file and level)
        // instead of the path (issue 20: the store at Anki's size).
        migrator.registerMigration(GroupedRegistry.migrationName) { db in try GroupedRegistry.migrate(db) }
        // Each log entry names its card's previous one instead of an index
        // of the log by card (issue 20: the store at Anki's size, and an
        // answer's cost).
        migrator.registerMigration(EntryChain.migrationName) { db in try EntryChain.migrate(db) }
        // The registry's prompts in one byte per letter (issue 20: the
        // store at Anki's size).
        migrator.registerMigration(PromptCoding.migrationName) { db in try PromptCoding.migrate(db) }
        // Each deck file's faces as last registered, so an edited file
        // registers only what the edit changed (issue 20).
        migrator.registerMigration(RegisteredFaces.migrationName) { db in try RegisteredFaces.migrate(db) }
        // A quiz answer the student overruled ("I was right") counts as
        // right in the quiz summaries, as in the quiz's own score: made
        // again from the log once.
        migrator.registerMigration(AnswerSummaries.overridesMigrationName) { db in try AnswerSummaries.rebuildQuizSummary(db) }
        return migrator
    }

    /// Whether the store has a table named `name` (SQLite compares table
    /// names without case). One look-up in `sqlite_master`: GRDB's
    /// `tableExists` reads and caches every object of the schema the first
    /// time a connection asks (over a hundred tables, indexes and
    /// triggers), about a fifth of a millisecond of every start. The
    /// statement is kept by the connection: a start asks about ten times,
    /// and compiling it each time was ten compilations.
    static func hasTable(_ db: Database, _ name: String) throws -> Bool {
        let statement = try db.cachedStatement(
            sql: "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ? COLLATE NOCASE)")
        return try Bool.fetchOne(statement, arguments: [name]) ?? false
    }

    /// Lets the review log hold `adopt` entries (`ProgressStore.adopt`) by
    /// widening the CHECK on `review_log.kind`. SQLite cannot alter a CHECK,
    /// and copying the append-only log into a new table would rewrite every
    /// row; so the table's recorded SQL is edited as SQLite's ALTER TABLE
    /// documentation describes for loosening a constraint (every existing
    /// row satisfies the wider check, so no data needs looking at).
    static func allowAdoptEntries(_ db: Database) throws {
        try editTableSQL(db, table: "review_log", old: "'bury', 'undo')", new: "'bury', 'undo', 'adopt')")
    }

    /// Replaces `old` by `new` in the recorded SQL of `table`, as SQLite's
    /// ALTER TABLE documentation describes for changes that leave every
    /// stored row valid (a wider CHECK, a foreign key pointed at the table
    /// now holding the same ids).
    static func editTableSQL(_ db: Database, table: String, old: String, new: String) throws {
        let sql = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", arguments: [table])
        // Another process opening the same new file may have edited it
        // between our look at the applied migrations and this one.
        if let sql, sql.contains(new) { return }
        // Or it may have gone further: a later migration replaced the table
        // by a view of the same name (`scale-2-compact-log` does so with
        // `review_log`), which it only does after this edit was recorded.
        // Recording it again then fails as a duplicate, and the retry finds
        // the schema complete.
        if sql == nil,
            try Bool.fetchOne(
                db, sql: "SELECT 1 FROM sqlite_master WHERE type = 'view' AND name = ?", arguments: [table]) == true
        {
            return
        }
        guard let sql, sql.contains(old) else {
            throw DatabaseError(resultCode: .SQLITE_CORRUPT, message: "\(table)'s SQL is not the one expected")
        }
        let version = try Int.fetchOne(db, sql: "PRAGMA schema_version") ?? 0
        try db.execute(sql: "PRAGMA writable_schema = ON")
        try db.execute(
            sql: "UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = ?",
            arguments: [sql.replacingOccurrences(of: old, with: new), table])
        try db.execute(sql: "PRAGMA schema_version = \(version + 1)")
        try db.execute(sql: "PRAGMA writable_schema = OFF")
    }

    /// Times are whole milliseconds since 1970 UTC (INTEGER): exact, readable
    /// with `datetime(at/1000, 'unixepoch')`, and cheap to index. Stability
    /// and difficulty are REAL, which SQLite keeps as the same 64-bit double.
    /// A progress value is spread over columns (`state` … `buried_until`);
    /// `state` NULL means "no schedule yet". `card.answered` mirrors "has a
    /// schedule" (kept with the state, in the same transaction) so the
    /// new-card queue reads a small partial index instead of scanning every
    /// card a student has already learnt.
    private static let v1 = """
        CREATE TABLE card (
            key TEXT NOT NULL PRIMARY KEY,
            deck_file TEXT NOT NULL,
            prompt TEXT NOT NULL,
            level INTEGER,
            first_seen INTEGER NOT NULL,
            answered INTEGER NOT NULL DEFAULT 0
        ) WITHOUT ROWID;
        CREATE INDEX card_by_deck ON card(deck_file, level, answered);
        CREATE INDEX card_new ON card(first_seen, key) WHERE answered = 0;

        CREATE TABLE review_log (
            id INTEGER PRIMARY KEY,
            key TEXT NOT NULL,
            deck_file TEXT NOT NULL,
            session TEXT,
            at INTEGER NOT NULL,
            kind TEXT NOT NULL
                CHECK (kind IN ('study', 'quiz', 'override', 'suspend', 'unsuspend', 'bury', 'undo')),
            rating INTEGER CHECK (rating BETWEEN 1 AND 4),
            duration_ms INTEGER CHECK (duration_ms >= 0),
            undoes INTEGER REFERENCES review_log(id),
            b_state INTEGER, b_step INTEGER, b_stability REAL, b_difficulty REAL,
            b_due INTEGER, b_last_review INTEGER, b_reps INTEGER, b_lapses INTEGER,
            b_suspended INTEGER NOT NULL, b_buried_until INTEGER,
            a_state INTEGER, a_step INTEGER, a_stability REAL, a_difficulty REAL,
            a_due INTEGER, a_last_review INTEGER, a_reps INTEGER, a_lapses INTEGER,
            a_suspended INTEGER NOT NULL, a_buried_until INTEGER
        );
        CREATE INDEX review_log_by_key ON review_log(key, id);
        CREATE INDEX review_log_by_time ON review_log(at);
        CREATE INDEX review_log_by_session ON review_log(session, id) WHERE session IS NOT NULL;
        CREATE UNIQUE INDEX review_log_undone ON review_log(undoes) WHERE undoes IS NOT NULL;
        CREATE TRIGGER review_log_no_update BEFORE UPDATE ON review_log
            BEGIN SELECT RAISE(ABORT, 'review_log is append-only'); END;
        CREATE TRIGGER review_log_no_delete BEFORE DELETE ON review_log
            BEGIN SELECT RAISE(ABORT, 'review_log is append-only'); END;

        CREATE TABLE card_state (
            key TEXT NOT NULL PRIMARY KEY,
            state INTEGER, step INTEGER, stability REAL, difficulty REAL,
            due INTEGER, last_review INTEGER, reps INTEGER, lapses INTEGER,
            suspended INTEGER NOT NULL, buried_until INTEGER,
            log_id INTEGER NOT NULL REFERENCES review_log(id)
        ) WITHOUT ROWID;
        CREATE INDEX card_state_by_due ON card_state(due) WHERE state IS NOT NULL AND suspended = 0;
        CREATE INDEX card_state_learning ON card_state(due) WHERE state IN (1, 3) AND suspended = 0;
        """

    /// The student's own FSRS parameters (`jatta optimize`): one row per fit
    /// or reset, never updated; the newest row is the one in use. NULL
    /// parameters mean "the defaults" (a reset). The figures are the log loss
    /// and RMSE(bins) of the new and the previous parameters on the reviews
    /// the fit saw. `student_setting` holds single values such as the desired
    /// retention.
    private static let fsrsParameters = """
        CREATE TABLE fsrs_parameters (
            id INTEGER PRIMARY KEY,
            at INTEGER NOT NULL,
            parameters TEXT,
            outcome TEXT NOT NULL,
            review_count INTEGER NOT NULL CHECK (review_count >= 0),
            item_count INTEGER NOT NULL CHECK (item_count >= 0),
            log_loss REAL, rmse_bins REAL,
            previous_log_loss REAL, previous_rmse_bins REAL
        );
        CREATE TABLE student_setting (
            name TEXT NOT NULL PRIMARY KEY,
            value TEXT NOT NULL
        ) WITHOUT ROWID;
        """

    /// What each deck file's cards looked like when last registered
    /// (`RegistryFingerprint`), so loading unchanged decks skips the
    /// registry. Only a cache of the `card` table: deleting its rows is
    /// always safe, and anything that changes `card` rows otherwise than
    /// `register` must delete them (as `record` does when an answer changes
    /// a registry row).
    private static let registeredDecks = """
        CREATE TABLE registered_deck (
            deck_file TEXT NOT NULL PRIMARY KEY,
            fingerprint INTEGER NOT NULL
        ) WITHOUT ROWID;
        """

    /// A card that leaves a deck file (registered under another one, card
    /// by card, while that file was not loaded) makes the file's
    /// fingerprint stale: kept, it would let the file's next registration
    /// be skipped when the file comes back as it was (an edit reverted),
    /// and the card would stay under the other file. The one rule for
    /// every path that moves a card; it costs nothing when no card moves.
    private static let staleFingerprints = """
        CREATE TRIGGER registered_deck_card_left AFTER UPDATE OF deck_file ON card
        WHEN OLD.deck_file IS NOT NEW.deck_file BEGIN
            DELETE FROM registered_deck WHERE deck_file = OLD.deck_file;
        END;
        """

    /// The new-card queue's index with `answered` in it. The index holds
    /// only rows with `answered = 0`, yet SQLite 3.40 (the system library
    /// jatta links on Debian 12) counts a column of a partial index's
    /// WHERE clause as covered only when the index holds it: without it,
    /// every new card read looked its row up in `card` by key, 10,000
    /// lookups for a queue of 9,999 new cards (4 of its 11 ms). The column
    /// adds one byte per never-answered card.
    private static let coveringNewCards = """
        DROP INDEX IF EXISTS card_new;
        CREATE INDEX card_new ON card(first_seen, key, answered) WHERE answered = 0;
        """

    /// The student's exams (`jatta exam set`): a date, the deck files and
    /// folders it covers (absolute paths, one per line; empty = every deck)
    /// and the answers a day the student accepts (NULL = the default).
    private static let examDates = """
        CREATE TABLE exam (
            id INTEGER PRIMARY KEY,
            date TEXT NOT NULL,
            paths TEXT NOT NULL,
            workload INTEGER CHECK (workload IS NULL OR workload > 0)
        );
        """

    /// What a quiz answer was, beside its log entry: the mark (0…1, the
    /// share of the question's point, as Moodle's item analysis counts it)
    /// and, for multiple choice, the text of the option(s) chosen, so a
    /// class report can name the distractor that fools the class. Options
    /// are shuffled per quiz, so the text is kept, not the position.
    private static let quizAnswers = """
        CREATE TABLE quiz_answer (
            log_id INTEGER NOT NULL PRIMARY KEY REFERENCES review_log(id),
            credit REAL NOT NULL CHECK (credit BETWEEN 0 AND 1),
            chosen TEXT
        );
        """
}
