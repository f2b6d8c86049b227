import DeckFormat
import Interchange
import Testing

/// Broken and hostile GIFT: every problem is an error at its line and
/// column, the questions around it still load, and a huge line costs
/// linear time.
@Suite struct GIFTErrorTests {
    static func read(_ text: String) -> ImportResult {
        GIFTImporter.read(Array(text.utf8), file: "t.gift")
    }

    @Test func unclosedAnswerBlockIsAnErrorAtItsBrace() {
        let result = Self.read("Бірінші {=a}\n\nЕкінші сұрақ {=b ~c\n\nҮшінші {=d}")
        #expect(result.diagnostics.map(\.code) == ["unclosed-answer-block"])
        #expect(result.diagnostics.first?.location == SourceLocation(file: "t.gift", line: 3, column: 14))
        #expect(result.diagnostics.first?.severity == .error)
        #expect(result.deck.cards.count == 2)
    }

    @Test func braceInsideAnswersAndASecondBlockAreErrors() {
        let inner = Self.read("Q {=a {b}")
        #expect(inner.diagnostics.map(\.code) == ["brace-in-answer-block"])
        #expect(inner.diagnostics.first?.location.column == 7)
        let second = Self.read("Q {=a} and {=b}")
        #expect(second.diagnostics.map(\.code) == ["second-answer-block"])
        #expect(second.diagnostics.first?.location.column == 12)
        // A `}` in the text is its own error: it was called "another '{'
        // inside the answer block", with the caret on the `}`.
        let stray = Self.read("Q } {=a}")
        #expect(stray.diagnostics.map(\.code) == ["brace-in-text"])
        #expect(stray.diagnostics.first?.location.column == 3)
        #expect(stray.diagnostics.first?.messageEN.hasPrefix("a '}' in the question text") == true)
    }

    @Test func anEmptyAnswerIsAnErrorAtItsMarker() {
        let result = Self.read("Q {=a ~}")
        #expect(result.diagnostics.map(\.code) == ["empty-answer"])
        #expect(result.diagnostics.first?.location.column == 7)
        #expect(Self.read("Q {=a =#feedback}").diagnostics.map(\.code) == ["empty-answer"])
    }

    @Test func columnsCountCharactersNotBytes() {
        let result = Self.read("Әлем {=a")
        #expect(result.diagnostics.first?.location.column == 6)
    }

    @Test func malformedCreditAndNumberAreErrors() {
        #expect(Self.read("Q {~%abc%a =b}").diagnostics.map(\.code) == ["bad-weight"])
        #expect(Self.read("Q {~%50a =b}").diagnostics.map(\.code) == ["bad-weight"])
        #expect(Self.read("Q {#abc}").diagnostics.map(\.code) == ["bad-number"])
        #expect(Self.read("::title Q {=a}").diagnostics.map(\.code) == ["unclosed-title"])
    }

    @Test func messagesComeInBothLanguages() {
        let d = Self.read("Q {=a").diagnostics[0]
        #expect(d.messageEN.contains("not closed"))
        #expect(d.messageKK.contains("жабылмаған"))
    }

    /// An 8 MB line with an unclosed brace at its start: one error, found in
    /// one pass (a quadratic scan would not finish; the 100 MB line is timed
    /// on the release build in scripts/tests/interchange.sh).
    @Test func hugeLineIsOneClearError() {
        var bytes = Array("Сұрақ {".utf8)
        bytes.append(contentsOf: repeatElement(UInt8(ascii: "a"), count: 8_000_000))
        let result = GIFTImporter.read(bytes, file: "huge.gift")
        #expect(result.diagnostics.map(\.code) == ["unclosed-answer-block"])
        #expect(result.diagnostics.first?.location.column == 7)
        #expect(result.deck.cards.isEmpty)
    }

    @Test func manyBrokenQuestionsAreCappedInTheReport() {
        let text = Array(repeating: "Q {=a", count: 700).joined(separator: "\n\n")
        let result = Self.read(text)
        #expect(result.diagnostics.count == 501)
        #expect(result.diagnostics.last?.code == "too-many-diagnostics")
    }
}

/// Text quoted from a file into a message cannot drive the terminal.
@Suite struct QuotedInputTests {
    @Test func controlCharactersInQuotedInputAreShownAsReplacement() {
        let messages = [
            GIFTImporter.read(Array("Q {#1\u{1B}[2J}".utf8), file: "t.gift").diagnostics,
            GIFTImporter.read(Array("Q {~%5\u{1B}%a =b}".utf8), file: "t.gift").diagnostics,
            AikenImporter.read(Array("Q\nA) a\nB) b\nANSWER: \u{1B}]0;x\u{7}\n".utf8), file: "a.txt").diagnostics,
        ].flatMap { $0 }
        #expect(messages.count == 3)
        for d in messages {
            #expect(!d.messageEN.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 }, "\(d.code)")
            #expect(!d.messageKK.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 }, "\(d.code)")
        }
    }
}
