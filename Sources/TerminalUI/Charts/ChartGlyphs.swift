/// The characters charts are drawn with: block elements where the terminal
/// can show them, plain ASCII on the Linux console, in a non-UTF-8 locale
/// or when asked (`--ascii`).
public struct ChartGlyphs: Hashable, Sendable {
    /// Bar heights from empty to full, in equal steps (eighths in Unicode).
    public var levels: [Character]
    /// Heatmap cells from no answers to the most, in equal steps.
    public var shades: [Character]
    /// The frame of a bar chart: its left edge, corner, base line and the
    /// tick marked every fifth day on the base.
    public var vertical, corner, horizontal, tick: Character
    /// Shown for "no figure", and for text cut short.
    public var dash, ellipsis: String

    /// Eighth blocks for bars, shades for the heatmap.
    public static let unicode = ChartGlyphs(
        levels: [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"], shades: ["·", "░", "▒", "▓", "█"],
        vertical: "│", corner: "└", horizontal: "─", tick: "┴", dash: "—", ellipsis: "…")
    /// What any terminal shows.
    public static let ascii = ChartGlyphs(levels: [" ", ".", ":", "#"], shades: [".", "-", "+", "*", "#"],
        vertical: "|", corner: "+", horizontal: "-", tick: "+", dash: "-", ellipsis: "~")

    /// The glyphs for a terminal: ASCII when asked, on `TERM=linux` (the
    /// console's font lacks most block elements) or when the locale is not UTF-8.
    public static func choose(asciiRequested: Bool, term: String?, localeIsUTF8: Bool) -> ChartGlyphs {
        asciiRequested || term == "linux" || !localeIsUTF8 ? .ascii : .unicode
    }
}
