import DeckFormat
import FSRS
import Foundation
import Testing

@testable import Study

/// The quiz's rescheduling policy as a pure step in `Study`: complete
/// reviews, and an "I was right" stamped with the time it was said.
@Suite struct QuizSchedulingTests {
    let answeredAt = Date(timeIntervalSince1970: 1_772_445_600)

    func question() -> QuizQuestion {
        let card = Card(
            id: CardID(rawValue: "rezhim"), content: .term(TermCard(term: "Режим", definition: "Нормалар жиынтығы.")),
            location: SourceLocation(file: "decks/a.deck", line: 1))
        return QuizQuestion(
            number: 1, key: "rezhim/reverse", card: card, deckFile: "decks/a.deck", prompt: "Нормалар жиынтығы.",
            format: .typed(TypedQuestion(blanks: [["Режим"]])))
    }

    func result(_ outcome: QuizOutcome) -> QuizResult {
        QuizResult(
            questionNumber: 1, response: .typed(["x"]), outcome: outcome, credit: outcome == .correct ? 1 : 0,
            tier: "wrong", answeredAt: answeredAt, duration: 4)
    }

    @Test func anOverrideIsStampedWithTheTimeItWasSaidAndReschedulesFromBefore() throws {
        let scheduler = try Scheduler(SchedulerConfiguration(enableFuzz: false, dayCounting: .anki(timeZone: .gmt)))
        var scheduling = QuizScheduling(scheduler: scheduler)
        let logged = scheduling.review(
            for: QuizAnswerRecord(question: question(), result: result(.wrong), kind: .answer), current: nil)
        let wrong = try #require(logged)
        #expect(wrong.time == answeredAt)
        #expect(wrong.rating == .again)
        #expect(wrong.before == nil)
        #expect(wrong.after == scheduler.review(.new(at: answeredAt), rating: .again, at: answeredAt, cardKey: question().key))

        // Two minutes later, on the report screen: "I was right".
        let saidAt = answeredAt.addingTimeInterval(120)
        var turned = result(.wrong)
        turned.overruled = true
        let record = QuizAnswerRecord(question: question(), result: turned, kind: .override, at: saidAt)
        let turnedReview = scheduling.review(for: record, current: wrong.after)
        let override = try #require(turnedReview)
        #expect(override.time == saidAt)
        #expect(override.kind == .override)
        #expect(override.rating == .good)
        #expect(override.after == scheduler.review(.new(at: answeredAt), rating: .good, at: answeredAt, cardKey: question().key))
    }

    @Test func anUnansweredQuestionGivesNoReview() throws {
        let scheduler = try Scheduler(SchedulerConfiguration(enableFuzz: false, dayCounting: .anki(timeZone: .gmt)))
        var scheduling = QuizScheduling(scheduler: scheduler)
        let review = scheduling.review(
            for: QuizAnswerRecord(question: question(), result: result(.unanswered), kind: .answer), current: nil)
        #expect(review == nil)
    }
}
