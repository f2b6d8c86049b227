import DeckFormat
import FSRS
import Foundation
import Study
import Testing

@testable import TerminalUI

/// Screens rendered to text and compared with what a student should see.
@Suite struct ViewTests {
    let deck = ViewFixtures.deck(
        """
        # Сынақ

        Q: Астанасы?
        A: Астана
        """)

    @Test func homeListsDecksWithCounts() {
        let other = ViewFixtures.deck("# Екінші\n\nT: Режим\nD: Нормалар\nlevel: 2\n", file: "decks/b.deck")
        let text = ViewFixtures.render(ViewFixtures.state([deck, other]), 40, 10)
        // 40 columns: the count columns are 5, 7 and 9 wide (header + 1),
        // the name column takes the rest (40 − 21 − 5 = 14) from column 3.
        let expected = [
            " jatta — жатта",
            "",
            "   Десте           Жаңа Үйрену Қайталау",
            " › Барлық десте       3      0        0",
            "   Сынақ              1      0        0",
            "   Екінші             2      0        0",
            "  Жаңа, Үйрену, Қайталау — беттер (те…",
            "  Деңгей: барлығы · Тег: барлығы · бү…",
            "",
            " ↑↓ десте · Enter оқу · ? көмек",
        ].joined(separator: "\n")
        #expect(text == expected)
    }

    /// At 80 columns the home screen's hints name every screen of issue 15
    /// in both languages: stats, search, custom study and the exam date
    /// (the Kazakh line was one column too long and dropped `x емтихан`).
    @Test func homeHintsAt80ColumnsNameTheExamKeyInBothLanguages() {
        let state = ViewFixtures.state([deck])
        for (strings, items) in [
            (Strings.kazakh, ["s статистика", "/ іздеу", "c таңдау", "x емтихан", "? көмек"]),
            (Strings.english, ["s stats", "/ search", "c custom", "x exam", "? help"]),
        ] {
            let last = ViewFixtures.render(state, 80, 24, strings).split(separator: "\n").last.map(String.init) ?? ""
            for item in items { #expect(last.contains(item), "\(item) missing from «\(last)»") }
        }
    }

    @Test func homeShowsLevelsWhenWide() {
        let text = ViewFixtures.render(ViewFixtures.state([deck]), 70, 10, .english)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[2].hasSuffix("New Learn  Due    1    2    3"))
        // The level columns are named: "Level" centred over "1    2    3".
        #expect(lines[1].hasSuffix("Level"))
        let digits = lines[2].count - "1    2    3".count
        #expect(lines[1].count - "Level".count == digits + 3)
        // Columns 5, 6, 5, 5, 5, 5 wide, numbers right-aligned.
        #expect(lines[3].hasSuffix("    1     0    0    1    0    0"))
    }

    /// The New column counts faces (a term is two) while the level columns
    /// count cards; the screen says so, and says how many of the new faces
    /// today's limit lets in, for the row that is selected.
    @Test func homeExplainsFacesAndTodaysNewAllowance() {
        let other = ViewFixtures.deck("# Екінші\n\nT: Режим\nD: Нормалар\nlevel: 2\n", file: "decks/b.deck")
        var state = ViewFixtures.state([deck, other])
        state.limits.newPerDay = 2
        let lines = ViewFixtures.render(state, 110, 10, .english).split(separator: "\n", omittingEmptySubsequences: false)
        // Екінші: one card of level 2, two new faces.
        #expect(lines[5].hasSuffix("2     0    0    0    1    0"))
        #expect(lines[6] == "  New, Learn, Due count faces (a term has 2); Level counts cards")
        // Whole at 80 columns, in both languages (it was cut there).
        for note in [Strings.english.countsNote, Strings.kazakh.countsNote] {
            #expect(DisplayWidth.of(note) <= 76, "\(note)")
        }
        #expect(lines[7] == "  Level: any · Tag: any · today: 2 of 3 new")

        state.home.selection = 2
        #expect(ViewFixtures.render(state, 110, 10, .english).contains("today: 2 of 2 new"))

        state.home.selection = 0
        state.catalog.progress.newStudiedToday = 1
        #expect(ViewFixtures.render(state, 110, 10, .english).contains("today: 1 of 3 new"))
        state.catalog.progress.newStudiedToday = 5
        #expect(ViewFixtures.render(state, 110, 10, .english).contains("today: 0 of 3 new"))
    }

    @Test func homeWithoutDecksSaysHowToNameThem() {
        let text = ViewFixtures.render(ViewFixtures.state([]), 60, 10, .english)
        #expect(text.contains("No decks found. Put decks in ./decks or name them:"))
        #expect(text.contains("jatta study FOLDER"))
    }

