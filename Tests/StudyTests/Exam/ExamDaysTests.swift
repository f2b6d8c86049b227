import DeckFormat
import FSRS
import Foundation
import Testing

@testable import Study

/// Which exam day each face studies toward (`ExamOutlook.scheduler`):
/// the day of its deck's exam, none without one, whether the days are
/// listed by key or shared by every face.
@Suite struct ExamDaysTests {
    static let other = Fixtures.deck(
        """
        # Басқа
        lang: kk

        Q: БҰҰ қай жылы құрылды?
        A: 1945
        """, file: "decks/other.deck")

    func exam(_ date: String) throws -> Exam {
        Exam(date: try #require(CalendarDate(date)), paths: [], source: .student(id: 1))
    }

    /// Every face of every deck, with its deck file.
    func faces(_ catalog: StudyCatalog) -> [(key: String, file: String)] {
        catalog.decks.flatMap { deck in deck.cards.flatMap { card in card.faces.map { ($0.key, deck.file) } } }
    }

    func days(_ byFile: [String: Exam]) -> (ExamDays, [(key: String, file: String)]) {
        let s = Fixtures.state([Fixtures.deck(), Self.other])
        let scheduler = ExamOutlook.scheduler(base: Fixtures.scheduler(), decks: s.catalog.decks, examsByDeck: byFile)
        return (scheduler.examDays, faces(s.catalog))
    }

    @Test func oneExamForEveryDeckIsEveryFacesDay() throws {
        let exam = try exam("2026-03-20")
        let (days, faces) = days(["decks/test.deck": exam, "decks/other.deck": exam])
        #expect(days.everyFace == exam.date.dayNumber)
        #expect(days.byKey.isEmpty)
        #expect(faces.count == 7)
        for face in faces { #expect(days[face.key] == exam.date.dayNumber) }
        #expect(days.earliest == exam.date.dayNumber)
    }

    @Test func aDeckWithoutTheExamKeepsItsFacesWithoutADay() throws {
        let exam = try exam("2026-03-20")
        let (days, faces) = days(["decks/test.deck": exam])
        #expect(days.everyFace == nil)
        for face in faces {
            #expect(days[face.key] == (face.file == "decks/test.deck" ? exam.date.dayNumber : nil), "\(face.key)")
        }
    }

    @Test func twoExamsGiveEachDeckItsOwnDay() throws {
        let first = try exam("2026-03-20")
        let second = try exam("2026-04-02")
        let (days, faces) = days(["decks/test.deck": first, "decks/other.deck": second])
        #expect(days.everyFace == nil)
        for face in faces {
            let expected = face.file == "decks/test.deck" ? first : second
            #expect(days[face.key] == expected.date.dayNumber, "\(face.key)")
        }
        #expect(days.earliest == first.date.dayNumber)
    }
}
