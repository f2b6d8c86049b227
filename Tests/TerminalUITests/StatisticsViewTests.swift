import DeckFormat
import FSRS
import Foundation
@testable import Study
import Testing

@testable import TerminalUI

/// The trainer's statistics screen rendered to text: the same report as
/// `jatta stats`, in pages that fit 80×24 and 60×15, in both languages and
/// in ASCII.
@Suite struct StatisticsViewTests {
    /// The trainer on the statistics screen of all decks, with figures.
    static func state(page: Int = 0) throws -> TrainerState {
        var state = ViewFixtures.state([ViewFixtures.deck("# Саясаттану\n\nQ: Режим?\nA: Тәртіп\n")])
        state.mode = .statistics(StatisticsScreen(filter: StudyFilter(level: 2), figures: try ChartTests.sample(), page: page))
        return state
    }

    static func pages(_ width: Int, _ height: Int, _ strings: Strings, glyphs: ChartGlyphs = .unicode) throws -> [String] {
        let state = try Self.state()
        guard case .statistics(let screen) = state.mode else { return [] }
        let size = TerminalSize(width: width, height: height)
        let count = StatisticsView.pageCount(screen, size: size, strings: strings, glyphs: glyphs)
        return try (0..<count).map {
            TrainerView.view(try Self.state(page: $0), size: size, strings: strings, glyphs: glyphs).text
        }
    }

    @Test(arguments: [(80, 24), (60, 15)])
    func everyLineOfTheReportIsOnSomePageAndEveryPageFits(_ size: (Int, Int)) throws {
        for strings in [Strings.kazakh, .english] {
            let words = StatisticsWords.of(Language(rawValue: strings.code) ?? .en)
            let pages = try Self.pages(size.0, size.1, strings)
            #expect(pages.count > 1)
            let report = StatisticsReport.lines(try ChartTests.sample(), words: words, glyphs: .unicode, width: size.0)
            let shown = pages.flatMap { $0.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
            for line in report where !line.text.isEmpty {
                let text = String(repeating: " ", count: line.indent) + line.text
                #expect(shown.contains { $0 == text.replacingOccurrences(of: " +$", with: "", options: .regularExpression) },
                    "missing at \(size): \(text)")
            }
            for (i, page) in pages.enumerated() {
                let rows = page.split(separator: "\n", omittingEmptySubsequences: false)
                #expect(rows.count <= size.1)
                #expect(rows.allSatisfy { DisplayWidth.of(String($0)) <= size.0 })
                // Title bar with the scope and the page, key hints at the bottom.
                #expect(rows.first?.contains(words.screenTitle) == true)
                #expect(rows.first?.contains("\(strings.levelLabel) 2") == true)
                #expect(rows.first?.contains("\(i + 1)/\(pages.count)") == true)
                #expect(rows.last?.contains("h ") == true)
            }
        }
    }

    @Test func aChartIsNotCutBetweenPages() throws {
        // The 30 future-due bars with their axis and figures are 8 lines at
        // 80 columns: they stay together on one page even where the page
        // before had room for some of them.
        let pages = try Self.pages(80, 24, .english)
        let holding = pages.filter { $0.contains("Reviews due in the next 30 days") }
        #expect(holding.count == 1)
        #expect(holding.first?.contains("backlog:") == true)
        // The calendar's seven weekday rows too, at 60×15.
        let small = try Self.pages(60, 15, .english)
        let calendar = small.filter { $0.contains("Answers over the last 26 weeks") }
        #expect(calendar.count == 1 && calendar.first.map { $0.contains("  Mo") && $0.contains("  Su") } == true)
    }

    @Test func trueRetentionRowsAreNotCutAt60() throws {
        // Three 16-column cells made each row 61 columns: cut with an ellipsis.
        let lines = StatisticsReport.lines(try ChartTests.sample(), words: .english, glyphs: .unicode, width: 60)
        let rows = lines.filter { $0.text.hasPrefix("  today") || $0.text.hasPrefix("  all time") }
        #expect(rows.count == 2)
        #expect(rows.allSatisfy { !$0.text.contains("…") && $0.text.contains("3/1 75.0%") })
    }

