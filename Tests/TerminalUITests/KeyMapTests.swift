import FSRS
import Study
import Testing

@testable import TerminalUI

/// Every binding must work on the Latin, Russian and Kazakh layouts: the
/// character each layout types on the binding's physical key gives the same
/// action.
@Suite struct KeyMapTests {
    /// The Latin characters that are bound somewhere.
    static let boundLatin: [Character] = Array("qubejklhatx?!1234567890")

    /// What `layout` types on the physical key of the Latin character `c`
    /// (nil when the layout types nothing different there).
    static func typed(on layout: KeyboardLayout, key c: Character) -> [Character] {
        layout.toLatin.filter { $0.value == c }.map(\.key)
    }

    @Test(arguments: KeyContext.allCases.filter { $0 != .typing && $0 != .searchTyping })
    func cyrillicTwinsGiveTheSameActions(_ context: KeyContext) {
        for latin in Self.boundLatin {
            let expected = KeyMap.action(for: .character(latin), in: context)
            for layout in [KeyboardLayout.russian, .kazakh] {
                for twin in Self.typed(on: layout, key: latin) {
                    let got = KeyMap.action(for: .character(twin), in: context)
                    // On the Kazakh digit row, `,` `.` `"` are digits only
                    // where digits are asked for.
                    if twin.isASCII, expected == nil { continue }
                    #expect(got == expected, "\(layout) «\(twin)» for «\(latin)» in \(context)")
                }
            }
        }
    }

    @Test func kazakhDigitRowGrades() {
        let grades: [(Character, Rating)] = [("\"", .again), ("ә", .hard), ("і", .good), ("ң", .easy)]
        for (ch, rating) in grades {
            #expect(KeyMap.action(for: .character(ch), in: .grading) == .grade(rating))
            #expect(KeyMap.action(for: .character(ch), in: .keyPoints) == .grade(rating))
        }
        for (ch, rating) in [("1", Rating.again), ("2", .hard), ("3", .good), ("4", .easy)] {
            #expect(KeyMap.action(for: .character(Character(ch)), in: .grading) == .grade(rating))
        }
        // Shifted Kazakh letters are still their keys.
        #expect(KeyMap.action(for: .character("Ә"), in: .grading) == .grade(.hard))
    }

    @Test func kazakhDigitRowPicksOptions() {
        let row: [Character] = ["\"", "ә", "і", "ң", "ғ", ",", ".", "ү", "ұ"]
        for (i, ch) in row.enumerated() {
            #expect(KeyMap.action(for: .character(ch), in: .choosing) == .pickOption(i + 1))
        }
    }

    @Test func russianLettersReachTheLetterShortcuts() {
        let pairs: [(Character, TrainerAction)] = [("й", .back), ("г", .undo), ("и", .bury), ("у", .edit), ("Г", .undo)]
        for (ch, action) in pairs {
            #expect(KeyMap.action(for: .character(ch), in: .question) == action)
            #expect(KeyMap.action(for: .character(ch), in: .grading) == action)
        }
        #expect(KeyMap.action(for: .character("й"), in: .home) == .quit)
        #expect(KeyMap.action(for: .character("ф"), in: .home) == .startAll)
        #expect(KeyMap.action(for: .character("о"), in: .home) == .moveSelection(1))
        #expect(KeyMap.action(for: .character("л"), in: .home) == .moveSelection(-1))
        #expect(KeyMap.action(for: .character("д"), in: .home) == .cycleLevel)
        #expect(KeyMap.action(for: .character("е"), in: .home) == .cycleTag)
        #expect(KeyMap.action(for: .character("р"), in: .grading) == .moveRating(-1))
        #expect(KeyMap.action(for: .character("д"), in: .grading) == .moveRating(1))
    }

    @Test func qClosesTheHelpInsteadOfQuitting() {
        // Pressed to leave the help, q must not skip the session's summary.
        for ch: Character in ["q", "й", "Q"] {
            #expect(KeyMap.action(for: .character(ch), in: .help) == .back)
        }
        #expect(KeyMap.action(for: .function(10), in: .help) == .quit)
    }

    @Test(arguments: KeyContext.allCases)
    func layoutFreeKeysWorkEverywhere(_ context: KeyContext) {
        #expect(KeyMap.action(for: .function(1), in: context) == .toggleHelp)
        #expect(KeyMap.action(for: .function(10), in: context) == .quit)
        #expect(KeyMap.action(for: .escape, in: context) != nil)
        #expect(KeyMap.action(for: .enter, in: context) != nil)
    }

