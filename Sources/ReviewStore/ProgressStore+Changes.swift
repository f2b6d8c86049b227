import GRDB

/// What changed in the card state since a read of it: for a caller that
/// keeps the whole state between processes (`KeptSchedules`) and reads only
/// the cards answered since.
///
/// Every change of a state row goes with an entry appended to the log
/// (`appendTransition`), which is append-only: the cards of the entries after
/// the last one a caller saw are the cards whose state may differ. The one
/// change without an entry, `rebuildState`, counts itself in the setting
/// `stateRebuildsSetting`, and a position taken before it is not recognised.
extension ProgressStore {
    /// Where the log stood at a read: its last entry, told apart from any
    /// other by its time and card, and how many times the state had been
    /// rebuilt.
    public struct LogPosition: Hashable, Sendable {
        /// The last entry's id (0 for an empty log).
        public var id: Int64
        /// Its time, in the log's milliseconds.
        public var at: Int64
        /// Its card, as the log numbers cards.
        public var card: Int64
        /// `rebuildState`'s count then.
        public var rebuilds: Int64

        public init(id: Int64, at: Int64, card: Int64, rebuilds: Int64) {
            self.id = id
            self.at = at
            self.card = card
            self.rebuilds = rebuilds
        }
    }

    /// The state rows of the cards whose state may have changed since a
    /// position, and every hidden card's (suspended or buried), read
    /// together with the position now.
    public struct ProgressChanges: Sendable {
        /// Where the log stands now.
        public var position: LogPosition
        /// Each card with an entry after the position, with its progress
        /// now (nil: it has no state row any more).
        public var changed: [(key: String, progress: CardProgress?)]
        /// Every card suspended or buried now, whether changed or not.
        public var hidden: [(key: String, progress: CardProgress)]
    }

    /// The setting `rebuildState` counts its rebuilds in.
    static let stateRebuildsSetting = "state-rebuilds"

    /// Where the log stands, in a read already begun.
    static func logPosition(_ db: Database) throws -> LogPosition {
        let rebuilds = try Int64.fetchOne(
            db, sql: "SELECT CAST(value AS INTEGER) FROM student_setting WHERE name = ?",
            arguments: [stateRebuildsSetting]) ?? 0
        guard let last = try Row.fetchOne(db, sql: "SELECT id, at, card FROM review ORDER BY id DESC LIMIT 1") else {
            return LogPosition(id: 0, at: 0, card: 0, rebuilds: rebuilds)
        }
        return LogPosition(id: integer(last, 0), at: integer(last, 1), card: integer(last, 2), rebuilds: rebuilds)
    }

    /// Column `index` of `row` as an integer, or -1 for anything else
    /// (GRDB's typed subscript traps on a value of another type).
    private static func integer(_ row: Row, _ index: Int) -> Int64 {
        Int64.fromDatabaseValue(row[index] as DatabaseValue) ?? -1
    }

    /// What changed since `position`, in one read; nil when the position is
    /// not this store's log (an entry of another time or card under its id,
    /// an id past the last, a rebuild since) or more than `limit` cards
    /// have entries after it: the caller then reads every state row.
    public func progressChanges(since position: LogPosition, limit: Int) throws -> ProgressChanges? {
        try read { db in
            // A store of a layout before the compact log (opened read-only,
            // not migrated) has no position to recognise.
            guard let now = try Self.positionIfKept(db) else { return nil }
            guard now.rebuilds == position.rebuilds, position.id <= now.id else { return nil }
            if position.id > 0 {
                let seen = try Row.fetchOne(db, sql: "SELECT at, card FROM review WHERE id = ?", arguments: [position.id])
                guard let seen, Self.integer(seen, 0) == position.at, Self.integer(seen, 1) == position.card else {
                    return nil
                }
            } else if position.at != 0 || position.card != 0 {
                return nil
            }
            let keys = try String.fetchAll(
                db,
                sql: """
                    SELECT c.key FROM log_card c
                    WHERE c.id IN (SELECT DISTINCT card FROM review WHERE id > ?) LIMIT ?
                    """,
                arguments: [position.id, limit + 1])
            guard keys.count <= limit else { return nil }
            let columns = ProgressColumns.names().joined(separator: ", ")
            let one = try db.cachedStatement(sql: "SELECT \(columns) FROM card_state WHERE key = ?")
            var changed: [(key: String, progress: CardProgress?)] = []
            changed.reserveCapacity(keys.count)
            for key in keys {
                let row = try Row.fetchOne(one, arguments: [key])
                changed.append((key, try row.map { try ProgressColumns.progress(StoredRow($0, keyColumn: nil, knownKey: key, path: path), at: 0) }))
            }
            var hidden: [(key: String, progress: CardProgress)] = []
            let hiddenRows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT key, \(columns) FROM card_state INDEXED BY card_state_hidden
                    WHERE suspended = 1 OR buried_until IS NOT NULL
                    """)
            while let row = try hiddenRows.next() {
                let stored = try StoredRow(row, keyColumn: 0, path: path)
                hidden.append((stored.key, try ProgressColumns.progress(stored, at: 1)))
            }
            return ProgressChanges(position: now, changed: changed, hidden: hidden)
        }
    }
}
