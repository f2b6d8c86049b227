import FSRS
import Foundation
import Testing

@testable import ReviewStore

/// Which logged answers the optimiser trains on, and the stored parameters.
@Suite struct TrainingHistoryTests {
    let utc = TimeZone(identifier: "UTC") ?? .gmt
    var scheduler: Scheduler {
        get throws { try Scheduler(SchedulerConfiguration(dayCounting: .anki(timeZone: utc))) }
    }
    /// 2025-01-01T00:00:00Z.
    let midnight = Date(timeIntervalSince1970: 1_735_689_600)

    func at(day: Int, hour: Double) -> Date { midnight.addingTimeInterval((Double(day) * 24 + hour) * 3600) }

    /// Records a study (or quiz) answer the way the trainer does: the
    /// scheduler's review of the current schedule.
    @discardableResult
    func study(
        _ store: ProgressStore, _ key: String, _ rating: Rating, _ time: Date, kind: AnswerKind = .study
    ) throws -> CardSchedule {
        let before = try store.schedules(for: [key])[key]
        let after = try scheduler.review(before ?? .new(at: time), rating: rating, at: time, cardKey: key)
        try store.record(answer(key, rating: rating, at: time, kind: kind, before: before, after: after))
        return after
    }

    func histories(_ store: ProgressStore) throws -> [String: [ReviewHistory.Review]] {
        let (found, _) = try store.trainingHistories(rolloverHour: 4, timeZone: utc)
        // Keys are read in key order; the test cards are named so that order is known.
        return Dictionary(uniqueKeysWithValues: zip(["a", "b", "c", "d"].prefix(found.count), found.map(\.reviews)))
    }

    @Test func studyAnswersCountInSchedulerDays() throws {
        let store = try ProgressStore()
        try study(store, "a", .again, at(day: 0, hour: 22))
        try study(store, "a", .good, at(day: 1, hour: 3))  // before the 4 a.m. rollover: still day 0
        try study(store, "a", .good, at(day: 3, hour: 10))
        let (found, count) = try store.trainingHistories(rolloverHour: 4, timeZone: utc)
        #expect(count == 3)
        let reviews = try #require(found.first?.reviews)
        #expect(reviews.map(\.rating) == [.again, .good, .good])
        #expect(reviews[1].day == reviews[0].day)
        #expect(reviews[2].day == reviews[0].day + 3)
        let set = TrainingSet(histories: found)
        #expect(set.items == [TrainingItem(sequence: 0, target: 2)])
    }

    @Test func undoneAnswersAreLeftOut() throws {
        let store = try ProgressStore()
        try study(store, "a", .good, at(day: 0, hour: 10))
        try study(store, "a", .again, at(day: 2, hour: 10))
        _ = try store.undoLast(at: at(day: 2, hour: 11))
        try study(store, "a", .easy, at(day: 2, hour: 12))
        let reviews = try #require(try histories(store)["a"])
        #expect(reviews.map(\.rating) == [.good, .easy])
    }

