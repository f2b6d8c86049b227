import DeckFormat
import Foundation
import ReviewStore
import Study

/// Reads the statistics' figures from the store, the one way `jatta stats`
/// and the trainer's statistics screen both do it, so they show the same.
enum StatisticsLoading {
    /// The figures of the cards in `scope` at `now`, with the lines of the
    /// cards in `decks`, through the student's own scheduler (their fitted
    /// parameters, if any), so R is the R their reviews are scheduled by.
    static func figures(
        store: ProgressStore?, scope: StatisticsScope, decks: [Deck], now: Date, timeZone: TimeZone
    ) throws -> StudyStatistics {
        let scheduler = try StudySetup.scheduler(timeZone: timeZone, store: store)
        let builder = StatisticsBuilder(now: now, timeZone: timeZone, scheduler: scheduler)
        var input = StatisticsInput(cards: [], answers: [], quizzes: [], cardsStudiedToday: 0)
        if let store {
            input = try Self.input(store: store, scope: scope, lines: lines(decks), now: now, timeZone: timeZone)
        }
        return builder.statistics(input)
    }

    /// The scope of a trainer's statistics screen: the decks of `filter`
    /// (nil: every deck of the session) and, with a level or tag, the
    /// faces of the cards that match.
    static func scope(_ filter: StudyFilter, decks: [Deck]) -> StatisticsScope {
        let chosen = decks.filter { filter.includes(deck: $0) }
        var scope = StatisticsScope(deckFiles: chosen.map(\.file))
        if filter.level != nil || filter.tag != nil {
            scope.keys = chosen.flatMap { deck in
                deck.cards.filter { filter.includes(card: $0) }.flatMap { $0.faces.map(\.key) }
            }
        }
        return scope
    }

    /// The deck line of every face of `decks`, by key.
    static func lines(_ decks: [Deck]) -> [String: Int] {
        var result: [String: Int] = [:]
        for deck in decks {
            for card in deck.cards {
                for face in card.faces { result[face.key] = card.location.line }
            }
        }
        return result
    }

    /// The store's rows, copied into the figures' input.
    static func input(store: ProgressStore, scope: StatisticsScope, lines: [String: Int], now: Date, timeZone: TimeZone)
        throws -> StatisticsInput
    {
        let day = StudySetup.day(of: now, timeZone: timeZone)
        let cards = try store.statisticsCards(scope: scope).map { row in
            StatisticsInput.Card(
                key: row.key, deckFile: row.deckFile, prompt: row.prompt, level: row.level, line: lines[row.key],
                schedule: row.progress.schedule, suspended: row.progress.suspended,
                buriedUntil: row.progress.buriedUntil)
        }
        let answers = try store.answerSlots(scope: scope).map {
            StatisticsInput.AnswerTally(
                start: $0.start, answers: $0.answers, correct: $0.correct, durationMilliseconds: $0.durationMilliseconds,
                youngPassed: $0.youngPassed, youngFailed: $0.youngFailed, maturePassed: $0.maturePassed,
                matureFailed: $0.matureFailed)
        }
        let quizzes = try store.quizTallies(scope: scope).map {
            StatisticsInput.QuizTally(
                session: $0.session, start: $0.start, level: $0.level, answers: $0.answers, correct: $0.correct)
        }
        let studied = try store.cardsAnswered(from: day.start, to: day.end, scope: scope)
        return StatisticsInput(cards: cards, answers: answers, quizzes: quizzes, cardsStudiedToday: studied)
    }
}