    /// An exam date typed on the Kazakh layout: its digit row types
    /// letters, which the date dropped; they are digits there, `ө` is `-`,
    /// and a letter is nothing.
    @Test func anExamDateTakesTheKazakhDigitRow() {
        let typed = Array("әқәіөқ\"өқә").compactMap { KeyMap.action(for: .character($0), in: .examDate) }
        #expect(typed == Array("2023-01-02").map { TrainerAction.type($0) })
        #expect(KeyMap.action(for: .character("2"), in: .examDate) == .type("2"))
        #expect(KeyMap.action(for: .character("-"), in: .examDate) == .type("-"))
        #expect(KeyMap.action(for: .character("q"), in: .examDate) == nil)
        #expect(KeyMap.action(for: .character("й"), in: .examDate) == nil)
        #expect(KeyMap.action(for: .enter, in: .examDate) == .reveal)
        // F3 buries a card in a session, never from the home screen.
        #expect(KeyMap.action(for: .function(3), in: .examDate) == nil)
    }

    /// Search is "/" on the home screen, and "." there: what the Russian
    /// layout types on the same key.
    @Test func searchOpensOnTheRussianLayoutsSlashKey() {
        #expect(KeyMap.action(for: .character("/"), in: .home) == .openSearch)
        #expect(KeyMap.action(for: .character("."), in: .home) == .openSearch)
        #expect(KeyMap.action(for: .character("."), in: .typing) == .type("."))
    }

    @Test func whileTypingLettersAreText() {
        for ch in Array("qubeйгиуәіңқ1!?") {
            #expect(KeyMap.action(for: .character(ch), in: .typing) == .type(ch))
        }
        #expect(KeyMap.action(for: .enter, in: .typing) == .reveal)
        #expect(KeyMap.action(for: .backspace, in: .typing) == .deleteBackward)
        #expect(KeyMap.action(for: .escape, in: .typing) == .back)
        #expect(KeyMap.action(for: .function(2), in: .typing) == .undo)
        #expect(KeyMap.action(for: .function(3), in: .typing) == .bury)
        #expect(KeyMap.action(for: .function(4), in: .typing) == .suspend)
        #expect(KeyMap.action(for: .function(5), in: .typing) == .edit)
    }

    @Test func revealAndGradeWithLayoutFreeKeys() {
        #expect(KeyMap.action(for: .space, in: .question) == .reveal)
        #expect(KeyMap.action(for: .enter, in: .question) == .reveal)
        #expect(KeyMap.action(for: .enter, in: .grading) == .acceptRating)
        #expect(KeyMap.action(for: .space, in: .grading) == .acceptRating)
        #expect(KeyMap.action(for: .left, in: .grading) == .moveRating(-1))
        #expect(KeyMap.action(for: .right, in: .grading) == .moveRating(1))
        #expect(KeyMap.action(for: .space, in: .keyPoints) == .toggleAtCursor)
        #expect(KeyMap.action(for: .down, in: .keyPoints) == .moveCursor(1))
        #expect(KeyMap.action(for: .down, in: .choosing) == .moveCursor(1))
        #expect(KeyMap.action(for: .space, in: .choosing) == .toggleAtCursor)
        #expect(KeyMap.action(for: .enter, in: .choosing) == .reveal)
        #expect(KeyMap.action(for: .pageDown, in: .question) == .scroll(1))
    }

    @Test func rawCodePointsBecomeKeys() {
        #expect(Key.fromCodePoint(13) == .enter)
        #expect(Key.fromCodePoint(27) == .escape)
        #expect(Key.fromCodePoint(127) == .backspace)
        #expect(Key.fromCodePoint(12) == .control("l"))
        #expect(Key.fromCodePoint(0x04D9) == .character("ә"))
    }

    @Test func physicalFoldingLeavesLatinAlone() {
        for ch in Array("abcxyz.,;'\"[]/-=0123456789") {
            #expect(KeyboardLayout.physical(ch) == ch)
        }
        #expect(KeyboardLayout.physical("й") == "q")
        #expect(KeyboardLayout.physical("Й") == "Q")
        #expect(KeyboardLayout.physical("ә") == "2")
    }
}
