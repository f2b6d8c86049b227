import Foundation
import Testing

@testable import DeckFormat

/// Every diagnostic of issue 11 names a fix that works: the place of the
/// real cause, and a fix that, applied to the file, leaves it clean. Each
/// case is a deck as an instructor wrote it; the test applies the fix the
/// parser suggests and parses the result again.
@Suite struct FixItTests {
    /// (what, deck text, expected "line:column code" of the first error,
    /// the fixed line as the fix should write it)
    @Test(arguments: [
        (
            "stray note after an id",
            "namespace: n\n\nQ: Тәуелсіздік қашан?\nA: 1991\nid: q1\nДұрыс жауабы: 1994\n\nQ: Келесі?\nA: Иә\n",
            "6:1 stray-line", "// Дұрыс жауабы: 1994"
        ),
        (
            "stray note after a blank line",
            "Q: Тәуелсіздік қашан?\nA: 1991\n\nДұрыс жауабы: 1994\n\nQ: Келесі?\nA: Иә\n",
            "4:1 stray-line", "// Дұрыс жауабы: 1994"
        ),
        (
            "stray note before the first card", "# Т\n\nБұл жинақ емтиханға арналған.\n\nQ: а?\nA: б\n",
            "3:1 unknown-line", "// Бұл жинақ емтиханға арналған."
        ),
        (
            "wrapped definition left unindented",
            "T: Режим\nD: Мемлекеттердің белгілі бір салада келісімге келіп,\nөздерінің іс-әрекеттерін реттейтін құралдар.\n",
            "3:1 unindented-text", "   өздерінің іс-әрекеттерін реттейтін құралдар."
        ),
        ("*1949 with no space", "Q: БҰҰ қашан?\n*1945\n- 1949\n", "2:1 option-without-space", "* 1945"),
        ("-1949 with no space", "Q: БҰҰ қашан?\n* 1945\n-1949\n", "3:1 option-without-space", "- 1949"),
        ("en-dash option", "Q: Неше?\n* үш\n– төрт\n", "3:1 dash-option", "- төрт"),
        ("em-dash option", "Q: Неше?\n* үш\n— төрт\n", "3:1 dash-option", "- төрт"),
        ("A with a space", "Q: Неше?\nA : үш\n", "2:1 malformed-marker", "A: үш"),
        (
            "a note indented under id:, as the old advice said",
            "namespace: n\n\nQ: Тәуелсіздік қашан?\nA: 1991\nid: q1\n   Дұрыс жауабы: 1994\n",
            "6:4 continuation-not-allowed", "// Дұрыс жауабы: 1994"
        ),
        ("a misspelt field", "Q: Неше?\nA: үш\ntag: сан\n", "3:1 unknown-field", "tags: сан"),
        ("a field in the wrong case", "Q: Неше?\nA: үш\nLevel: 2\n", "3:1 unknown-field", "level: 2"),
        ("Q with a semicolon", "Q; Неше?\nA: үш\n", "1:1 malformed-marker", "Q: Неше?"),
        ("T with space and semicolon", "T ; Режим\nD: Ережелер\n", "1:1 malformed-marker", "T: Режим"),
        (
            "unclosed gap before a second gap",
            "C: Кеңесте {15|он бес …, оның {5|бесеуі} Орталық Азияда.\n",
            "1:12 unclosed-gap", "C: Кеңесте {15|он бес} …, оның {5|бесеуі} Орталық Азияда."
        ),
        (
            "unclosed gap at the end", "C: Қазақстан БҰҰ-ға {1992 жылы мүше болды\n",
            "1:21 unclosed-gap", "C: Қазақстан БҰҰ-ға {1992 жылы мүше болды}"
        ),
        (
            "a gap opened twice: closing the first would leave it empty",
            "C: Қазақстан БҰҰ-ға {{1992} жылы кірді.\n",
            "1:21 unclosed-gap", "C: Қазақстан БҰҰ-ға {1992} жылы кірді."
        ),
        (
            "a gap that opens on a bracket", "C: БҰҰ {(1945) Сан-Францискода құрылды.\n",
            "1:8 unclosed-gap", "C: БҰҰ {(1945)} Сан-Францискода құрылды."
        ),
    ])
    func theSuggestedFixLeavesTheFileClean(what: String, text: String, expected: String, fixedLine: String) throws {
        let bytes = Array(text.utf8)
        let parsed = DeckParser.parse(bytes, file: "n.deck")
        let first = try #require(parsed.diagnostics.first { $0.severity == .error }, "\(what)")
        #expect("\(first.location.line):\(first.location.column) \(first.code)" == expected, "\(what)")
        let fix = try #require(first.fix, "\(what): no fix")
        let fixed = fix.apply(to: bytes)
        let fixedText = String(decoding: fixed, as: UTF8.self)
        #expect(fixedText.split(separator: "\n").contains { $0 == fixedLine }, "\(what): \(fixedText)")
        let again = DeckParser.parse(fixed, file: "n.deck")
        #expect(again.diagnostics.isEmpty, "\(what): \(again.diagnostics.map(\.messageEN))")
        // The fix loses no card: every card of the fixed file was meant.
        #expect(again.deck.cards.count == text.components(separatedBy: "\n").filter { $0.hasPrefix("Q") || $0.hasPrefix("T") || $0.hasPrefix("C") }.count)
    }

