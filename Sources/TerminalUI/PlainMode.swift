import DeckFormat
import Foundation
import FSRS
import Study

/// The trainer without curses: each screen printed as lines of text, each
/// answer read as a line. For screen readers, pipes and scripted tests.
///
/// Commands are letters on their own line (`q`, `u`, `b`, `!`, `e`, `?`)
/// wherever an answer is not being typed; while typing, write them with a
/// colon (`:q`), so that an answer "q" stays an answer.
public struct PlainMode: Sendable {
    /// The interface strings.
    public let strings: Strings
    /// Whether the key points of the open question on screen were asked for
    /// (they are asked once, then the grade).
    var keyPointsAsked = false

    public init(strings: Strings) { self.strings = strings }

    /// What to print for the state: the card, the options, the revealed
    /// answer, or the summary, ending with the prompt for the next line.
    public func render(_ state: TrainerState) -> String {
        let s = strings
        var out: [String] = []
        if let notice = state.notice { out.append("* " + TrainerView.text(notice, s)) }
        switch state.mode {
        case .home:
            if state.catalog.decks.isEmpty { out.append(s.noDecks) }
        case .statistics(let screen):
            // Plain mode opens no statistics itself (`jatta stats` prints
            // them); a state holding them is shown as the report.
            if let figures = screen.figures {
                let words = StatisticsWords.of(Language(rawValue: s.code) ?? .en)
                out += StatisticsReport.lines(figures, words: words, glyphs: .ascii, width: 80).map {
                    String(repeating: " ", count: $0.indent) + $0.text
                }
            }
        case .summary(let summary, _):
            out.append(s.summaryTitle)
            out.append("\(s.studiedLabel): \(summary.facesStudied)")
            let percent = Int((summary.shareCorrect * 100).rounded())
            out.append("\(s.correctLabel): \(summary.answers == 0 ? "—" : "\(percent)%")")
            out.append("\(s.timeLabel): \(s.duration(summary.timeSpent))")
            if let due = summary.nextDue {
                out.append("\(s.nextDueLabel): " + (due <= state.now ? s.now : "+" + s.interval(due.timeIntervalSince(state.now))))
            } else {
                out.append("\(s.nextDueLabel): \(s.nothingDue)")
            }
        case .study(let session):
            guard let a = session.current else { break }
            out += study(a, session: session)
        }
        return out.joined(separator: "\n")
    }

    func study(_ a: Attempt, session: SessionState) -> [String] {
        let s = strings
        var out: [String] = []
        if !a.revealed {
            out.append("")
            out.append("[\(session.done + 1)/\(session.done + session.left)] \(StudyView.kind(a, s)) · \(s.levelLabel) \(a.item.card.level)")
            out.append(Trainer.promptText(a.item.face))
            switch a.style {
            case .typed:
                if StudyView.gapCount(a.item.card) > 1 { out.append(s.severalGaps) }
                out.append(s.plainTypePrompt)
            case .choice:
                for (i, option) in a.options.enumerated() { out.append("  \(i + 1). \(option.text)") }
                out.append(s.plainChoicePrompt)
            default:
                out.append(s.plainRevealPrompt)
            }
            return out
        }
        if let verdict = a.verdict, a.style != .keyPoints {
            out.append(TrainerView.verdictText(verdict, s))
        }
        switch a.item.card.content {
        case .choice:
            for (i, option) in a.options.enumerated() where option.isCorrect {
                out.append("\(s.answerLabel): \(i + 1). \(option.text)")
            }
        case .open(let o):
            out.append("\(s.modelAnswerLabel): \(o.modelAnswer)")
            if !keyPointsAsked, !o.keyPoints.isEmpty {
                for (i, p) in o.keyPoints.enumerated() { out.append("  \(i + 1). \(p)") }
                out.append(s.plainTickPrompt)
                return out
            }
        default:
            out.append("\(s.answerLabel): \(StudyView.answerText(a.item.face))")
        }
        let buttons = Rating.allCases.map { r in
            let interval = a.previews[r].map { " " + s.interval($0.due.timeIntervalSince(a.shownAt)) } ?? ""
            let mark = r == a.selectedRating ? "*" : ""
            return "\(r.rawValue) \(mark)\(s.label(r))\(interval)"
        }
        out.append(buttons.joined(separator: " · "))
        out.append(s.plainGradePrompt)
        return out
    }

    /// The actions one input line stands for on the current screen.
    public mutating func actions(forLine raw: String, in state: TrainerState) -> [TrainerAction] {
        let line = raw.trimmingCharacters(in: .whitespaces)
        let context = KeyContext(state)
        if line.hasPrefix(":"), let command = command(String(line.dropFirst())) { return command }
        if context != .typing, let command = command(line) { return command }
        switch context {
        case .home:
            return [.startAll]
        case .searchTyping, .searchResults, .cardInfo, .customMenu, .examDate:
            // Never opened in plain mode (custom study there is `jatta study`'s options).
            return [.back]
        case .summary, .help, .statistics:
            return line.isEmpty ? [.quit] : []
        case .question:
            keyPointsAsked = false
            return [.reveal]
        case .typing:
            return line.map { TrainerAction.type($0) } + [.reveal]
        case .choosing:
            guard let picks = numbers(line) else { return [] }
            let several = state.session?.current.map { $0.options.filter(\.isCorrect).count > 1 } ?? false
            if picks.isEmpty { return [.reveal] }
            return picks.map { TrainerAction.pickOption($0) } + (several ? [.reveal] : [])
        case .keyPoints where !keyPointsAsked:
            guard let ticks = numbers(line) else { return [] }
            keyPointsAsked = true
            return ticks.map { TrainerAction.toggleKeyPoint($0) }
        case .grading, .keyPoints:
            if line.isEmpty { return [.acceptRating] }
            if let rating = rating(line) {
                keyPointsAsked = false
                return [.grade(rating)]
            }
            return []
        }
    }

    /// The command letters: `q` ends the session (or the program), `u` undo,
    /// `b` bury, `!` suspend, `e` edit, `?` help.
    func command(_ text: String) -> [TrainerAction]? {
        guard text.count == 1, let ch = text.first else { return nil }
        if ch == "!" { return [.suspend] }
        switch Character(KeyboardLayout.physical(ch).lowercased()) {
        case "q": return [.back]
        case "u": return [.undo]
        case "b": return [.bury]
        case "e": return [.edit]
        case "?": return [.toggleHelp]
        default: return nil
        }
    }

    /// Numbers in a line, with the Kazakh digit row read as digits; words
    /// that are not numbers are passed over. Nil when a number is longer
    /// than any list's (the line is then not understood, and said so) —
    /// never an overflow, whatever the student types.
    func numbers(_ line: String) -> [Int]? {
        var result: [Int] = []
        for word in line.split(separator: " ") {
            let digits = word.map { KeyboardLayout.digit($0) }
            guard !digits.contains(nil) else { continue }
            guard digits.count <= Self.longestNumber else { return nil }
            result.append(digits.reduce(0) { $0 * 10 + ($1 ?? 0) })
        }
        return result
    }

    /// The most digits an option or key-point number can have.
    public static let longestNumber = 4

    /// A grade typed as a digit (any layout) or as a button's name.
    func rating(_ line: String) -> Rating? {
        if line.count == 1, let ch = line.first, let d = KeyboardLayout.digit(ch) { return Rating(rawValue: d) }
        let lower = line.lowercased()
        for r in Rating.allCases {
            if lower == Strings.kazakh.label(r).lowercased() || lower == Strings.english.label(r).lowercased() {
                return r
            }
        }
        return nil
    }
}
