import FSRS
import Testing
import TerminalUI

@testable import jatta

/// `jatta history` calls each grade what the trainer's buttons call it.
@Suite struct HistoryWordsTests {
    @Test(arguments: Rating.allCases)
    func gradesAreTheButtonNames(_ rating: Rating) {
        #expect(HistoryWords.kazakh.rating(rating) == Strings.kazakh.label(rating))
        #expect(HistoryWords.english.rating(rating) == Strings.english.label(rating).lowercased())
    }

    @Test func kazakhGradesAreTheAnkiWords() {
        #expect(Rating.allCases.map(HistoryWords.kazakh.rating) == ["Қайтадан", "Қиын", "Жақсы", "Оңай"])
        #expect(Rating.allCases.map(HistoryWords.english.rating) == ["again", "hard", "good", "easy"])
    }
}
