import Testing

@testable import TerminalUI

@Suite struct DisplayWidthTests {
    static let cases: [(String, Int)] = [
        ("a", 1), ("ә", 1), ("Қ", 1), ("һ", 1), ("中", 2), ("한", 2), ("😀", 2), ("\u{0301}", 0), ("\u{200B}", 0),
        ("\u{00AD}", 0), ("\t", 0),
    ]

    @Test(arguments: cases)
    func scalarWidths(_ text: String, _ width: Int) {
        #expect(DisplayWidth.of(text.unicodeScalars.first!) == width)
    }

    @Test func graphemeClustersTakeTheirBaseWidth() {
        #expect(DisplayWidth.of(Character("е\u{0301}")) == 1)
        #expect(DisplayWidth.of(Character("❤\u{FE0F}")) == 2)
        #expect(DisplayWidth.of("Қазақстан") == 9)
        #expect(DisplayWidth.of("中文abc") == 7)
    }
}

@Suite struct TextWrapTests {
    @Test func wrapsAtSpacesWithinTheWidth() {
        let lines = TextWrap.lines("Мемлекеттердің белгілі бір салада келісімге келуі", width: 20)
        #expect(lines == ["Мемлекеттердің", "белгілі бір салада", "келісімге келуі"])
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 20 })
    }

    @Test func keepsLineBreaksAndEmptyLines() {
        #expect(TextWrap.lines("бір\n\nекі", width: 10) == ["бір", "", "екі"])
    }

    @Test func theDeckAuthorsWrappingIsReflowedToTheScreen() {
        // A deck wrapped at its editor's width: at 40 columns the kept break
        // left "құбыр" alone on a line.
        let deckText = "Энергетика саласындағы ынтымақтастықтың мысалы ретінде […] құбыр\nжүйесі аталады."
        #expect(TextWrap.lines(deckText, width: 40) == [
            "Энергетика саласындағы ынтымақтастықтың",
            "мысалы ретінде […] құбыр жүйесі аталады.",
        ])
        #expect(TextWrap.lines(deckText, width: 39) == [
            "Энергетика саласындағы ынтымақтастықтың",
            "мысалы ретінде […] құбыр жүйесі",
            "аталады.",
        ])
        #expect(TextWrap.lines(deckText, width: 100) == [deckText.replacingOccurrences(of: "\n", with: " ")])
    }

    @Test func breaksTheAuthorMeantStay() {
        // Paragraphs, list items, a sentence per line.
        #expect(TextWrap.reflowed("Кіріспе\n\nНегізгі бөлім") == "Кіріспе\n\nНегізгі бөлім")
        #expect(TextWrap.reflowed("Үш түрі:\n- бірінші\n- екінші") == "Үш түрі:\n- бірінші\n- екінші")
        #expect(TextWrap.reflowed("Кезеңдер\n1. 1991 жыл\n2) 1992 жыл") == "Кезеңдер\n1. 1991 жыл\n2) 1992 жыл")
        #expect(TextWrap.reflowed("• бір\n• екі") == "• бір\n• екі")
        #expect(TextWrap.reflowed("Реализм күшке сүйенеді.\nЛиберализм институттарға сүйенеді.")
            == "Реализм күшке сүйенеді.\nЛиберализм институттарға сүйенеді.")
    }

    @Test func breaksInsideASentenceBecomeSpaces() {
        // A spaced dash, a year or a lower-case word opening a line go on
        // with the sentence (as in decks/002-alternative-concepts.deck).
        #expect(TextWrap.reflowed("мемлекет ішіндегі факторлар\n– басшылардың қабылдауы")
            == "мемлекет ішіндегі факторлар – басшылардың қабылдауы")
        #expect(TextWrap.reflowed("БҰҰ-ға\n1992 жылы кірді") == "БҰҰ-ға 1992 жылы кірді")
        #expect(TextWrap.reflowed("саяси, экономикалық,\nәскери байланыстар") == "саяси, экономикалық, әскери байланыстар")
        #expect(TextWrap.reflowed("т.б.\nсалалар") == "т.б. салалар")
        #expect(TextWrap.reflowed("Г. Роуз,\nФ. Закария") == "Г. Роуз, Ф. Закария")
    }

    @Test func cutsWordsLongerThanTheLine() {
        #expect(TextWrap.lines("абвгдежзиклм", width: 5) == ["абвгд", "ежзик", "лм"])
    }

    @Test func countsWideCharactersAsTwoColumns() {
        let lines = TextWrap.lines("中文中文中文", width: 5)
        #expect(lines == ["中文", "中文", "中文"])
    }

    @Test func truncatesWithAnEllipsis() {
        #expect(TextWrap.truncate("Халықаралық", width: 6) == "Халық…")
        #expect(TextWrap.truncate("Халық", width: 6) == "Халық")
    }
}

@Suite struct ScreenTests {
    @Test func putClipsAtTheRightEdgeAndReturnsTheNextColumn() {
        var screen = Screen(size: TerminalSize(width: 6, height: 2))
        #expect(screen.put("әіңғүұқ", row: 0, column: 1) == 6)
        #expect(screen.text == " әіңғү")
    }

    @Test func wideCharactersTakeTwoCellsAndNeverHangOverTheEdge() {
        var screen = Screen(size: TerminalSize(width: 5, height: 1))
        let end = screen.put("a中文", row: 0, column: 0)
        #expect(end == 5)
        #expect(screen[0, 1].character == "中")
        #expect(screen[0, 2].character == nil)
        var edge = Screen(size: TerminalSize(width: 4, height: 1))
        #expect(edge.put("ab中文", row: 0, column: 0) == 4)
        #expect(edge.text == "ab中")
    }

    @Test func rowsOutsideTheScreenAreIgnored() {
        var screen = Screen(size: TerminalSize(width: 3, height: 1))
        screen.put("x", row: 5, column: 0)
        screen.put("y", row: -1, column: 0)
        #expect(screen.text == "")
    }

    @Test func changedRowsFindsOnlyWhatDiffers() {
        var a = Screen(size: TerminalSize(width: 4, height: 3))
        a.put("ab", row: 0, column: 0)
        var b = a
        b.put("c", row: 2, column: 1)
        #expect(b.changedRows(since: a) == [2])
        #expect(b.changedRows(since: nil) == [0, 1, 2])
        #expect(Screen(size: TerminalSize(width: 5, height: 3)).changedRows(since: a) == [0, 1, 2])
    }
}
