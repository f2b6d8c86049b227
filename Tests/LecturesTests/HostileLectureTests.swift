import Testing

@testable import Lectures

/// Lecture files that are hostile or broken (issue 19): control characters
/// from entities, markup that never closes, lines of megabytes.
@Suite("Hostile lecture files")
struct HostileLectureTests {
    @Test("`&#0;` and `&#27;` give no NUL or ESC in the text; the log says they were dropped")
    func controlEntities() {
        let (lines, repairs) = HTMLText.lines(from: "<p>Режим&#0; – ереже&#27;[31m жиынтығы&#x1b;.</p>", file: "f.html")
        #expect(lines.map(\.text) == ["Режим – ереже[31m жиынтығы."])
        #expect(repairs.first?.reason.contains("control characters dropped: &#0; ×1, &#27; ×1, &#x1b; ×1") == true)
    }

    @Test("control characters in plain text are dropped, tabs become spaces")
    func controlBytes() {
        #expect(TextDecoding.lines(of: "a\u{1B}[2Jb\tc\u{7F}d\u{85}e").map(\.text) == ["a[2Jb cd e"])
    }

    @Test("a `<` with no `>` after it is text, and the text after it is kept")
    func unclosedTag() {
        let (lines, _) = HTMLText.lines(from: "<p>a < b</p><p>c <!-- never closed", file: "f.html")
        #expect(lines.map(\.text) == ["a < b", "c <!-- never closed"])
    }

    @Test("the text's line numbers survive the byte-wise reading, a no-break space line included")
    func lineNumbers() {
        let (lines, _) = HTMLText.lines(from: "<p>\u{A0}</p>\n<p>\u{A0}\nӘлем</p>\n<!-- x\n -->\n<p>Қазақ &amp; тілі</p>", file: "f.html")
        #expect(lines.map(\.text) == ["Әлем", "Қазақ & тілі"])
        #expect(lines.map(\.number) == [3, 6])
    }

    @Test("an overlong line is cut at sentence ends into pieces no longer than the limit, losing nothing")
    func longLine() {
        let sentence = "Халықаралық қатынастар жүйесі өзгеруде. "
        let text = String(repeating: sentence, count: 1_000)
        let (pieces, repairs) = LongLineRepair.repair(SourceLine(number: 7, text: text), file: "f")
        #expect(pieces.count > 1)
        #expect(pieces.allSatisfy { $0.text.unicodeScalars.count <= LongLineRepair.limit && $0.number == 7 })
        #expect(pieces.dropLast().allSatisfy { $0.text.hasSuffix(". ") })
        #expect(pieces.map(\.text).joined() == text)
        #expect(repairs.count == 1)
        // No spaces at all: still cut, still whole.
        let word = String(repeating: "ә", count: 20_000)
        let (cut, _) = LongLineRepair.repair(SourceLine(number: 1, text: word), file: "f")
        #expect(cut.map(\.text).joined() == word)
        #expect(cut.allSatisfy { $0.text.unicodeScalars.count <= LongLineRepair.limit })
    }
}
