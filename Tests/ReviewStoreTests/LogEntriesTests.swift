import FSRS
import Foundation
import GRDB
import Testing

@testable import ReviewStore

/// `CompactLog.entries`, the log with only the columns a query reads: each
/// of its columns must be the view `review_log`'s, entry for entry, for
/// logs of every kind of entry, including states before an entry that do
/// not follow from the previous one (kept in `review_before`).
@Suite struct LogEntriesTests {
    static let kinds = ["study", "quiz", "override", "suspend", "unsuspend", "bury", "undo", "adopt"]

    /// A store whose log holds `count` drawn entries over a few cards,
    /// written through the view as any program might.
    static func store(seed: UInt64, count: Int) throws -> ProgressStore {
        var rng = SeededGenerator(seed: seed)
        let store = try ProgressStore()
        try store.queue.write { db in
            var after: [String: [DatabaseValue]] = [:]
            var undone: Set<Int64> = []
            for id in 1...count {
                let key = ["a", "b", "c", "d/reverse", "е-кілт"].randomElement(using: &rng)!
                let kind = kinds.randomElement(using: &rng)!
                let rating: Int? = ["study", "quiz", "override"].contains(kind) ? Int.random(in: 1...4, using: &rng) : nil
                func progress() -> [DatabaseValue] {
                    let state: Int? = Bool.random(using: &rng) ? Int.random(in: 0...3, using: &rng) : nil
                    let at = Int64(id) * 60_000
                    return [
                        state.databaseValue, (state == 1 ? Int.random(in: 0...2, using: &rng) : nil).databaseValue,
                        Double.random(in: 0.1...300, using: &rng).databaseValue,
                        Double.random(in: 1...10, using: &rng).databaseValue,
                        (at + Int64.random(in: 0...9_000_000, using: &rng)).databaseValue, at.databaseValue,
                        Int.random(in: 0...20, using: &rng).databaseValue, Int.random(in: 0...5, using: &rng).databaseValue,
                        Int.random(in: 0...1, using: &rng).databaseValue,
                        (Bool.random(using: &rng) ? at + 86_400_000 : nil).databaseValue,
                    ]
                }
                // Mostly the card's previous state, sometimes another
                // (history brought from elsewhere, a hand edit).
                let before = after[key].flatMap { Int.random(in: 0..<4, using: &rng) > 0 ? $0 : nil } ?? progress()
                let now = progress()
                after[key] = now
                let session: String? = Bool.random(using: &rng) ? "s\(Int.random(in: 1...3, using: &rng))" : nil
                // An entry is undone once at most (the log's unique `undoes`).
                var undoes: Int64?
                if kind == "undo", id > 1 {
                    let target = Int64.random(in: 1..<Int64(id), using: &rng)
                    if undone.insert(target).inserted { undoes = target }
                }
                let values: [DatabaseValue] =
                    [
                        Int64(id).databaseValue, key.databaseValue, "decks/\(key.prefix(1)).deck".databaseValue,
                        session.databaseValue, (Int64(id) * 60_000).databaseValue, kind.databaseValue,
                        rating.databaseValue, Int.random(in: 0...9_000, using: &rng).databaseValue, undoes.databaseValue,
                    ] + before + now
                let columns =
                    ["id", "key", "deck_file", "session", "at", "kind", "rating", "duration_ms", "undoes"]
                    + ProgressColumns.names(prefix: "b_") + ProgressColumns.names(prefix: "a_")
                try db.execute(
                    sql: "INSERT INTO review_log (\(columns.joined(separator: ", "))) VALUES (\(Array(repeating: "?", count: columns.count).joined(separator: ", ")))",
                    arguments: StatementArguments(values))
            }
        }
        return store
    }

    /// Every column of the view.
    static func viewColumns(_ db: Database) throws -> [String] {
        try db.columns(in: "review_log").map(\.name)
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func eachColumnIsTheViews(seed: UInt64) throws {
        let store = try Self.store(seed: seed, count: 400)
        try store.read { db in
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM review_before") ?? 0 > 20)
            let columns = try Self.viewColumns(db)
            #expect(columns.count == 29)
            for column in columns {
                let expected = try Row.fetchAll(db, sql: "SELECT id, \(column) FROM review_log ORDER BY id")
                let narrow = try Row.fetchAll(
                    db, sql: "SELECT id, \(column) FROM \(CompactLog.entries(["id", column])) ORDER BY id")
                #expect(narrow == expected, "\(column)")
            }
            let all = columns.joined(separator: ", ")
            #expect(
                try Row.fetchAll(db, sql: "SELECT \(all) FROM \(CompactLog.entries(columns)) ORDER BY id")
                    == Row.fetchAll(db, sql: "SELECT \(all) FROM review_log ORDER BY id"))
        }
    }

    /// The two reads of today's log that name only a few columns give what
    /// they gave through the view, on the same log.
    @Test(arguments: [4, 5] as [UInt64])
    func todaysCountsAndFailuresAreTheViews(seed: UInt64) throws {
        let store = try Self.store(seed: seed, count: 600)
        let start = Date(timeIntervalSince1970: 60 * 100)
        let end = Date(timeIntervalSince1970: 60 * 500)
        let counts = try store.studiedCounts(from: start, to: end)
        let failures = try store.failures(since: start)
        #expect(counts.answers > 0 && counts.newCards > 0 && counts.reviews > 0)
        #expect(!failures.isEmpty)
        let (viaView, failedViaView) = try store.read { db -> (StudiedCounts, Set<String>) in
            let during = try LogClauses.during(db, from: ProgressColumns.bound(start), to: ProgressColumns.bound(end))
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT count(DISTINCT CASE WHEN e.b_state IS NULL THEN e.key END),
                           count(CASE WHEN e.b_state = 2 THEN 1 END), count(*)
                    FROM review_log e WHERE \(during) AND \(LogClauses.isAnswer) AND \(LogClauses.notUndone)
                    """)!
            let failed = try String.fetchAll(
                db,
                sql: """
                    SELECT DISTINCT e.key FROM review_log e
                    WHERE \(try LogClauses.during(db, from: ProgressColumns.bound(start)))
                    AND \(LogClauses.isAnswer) AND e.rating = 1 AND \(LogClauses.notUndone)
                    """)
            return (StudiedCounts(newCards: row[0], reviews: row[1], answers: row[2]), Set(failed))
        }
        #expect(counts == viaView)
        #expect(Set(failures.keys) == failedViaView)
    }
}
