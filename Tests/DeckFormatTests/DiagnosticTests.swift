import Foundation
import Testing

@testable import DeckFormat

/// Each problem reported with its code at its line and column.
@Suite struct DiagnosticTests {
    /// The repository's copy of a deck with ten planted mistakes.
    static let tenMistakesPath = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("scripts/tests/fixtures/ten-mistakes.deck").path

    @Test func tenPlantedMistakesAreEachReportedAtTheirPlace() {
        let result = DeckLibrary.load(paths: [Self.tenMistakesPath])
        let found = result.diagnostics.map { "\($0.location.line):\($0.location.column) \($0.code)" }
        #expect(
            found == [
                "2:7 unknown-language",
                "6:1 field-outside-card",
                "10:1 unindented-text",
                "14:1 unknown-field",
                "18:1 no-correct-option",
                "22:21 unclosed-gap",
                "24:58 wrong-letter",
                "26:8 level-out-of-range",
                "29:4 latin-in-cyrillic",
                "32:1 duplicate-id",
            ])
        let errors = result.diagnostics.filter { $0.severity == .error }.map(\.code)
        #expect(
            errors == [
                "field-outside-card", "unindented-text", "unknown-field", "no-correct-option", "unclosed-gap", "duplicate-id",
            ])
        // A choice with no correct option is an error (never asked) and a
        // level out of range a warning; both keep their cards.
        let cards = result.decks.flatMap(\.cards)
        #expect(cards.contains { $0.location.line == 18 && $0.kind == .choice })
        #expect(cards.first { $0.location.line == 24 }?.level == 5)
        #expect(result.diagnostics.first { $0.code == "unknown-field" }?.messageEN == "unknown field 'tag:'; did you mean 'tags:'?")
        #expect(result.diagnostics.first { $0.code == "latin-in-cyrillic" }?.messageEN.contains("Acтана") == true)
        #expect(result.diagnostics.first { $0.code == "duplicate-id" }?.messageEN.hasSuffix("ten-mistakes.deck:28:1") == true)
    }

    /// (deck text, expected "line:column code" list)
    @Test(arguments: [
        ("Q: a?\nA: b\nlevel: two", ["3:8 invalid-level"]),
        ("Q: a?\nA: b\nlevel: 0", ["3:8 level-out-of-range"]),
        ("Q: a?\nA: b\nid: бір екі", ["3:5 invalid-id"]),
        ("Q: a?\nA: b\nid: a\nid: b", ["3:1 id-without-namespace", "4:1 duplicate-field"]),
        ("Q: a?\nA: b\nA: c", ["3:1 duplicate-field"]),
        ("Q: a?\nA: b\nsource: дәріс", ["3:9 source-format"]),
        ("Q: a?\nA: b\ntags: a,,b", ["3:9 empty-tag"]),
        ("Q: a?\nA: b\nLevel: 2", ["3:1 unknown-field"]),
        ("Q: a?", ["1:1 missing-answer"]),
        ("Q:\nA: b", ["1:3 empty-text"]),
        ("Q: a?\nA:", ["2:3 empty-text"]),
        ("T: Режим", ["1:1 missing-definition"]),
        ("T: Режим\nA: құрал", ["2:1 answer-marker"]),
        ("Q: a?\nD: b", ["2:1 answer-marker"]),
        ("Q: a?\n- x\n- y", ["1:1 no-correct-option"]),
        ("Q: a?\n- x\n*\n- y", ["3:2 empty-text", "1:1 no-correct-option"]),
        ("level: 9\n\nQ: a?\nA: b", ["1:8 level-out-of-range"]),
        ("T: Режим\nD: құрал\n* x", ["3:1 line-not-for-kind"]),
        ("Q: a?\n* x\nA: b", ["3:1 mixed-kinds"]),
        ("Q: a?\nA: b\n* x", ["3:1 mixed-kinds"]),
        ("Q: a?\n* x", ["1:1 too-few-options"]),
        ("Q: a?\n* x\n- y\n- x", ["4:3 duplicate-option"]),
        ("Q: a?\n* x\n- y\nalt: z", ["4:6 alt-not-allowed"]),
        ("C: Қазақстан", ["1:1 cloze-without-gap"]),
        ("C: a {b} c}", ["1:11 stray-brace"]),
        ("C: a {b{c} d}", ["1:6 unclosed-gap", "1:13 stray-brace"]),
        ("C: a {} b {c|}", ["1:7 empty-gap", "1:14 empty-gap"]),
        ("C: a {b} \\n", ["1:10 unknown-escape"]),
        ("C: {a} және {b}\nalt: a b", ["2:6 alt-multi-gap"]),
        ("A: b", ["1:1 outside-card"]),
        ("- b", ["1:1 outside-card"]),
        ("## Бөлім\nlevel: 2", ["2:1 field-outside-card"]),
        ("   жалғасы", ["1:1 orphan-continuation"]),
        ("# Т\n\n   жалғасы", ["3:1 orphan-continuation"]),
        ("Q: a?\nA: b\nlevel: 2\n   3", ["4:4 continuation-not-allowed"]),
        ("жай мәтін", ["1:1 unknown-line"]),
        ("Q: a?\nA: b\n# Екінші тақырып", ["3:1 misplaced-title"]),
        ("#\nQ: a?\nA: b", ["1:1 empty-heading"]),
        ("## А\nQ: a?\nA: b\n##\nQ: c?\nA: d", []),
        ("autor: Мен", ["1:1 unknown-metadata"]),
        ("lang: kk\nlang: ru", ["2:1 duplicate-metadata"]),
        ("Q: Қазақcтан?\nA: b", ["1:9 latin-in-cyrillic"]),
        ("Q: a?\nA: Oрталық Азия", ["2:4 latin-in-cyrillic"]),
        ("Q: English words stay English?\nA: Yes, NATO", []),
        ("T: Кӛшпенділер\nD: b", ["1:5 wrong-letter"]),
        ("Q: a?\nA: b\n   ӛте", ["3:4 wrong-letter"]),
        ("С: {1992}", ["1:1 cyrillic-marker"]),
        // Issue 11: a whole word in Latin look-alikes, no warning at all.
        ("Q: HATO қашан құрылды?\nA: 1949", ["1:4 latin-word"]),
        ("Q: Қазақстан NATO-ға мүше ме?\nA: Жоқ", []),
        ("Q: XX ғасырдағы соғыс?\nA: Екінші дүниежүзілік", []),
        ("Q: What is HATO?\nA: Nothing", []),
        ("T: Гегемония\nD: Бір мемлекеттің гегемониясы мен басымдығы.", ["2:4 definition-contains-term"]),
        ("T: Тұтқындар диллемасы\nD: Екі тұтқынның таңдауы туралы ойын.", []),
        ("T: Тұтқындар диллемасы\nD: Тұтқындардың диллемасы деп аталатын ойын.", ["2:4 definition-contains-term"]),
    ])
    func problem(text: String, expected: [String]) {
        let parsed = DeckParser.parse(text, file: "t.deck")
        let found = parsed.diagnostics.map { "\($0.location.line):\($0.location.column) \($0.code)" }
        #expect(found == expected, "\(text)")
        for d in parsed.diagnostics {
            #expect(!d.messageKK.isEmpty && !d.messageEN.isEmpty && d.messageKK != d.messageEN)
        }
    }

    @Test(arguments: [("tag", "tags"), ("Level", "level"), ("levl", "level"), ("sorce", "source"), ("q", "Q"), ("lvl", "level"),
        ("colour", nil), ("x", nil)])
    func unknownFieldSuggestions(name: String, expected: String?) {
        #expect(ParserRun.suggestion(for: name) == expected)
    }

    /// An empty alternative beside an answer is reported and left out: the
    /// answer shown is the one given (it was blank for `{|Paris}`), and an
    /// empty typed answer is not among those accepted.
    @Test func anEmptyAlternativeOfAGapIsLeftOut() throws {
        let parsed = DeckParser.parse(Array("C: The capital of France is {|Paris}.\n\nC: Kazakhstan joined in {1992|}.\n".utf8), file: "c.deck")
        #expect(parsed.diagnostics.map(\.code) == ["empty-gap", "empty-gap"])
        let gaps = parsed.deck.cards.compactMap { card -> ClozeGap? in
            if case .cloze(let c) = card.content { return c.gaps.first } else { return nil }
        }
        #expect(gaps.map(\.answer) == ["Paris", "1992"])
        #expect(gaps.allSatisfy { !$0.answers.contains("") })
    }

    /// The kind takes its article: "an open card", not "a open card".
    @Test func aKindIsSaidWithItsArticle() {
        let open = DeckParser.parse(Array("Q: Why?\nA: B\n- p\nalt: x\n".utf8), file: "o.deck")
        let message = open.diagnostics.first { $0.code == "alt-not-allowed" }?.messageEN ?? ""
        #expect(message.contains("to an open card"), "\(message)")
        #expect(DeckIssue.lineNotForKind(line: "* x", kind: .question).en.contains("in a question card"))
    }

    @Test func cardsWithErrorsThatLeaveNothingToStudyAreDropped() {
        let parsed = DeckParser.parse("Q: b?\n\nT: c\n\nQ: e?\n* \n-\n\nQ: ok?\nA: yes", file: "x")
        #expect(parsed.deck.cards.map(\.prompt) == ["ok?"])
        #expect(parsed.diagnostics.allSatisfy { $0.severity == .error })
    }

    /// An invisible character at a line's start (a byte-order mark left by
    /// joining two decks, a zero-width space, a no-break space for
    /// indentation) is named, and its fix removes it: the fixes given were
    /// "make the line a comment" (a card lost) or "indent the line" (an
    /// answer made question text).
    @Test(arguments: [
        ("Q: one?\nA: a\n\n\u{FEFF}Q: two?\nA: b\n", "byte-order mark (U+FEFF)", ["one?", "two?"]),
        ("Q: one?\nA: a\n\u{200B}\u{200B}A: b\n", "zero-width space (U+200B)", []),
        ("Q: one?\nA: first\n\u{00A0}\u{00A0}second\n", "no-break space (U+00A0)", ["one?"]),
    ])
    func anInvisibleLineStartIsNamedAndItsFixRemovesIt(text: String, name: String, fixed: [String]) throws {
        let parsed = DeckParser.parse(Array(text.utf8), file: "x.deck")
        let issue = try #require(parsed.diagnostics.first { $0.code == "invisible-line-start" })
        #expect(issue.messageEN.contains(name))
        #expect(!parsed.diagnostics.contains { ["stray-line", "unindented-text", "unknown-line"].contains($0.code) })
        let repaired = LineEdits.apply(try #require(issue.fix).edits, to: Array(text.utf8))
        let again = DeckParser.parse(repaired, file: "x.deck")
        #expect(!again.diagnostics.contains { $0.code == "invisible-line-start" })
        if !fixed.isEmpty { #expect(again.deck.cards.map(\.prompt) == fixed) }
    }

    /// `Namespace:` set no namespace, and the ids fell back to the file's
    /// name with only "unknown metadata key" said: the key meant is named
    /// and its fix writes it.
    @Test(arguments: [("Namespace", "namespace"), ("namspace", "namespace"), ("autor", "author"), ("LANG", "lang")])
    func aMistypedMetadataKeyIsNamedWithItsFix(written: String, meant: String) throws {
        let text = "# Т\n\(written): ir\n\nQ: a?\nA: b\n"
        let parsed = DeckParser.parse(Array(text.utf8), file: "x.deck")
        let issue = try #require(parsed.diagnostics.first { $0.code == "unknown-metadata" })
        #expect(issue.messageEN.contains("did you mean '\(meant):'"))
        let fixed = DeckParser.parse(LineEdits.apply(try #require(issue.fix).edits, to: Array(text.utf8)), file: "x.deck")
        #expect(fixed.deck.metadata(meant) == "ir")
    }

    /// A gap with no answer at all could never be answered right: the card
    /// was asked and graded Again every time. A gap with one empty
    /// alternative beside an answer still has that answer.
    @Test func aClozeWithAGapWithoutAnyAnswerIsNotLoaded() {
        let parsed = DeckParser.parse(
            "C: Жиын {a|} және {}.\n\nC: {}\n\nC: { | }\n\nC: Бір {a|} екі {b}.", file: "x")
        #expect(parsed.deck.cards.map(\.location.line) == [7])
        // One for each empty answer: `{a|}` twice, `{}` twice, `{ | }` twice.
        #expect(parsed.diagnostics.map(\.code) == Array(repeating: "empty-gap", count: 6))
    }

    /// Issue 11: only a warning, so `check` passed while the card was
    /// silently never asked. An error now; the card is still listed.
    @Test func aChoiceWithNoCorrectOptionIsAnErrorAndKeptAsWritten() throws {
        let parsed = DeckParser.parse("Q: a?\n- x\n- y\n\nQ: ok?\nA: yes", file: "x")
        #expect(parsed.diagnostics.map(\.code) == ["no-correct-option"])
        #expect(parsed.diagnostics.map(\.severity) == [.error])
        #expect(parsed.deck.cards.map(\.prompt) == ["a?", "ok?"])
        guard case .choice(let choice) = parsed.deck.cards[0].content else { throw Failure("not a choice card") }
        #expect(choice.options == [ChoiceOption(text: "x", isCorrect: false), ChoiceOption(text: "y", isCorrect: false)])
        #expect(!choice.hasCorrectOption)
        #expect(!parsed.deck.cards[0].isAnswerable)
        #expect(parsed.deck.cards[1].isAnswerable)
    }

    @Test func aLevelOutsideOneToThreeIsKeptWithAWarning() {
        let parsed = DeckParser.parse("level: 0\n\nQ: a?\nA: b\nlevel: 4\n\nQ: c?\nA: d", file: "x")
        #expect(parsed.diagnostics.map(\.code) == ["level-out-of-range", "level-out-of-range"])
        #expect(parsed.diagnostics.allSatisfy { $0.severity == .warning })
        #expect(parsed.deck.cards.map(\.level) == [4, 0])
    }

    @Test func anAnswerMarkerOfTheOtherKindIsReadAsTheRightOneWithAWarning() {
        let parsed = DeckParser.parse("T: Режим\nA: құрал\n\nQ: a?\nD: b", file: "x")
        #expect(parsed.diagnostics.map(\.severity) == [.warning, .warning])
        #expect(parsed.diagnostics.first?.messageEN == "'A:' in a term card is read as 'D:'; write 'D:'")
        #expect(parsed.deck.cards.map(\.kind) == [.term, .question])
        #expect(parsed.deck.cards.map(\.answer) == ["құрал", "b"])
    }

    @Test func anEmptyAlternativeIsAnErrorAndNotAccepted() {
        let parsed = DeckParser.parse("Q: Астана?\nA: Иә\nalt:\nalt: Ия", file: "x")
        #expect(parsed.diagnostics.map(\.code) == ["empty-text"])
        #expect(parsed.deck.cards.first?.alternatives == ["Ия"])
    }

    @Test func anEmptyTitleIsAWarningAndTheFileNameIsShown() {
        let parsed = DeckParser.parse("#\nQ: a?\nA: b", file: "decks/x.deck")
        #expect(parsed.diagnostics.map(\.severity) == [.warning])
        #expect(parsed.deck.displayName == "x.deck")
        #expect(parsed.deck.cards.count == 1)
    }

    @Test func columnsCountScalarsNotBytes() {
        // Kazakh letters are two bytes each; the column counts letters.
        let parsed = DeckParser.parse("Q: Әлем?\nA: b\nlevel: жоқ", file: "x")
        #expect(parsed.diagnostics.first?.location.column == 8)
        let tab = DeckParser.parse("C: Әә\t{", file: "x")
        #expect(tab.diagnostics.first?.location.column == 7)
    }
}

@Suite struct LinterTests {
    static func deck(_ file: String, _ text: String) -> Deck { DeckParser.parse(text, file: file).deck }

    @Test func duplicateExplicitIDsAcrossFilesAreErrors() {
        let a = Self.deck("a.deck", "namespace: n\nQ: a?\nA: b\nid: x")
        let b = Self.deck("b.deck", "namespace: n\n\nQ: c?\nA: d\nid: x")
        let found = DeckLinter.lint([a, b])
        #expect(found.map(\.code) == ["duplicate-id"])
        #expect(found.first?.severity == .error)
        #expect(found.first?.location == SourceLocation(file: "b.deck", line: 3, column: 1))
    }

    @Test func theSamePromptTwiceIsAWarning() {
        let a = Self.deck("a.deck", "Q: Режим деген не?\nA: b")
        let b = Self.deck("b.deck", "Q: режим деген не\nA: басқа")
        let found = DeckLinter.lint([a, b])
        #expect(found.map(\.code) == ["duplicate-prompt"])
        #expect(found.first?.severity == .warning)
    }

    @Test func theSamePromptAsADifferentKindIsADifferentCard() {
        let a = Self.deck("a.deck", "Q: Режим\nA: b\n\nT: Режим\nD: b")
        #expect(DeckLinter.lint([a]).isEmpty)
    }
}

@Suite struct DeckLibraryTests {
    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("jatta-library-\(UUID().uuidString)")
        let fm = FileManager.default
        try fm.createDirectory(at: root.appendingPathComponent("b/inner"), withIntermediateDirectories: true)
        try fm.createDirectory(at: root.appendingPathComponent(".hidden"), withIntermediateDirectories: true)
        try "Q: a?\nA: 1".write(to: root.appendingPathComponent("b/inner/z.deck"), atomically: true, encoding: .utf8)
        try "Q: b?\nA: 2".write(to: root.appendingPathComponent("b/a.deck"), atomically: true, encoding: .utf8)
        try "Q: c?\nA: 3".write(to: root.appendingPathComponent("a.deck"), atomically: true, encoding: .utf8)
        try "not a deck".write(to: root.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        try "Q: d?\nA: 4".write(to: root.appendingPathComponent(".hidden/h.deck"), atomically: true, encoding: .utf8)
    }

    @Test func foldersAreSearchedRecursivelyInSortedOrder() {
        let result = DeckLibrary.load(paths: [root.path])
        #expect(result.files.map { String($0.dropFirst(root.path.count)) } == ["/a.deck", "/b/a.deck", "/b/inner/z.deck"])
        #expect(result.decks.flatMap(\.cards).map(\.answer) == ["3", "2", "1"])
        #expect(result.diagnostics.isEmpty)
    }

    /// `idsAreDistinct` (which lets the trainer walk its faces without a
    /// set of the keys seen) holds only when no two cards share an id.
    @Test func idsAreDistinctOnlyWhenNoTwoCardsShareOne() throws {
        #expect(DeckLibrary.load(paths: [root.path]).idsAreDistinct)
        let cases = [
            ("another file, the same prompt", "other.deck", "Q: c?\nA: 5"),
            ("another file, the same explicit id", "other.deck", "Q: e?\nA: 6\nid: one\n\nQ: f?\nA: 7\nid: one"),
            ("one file, a prompt twice", "b/twice.deck", "Q: g?\nA: 1\n\nQ: g?\nA: 2"),
            // The file's own problems fill the per-file cap, so the
            // duplicate's finding is cut from what is shown; it still counts.
            ("past the cap", "b/many.deck",
             String(repeating: "stray line\n\n", count: DeckParser.diagnosticsPerFile + 20) + "Q: h?\nA: 1\n\nQ: h?\nA: 2"),
        ]
        for (name, file, text) in cases {
            let url = root.appendingPathComponent(file)
            try text.write(to: url, atomically: true, encoding: .utf8)
            let result = DeckLibrary.load(paths: [root.path])
            #expect(!result.idsAreDistinct, "\(name)")
            let shown = result.diagnostics.contains { DeckLinter.duplicateCodes.contains($0.code) }
            #expect(shown == (name != "past the cap"), "\(name)")
            try FileManager.default.removeItem(at: url)
        }
        #expect(DeckLibrary.load(paths: [root.path]).idsAreDistinct)
    }

    @Test func aFileIsReadOnceWhateverItsExtension() {
        let notes = root.appendingPathComponent("notes.txt").path
        let result = DeckLibrary.load(paths: [notes, notes])
        #expect(result.files == [notes])
        #expect(result.diagnostics.map(\.code) == ["unknown-line"])
    }

    @Test func aFileReachedByTwoNamesIsReadOnce() throws {
        let link = root.appendingPathComponent("b/link.deck")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: root.appendingPathComponent("a.deck"))
        let result = DeckLibrary.load(paths: [root.path, root.path + "/./a.deck"])
        // "/./a.deck" sorts before "/a.deck" and wins; the link is dropped.
        #expect(result.files.map { String($0.dropFirst(root.path.count)) } == ["/./a.deck", "/b/a.deck", "/b/inner/z.deck"])
        #expect(result.diagnostics.isEmpty)
    }

    @Test func missingPathsAndEmptyFoldersAreReported() throws {
        let empty = root.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let result = DeckLibrary.load(paths: [root.appendingPathComponent("missing").path, empty.path])
        #expect(result.diagnostics.map(\.code) == ["no-decks", "unreadable"])  // sorted by path
        #expect(result.hasUnreadablePaths)
        #expect(result.diagnostics.allSatisfy { $0.location.line == 0 && $0.severity == .error })
    }
}