    /// Each column's name starts where its column's figures start (the
    /// names were one string over the first two columns).
    @Test(arguments: [80, 60])
    func trueRetentionColumnNamesStandOverTheirColumns(width: Int) throws {
        for words in [StatisticsWords.english, .kazakh] {
            let lines = StatisticsReport.lines(try ChartTests.sample(), words: words, glyphs: .unicode, width: width)
            let names = words.passedFailed.components(separatedBy: " / ")
            let header = try #require(lines.first { $0.text.contains(names[0]) && $0.text.contains(names[2]) }).text
            let row = try #require(lines.first { $0.text.hasPrefix("  " + words.periods[5]) }).text
            // Where each cell starts: its passed/failed count (`3/1`) or a dash.
            let body = Array(row)
            let starts = body.indices.filter { i in
                guard i >= 13, body[i - 1] == " ", body[i] != " " else { return false }
                return body[i] == "—" || body[i...].prefix { $0 != " " }.contains("/")
            }
            let columns = names.map { name in header.distance(from: header.startIndex, to: header.range(of: name)!.lowerBound) }
            #expect(Array(starts.prefix(columns.count)).count == columns.count)
            #expect(columns == Array(starts.prefix(columns.count)), "\(header)\n\(row)")
        }
    }

    @Test func knowledgeFiguresOfALargeCollectionStayApart() throws {
        // At 100,000 cards "Known" (the sum of R) has seven characters and
        // ran into the buried column: "0 80934.2" read "080934…". A figure
        // wider than its column drops its decimal, then counts thousands
        // (1,240,003 → "1240k": the first spelling of five characters).
        var stats = try ChartTests.sample()
        stats.knowledge.new = 1_240_003
        stats.knowledge.learning = 0
        stats.knowledge.young = 0
        stats.knowledge.mature = 95_947
        stats.knowledge.suspended = 0
        stats.knowledge.buried = 0
        stats.knowledge.known = 80_934.2
        for width in [60, 80, 100] {
            let lines = StatisticsReport.lines(stats, words: .english, glyphs: .unicode, width: width)
            let row = try #require(lines.first { $0.text.hasPrefix("  all decks") })
            let figures = row.text.dropFirst("  all decks".count).split(separator: " ").map(String.init)
            #expect(figures == ["1240k", "0", "0", "95947", "0", "0", "80934"], "\(width): \(row.text)")
            #expect(DisplayWidth.of(row.text) + row.indent <= width)
        }
    }

    @Test func paginationSplitsOnlySectionsLongerThanAPage() {
        let section = (0..<5).map { StyledLine("a\($0)") }
        let lines = [StyledLine("t1", style: .bold)] + section + [StyledLine(""), StyledLine("t2")] + section
        let pages = StatisticsView.pages(lines, rows: 4).map { $0.map(\.text) }
        #expect(pages == [["t1", "a0", "a1", "a2"], ["a3", "a4"], ["t2", "a0", "a1", "a2"], ["a3", "a4"]])
        let roomy = StatisticsView.pages(lines, rows: 14).map { $0.map(\.text) }
        #expect(roomy == [["t1", "a0", "a1", "a2", "a3", "a4", "", "t2", "a0", "a1", "a2", "a3", "a4"]])
    }

    @Test func asciiChartsWhereTheTerminalAsks() throws {
        let pages = try Self.pages(80, 24, .english, glyphs: .ascii)
        let text = pages.joined(separator: "\n")
        #expect(text.contains("Reviews due"))
        #expect(!text.contains { "▁▂▃▄▅▆▇█░▒▓".contains($0) })
        let unicode = try Self.pages(80, 24, .english).joined(separator: "\n")
        #expect(unicode.contains { "▁▂▃▄▅▆▇█".contains($0) })
    }

    @Test func whileLoadingTheScreenSaysSo() {
        var state = ViewFixtures.state([])
        state.mode = .statistics(StatisticsScreen(filter: StudyFilter()))
        let text = ViewFixtures.render(state, 60, 15, .kazakh)
        #expect(text.contains(StatisticsWords.kazakh.loading))
        #expect(text.contains("Барлық десте"))
    }

