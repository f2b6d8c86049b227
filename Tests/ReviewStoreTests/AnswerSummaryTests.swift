import FSRS
import Foundation
import GRDB
import Testing

@testable import ReviewStore

/// The statistics' summaries kept with every answer and undo equal a
/// recomputation from the log: after study and quiz answers and undos, and
/// when the migration builds them for a store recorded before they existed.
@Suite struct AnswerSummaryTests {
    /// A history over two decks: study and quiz answers in several sessions,
    /// every seventh answer undone, times going back now and then (as two
    /// devices' clocks may), so a quiz card's first answer can be the one undone.
    static func history(_ store: ProgressStore) throws {
        var rng = SeededGenerator(seed: 14)
        var schedules: [String: CardSchedule] = [:]
        var time = t0
        for n in 1...400 {
            let key = "k\(Int.random(in: 0..<40, using: &rng))"
            let quiz = n % 3 == 0
            let session = quiz ? "quiz-\(n / 60)" : "study-\(n / 100)"
            let rating = Rating(rawValue: Int.random(in: 1...4, using: &rng)) ?? .good
            time = time.addingTimeInterval(Double.random(in: -600...(3 * 86_400), using: &rng))
            let after = scheduleAfter(schedules[key], rating: rating, at: time, using: &rng)
            _ = try store.record(
                answer(key, deck: key.hasSuffix("1") ? "decks/b.deck" : "decks/a.deck", rating: rating, at: time,
                    kind: quiz ? .quiz : .study, session: session, before: schedules[key], after: after))
            schedules[key] = after
            if n % 7 == 0, let undone = try store.undoLast(sessionID: session, at: time.addingTimeInterval(1)) {
                schedules[undone.key] = undone.before.schedule
            }
        }
    }

    /// "I was right" on a wrong quiz answer makes it right in the quiz's
    /// tally, as in the quiz's own score (stats said 1/3 where the quiz said
    /// 2/3); a study session's override makes no quiz; undone, it counts no
    /// more; and a store tallied before is counted again by its migration.
    @Test func anOverruledQuizAnswerCountsAsRight() throws {
        let store = try ProgressStore()
        let later = t0.addingTimeInterval(60)
        _ = try store.record(answer("k1", rating: .again, at: t0, kind: .quiz, session: "q", after: CardSchedule(due: t0)))
        _ = try store.record(answer("k2", rating: .good, at: t0, kind: .quiz, session: "q", after: CardSchedule(due: t0)))
        _ = try store.record(answer("k3", rating: .again, at: t0, kind: .quiz, session: "q", after: CardSchedule(due: t0)))
        _ = try store.record(answer("k1", rating: .good, at: later, kind: .override, session: "q", after: CardSchedule(due: later)))
        _ = try store.record(answer("k4", rating: .good, at: later, kind: .override, session: "s", after: CardSchedule(due: later)))
        var tallies = try store.quizTallies()
        #expect(tallies.map(\.session) == ["q"])
        #expect(tallies.map(\.answers) == [3] && tallies.map(\.correct) == [2])
        #expect(try store.verify() == [])
        _ = try store.undoLast(sessionID: "q", at: later.addingTimeInterval(1))
        tallies = try store.quizTallies()
        #expect(tallies.map(\.correct) == [1])
        #expect(try store.verify() == [])
        // A store whose tally was kept before overrides counted.
        _ = try store.record(answer("k3", rating: .good, at: later, kind: .override, session: "q", after: CardSchedule(due: later)))
        try store.write { db in
            try db.execute(sql: "UPDATE quiz_summary SET correct = correct - 1 WHERE key = 'k3'")
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = ?", arguments: [AnswerSummaries.overridesMigrationName])
        }
        #expect(try store.quizTallies().map(\.correct) == [1])
        try store.write { db in try AnswerSummaries.rebuildQuizSummary(db) }
        #expect(try store.quizTallies().map(\.correct) == [2])
        #expect(try store.verify() == [])
    }

