import Foundation
import Study
import TerminalUI

/// Runs a quiz line by line without curses: for screen readers, dumb
/// terminals, pipes and scripts. Each question is printed; one line of
/// input answers it. An empty line skips a question; end of input stops
/// the quiz (its report is still given).
struct QuizPlainRunner {
    let strings: QuizStrings
    /// Where the dialogue goes (standard error when the JSON result takes
    /// standard output).
    let output: Int32
    let readLine: () -> String?

    /// Deck text is shown with its control characters made visible.
    func say(_ text: String = "") { SessionOutput.write(TerminalText.visible(text) + "\n", to: output) }

    func prompt(_ text: String) { SessionOutput.write(TerminalText.visible(text), to: output) }

    /// The line answering a prompt. At the end of input the prompt's line is
    /// ended, so what follows (the report, the shell's prompt) starts on a
    /// line of its own.
    func reply() -> String? {
        guard let line = readLine() else {
            say()
            return nil
        }
        return line
    }

    func run(_ start: QuizSession, handle: (QuizEffect, QuizSession) -> Void) -> QuizSession {
        var session = start
        func send(_ input: QuizInput) {
            for effect in session.apply(.input(input, at: Date())) where effect != .exit { handle(effect, session) }
        }
        while let question = session.currentQuestion {
            for effect in session.apply(.tick(Date())) { handle(effect, session) }
            if session.isFinished { break }
            say()
            var header = "[" + strings.questionOf(question.number, session.questions.count) + " · "
                + strings.level(question.level) + "]"
            if let remaining = session.remaining { header += " " + strings.timeLeft(remaining) }
            say(header)
            say(question.prompt)
            guard let line = ask(question, session: session) else {
                send(.quit)
                break
            }
            if line.trimmingCharacters(in: .whitespaces).isEmpty, !question.needsReveal {
                send(.skip)
            } else {
                answer(question, line: line, send: send, session: { session })
            }
            if case .feedback(let result) = session.phase {
                showFeedback(question, result)
                if result.canBeOverruled {
                    prompt(strings.plainOverrulePrompt)
                    if let reply = reply(), reply.trimmingCharacters(in: .whitespaces).lowercased() == "r" {
                        send(.overrule(question.number))
                        say(strings.overruledNotice)
                    }
                }
                send(.next)
            }
        }
        if !session.isFinished { send(.quit) }
        let report = session.report
        say()
        if report.items.isEmpty { say(strings.noQuestions) }
        for line in QuizReportText.summary(report, strings: strings) { say(line) }
        say()
        say(strings.mistakes(report.mistakes.count))
        for item in report.mistakes {
            for line in QuizReportText.mistake(item, strings: strings) { say(line) }
        }
        return session
    }

    /// After the report: whether to study the mistakes now. Returns their
    /// keys when the student types S (on any layout), nil otherwise.
    func askToStudy(_ session: QuizSession) -> [String]? {
        let keys = session.report.mistakes.map(\.key)
        guard !keys.isEmpty else { return nil }
        prompt(strings.plainStudyPrompt)
        guard let reply = reply(), let first = reply.trimmingCharacters(in: .whitespaces).first,
            KeyboardLayout.physical(first).lowercased() == "s"
        else { return nil }
        return keys
    }

    /// Shows what the question needs and reads the answer line; nil at the
    /// end of input.
    func ask(_ question: QuizQuestion, session: QuizSession) -> String? {
        switch question.format {
        case .choice(let choice):
            for (i, option) in choice.options.enumerated() { say("  \(i + 1). " + Self.oneLine(option)) }
            prompt(choice.allowsSeveral ? strings.plainPickSeveral : strings.plainPickOne)
            return reply()
        case .typed(let typed):
            if typed.blanks.count > 1 { say(strings.severalGaps) }
            prompt(strings.answerLabel)
            return reply()
        case .open, .selfGraded:
            prompt(strings.plainReveal)
            return reply()
        }
    }

