import Testing

@testable import TerminalUI

/// The one rule for outside text on its way to a terminal.
@Suite struct TerminalTextTests {
    @Test func escapeSequencesBecomeVisibleAndHarmless() {
        let deck = "Title\u{1B}]0;pwned\u{07} \u{1B}[2J \u{1B}]52;c;ZXZpbA==\u{07} \u{9B}31m \r\u{7F}"
        let shown = TerminalText.visible(deck)
        #expect(shown == "Title␛]0;pwned␇ ␛[2J ␛]52;c;ZXZpbA==␇ \u{FFFD}31m ␍␡")
        #expect(!shown.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
    }

    @Test func tabsStayAndLineBreaksStayOnlyWhereAsked() {
        #expect(TerminalText.visible("a\tb\nc") == "a\tb\nc")
        #expect(TerminalText.visible("a\tb\nc", keepingLineBreaks: false) == "a\tb␊c")
    }

    @Test func kazakhTextIsUntouched() {
        let text = "Қазақстан БҰҰ-ға 1992 жылы мүше болды. «Режим» — ӘӨҮҰҚҒҢҺІ 中文 😀"
        #expect(TerminalText.visible(text) == text)
    }
}

/// Wrapping a word longer than the line cuts it by columns once per line;
/// the rest is not measured again (100,000 characters took 5.9 s a key).
@Suite struct LongWordWrapTests {
    @Test func aLongUnbrokenWordWrapsIntoFullLines() {
        let word = String(repeating: "әб", count: 50_000)
        let lines = TextWrap.lines("Сөз: " + word + " соңы", width: 80)
        #expect(lines.first == "Сөз:")
        #expect(lines.dropFirst().dropLast().allSatisfy { DisplayWidth.of($0) == 80 })
        #expect(lines.dropFirst().dropLast().joined() == word)
        #expect(lines.last == "соңы")
        #expect(lines.count == 1 + 100_000 / 80 + 1)
    }

    @Test func wideCharactersAreCutWithoutSplittingACell() {
        let lines = TextWrap.lines(String(repeating: "中", count: 1_001), width: 7)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 7 })
        #expect(lines.joined() == String(repeating: "中", count: 1_001))
    }
}
