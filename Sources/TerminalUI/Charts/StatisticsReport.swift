import Foundation
import Study

/// The statistics as lines of text for a given width: `jatta stats` prints
/// them and the statistics screen scrolls through them. Pure, so tests
/// compare the rendered text.
public enum StatisticsReport {
    /// Every section, in the order of the issue: today, knowledge, future
    /// due, calendar, true retention, hardest cards, quizzes.
    public static func lines(
        _ stats: StudyStatistics, words: StatisticsWords, glyphs: ChartGlyphs, width: Int
    ) -> [StyledLine] {
        let width = max(20, width)
        var out: [StyledLine] = []
        func title(_ text: String) {
            if !out.isEmpty { out.append(StyledLine("")) }
            out.append(StyledLine(fitted(text, width, glyphs), style: .bold))
        }
        func line(_ text: String) { out.append(StyledLine(fitted(text, width, glyphs))) }

        title(words.today)
        let today = stats.studiedToday
        line(
            "  "
                + words.todayLine(
                    today.cardsStudied, today.answers, percent(today.correct, of: today.answers),
                    Int((today.seconds / 60).rounded()), today.streakDays))

        title(words.knowledge)
        let columns = [words.new, words.learning, words.young, words.mature, words.suspended, words.buried, words.known]
        let cell = max(5, columns.map { DisplayWidth.of($0) }.max() ?? 5) + 1
        let nameWidth = max(8, width - 2 - 3 - cell * columns.count)
        line("  " + pad(words.deck, nameWidth) + pad(words.level, 3) + columns.map { padLeft($0, cell) }.joined())
        func knowledgeRow(_ name: String, _ level: Int?, _ k: StudyStatistics.Knowledge) {
            let values = [k.new, k.learning, k.young, k.mature, k.suspended, k.buried].map {
                figure(Double($0), decimals: false, width: cell - 1)
            } + [figure(k.known, decimals: true, width: cell - 1)]
            line("  " + pad(fitted(name, nameWidth - 1, glyphs), nameWidth) + pad(level.map(String.init) ?? "", 3)
                + values.map { padLeft($0, cell) }.joined())
        }
        knowledgeRow(words.allDecks, nil, stats.knowledge)
        // The file's name without folder and extension: the path is in --json.
        for group in stats.knowledgeGroups {
            let name = ((group.deckFile as NSString).lastPathComponent as NSString).deletingPathExtension
            knowledgeRow(name, group.level, group.knowledge)
        }

        title(words.futureDue)
        let days = stats.futureDue.days
        for row in BarChart.rows(days, height: width < 70 ? 4 : 6, glyphs: glyphs) { line("  " + String(glyphs.vertical) + row) }
        line("  " + String(glyphs.corner) + axis(count: days.count, glyphs: glyphs))
        line("  " + words.futureLine(stats.futureDue.backlog, days.max() ?? 0))

        title(words.calendar)
        let counts = stats.calendar.map(\.answers)
        let firstWeekday = ((stats.calendar.first?.day ?? 0) % 7 + 7 + 3) % 7  // day 0 was a Thursday
        for (weekday, row) in Heatmap.rows(counts, firstWeekday: firstWeekday, glyphs: glyphs).enumerated() {
            line("  " + pad(words.weekdays[weekday], 3) + row)
        }
        line("  " + words.calendarLine(counts.max() ?? 0))

        title(words.retention)
        // Three columns after the period's name, 16 wide where there is room.
        let retentionCell = min(16, (width - 13) / 3)
        // Each column's name over its column (one string, it stood over the
        // first two columns).
        line("  " + pad("", 11) + words.passedFailed.components(separatedBy: " / ").map { pad($0, retentionCell) }.joined())
        for (index, r) in stats.trueRetention.enumerated() {
            let name = words.periods.indices.contains(index) ? words.periods[index] : r.period
            let total = (r.youngPassed + r.maturePassed, r.youngFailed + r.matureFailed)
            line(
                "  " + pad(name, 11)
                    + [(r.youngPassed, r.youngFailed), (r.maturePassed, r.matureFailed), total].map {
                        pad(retention($0.0, $0.1, glyphs: glyphs), retentionCell)
                    }.joined())
        }

        title(words.hardest)
        if stats.hardest.isEmpty { line("  " + words.nothingYet) }
        for card in stats.hardest {
            let place = card.deckFile + (card.line.map { ":\($0)" } ?? "")
            line(
                "  " + padLeft(String(card.lapses), 3) + " " + padLeft(String(format: "%.0f%%", card.retrievability * 100), 5)
                    + "  " + place + "  " + card.prompt)
        }

        title(words.quizzes)
        if stats.quizzes.isEmpty { line("  " + words.nothingYet) }
        for quiz in stats.quizzes.suffix(10) {
            let levels = quiz.levels.map { "\(words.level)\($0.level.map(String.init) ?? "–") \($0.correct)/\($0.answers)" }
            line(
                "  " + localDate(quiz.start) + "  " + words.score + " \(quiz.correct)/\(quiz.answers) ("
                    + "\(percent(quiz.correct, of: quiz.answers))%)  " + levels.joined(separator: "  "))
        }
        return out
    }

    /// `passed/failed pct%`, or a dash with no reviews.
    static func retention(_ passed: Int, _ failed: Int, glyphs: ChartGlyphs) -> String {
        let n = passed + failed
        guard n > 0 else { return glyphs.dash }
        return "\(passed)/\(failed) " + String(format: "%.1f%%", Double(passed) * 100 / Double(n))
    }

    static func percent(_ part: Int, of whole: Int) -> Int {
        whole > 0 ? Int((Double(part) * 100 / Double(whole)).rounded()) : 0
    }

    /// Ticks every fifth day under the future-due bars.
    static func axis(count: Int, glyphs: ChartGlyphs) -> String {
        String((0..<count).map { $0 % 5 == 0 ? glyphs.tick : glyphs.horizontal })
    }

    private static func localDate(_ date: Date) -> String {
        let c = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0)
    }

    /// `text` with control characters shown as `?` (nothing from a deck
    /// reaches the terminal as a control sequence), cut to `width` columns.
    static func fitted(_ text: String, _ width: Int, _ glyphs: ChartGlyphs) -> String {
        var result = ""
        var used = 0
        for character in text {
            let safe: Character =
                character.unicodeScalars.contains { $0.properties.generalCategory == .control } ? "?" : character
            let w = DisplayWidth.of(safe)
            if used + w > width {
                if !result.isEmpty { result = String(result.dropLast()) + glyphs.ellipsis }
                return result
            }
            result.append(safe)
            used += w
        }
        return result
    }

    /// A figure for a column of `width` characters: the first of its
    /// spellings that fits (one decimal, none, then in thousands or
    /// millions), so that no two figures run together: at 100,000 cards
    /// "Known" has seven characters. `--json` keeps every figure whole.
    static func figure(_ value: Double, decimals: Bool, width: Int) -> String {
        var spellings = decimals ? [String(format: "%.1f", value)] : []
        spellings.append(String(format: "%.0f", value))
        for (unit, suffix) in [(1e3, "k"), (1e6, "M")] where value >= unit {
            spellings.append(String(format: "%.1f", value / unit) + suffix)
            spellings.append(String(format: "%.0f", value / unit) + suffix)
        }
        return spellings.first { $0.count <= width } ?? spellings.last ?? ""
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - DisplayWidth.of(text)))
    }

    static func padLeft(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - DisplayWidth.of(text))) + text
    }
}