    func answer(_ question: QuizQuestion, line: String, send: (QuizInput) -> Void, session: () -> QuizSession) {
        switch question.format {
        case .choice(let choice):
            let again = choice.allowsSeveral ? strings.plainPickSeveral : strings.plainPickOne
            guard let picked = numbersLine(first: line, prompt: again, count: choice.options.count, single: !choice.allowsSeveral)
            else { send(.quit); return }
            for i in picked.numbers { send(.toggle(i - 1)) }
            if session().draft.selected.isEmpty { send(.skip) } else { send(.submit) }
        case .typed:
            send(.type(line))
            send(.submit)
        case .open(let open):
            send(.reveal)
            say(strings.modelAnswer)
            say(open.modelAnswer)
            say(strings.keyPoints)
            for (i, point) in open.keyPoints.enumerated() { say("  \(i + 1). " + point) }
            prompt(strings.plainTick)
            guard let ticks = numbersLine(first: reply(), prompt: strings.plainTick, count: open.keyPoints.count, single: false)
            else { send(.quit); return }
            for i in ticks.numbers { send(.toggle(i - 1)) }
            send(.submit)
        case .selfGraded(let graded):
            send(.reveal)
            say(strings.answer + " " + graded.answer)
            prompt(strings.plainSelfGrade)
            guard let reply = reply() else { send(.quit); return }
            send(.selfGrade(Self.numbers(in: reply)?.first == 2))
        }
    }

    func showFeedback(_ question: QuizQuestion, _ result: QuizResult) {
        var verdict = strings.outcome(result.outcome)
        let reason = result.reason(language: strings.kazakh ? "kk" : "en")
        if !reason.isEmpty { verdict += " — " + reason }
        say(verdict)
        if case .open(let open) = question.format, case .keyPoints(let ticked) = result.response {
            let missed = open.keyPoints.indices.filter { !ticked.contains($0) }.map { open.keyPoints[$0] }
            if !missed.isEmpty { say(strings.missedKeyPoints + " " + missed.joined(separator: "; ")) }
        } else if result.credit < 1 || result.outcome == .accepted {
            say(strings.rightAnswer + question.expectedAnswer)
            say(strings.source + question.source)
        }
    }

    /// A deck's wrapped text on one line: an option is one item, however
    /// its author wrapped it.
    static func oneLine(_ text: String) -> String { String(text.map { $0.isNewline ? " " : $0 }) }

    /// The option numbers in a line such as `2`, `1 3` or `1,3`; the Kazakh
    /// digit row (ә = 2 …) counts as digits. Nil when a number is longer than
    /// any list's (the student is told and asked again) — never an overflow.
    static func numbers(in line: String) -> [Int]? {
        var result: [Int] = []
        // Numbers are runs of digits (ASCII, or what the Kazakh layout types
        // on its digit keys) between spaces and commas; a run holding any
        // other letter is a word, and a word is no number: "Мәдениет" was
        // read as 2 (its ә) and recorded as option 2.
        for token in line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," }) {
            var digits: [Int] = []
            // "2." and "2)" as the list writes them.
            for ch in token.reversed().drop(while: { $0 == "." || $0 == ")" }).reversed() {
                if let d = ch.wholeNumberValue, ch.isASCII {
                    digits.append(d)
                } else if let d = KeyboardLayout.digit(ch), !ch.isASCII {
                    digits.append(d)
                } else {
                    return nil
                }
            }
            guard digits.count <= PlainMode.longestNumber else { return nil }
            result.append(digits.reduce(0) { $0 * 10 + $1 })
        }
        return result
    }

    /// Reads lines until one that is empty or names only numbers of the
    /// list (1 to `count`; one of them when `single`); nil at the end of
    /// input. A number not in the list, or a word, is a slip the student is
    /// told of: taken as an empty line, it skipped the question unseen.
    func numbersLine(first: String?, prompt again: String, count: Int, single: Bool) -> (line: String, numbers: [Int])? {
        var line = first
        while let current = line {
            // `-1` is no option (it was read as 1).
            if !current.contains(where: { $0 == "-" || $0 == "−" || $0 == "+" }),
                let numbers = Self.numbers(in: current), numbers.allSatisfy({ (1...max(count, 1)).contains($0) }),
                !(single && numbers.count > 1), !numbers.isEmpty || current.allSatisfy(\.isWhitespace)
            {
                return (current, numbers)
            }
            say(strings.plainNoSuchNumber)
            prompt(again)
            line = reply()
        }
        return nil
    }
}