    @Test func questionThenAnswerWithIntervalsOnTheButtons() throws {
        let s0 = ViewFixtures.run(ViewFixtures.state([deck]), [.start])
        let question = ViewFixtures.render(s0, 80, 12)
        // The right side of the bar ends one column before the edge.
        let bar = " Сынақ" + String(repeating: " ", count: 80 - 1 - 16 - 6) + "0 өтті · 1 қалды"
        let expected = [bar, "", "  Сұрақ · Деңгей 1", "", "  Астанасы?"] + Array(repeating: "", count: 6)
            + [" Space жауабы · u қайтару · b тығу · ! кідірту · e өңдеу · ? көмек · q аяқтау"]
        #expect(question == expected.joined(separator: "\n"))
        let s1 = ViewFixtures.run(s0, [.reveal])
        let attempt = try #require(s1.session?.current)
        // The intervals come from the scheduler's preview: steps of 1 and 10
        // minutes for a new card, and Easy graduating it to whole days.
        let easyDays = Int((attempt.previews[.easy]!.due.timeIntervalSince(ViewFixtures.now) / 86_400).rounded())
        let answer = ViewFixtures.render(s1, 80, 12)
        let lines = answer.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[5] == "  ────────────────────────────────────────")
        #expect(lines[6] == "  Жауап:")
        #expect(lines[7] == "  Астана")
        #expect(lines[10] == "  1 Қайтадан 1 мин    2 Қиын 6 мин    3 Жақсы 10 мин    4 Оңай \(easyDays) күн")
        #expect(lines[11].hasPrefix(" 1–4 баға · u қайтару"))

