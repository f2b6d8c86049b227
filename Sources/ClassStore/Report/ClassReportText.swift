import Foundation

/// The plain-text report for the terminal (English; the figures' names are
/// Moodle's and Anki's own). The caller shows it through the one
/// visible-text rule, since prompts and names come from outside.
public enum ClassReportText {
    /// "1 card", "2 cards".
    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

    /// The report as lines of text; `hardest` cards are listed in full.
    public static func render(_ report: ClassReport, hardest: Int = 10) -> String {
        var out = "Class \(report.classID): \(count(report.studentCount, "student")), \(count(report.cards.count, "card")) answered\n"
        if let exam = report.examDate { out += "Exam date: \(exam)\n" }
        let flagged = report.cards.filter { !$0.flags.isEmpty }
        out += "\nCards to look at (\(flagged.count) flagged; hardest first):\n"
        for card in report.cards.prefix(max(hardest, flagged.count)) {
            out += "  \(card.location)  \(oneLine(card.prompt, limit: 60))\n"
            var figures = [
                "students \(card.students)", "answers \(card.reviews)", "lapses \(card.lapses)",
                "lapse rate \(percent(card.lapseRate))", "true retention \(percent(card.trueRetention))",
                "difficulty \(number(card.meanDifficulty))", "time \(Int(card.secondsSpent.rounded())) s",
            ]
            if card.quizAnswers > 0 {
                figures += [
                    "quiz \(card.quizAnswers)", "facility \(points(card.facilityIndex))",
                    "discrimination \(points(card.discriminationIndex))",
                ]
            }
            out += "    " + figures.joined(separator: ", ") + "\n"
            if let wrong = card.mostChosenWrongOption {
                out += "    most chosen wrong option: \(oneLine(wrong, limit: 60)) (\(card.mostChosenWrongCount ?? 0)×)\n"
            }
            if !card.flags.isEmpty { out += "    flagged: \(card.flags.joined(separator: ", "))\n" }
        }
        out += "\nBy level:\n"
        for level in report.levels {
            out += "  level \(level.level.map(String.init) ?? "-"): \(count(level.cards, "card")), \(count(level.reviews, "answer")), "
                + "true retention \(percent(level.trueRetention)), lapse rate \(percent(level.lapseRate)), "
                + "facility \(points(level.facilityIndex))\n"
        }
        out += "\nBy student:\n"
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        for student in report.students {
            let last = student.lastActive.map { formatter.string(from: $0) } ?? "never"
            out += "  \(student.student): \(count(student.cardsSeen, "card")) seen, \(count(student.reviews, "answer")), "
                + "true retention \(percent(student.trueRetention)), last active \(last)\n"
            if let exam = report.examDate { out += "    " + readiness(student.readiness, exam: exam) + "\n" }
        }
        return out
    }

    /// A student's readiness for the exam on `exam`, or that none was sent.
    static func readiness(_ readiness: StudentReadiness?, exam: String) -> String {
        guard let readiness else { return "ready for the exam on \(exam): not sent yet (sent by a sync after a session)" }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        return "ready for the exam on \(exam): \(readiness.readyToday) of \(readiness.cards) cards "
            + "(\(percent(readiness.shareToday))) if studying stops, \(readiness.readyWithPlan) "
            + "(\(percent(readiness.shareWithPlan))) with the plan"
            + (readiness.computedAt.map { "; as of \(formatter.string(from: $0))" } ?? "")
    }

    static func percent(_ value: Double?) -> String {
        value.map { String(format: "%.1f%%", $0 * 100) } ?? "-"
    }

    /// A figure already in percent (Moodle's facility and discrimination
    /// indices), or "-" when it cannot be told: "-%" read as a number lost.
    static func points(_ value: Double?) -> String {
        value.map { String(format: "%.1f%%", $0) } ?? "-"
    }

    static func number(_ value: Double?) -> String {
        value.map { String(format: "%.1f", $0) } ?? "-"
    }

    /// A prompt on one line, cut to `limit` characters.
    static func oneLine(_ text: String, limit: Int) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return flat.count > limit ? String(flat.prefix(limit - 1)) + "…" : flat
    }
}
