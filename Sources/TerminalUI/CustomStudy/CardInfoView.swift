import Study

/// One card found by the search: its text, where each face stands, and
/// its review history, newest first.
enum CardInfoView {
    static func draw(_ panel: CardInfoPanel, state: TrainerState, into screen: inout Screen, strings s: Strings) {
        let w = CustomStudyStrings(language: s.code)
        TrainerView.bar(&screen, row: 0, left: s.appTitle + " · " + w.infoTitle, right: "")
        TrainerView.hints(&screen, w.infoKeys)
        let width = screen.width - 4
        let bottom = screen.height - 3
        var row = 2
        /// Puts `text` wrapped, at most `maxLines` rows; cut, its last row
        /// ends with "…" (the answer and the tags were cut without a mark).
        func put(_ text: String, style: CellStyle = [], indent: Int = 0, maxLines: Int = 1) {
            let lineWidth = max(1, width - indent)
            let lines = TextWrap.lines(TerminalText.visible(text), width: lineWidth)
            for line in TextWrap.first(min(maxLines, max(0, bottom - row)), of: lines, width: lineWidth) {
                screen.put(line, row: row, column: 2 + indent, style: style)
                row += 1
            }
        }
        let card = panel.match.card
        put(card.prompt, style: .bold, maxLines: 3)
        // The answer takes the rows the rest leaves free (the place, each
        // face, the history's title and three of its entries), three at least.
        let rest = 3 + panel.match.faces.count + 2 + 3
        put(w.answerLabel + ": " + card.answer, maxLines: max(3, bottom - row - rest))
        var place = w.placeLabel + ": " + card.location.description + " · id " + card.id.rawValue
        place += " · " + w.levelLabel + " " + String(card.level)
        if !card.allTags.isEmpty { place += " · " + w.tagsLabel + ": " + card.allTags.joined(separator: ", ") }
        put(place, style: .dim, maxLines: 3)
        for face in panel.match.faces {
            put(w.status(face, now: state.now, strings: s), style: face.suspended ? .accent : [], indent: 2)
        }
        row += 1
        put(w.historyTitle, style: .bold)
        guard let history = panel.history else {
            put(w.historyLoading, style: .dim, indent: 2)
            return
        }
        if history.isEmpty { put(w.historyEmpty, style: .dim, indent: 2) }
        let reverseKeys = Set(panel.match.faces.filter { $0.direction == .reverse }.map(\.key))
        for entry in history where row < bottom {
            var parts = [w.ago(s.interval(state.now.timeIntervalSince(entry.time))), entry.kind]
            if reverseKeys.contains(entry.key) { parts.insert(w.reverseFace, at: 1) }
            if let rating = entry.rating { parts.append(s.label(rating)) }
            if let stage = entry.stageAfter {
                var after = "→ " + stage
                if let due = entry.dueAfter, due > state.now { after += ", " + w.dueIn(s.interval(due.timeIntervalSince(state.now))) }
                parts.append(after)
            }
            if entry.undone { parts.append(w.undone) }
            put(parts.joined(separator: " · "), style: entry.undone ? .dim : [], indent: 2)
        }
    }
}
