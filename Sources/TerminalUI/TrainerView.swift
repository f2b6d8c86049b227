import Study

/// The trainer's view: a pure function from the model and the terminal
/// size to a frame.
public enum TrainerView {
    /// The smallest terminal the trainer draws in.
    public static let minimumSize = TerminalSize(width: 40, height: 10)

    /// `glyphs` draw the statistics' charts (ASCII where the terminal
    /// cannot show block elements, as `jatta stats` decides).
    public static func view(
        _ state: TrainerState, size: TerminalSize, strings: Strings, glyphs: ChartGlyphs = .unicode
    ) -> Screen {
        var screen = Screen(size: size)
        guard size.width >= minimumSize.width, size.height >= minimumSize.height else {
            let lines = TextWrap.lines(strings.tooSmall, width: max(1, size.width))
            for (i, line) in lines.prefix(size.height).enumerated() {
                screen.putCentered(line, row: max(0, size.height / 2 - lines.count / 2) + i, style: .bold)
            }
            return screen
        }
        switch state.mode {
        case .home where state.home.panel != nil:
            PanelView.draw(state, into: &screen, strings: strings)
        case .home:
            HomeView.draw(state, into: &screen, strings: strings)
        case .study(let session):
            StudyView.draw(state, session: session, into: &screen, strings: strings)
        case .summary(let summary, _):
            SummaryView.draw(summary, now: state.now, into: &screen, strings: strings)
        case .statistics(let statistics):
            StatisticsView.draw(state, statistics, into: &screen, strings: strings, glyphs: glyphs)
        }
        if state.showsHelp {
            HelpOverlay.draw(into: &screen, page: state.helpPage, strings: strings)
            hints(&screen, strings.helpKeys)
        }
        return screen
    }

    /// The text of a notice.
    static func text(_ notice: Notice, _ s: Strings) -> String {
        switch notice {
        case .buried: s.buried
        case .suspended: s.suspended
        case .undone: s.undone
        case .hidingUndone(let suspended): suspended ? s.suspensionUndone : s.burialUndone
        case .nothingToUndo: s.nothingToUndo
        case .nothingToStudy: s.nothingToStudy
        case .reloaded: s.reloaded
        case .reloadedWithErrors(let problems): s.reloadNotice(problems)
        case .cardRemoved: s.cardRemoved
        case .exam(let notice): ExamWords.of(Language(rawValue: s.code) ?? .en).notice(notice)
        case .effectFailed(let outcome): s.effectFailed(outcome)
        case .unsuspended: CustomStudyStrings(language: s.code).unsuspended
        case .notSuspended: CustomStudyStrings(language: s.code).notSuspended
        }
    }

    /// The verdict line: the checker's own reason when it gave one (it says
    /// what was forgiven or why it is wrong, and names the right answer),
    /// else a plain word.
    static func verdictText(_ verdict: AnswerVerdict, _ s: Strings) -> String {
        switch verdict {
        case .correct: return s.verdictCorrect
        case .close(let reason), .noted(let reason):
            let why = reason.text(language: s.code)
            return why.isEmpty ? s.verdictClose : why
        case .wrong(let reason):
            let why = reason?.text(language: s.code) ?? ""
            return why.isEmpty ? s.verdictWrong : why
        case .blank: return s.verdictBlank
        }
    }

    /// A reverse-video bar across `row` with `left` and `right` texts.
    static func bar(_ screen: inout Screen, row: Int, left: String, right: String) {
        screen.fill(row: row, style: .reverse)
        let rightWidth = DisplayWidth.of(right)
        let leftRoom = max(0, screen.width - rightWidth - 3)
        screen.put(" " + TextWrap.truncate(left, width: leftRoom), row: row, column: 0, style: .reverse)
        if rightWidth + 1 < screen.width {
            screen.put(right, row: row, column: screen.width - rightWidth - 1, style: .reverse)
        }
    }

    /// The key hints on the bottom row, cleared first (the help overlay
    /// draws its own over a view's).
    static func hints(_ screen: inout Screen, _ text: String) {
        let row = screen.height - 1
        screen.put(String(repeating: " ", count: screen.width), row: row, column: 0)
        screen.put(" " + fittedHints(text, width: screen.width - 2), row: row, column: 0, style: .dim)
    }

    /// Hints (`key does · key does · …`) cut to `width` by whole items.
    /// The items `keep` names stay whatever else is dropped: by default the
    /// help (`? …`, `F1 …`), which on a narrow terminal is the way to every
    /// other key.
    static func fittedHints(
        _ text: String, width: Int, keeping keep: (String) -> Bool = { $0.hasPrefix("? ") || $0.hasPrefix("F1 ") }
    ) -> String {
        guard DisplayWidth.of(text) > width else { return text }
        let separator = " · "
        let sepWidth = DisplayWidth.of(separator)
        let items = text.components(separatedBy: separator)
        let kept = Set(items.indices.filter { keep(items[$0]) })
        var used = kept.map { DisplayWidth.of(items[$0]) }.reduce(0, +) + sepWidth * max(0, kept.count - 1)
        var shown = kept
        for i in items.indices where !kept.contains(i) {
            let w = DisplayWidth.of(items[i]) + (shown.isEmpty ? 0 : sepWidth)
            guard used + w <= width else { break }
            shown.insert(i)
            used += w
        }
        let fitted = items.indices.filter(shown.contains).map { items[$0] }.joined(separator: separator)
        return DisplayWidth.of(fitted) <= width ? fitted : TextWrap.truncate(text, width: width)
    }
}
