/// How a cell is drawn. Kept small on purpose: every terminal jatta meets
/// can show these, with or without colour.
public struct CellStyle: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let bold = CellStyle(rawValue: 1 << 0)
    public static let reverse = CellStyle(rawValue: 1 << 1)
    public static let dim = CellStyle(rawValue: 1 << 2)
    public static let underline = CellStyle(rawValue: 1 << 3)
    /// Drawn in the "right answer" colour where colour exists.
    public static let good = CellStyle(rawValue: 1 << 4)
    /// Drawn in the "wrong answer" colour where colour exists.
    public static let bad = CellStyle(rawValue: 1 << 5)
    /// Drawn in the accent colour (titles, the selected button).
    public static let accent = CellStyle(rawValue: 1 << 6)
}

/// One terminal cell.
public struct Cell: Hashable, Sendable {
    /// The character shown, or nil for the right half of a wide character
    /// (the terminal draws nothing there).
    public var character: Character?
    /// How it is drawn.
    public var style: CellStyle

    public init(character: Character?, style: CellStyle = []) {
        self.character = character
        self.style = style
    }

    /// An empty cell.
    public static let blank = Cell(character: " ")
}

/// The size of a terminal in columns and rows.
public struct TerminalSize: Hashable, Sendable {
    /// Columns.
    public var width: Int
    /// Rows.
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
    }
}

/// A frame to show: a grid of cells that the views fill and a backend draws.
///
/// Text is placed by display width: a wide character fills its cell and the
/// next one (a continuation cell), and nothing is ever written past the
/// right edge, so a view cannot spill into the next row.
public struct Screen: Hashable, Sendable {
    /// The frame's size.
    public let size: TerminalSize
    /// Row-major cells, `size.width * size.height` of them.
    public private(set) var cells: [Cell]
    /// Where the terminal cursor should stand (for typed answers), or nil to
    /// hide it.
    public var cursor: (row: Int, column: Int)? {
        get { cursorRow.map { ($0, cursorColumn) } }
        set {
            cursorRow = newValue?.row
            cursorColumn = newValue?.column ?? 0
        }
    }
    private var cursorRow: Int?
    private var cursorColumn = 0

    public init(size: TerminalSize) {
        self.size = size
        self.cells = Array(repeating: .blank, count: size.width * size.height)
    }

    public var width: Int { size.width }
    public var height: Int { size.height }

    public subscript(row: Int, column: Int) -> Cell {
        guard (0..<height).contains(row), (0..<width).contains(column) else { return .blank }
        return cells[row * width + column]
    }

    /// Writes `text` on one row from `column`, cutting it at the right edge
    /// (or at `limit` columns); returns the column after the last character
    /// written. Control characters (`TerminalText.needsReplacing`: DEL,
    /// C1 and the bidirectional controls too, which would otherwise join
    /// the cell before and reach the terminal) and line breaks are shown as
    /// spaces.
    @discardableResult
    public mutating func put(
        _ text: some StringProtocol, row: Int, column: Int, style: CellStyle = [], limit: Int? = nil
    ) -> Int {
        guard (0..<height).contains(row), column >= 0 else { return column }
        let end = min(width, limit.map { column + max(0, $0) } ?? width)
        var col = column
        for ch in text {
            var shown = ch
            var w = DisplayWidth.of(ch)
            if ch.isNewline || (w == 0 && ch.unicodeScalars.first.map({ $0.value < 0x20 }) == true)
                || ch.unicodeScalars.contains(where: { TerminalText.needsReplacing($0) })
            {
                shown = " "
                w = 1
            }
            if w == 0 {
                // A lone combining mark: attach it to the cell before. A
                // character of no width that makes no cluster with it (a
                // soft hyphen, a format character) is not drawn: joined, it
                // was two characters in one cell, which a debug build traps
                // on and curses gave a column of its own.
                if col > column, let prev = cells[row * width + col - 1].character {
                    let joined = String(prev) + String(ch)
                    if joined.count == 1 { cells[row * width + col - 1].character = Character(joined) }
                }
                continue
            }
            if col + w > end { break }
            cells[row * width + col] = Cell(character: shown, style: style)
            if w == 2 { cells[row * width + col + 1] = Cell(character: nil, style: style) }
            col += w
        }
        return col
    }

    /// Sets the style of `count` cells from `column` (e.g. a highlight bar).
    public mutating func fill(row: Int, column: Int = 0, count: Int? = nil, style: CellStyle) {
        guard (0..<height).contains(row) else { return }
        let start = max(0, column)
        let end = min(width, start + (count ?? width))
        guard start < end else { return }
        for c in start..<end { cells[row * width + c].style = style }
    }

    /// Writes `text` centred on `row`.
    @discardableResult
    public mutating func putCentered(_ text: String, row: Int, style: CellStyle = []) -> Int {
        let w = DisplayWidth.of(text)
        return put(text, row: row, column: max(0, (width - w) / 2), style: style)
    }

    /// One row as text, trailing spaces removed.
    public func rowText(_ row: Int) -> String {
        var line = ""
        for c in 0..<width {
            if let ch = self[row, c].character { line.append(ch) }
        }
        while line.last == " " { line.removeLast() }
        return line
    }

    /// The whole frame as text, one line per row, trailing blank rows kept
    /// out: what tests compare and what `capture-pane` would show.
    public var text: String {
        var rows = (0..<height).map(rowText)
        while rows.last == "" { rows.removeLast() }
        return rows.joined(separator: "\n")
    }

    /// The rows whose cells differ from `previous` (all rows when the sizes
    /// differ): what a backend has to redraw.
    public func changedRows(since previous: Screen?) -> [Int] {
        guard let previous, previous.size == size else { return Array(0..<height) }
        return (0..<height).filter { r in
            cells[(r * width)..<((r + 1) * width)] != previous.cells[(r * width)..<((r + 1) * width)]
        }
    }

    public static func == (a: Screen, b: Screen) -> Bool {
        a.size == b.size && a.cells == b.cells && a.cursorRow == b.cursorRow && a.cursorColumn == b.cursorColumn
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(size)
        hasher.combine(cells)
    }
}