        let english = ViewFixtures.render(s1, 80, 12, .english).split(separator: "\n").map(String.init)
        #expect(english.contains("  1 Again 1m    2 Hard 6m    3 Good 10m    4 Easy \(easyDays)d"))
    }

    @Test func theSelectedButtonIsHighlighted() {
        let s = ViewFixtures.run(ViewFixtures.state([deck]), [.start, .reveal, .moveRating(1)])
        let screen = TrainerView.view(s, size: TerminalSize(width: 80, height: 12), strings: .english)
        let row = 10
        let easyColumn = (0..<80).first { screen[row, $0].character == "4" }!
        #expect(screen[row, easyColumn].style.contains(.reverse))
        let goodColumn = (0..<80).first { screen[row, $0].character == "3" }!
        #expect(!screen[row, goodColumn].style.contains(.reverse))
    }

    @Test func buttonsTakeTwoRowsOnANarrowTerminal() {
        let s = ViewFixtures.run(ViewFixtures.state([deck]), [.start, .reveal])
        let lines = ViewFixtures.render(s, 40, 12).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[9] == "  1 Қайтадан 1 мин    2 Қиын 6 мин")
        #expect(lines[10].hasPrefix("  3 Жақсы 10 мин    4 Оңай "))
    }

    @Test func typedAnswerShowsTheCursorAndThenTheVerdict() throws {
        let cloze = ViewFixtures.deck("C: Қазақстан БҰҰ-ға {1992} жылы мүше болды.\n")
        let s0 = ViewFixtures.run(ViewFixtures.state([cloze]), [.start, .type("1"), .type("9")])
        let screen = TrainerView.view(s0, size: TerminalSize(width: 60, height: 12), strings: .kazakh)
        let lines = screen.text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[2] == "  Бос орынды толтырыңыз · Деңгей 1")
        #expect(lines[4] == "  Қазақстан БҰҰ-ға […] жылы мүше болды.")
        #expect(lines[6] == "  Жауабыңыз: 19")
        let cursor = try #require(screen.cursor)
        #expect(cursor.row == 6)
        #expect(cursor.column == 2 + DisplayWidth.of("Жауабыңыз: 19"))

        let s1 = ViewFixtures.run(s0, [.type("9"), .type("1"), .reveal])
        let revealed = ViewFixtures.render(s1, 60, 20)
        #expect(revealed.contains("«1992»"))
        #expect(!revealed.contains("Қате — Қате"))
        #expect(revealed.contains("  Қазақстан БҰҰ-ға 1992 жылы мүше болды."))
    }

    @Test func choiceMarksTheRightAndWrongPicks() throws {
        let choice = ViewFixtures.deck("Q: Соңғы саты?\n* Империализм\n- Гегемония\n")
        let s0 = ViewFixtures.run(ViewFixtures.state([choice]), [.start])
        let options = try #require(s0.session?.current?.options)
        let wrong = try #require(options.firstIndex { !$0.isCorrect })
        let before = ViewFixtures.render(s0, 50, 12)
        // Numbered as the quiz numbers its options ("1. ( )").
        #expect(before.contains("› 1. ( ) \(options[0].text)"))
        #expect(before.contains("  2. ( ) \(options[1].text)"))
        let s1 = ViewFixtures.run(s0, [.pickOption(wrong + 1)])
        let after = ViewFixtures.render(s1, 50, 16)
        #expect(after.contains("✗ (•) Гегемония"))
        #expect(after.contains("✓ ( ) Империализм"))
        #expect(after.contains("Қате"))
    }

    @Test func aClozeWithSeveralGapsSaysHowToSeparateThem() {
        let two = ViewFixtures.deck("C: БҰҰ-ға {1992} жылы, ЕҚЫҰ-ға {1992} жылы кірді.\n")
        let typing = ViewFixtures.run(ViewFixtures.state([two]), [.start])
        #expect(ViewFixtures.render(typing, 80, 16).contains("  Бос орындардың жауаптарын «;» арқылы жазыңыз.\n  Жауабыңыз:"))
        #expect(ViewFixtures.render(typing, 80, 16, .english).contains("Separate the answers of the gaps with “;”."))
        // One gap needs no separator; once checked, the hint gives way to the verdict.
        let one = ViewFixtures.deck("C: Қазақстан БҰҰ-ға {1992} жылы мүше болды.\n")
        #expect(!ViewFixtures.render(ViewFixtures.run(ViewFixtures.state([one]), [.start]), 80, 16).contains("«;»"))
        #expect(!ViewFixtures.render(ViewFixtures.run(typing, [.reveal]), 80, 16).contains("«;»"))
    }

    @Test func narrowHintsDropWholeItemsButKeepHelp() {
        let open = ViewFixtures.deck("Q: Айырмашылығы?\nA: Институттар.\n- бірінші ой\nlevel: 2\n")
        let s = ViewFixtures.run(ViewFixtures.state([open]), [.start, .reveal])
        // The key-point hints are wider than 80 columns in Kazakh.
        let wide = ViewFixtures.render(s, 80, 16).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(wide.last == " ↑↓ Space белгілеу · 1–4 баға · u қайтару · b тығу · ! кідірту · ? көмек")
        let home = ViewFixtures.render(ViewFixtures.state([open]), 40, 10, .english)
        #expect(home.split(separator: "\n", omittingEmptySubsequences: false).last == " ↑↓ select · Enter study · ? help")
    }

    @Test func theHelpSaysHowToCloseIt() {
        let cloze = ViewFixtures.deck("C: Қазақстан БҰҰ-ға {1992} жылы мүше болды.\n")
        let s = ViewFixtures.run(ViewFixtures.state([cloze]), [.start, .toggleHelp])
        let lines = ViewFixtures.render(s, 80, 24).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.last == " Esc, q, ? жабу · F10 шығу")
        let closed = ViewFixtures.run(s, [KeyMap.action(for: .character("q"), in: KeyContext(s))].compactMap { $0 })
        #expect(!closed.showsHelp)
        #expect(closed.session != nil)
    }

    @Test func keyPointsAreTickedOnScreen() {
        let open = ViewFixtures.deck("Q: Айырмашылығы?\nA: Институттар.\n- бірінші ой\n- екінші ой\nlevel: 2\n")
        let s = ViewFixtures.run(ViewFixtures.state([open]), [.start, .reveal, .toggleKeyPoint(2)])
        let text = ViewFixtures.render(s, 60, 16)
        #expect(text.contains("  Үлгі жауап:\n  Институттар."))
        // The checklist comes before the model answer.
        #expect(text.contains("  Негізгі ойлар (қамтығандарыңызды белгілеңіз):\n    [ ] бірінші ой\n  › [x] екінші ой\n\n  Үлгі жауап:"))
    }

    @Test func theHighlightedKeyPointIsAlwaysInSight() throws {
        let points = (1...12).map { "- ой \($0)" }.joined(separator: "\n")
        let long = (1...40).map { "сөз\($0)" }.joined(separator: " ")
        let open = ViewFixtures.deck("Q: \(long)\nA: Үлгі.\n\(points)\nlevel: 2\n")
        let s = ViewFixtures.run(ViewFixtures.state([open]), [.start, .reveal] + Array(repeating: .moveCursor(1), count: 11))
        let text = ViewFixtures.render(s, 40, 12)
        #expect(text.contains("› [ ] ой 12"))
    }

    @Test func longTextsWrapAndScroll() {
        let words = (1...60).map { "сөз\($0)" }.joined(separator: " ")
        let long = ViewFixtures.deck("Q: \(words)\nA: жауап\n")
        let s0 = ViewFixtures.run(ViewFixtures.state([long]), [.start])
        let first = ViewFixtures.render(s0, 40, 10)
        #expect(first.contains("↓ PgDn — әрі қарай"))
        #expect(first.split(separator: "\n").allSatisfy { DisplayWidth.of($0) <= 40 })
        #expect(!first.contains("сөз60"))
        let s1 = ViewFixtures.run(s0, [.scroll(5)])
        let last = ViewFixtures.render(s1, 40, 10)
        #expect(last.contains("сөз60"))
        #expect(!last.contains("әрі қарай"))
        #expect(last.contains("↑ PgUp"))
        // Back up past the top stops at the top.
        #expect(ViewFixtures.render(ViewFixtures.run(s1, [.scroll(-9)]), 40, 10) == first)
    }

    @Test func aLongCardOpensOnTheRevealedAnswer() {
        let words = (1...60).map { "сөз\($0)" }.joined(separator: " ")
        let long = ViewFixtures.deck("Q: \(words)\nA: жауап\n")
        let s = ViewFixtures.run(ViewFixtures.state([long]), [.start, .reveal])
        let text = ViewFixtures.render(s, 40, 16)
        #expect(text.contains("Жауап:\n  жауап"))
        #expect(!text.contains("сөз1 "))
        #expect(ViewFixtures.render(ViewFixtures.run(s, [.scroll(-1)]), 40, 16).contains("сөз1 "))
    }

    @Test func theTypedAnswerStaysInSightUnderALongPrompt() throws {
        let words = (1...80).map { "сөз\($0)" }.joined(separator: " ")
        let cloze = ViewFixtures.deck("C: \(words) {жауап}\n")
        let s = ViewFixtures.run(ViewFixtures.state([cloze]), [.start, .type("ж")])
        let screen = TrainerView.view(s, size: TerminalSize(width: 40, height: 10), strings: .kazakh)
        let cursor = try #require(screen.cursor)
        #expect(screen.rowText(cursor.row) == "  Жауабыңыз: ж")
    }

    @Test func tooSmallTerminalSaysSo() {
        let s = ViewFixtures.run(ViewFixtures.state([deck]), [.start])
        #expect(ViewFixtures.render(s, 39, 20).contains("Терминал тым кішкентай"))
        #expect(ViewFixtures.render(s, 80, 9, .english).contains("Terminal too small (need 40×10)"))
        #expect(TrainerView.view(s, size: TerminalSize(width: 0, height: 0), strings: .kazakh).text == "")
    }

    @Test func helpOverlayListsTheKeysAndTheKazakhLayout() {
        let s = ViewFixtures.run(ViewFixtures.state([deck]), [.toggleHelp])
        let text = ViewFixtures.render(s, 80, 24)
        #expect(text.contains("┌ Пернелер "))
        #expect(text.contains("\" ә і ң = 1 2 3 4"))
        // The key column stays aligned.
        #expect(text.contains("│ 1 2 3 4          Қайтадан · Қиын · Жақсы · Оңай"))
        // On a narrow terminal the box wraps its lines instead of spilling.
        let narrow = ViewFixtures.render(s, 40, 24)
        #expect(narrow.split(separator: "\n").allSatisfy { DisplayWidth.of($0) <= 40 })
        #expect(text.split(separator: "\n").allSatisfy { DisplayWidth.of($0) <= 80 })
    }

    @Test func aShortTerminalPagesTheHelp() {
        let open = ViewFixtures.run(ViewFixtures.state([deck]), [.start, .toggleHelp])
        // 40×10: a box of 8 rows shows 6 lines at a time; the wrapped help
        // needs several pages, and the border says which one is shown and
        // which ways there is more.
        let first = ViewFixtures.render(open, 40, 10)
        let pages = SmallScreen.helpPages(size: TerminalSize(width: 40, height: 10), strings: .kazakh)
        #expect(pages > 1)
        #expect(first.contains(" ↓ 1/\(pages) "))
        #expect(!first.contains("q, Esc"))
        var seen = first
        var s = open
        for page in 2...pages {
            s = ViewFixtures.run(s, [KeyMap.action(for: .pageDown, in: KeyContext(s))].compactMap { $0 })
            let text = ViewFixtures.render(s, 40, 10)
            #expect(text.contains(page == pages ? " ↑ \(page)/\(pages) " : " ↑↓ \(page)/\(pages) "))
            seen += text
        }
        // Every line of the help is on some page, the last one included.
        #expect(seen.contains("q, Esc"))
        #expect(seen.contains("\" ә і ң = 1 2 3 4"))
        // ↓ on the last page stays there; ↑ on the first stays there.
        let last = ViewFixtures.render(s, 40, 10)
        #expect(ViewFixtures.render(ViewFixtures.run(s, [.scroll(1)]), 40, 10) == last)
        #expect(ViewFixtures.render(ViewFixtures.run(open, [.scroll(-1)]), 40, 10) == first)
        // ↑ from the last page goes back one page.
        let back = ViewFixtures.render(ViewFixtures.run(s, [.scroll(-1)]), 40, 10)
        #expect(back.contains(" \(pages - 1)/\(pages) "))
        // A terminal tall enough shows it whole, without a page marker.
        #expect(!ViewFixtures.render(open, 80, 24).contains("1/"))
        // Closing and opening again starts from the first page.
        let reopened = ViewFixtures.run(s, [.scroll(1), .toggleHelp, .toggleHelp])
        #expect(ViewFixtures.render(reopened, 40, 10) == first)
    }

    /// At 40 columns a help line too wide keeps its key column: its
    /// description wraps under itself (wrapped whole, "u, F2 undo…" stood
    /// beside "!, F4            suspend").
    @Test func narrowHelpKeepsTheKeyColumn() {
        for line in Strings.english.helpLines + Strings.kazakh.helpLines where line.count > HelpOverlay.keyColumn {
            let wrapped = HelpOverlay.wrapped(line, width: 34)
            #expect(wrapped.allSatisfy { DisplayWidth.of($0) <= 34 }, "\(wrapped)")
            let keys = String(line.prefix(HelpOverlay.keyColumn))
            if DisplayWidth.of(line) > 34, keys.hasSuffix(" ") {
                #expect(wrapped[0].hasPrefix(keys), "\(wrapped)")
                #expect(wrapped.dropFirst().allSatisfy { $0.hasPrefix(String(repeating: " ", count: HelpOverlay.keyColumn)) }, "\(wrapped)")
            }
        }
    }

    @Test func belowTheMinimumSizeOnlyLeavingActs() {
        let s = ViewFixtures.run(ViewFixtures.state([deck]), [.start])
        let tiny = TerminalSize(width: 30, height: 8)
        let context = KeyContext(s)
        #expect(KeyMap.action(for: .space, in: context) != nil)
        for key in [Key.space, .enter, .character("1"), .character("3"), .character("u"), .character("b"), .character("e")] {
            #expect(SmallScreen.trainerAction(for: key, in: context, size: tiny) == nil)
        }
        // Help cannot be drawn there: opened unseen, it took the next q.
        #expect(SmallScreen.trainerAction(for: .character("?"), in: context, size: tiny) == nil)
        #expect(SmallScreen.trainerAction(for: .function(1), in: context, size: tiny) == nil)
        // Help opened before the terminal shrank still closes.
        #expect(SmallScreen.trainerAction(for: .character("?"), in: .help, size: tiny) == .toggleHelp)
        #expect(SmallScreen.trainerAction(for: .function(10), in: context, size: tiny) == .quit)
        #expect(SmallScreen.trainerAction(for: .space, in: context, size: TerminalSize(width: 80, height: 24)) != nil)
    }

    @Test func summaryShowsTheSession() {
        let s = ViewFixtures.run(ViewFixtures.state([deck]), [.start, .reveal, .grade(.easy)])
        let text = ViewFixtures.render(s, 60, 12, .english)
        #expect(text.contains("Session finished"))
        // Values start two columns after the longest label.
        #expect(text.contains("Cards studied:      1"))
        #expect(text.contains("Answered correctly: 100% (1/1)"))
        #expect(text.contains("Time:               0s"))
    }

    @Test func everyScreenFitsItsSize() {
        let big = ViewFixtures.deck((1...30).map { "T: Термин \($0)\nD: Анықтама \($0) " + String(repeating: "ұзын ", count: 30) }.joined(separator: "\n\n"))
        var s = ViewFixtures.state([big, deck])
        let actions: [TrainerAction] = [.moveSelection(1), .start, .reveal, .grade(.again), .reveal, .toggleHelp]
        for action in actions {
            s = Trainer.update(s, TrainerEvent(action, at: ViewFixtures.now)).0
            for (w, h) in [(40, 10), (80, 24), (57, 13), (200, 60)] {
                let screen = TrainerView.view(s, size: TerminalSize(width: w, height: h), strings: .kazakh)
                let lines = screen.text.split(separator: "\n", omittingEmptySubsequences: false)
                #expect(lines.count <= h)
                #expect(lines.allSatisfy { DisplayWidth.of($0) <= w })
            }
        }
    }
}
