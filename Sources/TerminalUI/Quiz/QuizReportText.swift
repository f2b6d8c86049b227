import Study

/// The final report as lines of text: the same words on the curses screen,
/// in plain mode and in the tmux test.
public enum QuizReportText {
    /// The summary: how it ended, the score overall and by level, the time
    /// and the seed.
    public static func summary(_ report: QuizReport, strings: QuizStrings) -> [String] {
        var lines: [String] = []
        lines.append(strings.ended(report.endReason ?? .stopped))
        lines.append(strings.score(report.score) + "   " + strings.timeTaken(report.timeTaken))
        let levels = report.scoreByLevel.map { strings.levelScore($0.level, $0.score) }
        if !levels.isEmpty { lines.append(levels.joined(separator: " · ")) }
        lines.append(strings.seed(report.seed))
        return lines
    }

    /// One mistake: the question, what was given, the right answer and where
    /// to read up on it.
    public static func mistake(_ item: QuizReportItem, strings: QuizStrings) -> [String] {
        var lines = ["\(item.number). " + item.prompt.flattened]
        let verdict = strings.verdict(
            item.outcome, overruled: item.overruled, reason: item.reason(language: strings.kazakh ? "kk" : "en"))
        lines.append("   " + verdict)
        if item.format == "open" {
            // The model answer is an essay; what to work on is the points missed.
            lines.append("   " + strings.missedKeyPoints + " " + item.missedKeyPoints.map(\.flattened).joined(separator: "; "))
        } else {
            if let given = item.given, !given.isEmpty { lines.append("   " + strings.yourAnswer + given.flattened) }
            lines.append("   " + strings.rightAnswer + item.expected.flattened)
        }
        lines.append("   " + strings.source + item.source)
        return lines
    }
}

extension String {
    /// The text on one line (line breaks shown as spaces).
    var flattened: String { String(map { $0.isNewline ? " " : $0 }) }
}
