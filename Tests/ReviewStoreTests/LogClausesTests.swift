import FSRS
import Foundation
import GRDB
import Testing
@testable import ReviewStore

/// `LogClauses.notUndone(_:)`, which reads `review` instead of the view
/// where the log is compact, must keep exactly the entries the view's form
/// keeps: answers undone in two sessions, the undo entries, and the
/// entries never undone.
@Suite struct LogClausesTests {
    @Test func theCompactFormKeepsTheEntriesTheViewFormKeeps() throws {
        let store = try ProgressStore()
        var rng = SeededGenerator(seed: 21)
        var time = t0
        for (i, key) in ["a", "b", "a", "c", "b", "a"].enumerated() {
            time = time.addingTimeInterval(61)
            let before = try store.schedules(for: [key])[key]
            let rating = Rating.allCases[i % 4]
            try store.record(
                answer(key, rating: rating, at: time, session: i % 2 == 0 ? "s1" : "s2", before: before,
                       after: scheduleAfter(before, rating: rating, at: time, using: &rng)))
        }
        try store.undoLast(sessionID: "s1", at: time)
        try store.undoLast(sessionID: "s2", at: time)
        try store.undoLast(sessionID: "s1", at: time)
        func kept(_ clause: String) throws -> [Int64] {
            try store.read { db in
                try Int64.fetchAll(db, sql: "SELECT e.id FROM review_log e WHERE \(clause) ORDER BY e.id")
            }
        }
        let compact = try store.read { db in try LogClauses.notUndone(db) }
        #expect(compact != LogClauses.notUndone)
        let viewKept = try kept(LogClauses.notUndone)
        // Three answers undone out of nine entries: six kept.
        #expect(viewKept.count == 6)
        #expect(try kept(compact) == viewKept)
    }
}

/// `LogClauses.isAnswer` says in SQL what `ReviewKind.isAnswer` and
/// `AnswerKind` say in Swift: the three must name the same kinds.
@Suite struct AnswerKindsTests {
    @Test(arguments: ReviewKind.allCases)
    func theClauseAndTheKindsAgree(kind: ReviewKind) throws {
        let store = try ProgressStore()
        let inSQL = try store.read { db in
            try Bool.fetchOne(db, sql: "SELECT \(LogClauses.isAnswer) FROM (SELECT ? AS kind) e", arguments: [kind.rawValue])
        }
        #expect(inSQL == kind.isAnswer)
        #expect((AnswerKind(rawValue: kind.rawValue) != nil) == kind.isAnswer)
    }
}
