/// A contribution-graph calendar: weeks as columns, Monday to Sunday as
/// rows, each day a cell shaded by its count relative to the busiest day.
public enum Heatmap {
    /// Seven rows (Monday first). `counts` are consecutive days, the first
    /// falling on weekday `firstWeekday` (0 = Monday); cells before the first
    /// day and after the last are blank.
    public static func rows(_ counts: [Int], firstWeekday: Int, glyphs: ChartGlyphs) -> [String] {
        let top = counts.max() ?? 0
        let shades = glyphs.shades.count - 1
        let weeks = (firstWeekday + counts.count + 6) / 7
        return (0..<7).map { weekday in
            String(
                (0..<weeks).map { week -> Character in
                    let index = week * 7 + weekday - firstWeekday
                    guard counts.indices.contains(index) else { return " " }
                    let count = counts[index]
                    guard count > 0, top > 0 else { return glyphs.shades[0] }
                    return glyphs.shades[max(1, (count * shades + top - 1) / top)]
                })
        }
    }
}
