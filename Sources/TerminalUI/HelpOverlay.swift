/// The help box drawn over any screen.
enum HelpOverlay {
    static func draw(into screen: inout Screen, strings s: Strings) {
        let inner = min(screen.width - 4, (s.helpLines.map { DisplayWidth.of($0) }.max() ?? 0) + 2)
        // Lines that fit keep their spacing (the key column is aligned with
        // spaces); only a line too wide for the box is wrapped.
        let lines = s.helpLines.flatMap { line in
            DisplayWidth.of(line) <= inner - 2 ? [line] : TextWrap.lines(line, width: inner - 2)
        }
        let height = min(screen.height - 2, lines.count + 2)
        let top = max(0, (screen.height - height) / 2)
        let left = max(0, (screen.width - inner - 2) / 2)
        for r in 0..<height {
            screen.put(String(repeating: " ", count: inner + 2), row: top + r, column: left)
        }
        let title = " " + s.helpTitle + " "
        let rule = String(repeating: "─", count: max(0, inner - DisplayWidth.of(title)))
        screen.put("┌" + title + rule + "┐", row: top, column: left, style: .bold)
        for (i, line) in lines.prefix(height - 2).enumerated() {
            screen.put("│", row: top + 1 + i, column: left)
            screen.put(line, row: top + 1 + i, column: left + 2)
            screen.put("│", row: top + 1 + i, column: left + inner + 1)
        }
        screen.put("└" + String(repeating: "─", count: inner) + "┘", row: top + height - 1, column: left, style: .bold)
    }
}
