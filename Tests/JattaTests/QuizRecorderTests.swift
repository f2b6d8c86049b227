import DeckFormat
import FSRS
import Foundation
import ReviewStore
import Study
import Testing

@testable import jatta

/// The same-day rule end to end against a real (in-memory) progress store:
/// `QuizScheduling` (run by the quiz session) completes each record, the
/// recorder writes it.
@Suite struct QuizRecorderTests {
    /// The quiz's side of the flow: each record completed from the card's
    /// schedule in the store, as the session does from its own copy of it.
    final class Pipeline {
        var scheduling: QuizScheduling
        let recorder: QuizRecorder
        let store: ProgressStore

        init(scheduler: Scheduler, store: ProgressStore) {
            self.scheduling = QuizScheduling(scheduler: scheduler)
            self.recorder = QuizRecorder(store: store, sessionID: "s")
            self.store = store
        }

        var failure: StoreError? { recorder.failure }

        func handle(_ record: QuizAnswerRecord) {
            var complete = record
            let current = try? store.schedules(for: [record.key])[record.key]
            complete.review = scheduling.review(for: record, current: current ?? nil)
            recorder.handle(complete)
        }
    }

    let almaty = TimeZone(identifier: "Asia/Almaty")!
    /// 2026-11-22 10:00 in Almaty (UTC+5).
    let morning = Date(timeIntervalSince1970: 1_795_323_600)

    func question(number: Int = 1) -> QuizQuestion {
        let card = Card(
            id: CardID(rawValue: "rezhim"), content: .term(TermCard(term: "Режим", definition: "Нормалар жиынтығы.")),
            location: SourceLocation(file: "decks/a.deck", line: 1))
        return QuizQuestion(
            number: number, key: "rezhim/reverse", card: card, deckFile: "decks/a.deck", prompt: "Нормалар жиынтығы.",
            format: .typed(TypedQuestion(blanks: [["Режим"]])))
    }

    func result(_ outcome: QuizOutcome, at time: Date, number: Int = 1) -> QuizResult {
        QuizResult(
            questionNumber: number, response: .typed(["x"]), outcome: outcome, credit: outcome == .correct ? 1 : 0,
            tier: outcome == .correct ? "exact" : "wrong", answeredAt: time, duration: 4)
    }

    func recorder() throws -> (Pipeline, ProgressStore, Scheduler) {
        let store = try ProgressStore()
        let scheduler = try Scheduler(SchedulerConfiguration(enableFuzz: false, dayCounting: .anki(timeZone: almaty)))
        return (Pipeline(scheduler: scheduler, store: store), store, scheduler)
    }

    @Test func aNewCardStartsItsScheduleAndASecondAnswerTheSameDayOnlyLogs() throws {
        let (recorder, store, scheduler) = try recorder()
        let q = question()
        recorder.handle(QuizAnswerRecord(question: q, result: result(.correct, at: morning), kind: .answer))
        let first = try #require(try store.schedules(for: [q.key])[q.key])
        #expect(first == scheduler.review(.new(at: morning), rating: .good, at: morning, cardKey: q.key))

        // Later the same day (and after midnight, before 4 a.m.): logged, not rescheduled.
        let evening = morning.addingTimeInterval(11 * 3600)
        let night = morning.addingTimeInterval(17 * 3600)
        recorder.handle(QuizAnswerRecord(question: question(number: 2), result: result(.wrong, at: evening, number: 2), kind: .answer))
        recorder.handle(QuizAnswerRecord(question: question(number: 3), result: result(.wrong, at: night, number: 3), kind: .answer))
        #expect(try store.schedules(for: [q.key])[q.key] == first)
        let log = try store.history(key: q.key).reversed()  // oldest first
        #expect(log.map(\.kind) == [.quiz, .quiz, .quiz])
        #expect(log.map(\.rating) == [.good, .again, .again])

        // The next study day it counts again.
        let tomorrow = morning.addingTimeInterval(24 * 3600)
        recorder.handle(QuizAnswerRecord(question: question(number: 4), result: result(.wrong, at: tomorrow, number: 4), kind: .answer))
        #expect(try store.schedules(for: [q.key])[q.key] == scheduler.review(first, rating: .again, at: tomorrow, cardKey: q.key))
        #expect(recorder.failure == nil)
    }

    @Test func iWasRightReschedulesFromBeforeTheAnswerItTurns() throws {
        let (recorder, store, scheduler) = try recorder()
        let q = question()
        let wrong = result(.wrong, at: morning)
        recorder.handle(QuizAnswerRecord(question: q, result: wrong, kind: .answer))
        recorder.handle(QuizAnswerRecord(question: q, result: QuizGrader.overrule(wrong), kind: .override))
        #expect(try store.schedules(for: [q.key])[q.key]
            == scheduler.review(.new(at: morning), rating: .good, at: morning, cardKey: q.key))
        #expect(try store.history(key: q.key).reversed().map(\.kind) == [.quiz, .override])
    }

    @Test func anUnansweredQuestionIsNotLogged() throws {
        let (recorder, store, _) = try recorder()
        let q = question()
        recorder.handle(QuizAnswerRecord(question: q, result: result(.unanswered, at: morning), kind: .answer))
        #expect(try store.history(key: q.key).isEmpty)
    }

    @Test func plainModeReadsOptionNumbersOnAnyLayout() {
        #expect(QuizPlainRunner.numbers(in: "2") == [2])
        #expect(QuizPlainRunner.numbers(in: "1 3,4") == [1, 3, 4])
        #expect(QuizPlainRunner.numbers(in: "ә і") == [2, 3])
        #expect(QuizPlainRunner.numbers(in: "12") == [12])
        #expect(QuizPlainRunner.numbers(in: "") == [])
    }
}
