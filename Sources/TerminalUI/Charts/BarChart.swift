/// Vertical bars, one column per value, scaled so the largest value fills
/// `height` rows; each row's top cell uses the glyph set's partial heights
/// (eighths in Unicode), so small differences still show.
public enum BarChart {
    /// The chart's rows, top first, each `values.count` columns wide.
    public static func rows(_ values: [Int], height: Int, glyphs: ChartGlyphs) -> [String] {
        let height = max(1, height)
        let steps = glyphs.levels.count - 1
        let top = values.max() ?? 0
        // Whole sub-steps per column; a non-zero value shows at least one step.
        let filled = values.map { value -> Int in
            guard top > 0, value > 0 else { return 0 }
            return max(1, (value * height * steps + top / 2) / top)
        }
        return (0..<height).map { row in
            let below = (height - 1 - row) * steps
            return String(filled.map { glyphs.levels[min(steps, max(0, $0 - below))] })
        }
    }
}
