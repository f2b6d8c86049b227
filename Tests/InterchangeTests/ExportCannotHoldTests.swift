import DeckFormat
import Testing

@testable import Interchange

/// Cards a format would read back as other cards are left out with a
/// warning, not written silently wrong.
@Suite struct ExportCannotHoldTests {
    static func deck(_ text: String) -> Deck { DeckParser.parse(Array(("lang: en\n\n" + text).utf8), file: "x.deck").deck }

    /// `=yes -> no` reads as a matching question in Moodle and in jatta:
    /// the card came back as "Arrow?\nyes" / "no" with a new id.
    @Test func anAnswerWithAnArrowIsNotWrittenToGIFT() throws {
        let deck = Self.deck("Q: Arrow?\nA: yes -> no\n\nQ: Fine?\nA: yes\n\nC: A {x -> y} gap.\n\nQ: Which?\n* a -> b\n- c\n")
        let result = GIFTExporter.write([deck])
        #expect(result.diagnostics.map(\.code) == ["cannot-hold", "cannot-hold"])
        #expect(result.diagnostics.map(\.location.line) == [3, 9])
        #expect(result.written == 2)
        let back = GIFTImporter.read(Array(result.text.utf8), file: "x.gift", deckFile: "x.deck")
        #expect(back.deck.cards.map(\.prompt) == ["Fine?", "Which?"])
        #expect(!back.diagnostics.contains { $0.code == "matching-split" })
    }

    /// A question that begins `A) ` or `ANSWER:` is an option or the answer
    /// line to an Aiken reader: the file failed to import back.
    @Test func aQuestionThatReadsAsAikenSyntaxIsNotWritten() throws {
        let deck = Self.deck("Q: A) looks like an option?\n* x\n- y\n\nQ: ANSWER: B?\n* x\n- y\n\nQ: Normal?\n* x\n- y\n")
        let result = AikenExporter.write([deck])
        #expect(result.diagnostics.map(\.code) == ["cannot-hold", "cannot-hold"])
        #expect(result.written == 1)
        let back = AikenImporter.read(Array(result.text.utf8), file: "x.txt")
        #expect(!back.hasErrors)
        #expect(back.deck.cards.map(\.prompt) == ["Normal?"])
    }
}