    @Test func quizPracticeIsLeftOutAndAQuizOverrideTurnsTheRating() throws {
        let store = try ProgressStore()
        try study(store, "a", .good, at(day: 0, hour: 10))
        // A quiz two days later reschedules (Again), then "I was right" turns it to Good:
        // the override is rescheduled from the state before the quiz answer, at its time.
        let beforeQuiz = try store.schedules(for: ["a"])["a"]
        let quizTime = at(day: 2, hour: 10)
        try study(store, "a", .again, quizTime, kind: .quiz)
        let turned = try scheduler.review(try #require(beforeQuiz), rating: .good, at: quizTime, cardKey: "a")
        let current = try store.schedules(for: ["a"])["a"]
        try store.record(
            answer("a", rating: .good, at: at(day: 2, hour: 10.1), kind: .override, before: current, after: turned))
        // The same day again: practice that leaves the schedule alone.
        let unchanged = try #require(try store.schedules(for: ["a"])["a"])
        try store.record(
            answer("a", rating: .again, at: at(day: 2, hour: 11), kind: .quiz, before: unchanged, after: unchanged))
        // An override of that practice answer does not reschedule either.
        try store.record(
            answer("a", rating: .good, at: at(day: 2, hour: 11.1), kind: .override, before: unchanged, after: unchanged))
        let reviews = try #require(try histories(store)["a"])
        #expect(reviews.map(\.rating) == [.good, .good])
        #expect(reviews.map(\.day) == [20089, 20091])
    }

    @Test func aCardWhoseFirstAnswerIsMissingIsLeftOut() throws {
        let store = try ProgressStore()
        // Progress that did not start from a new card (history brought from
        // elsewhere): the first logged answer already had a schedule before it.
        let first = Int64(at(day: 0, hour: 10).timeIntervalSince1970 * 1000)
        try store.write { db in
            try db.execute(
                sql: """
                    INSERT INTO review_log (key, deck_file, at, kind, rating, b_state, b_suspended, a_state,
                        a_last_review, a_suspended) VALUES ('a', 'd.deck', ?, 'study', 3, 2, 0, 2, ?, 0)
                    """, arguments: [first, first])
        }
        try study(store, "a", .good, at(day: 5, hour: 10))
        try study(store, "b", .good, at(day: 0, hour: 10))
        try study(store, "b", .hard, at(day: 4, hour: 10))
        let (found, count) = try store.trainingHistories(rolloverHour: 4, timeZone: utc)
        #expect(found.count == 1)
        #expect(count == 2)
        #expect(found.first?.reviews.map(\.rating) == [.good, .hard])
    }

    @Test func parametersRoundTripExactlyAndTheNewestRowWins() throws {
        let store = try ProgressStore()
        #expect(try store.currentParameters() == nil)
        var weights = FSRSParameters.defaults
        weights[0] = 0.1 + 0.2  // 0.30000000000000004: must come back with every bit
        weights[20] = 1.0 / 3.0
        let record = ParameterRecord(
            time: at(day: 0, hour: 1), parameters: weights, outcome: "trained", reviewCount: 1234, itemCount: 900,
            evaluation: ModelEvaluation(logLoss: 0.31, rmseBins: 0.04),
            previousEvaluation: ModelEvaluation(logLoss: 0.33, rmseBins: 0.06))
        try store.saveParameters(record)
        let read = try #require(try store.currentParameters())
        #expect(read.parameters == weights)
        #expect(read.reviewCount == 1234 && read.itemCount == 900 && read.evaluation == record.evaluation)
        try store.saveParameters(
            ParameterRecord(
                time: at(day: 1, hour: 1), parameters: nil, outcome: "reset", reviewCount: 0, itemCount: 0,
                evaluation: nil, previousEvaluation: nil))
        #expect(try store.currentParameters()?.parameters == nil)
        var bad = weights
        bad[4] = 99
        #expect(throws: StoreError.self) {
            try store.saveParameters(
                ParameterRecord(
                    time: at(day: 2, hour: 1), parameters: bad, outcome: "trained", reviewCount: 0, itemCount: 0,
                    evaluation: nil, previousEvaluation: nil))
        }
    }

    @Test func aCorruptStoredParameterSetIsReportedNotUsed() throws {
        let store = try ProgressStore()
        try store.write { db in
            try db.execute(
                sql: "INSERT INTO fsrs_parameters (at, parameters, outcome, review_count, item_count) VALUES (0, '[1,2,NaN]', 'trained', 0, 0)")
        }
        #expect {
            try store.currentParameters()
        } throws: { error in
            (error as? StoreError)?.kind == .corrupt
        }
    }

    @Test func desiredRetentionIsStoredAndChecked() throws {
        let store = try ProgressStore()
        #expect(try store.desiredRetention() == nil)
        try store.setDesiredRetention(0.85)
        #expect(try store.desiredRetention() == 0.85)
        #expect(throws: StoreError.self) { try store.setDesiredRetention(1.2) }
        try store.write { db in
            try db.execute(sql: "UPDATE student_setting SET value = '7' WHERE name = 'desired_retention'")
        }
        #expect(throws: StoreError.self) { try store.desiredRetention() }
        try store.setDesiredRetention(nil)
        #expect(try store.desiredRetention() == nil)
    }
}