    @Test func theHomeKeysAndTheScreensKeys() {
        for ch: Character in ["s", "ы"] {
            #expect(KeyMap.action(for: .character(ch), in: .home) == .openStatistics)
        }
        for ch: Character in ["h", "р"] {
            #expect(KeyMap.action(for: .character(ch), in: .statistics) == .studyHardest)
        }
        #expect(KeyMap.action(for: .character("q"), in: .statistics) == .back)
        #expect(KeyMap.action(for: .pageDown, in: .statistics) == .scroll(1))
        #expect(KeyMap.action(for: .up, in: .statistics) == .scroll(-1))
        #expect(KeyContext(try! Self.state()) == .statistics)
    }

    @Test(arguments: [(80, 24), (60, 15)])
    func theExamForecastIsOnTheLastPageInBothLanguages(_ size: (Int, Int)) throws {
        let plan = try #require(
            ExamPlan.make(unseen: 6, introducedToday: 0, today: 1, examDay: 9, workload: 200) { _ in ExamPath() })
        var readiness = ExamReadiness()
        readiness.overall = .init(cards: 4, readyToday: 1, readyWithPlan: 4)
        let outlook = ExamOutlook(
            exam: Exam(date: try #require(CalendarDate("2026-03-20")), paths: [], source: .deckHeader(file: "x\u{1B}[2J.deck")),
            deckFiles: ["decks/a.deck"], plan: plan, readiness: readiness)
        for strings in [Strings.kazakh, .english] {
            let words = ExamWords.of(Language(rawValue: strings.code) ?? .en)
            var state = try Self.state()
            guard case .statistics(var screen) = state.mode else { return }
            screen.exams = [outlook]
            let size = TerminalSize(width: size.0, height: size.1)
            let count = StatisticsView.pageCount(screen, size: size, strings: strings, glyphs: .unicode)
            screen.page = count - 1
            state.mode = .statistics(screen)
            let last = TrainerView.view(state, size: size, strings: strings, glyphs: .unicode).text
            // The plan and readiness lines the home screen shows, whole or wrapped.
            let flat = last.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
            for line in words.lines(outlook) {
                let start = String(line.prefix(size.width - 4))
                #expect(flat.contains(start), "\(start) not on the last page:\n\(last)")
            }
            // A deck file name is shown, never sent as an escape sequence.
            #expect(!last.contains("\u{1B}"))
        }
    }
}

/// English counts of one are singular in the statistics' sentences.
@Suite struct StatisticsWordsTests {
    @Test func oneCardAndOneAnswerAreSingular() {
        #expect(StatisticsWords.english.todayLine(1, 1, 100, 0, 1) == "1 card, 1 answer, 100% correct, 0 min; 1-day streak")
        #expect(StatisticsWords.english.todayLine(2, 3, 50, 4, 2) == "2 cards, 3 answers, 50% correct, 4 min; 2-day streak")
        #expect(StatisticsWords.english.calendarLine(1) == "busiest day: 1 answer")
        #expect(StatisticsWords.english.calendarLine(12) == "busiest day: 12 answers")
    }
}

/// The readiness line's per-level figures: each with its percent sign, a
/// level without cards a dash with none (it read "100/100/–%").
@Suite struct ExamLevelFiguresTests {
    @Test func aLevelWithoutCardsIsADashWithoutAPercentSign() {
        var readiness = ExamReadiness()
        readiness.perLevel = [1: .init(cards: 2, readyToday: 2, readyWithPlan: 2), 2: .init(cards: 4, readyToday: 1, readyWithPlan: 2)]
        #expect(ExamWords.levels(readiness, withPlan: true) == "1/2/3: 100%/50%/–")
        readiness.perLevel[3] = .init(cards: 1, readyToday: 0, readyWithPlan: 1)
        #expect(ExamWords.levels(readiness, withPlan: false) == "1/2/3: 100%/25%/0%")
        #expect(ExamWords.levels(ExamReadiness(), withPlan: true) == "1/2/3: –/–/–")
    }
}
