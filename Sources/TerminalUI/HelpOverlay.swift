/// The help box drawn over any screen.
enum HelpOverlay {
    static func draw(into screen: inout Screen, page: Int = 0, strings s: Strings) {
        let inner = min(screen.width - 4, (s.helpLines.map { DisplayWidth.of($0) }.max() ?? 0) + 2)
        // Lines that fit keep their spacing (the key column is aligned with
        // spaces); only a line too wide for the box is wrapped.
        let lines = s.helpLines.flatMap { line in
            DisplayWidth.of(line) <= inner - 2 ? [line] : TextWrap.lines(line, width: inner - 2)
        }
        let height = min(screen.height - 2, lines.count + 2)
        let top = max(0, (screen.height - height) / 2)
        // What does not fit is paged (↑↓ PgUp PgDn); the bottom border says
        // which page is shown.
        let rows = max(1, height - 2)
        let pages = (lines.count + rows - 1) / rows
        let shownPage = pages > 1 ? ((page % pages) + pages) % pages : 0
        let shown = Array(lines.dropFirst(shownPage * rows).prefix(rows))
        let left = max(0, (screen.width - inner - 2) / 2)
        for r in 0..<height {
            screen.put(String(repeating: " ", count: inner + 2), row: top + r, column: left)
        }
        let title = " " + s.helpTitle + " "
        let rule = String(repeating: "─", count: max(0, inner - DisplayWidth.of(title)))
        screen.put("┌" + title + rule + "┐", row: top, column: left, style: .bold)
        for i in 0..<min(rows, height - 2) {
            screen.put("│", row: top + 1 + i, column: left)
            if i < shown.count { screen.put(shown[i], row: top + 1 + i, column: left + 2) }
            screen.put("│", row: top + 1 + i, column: left + inner + 1)
        }
        let marker = pages > 1 ? " ↓ \(shownPage + 1)/\(pages) " : ""
        let bottomRule = String(repeating: "─", count: max(0, inner - DisplayWidth.of(marker) - 1))
        screen.put("└" + bottomRule + marker + "─┘", row: top + height - 1, column: left, style: .bold)
    }
}
