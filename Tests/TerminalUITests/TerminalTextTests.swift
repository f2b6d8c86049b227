import CNcursesw
import Foundation
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

    /// An override left open reverses the rest of a line on a terminal
    /// that orders text: the bidirectional controls are not written, in
    /// the fast byte check and the scalar check alike.
    @Test func bidirectionalControlsAreReplaced() {
        for control in ["\u{202E}", "\u{202A}", "\u{2066}", "\u{2069}", "\u{200E}", "\u{200F}", "\u{061C}"] {
            let shown = TerminalText.visible("wrong " + control + "txet")
            #expect(shown == "wrong \u{FFFD}txet", "\(control.unicodeScalars.first!.value)")
            #expect(TerminalText.visible(Substring("a" + control)) == "a\u{FFFD}")
        }
        // Their neighbours in the same blocks are text.
        for text in ["a\u{2010}b", "a\u{2070}", "a\u{2030}", "a\u{0620}"] { #expect(TerminalText.visible(text) == text) }
    }

    /// A character the view lays out in one cell but the C library would
    /// give more columns (a flag, a skin tone, a soft hyphen joined to a
    /// letter, DEL) is sent as its first scalar, padded to the cell's
    /// width, so the rest of the row stays where the view put it.
    @Test func aCellIsSentInTheColumnsTheViewGaveIt() {
        setlocale(LC_CTYPE, "C.UTF-8")
        let flag: Character = "🇰🇿", thumbs: Character = "👍🏽", family: Character = "👩‍👩‍👧‍👦"
        for ch in [flag, thumbs, family] {
            let sent = NcursesBackend.cell(ch)
            let columns = sent.reduce(0) { $0 + Int(jatta_wcwidth(UInt32(bitPattern: $1))) }
            #expect(columns == DisplayWidth.of(ch), "\(ch): \(sent)")
        }
        #expect(NcursesBackend.cell("ы") == [wchar_t(0x44B)])
        #expect(NcursesBackend.cell("е\u{301}") == [wchar_t(0x435), wchar_t(0x301)])
        #expect(NcursesBackend.cell("漢") == [wchar_t(0x6F22)])
    }

    /// A row's cells are appended through a short way for printable ASCII
    /// (`NcursesBackend.append`): every character sends what the widths'
    /// comparison (`cell`) sends, ASCII, its controls and DEL, CR LF, and
    /// characters past it.
    @Test func theShortWayForASCIISendsWhatTheWidthsSend() {
        setlocale(LC_CTYPE, "C.UTF-8")
        var characters = (0..<128).map { Character(Unicode.Scalar(UInt8($0))) }
        characters += ["\r\n", "ы", "е\u{301}", "漢", "🇰🇿", "\u{85}", "\u{A0}", "\u{AD}"]
        for ch in characters {
            var text: [wchar_t] = [7]
            NcursesBackend.append(ch, to: &text)
            #expect(text == [7] + NcursesBackend.cell(ch), "U+\(String(ch.unicodeScalars.first!.value, radix: 16))")
        }
    }

    /// DEL, C1 and bidirectional controls do not join the cell before
    /// (where they reached the terminal: DEL as ^?, two columns); they
    /// take a cell of their own, shown as a space.
    @Test func controlsTakeACellOfTheirOwnAsASpace() {
        for control in ["\u{7F}", "\u{85}", "\u{202E}", "\u{00AD}"] {
            var screen = Screen(size: TerminalSize(width: 10, height: 1))
            let end = screen.put("ab" + control + "cd", row: 0, column: 0)
            let cells = (0..<10).compactMap { screen[0, $0].character }
            #expect(!cells.contains { $0.unicodeScalars.contains { TerminalText.needsReplacing($0) } }, "\(control)")
            if control == "\u{00AD}" {
                // A soft hyphen takes no column and is not drawn.
                #expect(String(cells).hasPrefix("abcd "))
                #expect(end == 4)
            } else {
                #expect(String(cells).hasPrefix("ab cd "), "\(control.unicodeScalars.first!.value)")
                #expect(end == 5)
            }
        }
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
