import FSRS
import Foundation
import Study
import Testing

@testable import TerminalUI

/// Charts rendered to text, with expected rows worked out by hand.
@Suite struct ChartTests {
    @Test func barsUseEighthBlocksScaledToTheTallest() {
        #expect(BarChart.rows([0, 8, 4, 1], height: 1, glyphs: .unicode) == [" █▄▁"])
        #expect(BarChart.rows([0, 8, 4, 1], height: 2, glyphs: .unicode) == [" █  ", " ██▂"])
        #expect(BarChart.rows([0, 0], height: 2, glyphs: .unicode) == ["  ", "  "])
    }

    @Test func barsInAscii() {
        #expect(BarChart.rows([0, 3, 1], height: 1, glyphs: .ascii) == [" #."])
    }

    @Test func heatmapPutsWeeksInColumnsMondayFirst() {
        // Four days from a Saturday: Sa 0, Su 1, Mo 2, Tu 4 answers.
        let rows = Heatmap.rows([0, 1, 2, 4], firstWeekday: 5, glyphs: .unicode)
        #expect(rows == [" ▒", " █", "  ", "  ", "  ", "· ", "░ "])
        #expect(Heatmap.rows([0, 1, 2, 4], firstWeekday: 5, glyphs: .ascii)[1] == " #")
    }

    @Test func asciiIsChosenForTheConsoleOtherLocalesAndOnRequest() {
        #expect(ChartGlyphs.choose(asciiRequested: false, term: "xterm-256color", localeIsUTF8: true) == .unicode)
        #expect(ChartGlyphs.choose(asciiRequested: true, term: "xterm", localeIsUTF8: true) == .ascii)
        #expect(ChartGlyphs.choose(asciiRequested: false, term: "linux", localeIsUTF8: true) == .ascii)
        #expect(ChartGlyphs.choose(asciiRequested: false, term: "xterm", localeIsUTF8: false) == .ascii)
    }

    static func sample() throws -> StudyStatistics {
        let utc = TimeZone(identifier: "UTC")!
        let now = Date(timeIntervalSince1970: 1_796_385_600)
        let builder = StatisticsBuilder(
            now: now, timeZone: utc, scheduler: try Scheduler(SchedulerConfiguration(dayCounting: .anki(timeZone: utc))))
        let card = StatisticsInput.Card(
            key: "k", deckFile: "decks/a-rather-long-deck-file-name-for-a-narrow-terminal.deck",
            prompt: "Режим\u{1B}[31m деген не?", level: 2, line: 12,
            schedule: CardSchedule(
                state: .review, memory: MemoryState(stability: 3, difficulty: 5), due: now.addingTimeInterval(86_400),
                lastReview: now.addingTimeInterval(-86_400), reps: 4, lapses: 2))
        return builder.statistics(
            StatisticsInput(
                cards: [card],
                answers: [
                    .init(start: now, answers: 10, correct: 8, durationMilliseconds: 300_000, youngPassed: 3, youngFailed: 1)
                ],
                quizzes: [.init(session: "q", start: now, level: 2, answers: 5, correct: 4)], cardsStudiedToday: 6))
    }

    @Test func reportFitsNarrowTerminalsInBothLanguages() throws {
        let stats = try Self.sample()
        for words in [StatisticsWords.kazakh, .english] {
            for width in [60, 80] {
                let lines = StatisticsReport.lines(stats, words: words, glyphs: .unicode, width: width)
                #expect(lines.allSatisfy { DisplayWidth.of($0.text) + $0.indent <= width })
                #expect(lines.contains { $0.text == words.hardest })
            }
        }
    }

    @Test func reportShowsTheFiguresAndNoControlCharacters() throws {
        let lines = StatisticsReport.lines(try Self.sample(), words: .english, glyphs: .ascii, width: 80).map(\.text)
        #expect(lines.contains("  6 cards, 10 answers, 80% correct, 5 min; 1-day streak"))
        #expect(lines.contains { $0.hasPrefix("  today") && $0.contains("3/1 75.0%") })
        #expect(lines.contains { $0.contains("a-rather-long-deck-file-name-for-a-narrow-terminal.deck:12") })
        // What a quiz line counts is said (it said "Score", which the
        // quiz's own report means otherwise).
        #expect(lines.contains { $0.contains("right of the answered 4/5 (80%)  L2 4/5") })
        #expect(!lines.joined().unicodeScalars.contains { $0.value == 0x1B })
        // ASCII charts: every chart row is plain ASCII.
        let chartRows = lines.filter { $0.hasPrefix("  |") || $0.hasPrefix("  +") }
        #expect(chartRows.count == 7)
        #expect(chartRows.allSatisfy { $0.unicodeScalars.allSatisfy(\.isASCII) })
    }
}

extension ChartTests {
    @Test func knowledgeTableKeepsEveryColumnAt60() throws {
        for words in [StatisticsWords.kazakh, .english] {
            let lines = StatisticsReport.lines(try Self.sample(), words: words, glyphs: .unicode, width: 60).map(\.text)
            let head = try #require(lines.first { $0.hasPrefix("  " + words.deck) })
            #expect(head.hasSuffix(words.known))
            // The deck's name, cut with an ellipsis, and its row to the last column.
            #expect(lines.contains { $0.hasPrefix("  a-rather-") && $0.contains("…") && $0.hasSuffix("1.0") })
        }
    }
}
