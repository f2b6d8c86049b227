/// The help box drawn over any screen.
enum HelpOverlay {
    /// The box's geometry on a screen: its inner width, the help's lines as
    /// wrapped to it, and how many of them one page shows.
    struct Layout {
        let inner: Int
        let lines: [String]
        let height: Int
        let rowsPerPage: Int

        init(size: TerminalSize, strings s: Strings) {
            inner = min(size.width - 4, (s.helpLines.map { DisplayWidth.of($0) }.max() ?? 0) + 2)
            // Lines that fit keep their spacing (the key column is aligned with
            // spaces); a line too wide for the box wraps its description
            // under itself, so the key column stays one column (wrapped
            // whole, its spaces went and the keys ran into the words).
            let width = inner
            lines = s.helpLines.flatMap { line in HelpOverlay.wrapped(line, width: width - 2) }
            height = min(size.height - 2, lines.count + 2)
            rowsPerPage = max(1, height - 2)
        }

        /// How many pages the help takes.
        var pages: Int { max(1, (lines.count + rowsPerPage - 1) / rowsPerPage) }
    }

    /// Where a help line's description starts, after its keys.
    static let keyColumn = 17

    /// One help line in `width` columns: as it is when it fits; else, when
    /// its keys end before `keyColumn`, its description wrapped under
    /// itself; else wrapped whole.
    static func wrapped(_ line: String, width: Int) -> [String] {
        guard DisplayWidth.of(line) > width else { return [line] }
        let characters = Array(line)
        guard characters.count > keyColumn, characters[keyColumn - 1] == " ", width - keyColumn >= 10 else {
            return TextWrap.lines(line, width: width)
        }
        let keys = String(characters[..<keyColumn])
        let description = TextWrap.lines(String(characters[keyColumn...]), width: width - keyColumn)
        let indent = String(repeating: " ", count: keyColumn)
        return description.enumerated().map { ($0.offset == 0 ? keys : indent) + $0.element }
    }

    /// How many pages the help takes on a screen of `size`: paging stops at
    /// the last (and at the first), it does not wrap around.
    static func pageCount(size: TerminalSize, strings: Strings) -> Int {
        Layout(size: size, strings: strings).pages
    }

    static func draw(into screen: inout Screen, page: Int = 0, strings s: Strings) {
        let layout = Layout(size: screen.size, strings: s)
        let (inner, lines, height, rows) = (layout.inner, layout.lines, layout.height, layout.rowsPerPage)
        let top = max(0, (screen.height - height) / 2)
        // What does not fit is paged (↑↓ PgUp PgDn); the bottom border says
        // which page is shown and which ways there is more.
        let pages = layout.pages
        let shownPage = min(max(0, page), pages - 1)
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
        let marker = pages > 1 ? " " + pageArrows(page: shownPage, of: pages) + " \(shownPage + 1)/\(pages) " : ""
        let bottomRule = String(repeating: "─", count: max(0, inner - DisplayWidth.of(marker) - 1))
        screen.put("└" + bottomRule + marker + "─┘", row: top + height - 1, column: left, style: .bold)
    }

    /// The ways there is more help: ↓ on the first page, ↑ on the last,
    /// both between.
    static func pageArrows(page: Int, of pages: Int) -> String {
        (page > 0 ? "↑" : "") + (page < pages - 1 ? "↓" : "")
    }
}
