import DeckFormat
import Study
import Testing

@testable import TerminalUI

/// The home screen's counts at the size of a real collection: a column is
/// as wide as its widest number, so six digits never run into the next.
@Suite struct HomeCountWidthTests {
    @Test func sixDigitCountsStaySeparateColumns() {
        var text = "# Big\n\n"
        for i in 0..<100_000 { text += "Q: q\(i)?\nA: a\n\n" }
        let state = ViewFixtures.state([ViewFixtures.deck(text)])
        let screen = TrainerView.view(state, size: TerminalSize(width: 100, height: 30), strings: .english).text
        let lines = screen.split(separator: "\n")
        let all = lines.first { $0.contains("All decks") }
        let numbers = (all ?? "").split(separator: " ").compactMap { Int($0) }
        // New, Learn, Due, and cards at levels 1, 2, 3; none glued together.
        #expect(numbers.count == 6, "\(all ?? "no All decks row")")
        #expect(numbers.allSatisfy { $0 <= 100_000 }, "\(all ?? "")")
        #expect(numbers.first == 100_000)
    }
}
