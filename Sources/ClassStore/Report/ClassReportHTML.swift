import Foundation

/// The report as one static HTML file: tables and inline SVG charts, no
/// script and nothing fetched from the network, so it opens the same from a
/// mail attachment or a course page. Every text from decks or names is
/// escaped.
public enum ClassReportHTML {
    /// The whole page.
    /// What the page says made it: `class report --html` replaces a page
    /// that says so without `--force`, and nothing else.
    static let generator = "jatta class report"

    /// Whether `data` is a page this renders (a class report written
    /// before, which may be replaced).
    public static func isClassReport(_ data: Data) -> Bool {
        let head = String(decoding: data.prefix(1024), as: UTF8.self)
        return head.hasPrefix("<!DOCTYPE html>") && head.contains("<meta name=\"generator\" content=\"\(generator)\">")
    }

    public static func render(_ report: ClassReport) -> String {
        var page = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8">
            <meta name="generator" content="\(generator)">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
            <title>jatta — \(escape(report.classID))</title>
            <style>
            body{font-family:sans-serif;margin:2em;color:#222}
            table{border-collapse:collapse;margin:1em 0}
            td,th{border:1px solid #ccc;padding:.25em .5em;text-align:left;font-size:90%}
            .flag{color:#b00;font-weight:bold}
            svg{background:#fafafa;border:1px solid #ddd;margin:.5em 0}
            </style></head><body>
            <h1>Class \(escape(report.classID))</h1>
            <p>\(report.studentCount) students, \(report.cards.count) cards answered.\(report.examDate.map { " Exam date: \(escape($0))." } ?? "")</p>

            """
        let hardest = Array(report.cards.prefix(20))
        // Without reviews in review state (collected quiz files), the
        // facility index is the figure every card has.
        let hasRetention = report.cards.contains { $0.trueRetention != nil }
        let figureName = hasRetention ? "True retention" : "Facility index"
        page += "<h2>\(figureName) of the hardest cards</h2>\n"
        page += barChart(
            hardest.map { (label($0), hasRetention ? $0.trueRetention.map { $0 * 100 } : $0.facilityIndex) },
            maximum: 100, unit: "%")
        page += "<h2>Item analysis: facility against discrimination</h2>\n" + scatter(report.cards)
        page += "<h2>\(figureName) by level</h2>\n"
        page += barChart(
            report.levels.map {
                ("level \($0.level.map(String.init) ?? "-")", hasRetention ? $0.trueRetention.map { $0 * 100 } : $0.facilityIndex)
            },
            maximum: 100, unit: "%")
        page += "<h2>Cards</h2>\n<table><tr><th>Card</th><th>Prompt</th><th>Students</th><th>Answers</th>"
            + "<th>Lapse rate</th><th>True retention</th><th>Difficulty</th><th>Facility</th><th>Discrimination</th>"
            + "<th>Most chosen wrong option</th><th>Flags</th></tr>\n"
        for card in report.cards {
            page += "<tr><td>\(escape(card.location))</td><td>\(escape(card.prompt))</td><td>\(card.students)</td>"
                + "<td>\(card.reviews)</td><td>\(percent(card.lapseRate))</td><td>\(percent(card.trueRetention))</td>"
                + "<td>\(number(card.meanDifficulty))</td><td>\(number(card.facilityIndex))</td>"
                + "<td>\(number(card.discriminationIndex))</td><td>\(escape(card.mostChosenWrongOption ?? ""))</td>"
                + "<td class=\"flag\">\(escape(card.flags.joined(separator: ", ")))</td></tr>\n"
        }
        page += "</table>\n<h2>Students</h2>\n"
        page += barChart(report.students.map { ($0.student, Double($0.cardsSeen)) },
                         maximum: Double(report.students.map(\.cardsSeen).max() ?? 1), unit: " cards")
        let exam = report.examDate
        page += "<table><tr><th>Student</th><th>Cards seen</th><th>Answers</th><th>True retention</th><th>Last active</th>"
            + (exam.map { "<th>Ready for \(escape($0)) if studying stops</th><th>Ready with the plan</th><th>As of</th>" } ?? "")
            + "</tr>\n"
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        for student in report.students {
            page += "<tr><td>\(escape(student.student))</td><td>\(student.cardsSeen)</td><td>\(student.reviews)</td>"
                + "<td>\(percent(student.trueRetention))</td>"
                + "<td>\(student.lastActive.map { formatter.string(from: $0) } ?? "never")</td>"
            if exam != nil {
                if let ready = student.readiness {
                    page += "<td>\(ready.readyToday) / \(ready.cards) (\(percent(ready.shareToday)))</td>"
                        + "<td>\(ready.readyWithPlan) / \(ready.cards) (\(percent(ready.shareWithPlan)))</td>"
                        + "<td>\(ready.computedAt.map { formatter.string(from: $0) } ?? "-")</td>"
                } else {
                    page += "<td>not sent</td><td>-</td><td>-</td>"
                }
            }
            page += "</tr>\n"
        }
        return page + "</table>\n</body></html>\n"
    }

    /// A card's short name for a chart: its deck file's name, line and the
    /// start of its prompt.
    static func label(_ card: CardFigures) -> String {
        let file = card.deckFile.split(separator: "/").last.map(String.init) ?? card.deckFile
        let place = card.line.map { "\(file):\($0)" } ?? file
        let prompt = card.prompt.split(whereSeparator: \.isNewline).joined(separator: " ")
        return place + " " + (prompt.count > 24 ? String(prompt.prefix(23)) + "…" : prompt)
    }

    /// Horizontal bars, one per label; a missing value draws no bar.
    static func barChart(_ bars: [(String, Double?)], maximum: Double, unit: String) -> String {
        let rowHeight = 22, labelWidth = 300, barWidth = 400
        let height = max(1, bars.count) * rowHeight + 10
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(labelWidth + barWidth + 80)\" height=\"\(height)\" role=\"img\">\n"
        for (index, bar) in bars.enumerated() {
            let y = 5 + index * rowHeight
            svg += "<text x=\"4\" y=\"\(y + 15)\" font-size=\"12\">\(escape(String(bar.0.prefix(40))))</text>"
            if let value = bar.1, maximum > 0 {
                let width = Int((min(max(value, 0), maximum) / maximum * Double(barWidth)).rounded())
                svg += "<rect x=\"\(labelWidth)\" y=\"\(y + 3)\" width=\"\(width)\" height=\"16\" fill=\"#4a7ab5\"/>"
                svg += "<text x=\"\(labelWidth + width + 4)\" y=\"\(y + 15)\" font-size=\"12\">\(String(format: "%.0f", value))\(unit)</text>"
            }
            svg += "\n"
        }
        return svg + "</svg>\n"
    }

    /// Each quiz card as a point: facility (x, 0–100) and discrimination
    /// (y, −100–100); negative discrimination in red.
    static func scatter(_ cards: [CardFigures]) -> String {
        let width = 420, height = 320, margin = 40
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" role=\"img\">\n"
        let plotWidth = Double(width - 2 * margin), plotHeight = Double(height - 2 * margin)
        let zeroY = margin + Int(plotHeight / 2)
        svg += "<line x1=\"\(margin)\" y1=\"\(zeroY)\" x2=\"\(width - margin)\" y2=\"\(zeroY)\" stroke=\"#999\"/>"
        svg += "<line x1=\"\(margin)\" y1=\"\(margin)\" x2=\"\(margin)\" y2=\"\(height - margin)\" stroke=\"#999\"/>\n"
        svg += "<text x=\"\(width / 2 - 30)\" y=\"\(height - 8)\" font-size=\"12\">facility %</text>"
        svg += "<text x=\"4\" y=\"\(margin - 10)\" font-size=\"12\">discrimination %</text>\n"
        for card in cards {
            guard let facility = card.facilityIndex, let discrimination = card.discriminationIndex else { continue }
            let x = Double(margin) + facility / 100 * plotWidth
            let y = Double(zeroY) - discrimination / 100 * plotHeight / 2
            let colour = discrimination < 0 ? "#c0392b" : "#2e7d32"
            svg += "<circle cx=\"\(Int(x))\" cy=\"\(Int(y))\" r=\"4\" fill=\"\(colour)\"><title>\(escape(card.location))</title></circle>\n"
        }
        return svg + "</svg>\n"
    }

    static func percent(_ value: Double?) -> String { value.map { String(format: "%.1f%%", $0 * 100) } ?? "–" }

    static func number(_ value: Double?) -> String { value.map { String(format: "%.1f", $0) } ?? "–" }

    /// HTML-escapes text (also quotes, for attributes).
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                // Control characters have no business in a page.
                if character.value < 0x20, character != "\n", character != "\t" { continue }
                out.unicodeScalars.append(character)
            }
        }
        return out
    }
}
