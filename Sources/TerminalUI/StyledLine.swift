/// One line of laid-out text with its style: what the views build before
/// placing it on a `Screen`, so scrolling is just a slice of lines.
public struct StyledLine: Hashable, Sendable {
    /// The text, already fitting the width it was wrapped to.
    public var text: String
    /// Its style.
    public var style: CellStyle
    /// Columns of indentation before the text.
    public var indent: Int

    public init(_ text: String, style: CellStyle = [], indent: Int = 0) {
        self.text = text
        self.style = style
        self.indent = indent
    }

    /// Wraps `text` to `width` columns; the first line starts with `prefix`,
    /// the following lines are indented by the prefix's width (a hanging
    /// indent for numbered options and ticked points).
    public static func wrapped(
        _ text: String, width: Int, prefix: String = "", style: CellStyle = [], indent: Int = 0
    ) -> [StyledLine] {
        let prefixWidth = DisplayWidth.of(prefix)
        let lines = TextWrap.lines(text, width: max(1, width - prefixWidth - indent))
        return lines.enumerated().map { i, line in
            i == 0
                ? StyledLine(prefix + line, style: style, indent: indent)
                : StyledLine(line, style: style, indent: indent + prefixWidth)
        }
    }
}

extension Screen {
    /// Draws `lines` from `row`, at most `rows` of them, from `column`.
    mutating func draw(_ lines: ArraySlice<StyledLine>, row: Int, column: Int, rows: Int) {
        for (offset, line) in lines.prefix(rows).enumerated() {
            put(line.text, row: row + offset, column: column + line.indent, style: line.style)
        }
    }
}
