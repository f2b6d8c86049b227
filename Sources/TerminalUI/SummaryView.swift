import Foundation
import Study

/// The end-of-session summary.
enum SummaryView {
    static func draw(_ summary: SessionSummary, now: Date, into screen: inout Screen, strings s: Strings) {
        TrainerView.bar(&screen, row: 0, left: s.appTitle, right: "")
        TrainerView.hints(&screen, s.summaryKeys)
        let percent = Int((summary.shareCorrect * 100).rounded())
        let next: String
        if let due = summary.nextDue {
            next = due <= now ? s.now : "+" + s.interval(due.timeIntervalSince(now))
        } else {
            next = s.nothingDue
        }
        let rows: [(String, String)] = [
            (s.studiedLabel, "\(summary.facesStudied)"),
            (s.correctLabel, summary.answers == 0 ? "—" : "\(percent)% (\(summary.correct)/\(summary.answers))"),
            (s.timeLabel, s.duration(summary.timeSpent)),
            (s.nextDueLabel, next),
            (s.dueTomorrowLabel, "\(summary.dueTomorrow)"),
        ]
        screen.put(s.summaryTitle, row: 2, column: 2, style: [.bold, .accent])
        let labelWidth = rows.map { DisplayWidth.of($0.0) }.max() ?? 0
        for (i, (label, value)) in rows.enumerated() where 4 + i < screen.height - 1 {
            screen.put(label + ":", row: 4 + i, column: 2)
            screen.put(value, row: 4 + i, column: 2 + labelWidth + 2, style: .bold)
        }
    }
}
