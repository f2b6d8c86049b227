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

    /// The rows a question may take before it is cut: far more than any
    /// terminal shows, so a question is laid out whole and then scrolled.
    static let pageHeight = 300

    static func drawQuestion(_ session: QuizSession, into screen: inout Screen, strings: QuizStrings) {
        drawHeader(session, into: &screen, strings: strings)
        guard let question = session.currentQuestion else { return }
        let footer = screen.height - 1
        // The question is laid out on a tall page, and the rows between the
        // header and the hints show the part of it with the row the student
        // acts on (the highlighted option or key point, the typed answer): a
        // small terminal must not hide the options below the first.
        var page = Screen(size: TerminalSize(width: screen.width, height: pageHeight))
        let (end, focus, hint) = layOut(question, session, on: &page, strings: strings)
        let visible = max(1, footer - 3)
        var first = 0
        if end > visible, let focus, focus >= visible {
            first = min(focus - visible + 1, end - visible)
        }
        screen.copyRows(from: page, sourceRow: first, to: 2, count: min(visible, end - first))
        if let (row, column) = page.cursor, (first..<(first + visible)).contains(row) {
            screen.cursor = (row - first + 2, column)
        }
        if first + visible < end {
            screen.put("↓ …", row: footer - 1, column: 1, style: .dim)
        } else if first > 0 {
            screen.put("↑ …", row: footer - 1, column: 1, style: .dim)
        }
        if session.stopRequested {
            screen.put(TextWrap.truncate(strings.confirmStop, width: screen.width - 1), row: footer, column: 1, style: [.bold, .bad])
        } else {
            screen.put(hints(hint, width: screen.width - 1), row: footer, column: 1, style: .dim)
        }
    }

    /// Lays a question out from the top of `screen`; returns the rows used,
    /// the row to keep in sight and the key hints.
    static func layOut(
        _ question: QuizQuestion, _ session: QuizSession, on screen: inout Screen, strings: QuizStrings
    ) -> (end: Int, focus: Int?, hint: String) {
        let width = screen.width - 2
        let footer = screen.height + 1
        var row = 0
        var focus: Int? = nil
        func line(_ text: String, indent: Int = 0, style: CellStyle = []) {
            for part in TextWrap.lines(text, width: max(1, width - indent)) where row < footer - 1 {
                screen.put(part, row: row, column: 1 + indent, style: style)
                row += 1
            }
        }
        /// A numbered item whose wrapped lines hang under its text, not
        /// under its number.
        func item(_ marker: String, _ text: String) {
            let hang = 1 + DisplayWidth.of(marker)
            for (i, part) in TextWrap.lines(text.flattened, width: max(1, width - hang)).enumerated() where row < footer - 1 {
                if i == 0 { screen.put(marker, row: row, column: 2) }
                screen.put(part, row: row, column: 1 + hang)
                row += 1
            }
        }
        line(question.prompt, style: .bold)
        row += 1
        let draft = session.draft
        var hint = strings.keysTyped

        if case .feedback(let result) = session.phase {
            drawFeedback(question, result, strings: strings, line: line)
            hint = result.canBeOverruled ? strings.keysFeedback : strings.keysNext
        } else {
            switch question.format {
            case .choice(let choice):
                if choice.allowsSeveral { line(strings.pickAll, style: .dim) }
                for (i, option) in choice.options.enumerated() {
                    let mark = choice.allowsSeveral
                        ? (draft.selected.contains(i) ? "[x]" : "[ ]") : (draft.selected.contains(i) ? "(•)" : "( )")
                    let first = row
                    item("\(i + 1). \(mark) ", option)
                    if i == draft.cursor, first < row {
                        screen.fill(row: first, column: 1, count: width, style: .reverse)
                        focus = row - 1
                    }
                }
                hint = strings.keysChoice
            case .typed(let typed):
                if typed.blanks.count > 1 { line(strings.severalGaps, style: .dim) }
                // A long answer wraps under itself; the cursor follows its end.
                let lines = StyledLine.wrapped(draft.text, width: width, prefix: strings.answerLabel)
                for (i, part) in lines.enumerated() where row < footer - 1 {
                    let end = screen.put(part.text, row: row, column: 1 + part.indent)
                    if i == lines.count - 1 { screen.cursor = (row, min(screen.width - 1, end)) }
                    focus = row
                    row += 1
                }
            case .open(let open):
                if draft.revealed {
                    // The key points first: they are what is ticked; the
                    // model answer gets the rows that are left.
                    line(strings.keyPoints, style: .dim)
                    for (i, point) in open.keyPoints.enumerated() {
                        let first = row
                        item("\(i + 1). " + (draft.selected.contains(i) ? "[x] " : "[ ] "), point)
                        if i == draft.cursor, first < row {
                            screen.fill(row: first, column: 1, count: width, style: .reverse)
                            focus = row - 1
                        }
                    }
                    row += 1
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
        return (row, focus, hint)
    }

    static func drawFeedback(
        _ question: QuizQuestion, _ result: QuizResult, strings: QuizStrings, line: (String, Int, CellStyle) -> Void
    ) {
        let good = result.credit >= 1
        var verdict = strings.outcome(result.outcome)
        if result.overruled { verdict += " " + strings.overruled }
        let reason = result.reason(language: strings.kazakh ? "kk" : "en")
        if !reason.isEmpty { verdict += " — " + reason }
        line(verdict, 0, good ? [.bold, .good] : [.bold, .bad])
        if case .open(let open) = question.format, case .keyPoints(let ticked) = result.response {
            let missed = open.keyPoints.indices.filter { !ticked.contains($0) }.map { open.keyPoints[$0] }
            if !missed.isEmpty {
                line(strings.missedKeyPoints, 0, [])
                for point in missed { line("– " + point.flattened, 1, []) }
            }
            line(strings.source + question.source, 0, .dim)
        } else if !good || result.outcome == .accepted {
            line(strings.rightAnswer + question.expectedAnswer.flattened, 0, [])
            line(strings.source + question.source, 0, .dim)
        }
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
        let keys = mistakes.isEmpty ? strings.keysReportClean : strings.keysReport
        screen.put(hints(keys, width: screen.width - 1), row: footer, column: 1, style: .dim)
    }

    /// Key hints cut by whole items on a narrow terminal, always keeping the
    /// way out (Esc to stop, Q to quit), as the study screen keeps its help.
    static func hints(_ text: String, width: Int) -> String {
        TrainerView.fittedHints(text, width: width) { $0.hasPrefix("Esc ") || $0.hasPrefix("Q ") }
    }
}
