import FSRS
import Foundation
import Testing

@testable import Study

/// The figures, from hand-made store values, in UTC with days starting at
/// 4 a.m.: "now" is 2026-12-04 12:00 UTC, so today began at 04:00.
@Suite struct StatisticsBuilderTests {
    static let utc = TimeZone(identifier: "UTC")!
    static let now = Date(timeIntervalSince1970: 1_796_385_600)  // 2026-12-04 12:00 UTC
    static let day: TimeInterval = 86_400

    static func builder() throws -> StatisticsBuilder {
        StatisticsBuilder(
            now: now, timeZone: utc,
            scheduler: try Scheduler(SchedulerConfiguration(dayCounting: .anki(timeZone: utc))))
    }

    static func slot(daysAgo: Double, answers: Int = 1, youngPassed: Int = 0, matureFailed: Int = 0)
        -> StatisticsInput.AnswerTally
    {
        StatisticsInput.AnswerTally(
            start: now.addingTimeInterval(-daysAgo * day), answers: answers, correct: answers,
            durationMilliseconds: 60_000 * answers, youngPassed: youngPassed, matureFailed: matureFailed)
    }

    static func input(cards: [StatisticsInput.Card] = [], answers: [StatisticsInput.AnswerTally] = [])
        -> StatisticsInput
    {
        StatisticsInput(cards: cards, answers: answers, quizzes: [], cardsStudiedToday: 0)
    }

    /// A quiz's levels are listed in order, whatever level was answered
    /// first (the text said "L3 0/1 L1 1/1").
    @Test func aQuizsLevelsComeInOrder() throws {
        let start = Date(timeIntervalSince1970: 1_790_000_000)
        let quizzes = [
            StatisticsInput.QuizTally(session: "q", start: start, level: 3, answers: 1, correct: 0),
            StatisticsInput.QuizTally(session: "q", start: start.addingTimeInterval(5), level: 1, answers: 1, correct: 1),
            StatisticsInput.QuizTally(session: "q", start: start.addingTimeInterval(9), level: nil, answers: 1, correct: 1),
        ]
        let stats = try Self.builder().statistics(StatisticsInput(cards: [], answers: [], quizzes: quizzes, cardsStudiedToday: 0))
        #expect(stats.quizzes.first?.levels.map(\.level) == [1, 3, nil])
        #expect(stats.quizzes.first.map { ($0.answers, $0.correct) } ?? (0, 0) == (3, 2))
    }

    @Test func streakCountsDaysEndingTodayOrYesterday() throws {
        let b = try Self.builder()
        let withToday = b.statistics(Self.input(answers: [0, 1, 2, 4].map { Self.slot(daysAgo: $0) }))
        #expect(withToday.studiedToday.streakDays == 3)
        let notYetToday = b.statistics(Self.input(answers: [1, 2, 5].map { Self.slot(daysAgo: $0) }))
        #expect(notYetToday.studiedToday.streakDays == 2)
        // 03:00 today is still yesterday's study day (rollover at 4 a.m.).
        let beforeRollover = b.statistics(Self.input(answers: [Self.slot(daysAgo: 9.0 / 24)]))
        #expect(beforeRollover.studiedToday.answers == 0)
        #expect(beforeRollover.studiedToday.streakDays == 1)
    }

    @Test func retentionPeriodsNest() throws {
        let stats = try Self.builder().statistics(
            Self.input(answers: [
                Self.slot(daysAgo: 0, youngPassed: 1), Self.slot(daysAgo: 1, youngPassed: 2),
                Self.slot(daysAgo: 6, matureFailed: 4), Self.slot(daysAgo: 7, matureFailed: 8),
                Self.slot(daysAgo: 29, youngPassed: 16), Self.slot(daysAgo: 364, youngPassed: 32),
                Self.slot(daysAgo: 365, youngPassed: 64),
            ]))
        let young = Dictionary(uniqueKeysWithValues: stats.trueRetention.map { ($0.period, $0.youngPassed) })
        let mature = Dictionary(uniqueKeysWithValues: stats.trueRetention.map { ($0.period, $0.matureFailed) })
        #expect(young == ["today": 1, "yesterday": 2, "week": 3, "month": 19, "year": 51, "all": 115])
        #expect(mature == ["today": 0, "yesterday": 0, "week": 4, "month": 12, "year": 12, "all": 12])
        #expect(stats.calendar.count == 182)
        #expect(stats.calendar.last?.answers == 1)
        #expect(stats.calendar.last?.date == "2026-12-04")
        #expect(stats.studiedToday.seconds == 60)
    }

