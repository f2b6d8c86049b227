import Foundation
import GRDB

/// The card state is a cache of the log: folding the log in id order, each
/// entry's `after` replaces the card's progress (undo entries carry the
/// undone entry's `before` as their `after`). These functions compute that
/// fold, compare it with the kept state and, if ever needed, rewrite the state.
extension ProgressStore {
    /// The progress of every card the store keeps a row for.
    public func currentProgress() throws -> [String: CardProgress] {
        try read { db in
            var result: [String: CardProgress] = [:]
            let rows = try Row.fetchCursor(
                db, sql: "SELECT key, \(ProgressColumns.names().joined(separator: ", ")) FROM card_state")
            while let row = try rows.next() {
                let stored = try StoredRow(row, keyColumn: 0, path: path)
                result[stored.key] = try ProgressColumns.progress(stored, at: 1)
            }
            return result
        }
    }

    /// The progress of every card, computed from the review log alone.
    public func rebuiltProgress() throws -> [String: CardProgress] {
        try read { db in try Self.fold(db, path: path).mapValues(\.progress) }
    }

    /// Replaces the card state with the fold of the log, in one transaction.
    public func rebuildState() throws {
        try write { db in
            let folded = try Self.fold(db, path: path)
            try db.execute(sql: "DELETE FROM card_state")
            try db.execute(sql: "UPDATE registry SET answered = 0 WHERE answered != 0")
            for (key, value) in folded {
                try Self.setState(value.progress, of: key, logID: value.logID, db: db, path: path)
            }
            // The one change of the state without an entry in the log: a
            // state kept from before it is no longer the store's
            // (`progressChanges(since:limit:)`).
            try db.execute(
                sql: """
                    INSERT INTO student_setting (name, value) VALUES (?1, 1)
                    ON CONFLICT (name) DO UPDATE SET value = CAST(value AS INTEGER) + 1
                    """,
                arguments: [Self.stateRebuildsSetting])
        }
    }

    /// SQLite's `PRAGMA integrity_check` plus the fold check, the
    /// statistics' summaries against a recomputation, the kept hours
    /// against every entry's time and each card's chain of entries against
    /// their ids: an empty list means the file is sound and the state,
    /// summaries, hours and chains agree with the log.
    public func verify() throws -> [String] {
        var problems = try read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }.filter { $0 != "ok" }
        let kept = try currentProgress()
        let rebuilt = try rebuiltProgress()
        for key in Set(kept.keys).union(rebuilt.keys).sorted() where kept[key] != rebuilt[key] {
            problems.append("card \(key): kept state differs from the log")
        }
        let answered = try read { db in Set(try String.fetchAll(db, sql: "SELECT key FROM card WHERE answered"))}
        let scheduled = Set(rebuilt.filter { $0.value.schedule != nil }.keys)
        for key in answered.symmetricDifference(scheduled).sorted() {
            problems.append("card \(key): registry's answered flag differs from the log")
        }
        problems += try read { db in
            try AnswerSummaries.mismatches(db) + KeptCounts.mismatches(db) + ReviewHours.mismatches(db)
                + EntryChain.mismatches(db)
        }
        return problems
    }

    private static func fold(_ db: Database, path: String) throws -> [String: (progress: CardProgress, logID: Int64)] {
        var result: [String: (progress: CardProgress, logID: Int64)] = [:]
        let columns = ProgressColumns.names(prefix: "a_").joined(separator: ", ")
        let rows = try Row.fetchCursor(db, sql: "SELECT id, key, \(columns) FROM review_log ORDER BY id")
        while let row = try rows.next() {
            let stored = try StoredRow(row, keyColumn: 1, path: path)
            let progress = try ProgressColumns.progress(stored, at: 2)
            if progress.isUnseen { result[stored.key] = nil } else { result[stored.key] = (progress, try stored.int64(0, required: true)!) }
        }
        return result
    }
}