    @Test func keptSummariesEqualTheLogAfterAnswersAndUndos() throws {
        let store = try ProgressStore()
        try Self.history(store)
        #expect(try store.verify() == [])
        // The summary and the log's own sums give the same slots and quizzes.
        let keys = try store.statisticsCards().map { $0.key }
        #expect(!keys.isEmpty)
        let kept = try store.answerSlots()
        #expect(kept.map(\.answers).reduce(0, +) > 300)
        #expect(kept == (try store.answerSlots(scope: StatisticsScope(keys: keys))))
        #expect(try store.answerSlots(scope: StatisticsScope(deckFiles: ["decks/b.deck"]))
            == (try store.answerSlots(scope: StatisticsScope(keys: keys.filter { $0.hasSuffix("1") }))))
        #expect(try store.quizTallies().map(\.answers).reduce(0, +) > 100)
    }

    /// A level or tag filter of a few cards reads their answers card by card
    /// through the log's per-card index instead of one pass over the log:
    /// both ways give the same sums, undone answers left out, for any few
    /// cards, with and without a deck scope.
    @Test func aFewCardsReadCardByCardGiveWhatOnePassGives() throws {
        let store = try ProgressStore()
        try Self.history(store)
        let keys = try store.statisticsCards().map { $0.key }
        try store.read { db in
            #expect(try AnswerSummaries.fewCards(3, db: db))
            #expect(try !AnswerSummaries.fewCards(keys.count, db: db))
            let deck = " AND e.deck_file IN (SELECT value FROM json_each(?))"
            for (offset, size) in [(0, 1), (3, 3), (10, 5)] {
                let few = Array(keys[offset..<(offset + size)])
                let json = String(decoding: try JSONEncoder().encode(few), as: UTF8.self)
                let onePass = try AnswerSummaries.recomputedSlots(
                    db, clause: " AND e.key IN (SELECT value FROM json_each(?))", arguments: [json], group: nil)
                #expect(!onePass.isEmpty)
                #expect(try AnswerSummaries.slotsOfCards(db, keys: few + few, clause: "", arguments: []) == onePass)
                #expect(
                    try AnswerSummaries.slotsOfCards(db, keys: few, clause: deck, arguments: [#"["decks/b.deck"]"#])
                        == onePass.filter { $0.key.deckFile == "decks/b.deck" })
            }
        }
    }

    @Test func theCheckFindsASummaryThatDrifted() throws {
        let store = try ProgressStore()
        try Self.history(store)
        try store.executeRaw("UPDATE answer_slot SET correct = correct + 1 WHERE slot = (SELECT min(slot) FROM answer_slot)")
        #expect(try store.verify().contains { $0.hasPrefix("answer summary") })
        let other = try ProgressStore()
        try Self.history(other)
        try other.executeRaw("UPDATE quiz_summary SET first_at = first_at - 1 WHERE key = 'k1'")
        #expect(try other.verify().contains { $0.hasPrefix("quiz summary") })
    }

    @Test func theMigrationBuildsTheSummariesOfAStoreRecordedWithoutThem() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("old.sqlite").path
        let (slots, quizzes): ([AnswerSlot], [QuizTallyRow])
        do {
            let store = try ProgressStore(path: path)
            try Self.history(store)
            (slots, quizzes) = (try store.answerSlots(), try store.quizTallies())
        }
        // The store as jatta wrote it before the summaries: no tables, no migration.
        do {
            let queue = try DatabaseQueue(path: path)
            try queue.write { db in
                try FirstLayoutRegistry.restore(db)
                try db.execute(sql: "DROP TABLE answer_slot; DROP TABLE quiz_summary")
                try db.execute(sql: """
                    DROP TRIGGER answer_slot_card_insert; DROP TRIGGER answer_slot_card_delete;
                    DROP TRIGGER answer_slot_card_regroup; DROP TRIGGER answer_slot_card_rekey; DROP VIEW answer_slot_move
                    """)
                try db.execute(
                    sql: """
                        DELETE FROM grdb_migrations
                        WHERE identifier IN ('stats-1-answer-summaries', 'stats-2-answer-slot-groups')
                        """)
            }
        }
        // Opened read-only (a copy handed in), the migration cannot run:
        // the figures come from the log itself, the same.
        do {
            let readOnly = try ProgressStore(path: path, options: StoreOptions(readOnly: true))
            #expect(try readOnly.answerSlots() == slots)
            #expect(try readOnly.quizTallies() == quizzes)
        }
        let reopened = try ProgressStore(path: path)
        #expect(try reopened.answerSlots() == slots)
        #expect(try reopened.quizTallies() == quizzes)
        #expect(try reopened.verify() == [])
        // And keeps them from there on.
        _ = try reopened.record(answer("k1", deck: "decks/b.deck", at: t0.addingTimeInterval(9e6), kind: .quiz, session: "late",
            after: StatisticsQueryTests.review(interval: 3, at: t0.addingTimeInterval(9e6))))
        _ = try reopened.undoLast(sessionID: "late", at: t0.addingTimeInterval(9e6 + 1))
        #expect(try reopened.answerSlots() == slots)
        #expect(try reopened.verify() == [])
    }
}