    static func card(
        _ key: String, state: SchedulingState = .review, interval: Double = 3, lastReviewDaysAgo: Double = 0,
        lapses: Int = 0, suspended: Bool = false, buried: Bool = false, level: Int? = 1
    ) -> StatisticsInput.Card {
        let last = now.addingTimeInterval(-lastReviewDaysAgo * day)
        return StatisticsInput.Card(
            key: key, deckFile: "d.deck", prompt: key, level: level, line: 7,
            schedule: CardSchedule(
                state: state, memory: MemoryState(stability: 10, difficulty: 5),
                due: last.addingTimeInterval(interval * day), lastReview: last, reps: 2, lapses: lapses),
            suspended: suspended, buriedUntil: buried ? now.addingTimeInterval(3600) : nil)
    }

    @Test func knowledgeStagesAndKnownSum() throws {
        let cards = [
            Self.card("young", interval: 20), Self.card("mature", interval: 21),
            Self.card("learning", state: .learning, interval: 0.01),
            Self.card("relearning", state: .relearning, interval: 0.01),
            Self.card("suspended", interval: 21, suspended: true), Self.card("buried", buried: true),
            // Stability 10, reviewed 10 days ago: R = 0.9 by FSRS's definition of stability.
            Self.card("ten days", interval: 30, lastReviewDaysAgo: 10, level: 2),
            StatisticsInput.Card(key: "new", deckFile: "d.deck", prompt: "new", level: 1, schedule: nil),
        ]
        let stats = try Self.builder().statistics(Self.input(cards: cards))
        let k = stats.knowledge
        #expect([k.new, k.learning, k.young, k.mature, k.suspended, k.buried, k.total] == [1, 2, 1, 2, 1, 1, 8] as [Int])
        // Six cards answered today (R = 1) and one at R = 0.9.
        #expect(abs(k.known - 6.9) < 1e-9)
        #expect(k.aboveNinetyPercent == 7 || k.aboveNinetyPercent == 6)
        #expect(stats.knowledgeGroups.map(\.level) == [1, 2])
        #expect(stats.knowledgeGroups.last?.knowledge.mature == 1)
    }

    @Test func futureDueAndBacklog() throws {
        let cards = [
            Self.card("overdue", interval: 1, lastReviewDaysAgo: 3),  // due two days ago
            Self.card("today", interval: 0.1),  // due 14:24 today
            Self.card("day 29", interval: 29), Self.card("day 30", interval: 30),
            Self.card("suspended", interval: 0.1, suspended: true),
            // Buried now: not due today (as Anki's Future Due), but still due later.
            Self.card("buried today", interval: 0.1, buried: true), Self.card("buried, day 5", interval: 5, buried: true),
        ]
        let due = try Self.builder().statistics(Self.input(cards: cards)).futureDue
        #expect(due.backlog == 1)
        #expect(due.days.count == 30)
        #expect(due.days[0] == 1)
        #expect(due.days[29] == 1)
        #expect(due.days[5] == 1)
        #expect(due.days.reduce(0, +) == 3)
    }

    @Test func hardestByLapsesThenLowestRetrievability() throws {
        var cards = (0..<12).map { Self.card("c\($0)", lapses: $0 % 3) }
        cards.append(Self.card("forgotten", interval: 30, lastReviewDaysAgo: 40))
        cards.append(Self.card("most lapses but suspended", lapses: 9, suspended: true))
        let hardest = try Self.builder().statistics(Self.input(cards: cards)).hardest
        #expect(hardest.count == 10)
        #expect(hardest.prefix(4).map(\.lapses) == [2, 2, 2, 2])
        #expect(hardest.first?.key == "c11" || hardest.first?.key == "c2")
        #expect(hardest.first?.line == 7)
        // Among the cards without lapses, the one reviewed 40 days ago comes first.
        #expect(hardest.filter { $0.lapses == 0 }.first?.key == "forgotten")
        #expect(!hardest.contains { $0.key == "most lapses but suspended" })
    }
}
