import Study

/// Renders a quiz session into a `Screen`: one question at a time, the
/// timer in the header, the verdict in practice mode, the report at the end.
public enum QuizView {
    /// The smallest terminal the quiz draws in.
    public static let minimumSize = TerminalSize(width: 20, height: 6)

    public static func view(_ session: QuizSession, size: TerminalSize, strings: QuizStrings) -> Screen {
        var screen = Screen(size: size)
        guard size.width >= minimumSize.width, size.height >= minimumSize.height else {
            // Say why the question went, as the study screen does, and keep
            // the exam's clock in sight: it runs on while the student resizes.
            var lines = TextWrap.lines(strings.tooSmall, width: max(1, size.width))
            if let remaining = session.remaining, !session.isFinished { lines.append(strings.timeLeft(remaining)) }
            for (i, line) in lines.prefix(size.height).enumerated() {
                screen.putCentered(line, row: max(0, (size.height - lines.count) / 2) + i, style: .bold)
            }
            return screen
        }
        switch session.phase {
        case .finished:
            drawReport(session, into: &screen, strings: strings)
        case .answering, .feedback:
            drawQuestion(session, into: &screen, strings: strings)
        }
        return screen
    }

    // MARK: Question

    static func drawHeader(_ session: QuizSession, into screen: inout Screen, strings: QuizStrings) {
        var left = strings.title
        if session.settings.mode == .practice { left += " (" + strings.practice + ")" }
        if let q = session.currentQuestion {
            left += " · " + strings.questionOf(q.number, session.questions.count) + " · " + strings.level(q.level)
        }
        var room = screen.width - 1
        if let remaining = session.remaining, !session.isFinished {
            // The timer wins the header's space: it is what the student
            // must not lose sight of.
            let timer = strings.timeLeft(remaining)
            let style: CellStyle = remaining <= 60 ? [.bold, .bad] : [.bold]
            let column = max(0, screen.width - DisplayWidth.of(timer))
            screen.put(timer, row: 0, column: column, style: style)
            room = column - 2
        }
        screen.put(TextWrap.truncate(left, width: max(0, room)), row: 0, column: 1, style: .bold)
        screen.put(String(repeating: "─", count: screen.width), row: 1, column: 0, style: .dim)
    }

    static func drawQuestion(_ session: QuizSession, into screen: inout Screen, strings: QuizStrings) {
        drawHeader(session, into: &screen, strings: strings)
        guard let question = session.currentQuestion else { return }
        let footer = screen.height - 1
        // The question is laid out whole as lines, and the rows between the
        // header and the hints show the part of it with the line the student
        // acts on (the highlighted option or key point, the typed answer): a
        // small terminal must not hide the options below the first.
        let layout = layOut(question, session, width: screen.width - 2, strings: strings)
        let end = layout.lines.count
        let visible = max(1, footer - 3)
        var first = 0
        if end > visible, let focus = layout.focus, focus >= visible {
            first = min(focus - visible + 1, end - visible)
        }
        screen.draw(layout.lines[first...], row: 2, column: 1, rows: visible)
        if let (line, column) = layout.cursor, (first..<(first + visible)).contains(line) {
            screen.cursor = (line - first + 2, min(screen.width - 1, 1 + column))
        }
        // What is cut above and below is marked, both when both are (the
        // prompt's first lines went unmarked when the options below were
        // cut too).
        let above = first > 0, below = first + visible < end
        if above || below {
            screen.put((above ? "↑" : "") + (below ? "↓" : "") + " …", row: footer - 1, column: 1, style: .dim)
        }
        if session.stopRequested {
            screen.put(TextWrap.truncate(strings.confirmStop, width: screen.width - 1), row: footer, column: 1, style: [.bold, .bad])
        } else {
            screen.put(hints(layout.hint, width: screen.width - 1), row: footer, column: 1, style: .dim)
        }
    }

    /// Lays a question out as lines `width` columns wide; returns them with
    /// the line to keep in sight, the typing cursor (line and column) and
    /// the key hints.
    static func layOut(
        _ question: QuizQuestion, _ session: QuizSession, width: Int, strings: QuizStrings
    ) -> (lines: [StyledLine], focus: Int?, cursor: (line: Int, column: Int)?, hint: String) {
        var out: [StyledLine] = []
        var focus: Int? = nil
        var cursor: (line: Int, column: Int)? = nil
        func line(_ text: String, indent: Int = 0, style: CellStyle = []) {
            out += StyledLine.wrapped(text, width: width, style: style, indent: indent)
        }
        /// A numbered item whose wrapped lines hang under its text, not
        /// under its number; the highlighted one is barred across the width
        /// on its first line and kept in sight by its last.
        func item(_ marker: String, _ text: String, highlighted: Bool) {
            var lines = StyledLine.wrapped(text.flattened, width: width, prefix: marker, indent: 1)
            if highlighted, let head = lines.first {
                lines[0] = bar(head, width: width)
                focus = out.count + lines.count - 1
            }
            out += lines
        }
        line(question.prompt, style: .bold)
        out.append(StyledLine(""))
        let draft = session.draft
        var hint = strings.keysTyped

        if case .feedback(let result) = session.phase {
            out += feedback(question, result, width: width, strings: strings)
            hint = result.canBeOverruled ? strings.keysFeedback : strings.keysNext
        } else {
            switch question.format {
            case .choice(let choice):
                if choice.allowsSeveral { line(strings.pickAll, style: .dim) }
                for (i, option) in choice.options.enumerated() {
                    let mark = choice.allowsSeveral
                        ? (draft.selected.contains(i) ? "[x]" : "[ ]") : (draft.selected.contains(i) ? "(•)" : "( )")
                    item("\(i + 1). \(mark) ", option, highlighted: i == draft.cursor)
                }
                hint = strings.keysChoice
            case .typed(let typed):
                if typed.blanks.count > 1 { line(strings.severalGaps, style: .dim) }
                // A long answer wraps under itself; the cursor follows its end.
                out += StyledLine.wrapped(draft.text, width: width, prefix: strings.answerLabel)
                if let last = out.last {
                    focus = out.count - 1
                    cursor = (out.count - 1, last.indent + DisplayWidth.of(last.text))
                }
            case .open(let open):
                if draft.revealed {
                    // The key points first: they are what is ticked; the
                    // model answer comes after them.
                    line(strings.keyPoints, style: .dim)
                    for (i, point) in open.keyPoints.enumerated() {
                        item("\(i + 1). " + (draft.selected.contains(i) ? "[x] " : "[ ] "), point, highlighted: i == draft.cursor)
                    }
                    out.append(StyledLine(""))
                    line(strings.modelAnswer, style: .dim)
                    line(open.modelAnswer, indent: 1)
                    hint = strings.keysKeyPoints
                } else {
                    line(strings.revealHint, style: .dim)
                    hint = strings.keysReveal
                }
            case .selfGraded(let graded):
                if draft.revealed {
                    line(strings.answer, style: .dim)
                    line(graded.answer, indent: 1)
                    hint = strings.keysSelfGrade
                } else {
                    line(strings.revealHint, style: .dim)
                    hint = strings.keysReveal
                }
            }
        }
        return (out, focus, cursor, hint)
    }

