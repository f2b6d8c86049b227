import DeckFormat
import Interchange
import Testing

@Suite struct AikenTests {
    static func read(_ text: String) -> ImportResult { AikenImporter.read(Array(text.utf8), file: "a.txt") }

    @Test func moodleDocumentationExamples() throws {
        let result = AikenImporter.read(try GIFTImportTests.fixture("moodle-examples.aiken.txt"), file: "m.txt")
        #expect(result.diagnostics.isEmpty)
        let choices = result.deck.cards.compactMap { card -> ChoiceCard? in
            if case .choice(let c) = card.content { c } else { nil }
        }
        #expect(choices.map(\.question) == [
            "Is this an Aiken format question?", "What is the correct answer to this question?",
            "Which LMS has the most quiz import formats?",
        ])
        #expect(choices.map { $0.correctOptions.map(\.text) } == [["Yes"], ["Must be this one!"], ["Moodle"]])
        #expect(choices.map(\.options.count) == [2, 4, 6])
    }

    /// Moodle rejects А) В) С) Д) typed on a Kazakh keyboard; jatta reads
    /// them, as look-alikes or in alphabet order, and warns.
    @Test func cyrillicLettersAreReadWithAWarning() throws {
        let result = AikenImporter.read(try GIFTImportTests.fixture("cyrillic-letters.aiken.txt"), file: "c.txt")
        #expect(!result.hasErrors)
        #expect(result.diagnostics.map(\.code) == ["cyrillic-letter", "cyrillic-letter"])
        #expect(result.diagnostics.first?.messageKK.contains("Moodle") == true)
        let right = result.deck.cards.compactMap { card -> [String]? in
            if case .choice(let c) = card.content { c.correctOptions.map(\.text) } else { nil }
        }
        #expect(right == [["1992"], ["Империализм"]])
    }

    @Test func brokenQuestionsAreErrorsAtTheirLine() {
        let result = Self.read("Q1\nA) a\nB) b\n\nQ2\nA) x\nB) y\nANSWER: B\nQ3\nA) only\nANSWER: A\nQ4\nA) a\nB) b\nANSWER: Z\n")
        #expect(result.diagnostics.map(\.code) == ["unfinished-question", "too-few-options", "bad-answer"])
        #expect(result.diagnostics.map(\.location.line) == [1, 9, 15])
        // Only Q2 is whole.
        #expect(result.deck.cards.map(\.prompt) == ["Q2"])
    }

    @Test func exportNamesEveryCardAikenCannotHold() {
        let deck = DeckParser.parse("""
            Q: Бірнеше дұрыс?
            * a
            * b
            - c

            Q: Сұрақ?
            A: Жауап

            Q: Бір дұрыс
            * x
            - y
            """, file: "d.deck").deck
        let result = AikenExporter.write([deck])
        #expect(result.diagnostics.map(\.location.line) == [1, 6])
        #expect(result.diagnostics.map(\.code) == ["cannot-hold", "cannot-hold"])
        #expect(result.text == "Бір дұрыс\nA) x\nB) y\nANSWER: A\n")
    }
}
