import Study

/// The search over the home screen: the query, then the cards found with
/// where each of their faces stands.
enum SearchView {
    static func draw(_ panel: SearchPanel, state: TrainerState, into screen: inout Screen, strings s: Strings) {
        let w = CustomStudyStrings(language: s.code)
        TrainerView.bar(&screen, row: 0, left: s.appTitle + " · " + w.searchTitle, right: "")
        TrainerView.hints(&screen, panel.editing ? w.searchTypingKeys : w.searchResultKeys)
        let width = screen.width - 4
        let query = TerminalText.visible(panel.query)
        screen.put(TextWrap.truncate(w.searchPrompt + query + (panel.editing ? "▏" : ""), width: width), row: 2, column: 2, style: .bold)
        guard panel.searched else {
            for (i, line) in TextWrap.lines(w.searchHowTo, width: width).prefix(3).enumerated() {
                screen.put(line, row: 4 + i, column: 2, style: .dim)
            }
            return
        }
        if panel.matches.isEmpty {
            screen.put(TextWrap.truncate(w.nothingFound(query), width: width), row: 3, column: 2, style: .accent)
            return
        }
        screen.put(w.found(panel.matches.count), row: 3, column: 2, style: .dim)
        // Two rows a match: the prompt, then where its faces stand.
        let top = 5
        let rows = max(1, (screen.height - top - 2) / 2)
        let first = min(max(0, panel.selection - rows + 1), max(0, panel.matches.count - rows))
        for (i, match) in panel.matches.enumerated().dropFirst(first).prefix(rows) {
            let r = top + 2 * (i - first)
            let selected = i == panel.selection && !panel.editing
            let prompt = TerminalText.visible(match.card.prompt.split(whereSeparator: \.isNewline).joined(separator: " "))
            screen.put(TextWrap.truncate(prompt, width: width - 1), row: r, column: 3, style: selected ? .reverse : .bold)
            if selected { screen.put("›", row: r, column: 1, style: .reverse) }
            let status = match.faces.map { w.status($0, now: state.now, strings: s) }.joined(separator: "  |  ")
            screen.put(TextWrap.truncate(status, width: width - 3), row: r + 1, column: 5, style: .dim)
        }
    }
}