    /// `line` as a highlight bar: reversed across all `width` columns, the
    /// blanks before and after its text included, so the bar reads as one
    /// row however short the option is.
    static func bar(_ line: StyledLine, width: Int) -> StyledLine {
        let text = String(repeating: " ", count: max(0, line.indent)) + line.text
        let pad = String(repeating: " ", count: max(0, width - DisplayWidth.of(text)))
        return StyledLine(text + pad, style: .reverse)
    }

    /// The verdict of an answered question, the missed key points or the
    /// right answer, and where the question comes from.
    static func feedback(_ question: QuizQuestion, _ result: QuizResult, width: Int, strings: QuizStrings) -> [StyledLine] {
        var out: [StyledLine] = []
        func line(_ text: String, indent: Int = 0, style: CellStyle = []) {
            out += StyledLine.wrapped(text, width: width, style: style, indent: indent)
        }
        let good = result.credit >= 1
        let verdict = strings.verdict(
            result.outcome, overruled: result.overruled, reason: result.reason(language: strings.kazakh ? "kk" : "en"))
        line(verdict, style: good ? [.bold, .good] : [.bold, .bad])
        if case .open(let open) = question.format, case .keyPoints(let ticked) = result.response {
            let missed = open.keyPoints.indices.filter { !ticked.contains($0) }.map { open.keyPoints[$0] }
            if !missed.isEmpty {
                line(strings.missedKeyPoints)
                for point in missed { line("– " + point.flattened, indent: 1) }
            }
            line(strings.source + question.source, style: .dim)
        } else if !good || result.outcome == .accepted {
            line(strings.rightAnswer + question.expectedAnswer.flattened)
            line(strings.source + question.source, style: .dim)
        }
        return out
    }

    // MARK: Report

    static func drawReport(_ session: QuizSession, into screen: inout Screen, strings: QuizStrings) {
        let report = session.report
        drawHeader(session, into: &screen, strings: strings)
        let width = screen.width - 2
        let footer = screen.height - 1
        var row = 2
        if report.items.isEmpty {
            screen.put(TextWrap.truncate(strings.noQuestions, width: width), row: row, column: 1)
            screen.put(strings.keysReportClean, row: footer, column: 1, style: .dim)
            return
        }
        for (i, text) in QuizReportText.summary(report, strings: strings).enumerated() where row < footer {
            screen.put(TextWrap.truncate(text, width: width), row: row, column: 1, style: i < 2 ? .bold : [])
            row += 1
        }
        row += 1
        let mistakes = report.mistakes
        if row < footer {
            screen.put(strings.mistakes(mistakes.count), row: row, column: 1, style: .bold)
            row += 1
        }
        // Scroll so the selected mistake is on screen.
        let blocks = mistakes.map { QuizReportText.mistake($0, strings: strings) }
        let selected = min(session.draft.cursor, max(0, mistakes.count - 1))
        var first = 0
        while first < selected, blocks[first...selected].reduce(0, { $0 + $1.count }) > footer - row {
            first += 1
        }
        for index in blocks.indices.dropFirst(first) {
            for (j, text) in blocks[index].enumerated() where row < footer {
                let style: CellStyle = j == 0 ? (index == selected ? [.reverse] : [.bold]) : (j == 1 ? [.bad] : [])
                screen.put(TextWrap.truncate(text, width: width), row: row, column: 1, style: style)
                row += 1
            }
        }
        let overrulable = mistakes.indices.contains(selected)
            && session.results[mistakes[selected].number]?.canBeOverruled == true
        let keys = mistakes.isEmpty ? strings.keysReportClean : overrulable ? strings.keysReport : strings.keysReportNoOverrule
        screen.put(hints(keys, width: screen.width - 1), row: footer, column: 1, style: .dim)
    }

    /// Key hints cut by whole items on a narrow terminal, always keeping the
    /// way out (Esc to stop, Q to quit), as the study screen keeps its help.
    static func hints(_ text: String, width: Int) -> String {
        TrainerView.fittedHints(text, width: width) { $0.hasPrefix("Esc ") || $0.hasPrefix("Q ") }
    }
}
