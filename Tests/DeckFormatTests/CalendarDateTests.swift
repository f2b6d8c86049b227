import Foundation
import Testing

@testable import DeckFormat

/// Exam dates as written on the command line and in a deck's header.
@Suite struct CalendarDateTests {
    @Test func realDatesAreRead() throws {
        let d = try #require(CalendarDate("2026-12-20"))
        #expect(d.year == 2026 && d.month == 12 && d.day == 20)
        #expect(d.description == "2026-12-20")
        #expect(CalendarDate("2024-02-29") != nil)
        #expect(CalendarDate("2000-02-29") != nil)
    }

    @Test func impossibleOrMisspelledDatesAreRefused() {
        for text in [
            "2026-02-30", "2026-13-01", "2026-00-10", "2100-02-29", "2026-1-5", "26-12-20", "2026/12/20", "",
            "2026-12-20x", "٢٠٢٦-١٢-٢٠", "+026-12-20",
        ] {
            #expect(CalendarDate(text) == nil, "\(text)")
        }
    }

    /// Day numbers agree with Foundation's Gregorian calendar in UTC.
    @Test func dayNumbersAgreeWithFoundation() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
        for number in stride(from: 0, through: 40_000, by: 37) {
            let date = Date(timeIntervalSince1970: Double(number) * 86_400)
            let parts = calendar.dateComponents([.year, .month, .day], from: date)
            let d = try #require(CalendarDate(dayNumber: number))
            #expect(d.year == parts.year && d.month == parts.month && d.day == parts.day)
            #expect(d.dayNumber == number)
        }
    }

    @Test func aBadExamHeaderIsAWarningAndTheDeckLoads() {
        let text = "# Deck\nexam: 2026-02-30\n\nQ: one?\nA: yes\n"
        let result = DeckParser.parse(text, file: "x.deck")
        #expect(result.deck.cards.count == 1)
        #expect(result.deck.examDate == nil)
        let issue = result.diagnostics.first { $0.code == "invalid-exam-date" }
        #expect(issue?.severity == .warning)
        #expect(issue?.location.line == 2)
        #expect(issue?.messageEN.contains("2026-02-30") == true)
    }

    @Test func aGoodExamHeaderIsTheDecksDate() {
        let result = DeckParser.parse("# Deck\nexam: 2026-12-20\n\nQ: one?\nA: yes\n", file: "x.deck")
        #expect(result.diagnostics.isEmpty)
        #expect(result.deck.examDate == CalendarDate("2026-12-20"))
    }
}