    /// A key point written before `A:` is not about `*` options; the fix
    /// moves the answer (with its continuation) above the key points.
    @Test func keyPointsBeforeTheAnswer() throws {
        let text = "Q: Неолиберализм неге сүйенеді?\n- институттар\n- режимдер\nA: Институттарға\n   және режимдерге.\nlevel: 2\n"
        let parsed = DeckParser.parse(text, file: "n.deck")
        #expect(parsed.diagnostics.map(\.code) == ["key-points-before-answer"])
        #expect(parsed.diagnostics.first?.location.line == 4)
        #expect(!parsed.diagnostics[0].messageEN.contains("*"))
        #expect(parsed.deck.cards.isEmpty)
        let fixed = try #require(parsed.diagnostics.first?.fix).apply(to: Array(text.utf8))
        #expect(
            String(decoding: fixed, as: UTF8.self)
                == "Q: Неолиберализм неге сүйенеді?\nA: Институттарға\n   және режимдерге.\n- институттар\n- режимдер\nlevel: 2\n")
        let again = DeckParser.parse(fixed, file: "n.deck")
        #expect(again.diagnostics.isEmpty)
        #expect(again.deck.cards.first?.kind == .open)
    }

    /// `Q;` was not a card start, so the next `A:` fell into the card
    /// above and gave a false mixed-kinds error.
    @Test func aMalformedQuestionStartsItsCard() {
        let parsed = DeckParser.parse("Q: Неше?\n* үш\n- төрт\n\nQ; Қашан?\nA: 1991\n", file: "n.deck")
        #expect(parsed.diagnostics.map(\.code) == ["malformed-marker"])
        #expect(parsed.deck.cards.map(\.prompt) == ["Неше?", "Қашан?"])
    }

    /// Cut-off cards are not loaded half-broken.
    @Test func cardsCutOffAreNotLoaded() {
        let wrapped = DeckParser.parse("T: Режим\nD: Мемлекеттердің\nкелісімі.\n", file: "n.deck")
        #expect(wrapped.deck.cards.isEmpty)
        let gap = DeckParser.parse("C: Кеңесте {15|он бес …, оның {5|бесеуі} Орталық Азияда.\n", file: "n.deck")
        #expect(gap.deck.cards.isEmpty)
        let open = DeckParser.parse("C: Барлығы {1992} және {1993 жыл\n", file: "n.deck")
        #expect(open.deck.cards.isEmpty)
    }

    @Test func editsKeepEveryOtherByte() {
        let text = "a\r\nb\r\nc"
        let fix = FixIt([.insertLine(after: 3, text: "d"), .replaceLine(1, with: "A"), .deleteLine(2)], kk: "", en: "")
        #expect(String(decoding: fix.apply(to: Array(text.utf8)), as: UTF8.self) == "A\r\nc\r\nd")
        let top = FixIt([.insertLine(after: 0, text: "x")], kk: "", en: "")
        #expect(top.apply(to: [0xEF, 0xBB, 0xBF] + Array("a\n".utf8)) == [0xEF, 0xBB, 0xBF] + Array("x\na\n".utf8))
    }
}
