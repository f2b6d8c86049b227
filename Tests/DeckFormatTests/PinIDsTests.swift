import Foundation
import Testing

@testable import DeckFormat

/// `jatta pin-ids` and `check --against` (issue 11): identity made explicit
/// without touching anything else, and identity changes found before
/// students meet them.
@Suite struct PinIDsTests {
    static let deck = """
        # Дәріс 4
        lang: kk
        description: Либерализм
           мен марксизм.

        // Түсініктеме картадан бұрын.
        ## Глоссарий

        T: Гегемония
        D: Бір мемлекеттің басымдығы.
        // соңғы түсініктеме

        Q: Кант қандай бейбітшілік туралы жазды?
        A: Мәңгілік бейбітшілік
        - республикалар
        id: kant

        C: Қазақстан БҰҰ-ға {1992} жылы мүше болды.
        """

    func lines(_ bytes: [UInt8]) -> [String] {
        String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    @Test func onlyLinesAreAddedAndEveryOtherByteIsKept() throws {
        let before = Array(Self.deck.utf8)
        let result = IDPinning.pin(before, file: "ir/l4.deck")
        let added = lines(result.bytes).filter { !lines(before).contains($0) }
        try #require(result.pinned.count == 2)
        #expect(added == ["namespace: l4", "id: " + result.pinned[0].id, "id: " + result.pinned[1].id])
        #expect(result.pinned[0].id.hasPrefix("term-") && result.pinned[1].id.hasPrefix("cloze-"))
        #expect(lines(result.bytes).filter { !added.contains($0) } == lines(before))
        #expect(result.pinned.map(\.line) == [9, 18])
        // The namespace goes after the header's last line (a continuation).
        #expect(lines(result.bytes)[4] == "namespace: l4")
        // The id goes after the card's last line, not after its comment.
        #expect(lines(result.bytes)[11] == "id: " + result.pinned[0].id)
        // Idempotent.
        #expect(IDPinning.pin(result.bytes, file: "ir/l4.deck").bytes == result.bytes)
    }

    @Test func pinnedCardsTakeOverTheProgressOfTheirDerivedIDs() throws {
        let before = DeckParser.parse(Self.deck, file: "ir/l4.deck")
        let result = IDPinning.pin(Array(Self.deck.utf8), file: "ir/l4.deck")
        let after = DeckParser.parse(result.bytes, file: "ir/l4.deck")
        #expect(after.diagnostics.isEmpty)
        #expect(before.deck.cards.count == after.deck.cards.count)
        for (old, new) in zip(before.deck.cards, after.deck.cards) {
            #expect(new.hasExplicitID)
            #expect(new.id == old.id || new.formerIDs.contains(old.id))
        }
        #expect(IdentityChanges.compare(old: before.deck, new: after.deck).isEmpty)
    }

    @Test func crlfFilesGetCRLFLines() {
        let text = "Q: Бір?\r\nA: Иә\r\n"
        let result = IDPinning.pin(Array(text.utf8), file: "a.deck")
        #expect(String(decoding: result.bytes, as: UTF8.self) == "namespace: a\r\nQ: Бір?\r\nA: Иә\r\nid: \(result.pinned[0].id)\r\n")
    }

    /// A file whose lines end with CR alone (old Mac): the parser reads
    /// its lines at CR, so its ids go after those lines, with CR. Split at
    /// LF it was one line: no id was written but "namespace" after it, and
    /// the file, now holding an LF, read as one title line with no card.
    @Test func filesOfLoneCRsGetLinesEndingInCR() {
        let text = "# Geo\rlang: en\r\rQ: Бір?\rA: Иә\r\rQ: Екі?\rA: Жоқ\r"
        let result = IDPinning.pin(Array(text.utf8), file: "mac.deck")
        #expect(result.pinned.count == 2)
        let (one, two) = (result.pinned[0].id, result.pinned[1].id)
        #expect(
            String(decoding: result.bytes, as: UTF8.self)
                == "# Geo\rlang: en\rnamespace: mac\r\rQ: Бір?\rA: Иә\rid: \(one)\r\rQ: Екі?\rA: Жоқ\rid: \(two)\r")
        let after = DeckParser.parse(result.bytes, file: "mac.deck")
        #expect(after.diagnostics.isEmpty)
        #expect(after.deck.cards.map(\.id.rawValue) == ["mac:" + one, "mac:" + two])
    }

    @Test func aPromptWrittenTwiceIsLeftUnpinned() {
        let result = IDPinning.pin(Array("namespace: n\n\nQ: Бір?\nA: Иә\n\nQ: Бір?\nA: Жоқ\n".utf8), file: "a.deck")
        #expect(result.pinned.isEmpty && result.skippedDuplicates == [3, 6])
    }

    /// One prompt in two files of one namespace: pinned in both, it was one
    /// id twice (`duplicate-id`), and one of the cards was never asked. In a
    /// file of another namespace it shares the same derived id and its
    /// progress: pinned there, that card took the progress from the others
    /// (they then began anew), so it is left unpinned too.
    @Test func aPromptInTwoFilesIsLeftUnpinned() throws {
        let texts = [
            ("a.deck", "namespace: ir\n\nQ: Режим деген не?\nA: нормалар\n\nQ: Басқа?\nA: иә\n"),
            ("b.deck", "namespace: ir\n\nQ: Режим деген не?\nA: ережелер\n"),
            ("c.deck", "namespace: other\n\nQ: Режим деген не?\nA: ережелер\n"),
        ]
        let decks = texts.map { DeckParser.parse(Array($0.1.utf8), file: $0.0).deck }
        let taken = IDPinning.takenElsewhere(in: decks)
        var pinned: [DeckFormat.Deck] = []
        for (file, text) in texts {
            let result = IDPinning.pin(Array(text.utf8), file: file, taken: taken[file] ?? [])
            pinned.append(DeckParser.parse(result.bytes, file: file).deck)
            #expect(result.skippedDuplicates == [3], "\(file)")
        }
        #expect(pinned.map { $0.cards.filter(\.hasExplicitID).count } == [1, 0, 0])
        #expect(DeckLinter.lint(pinned).filter { $0.code == "duplicate-id" }.isEmpty)
    }

    /// A card added just before a reworded one: the reworded card is paired
    /// with its old self, not with the new card before it (the fix gave the
    /// capital question's progress to a question about a river).
    @Test func aRewordedCardIsPairedWithItsOldSelfNotWithACardAddedBeforeIt() throws {
        let old = DeckParser.parse(Array("""
            namespace: g

            Q: Қазақстан қашан тәуелсіздік алды?
            A: 1991

            Q: Қазақстан астанасы қай қала?
            A: Астана

            Q: БҰҰ қашан құрылды?
            A: 1945
            """.utf8), file: "l.deck").deck
        let new = DeckParser.parse(Array("""
            namespace: g

            Q: Қазақстан қашан тәуелсіздік алды?
            A: 1991

            Q: Қазақстанның ең ұзын өзені қайсы?
            A: Ертіс

            Q: Қазақстанның астанасы қай қала?
            A: Астана

            Q: БҰҰ қашан құрылды?
            A: 1945
            """.utf8), file: "l.deck").deck
        let changes = IdentityChanges.compare(old: old, new: new)
        #expect(changes.map(\.old.prompt) == ["Қазақстан астанасы қай қала?"])
        #expect(changes.map(\.new.prompt) == ["Қазақстанның астанасы қай қала?"])
    }

    /// A question made an open question (one more line under its answer)
    /// beside a new question: the reworded card is the open one, whose
    /// prompt is the same, not the new question that shares "What is the
    /// … of" with it. Paired by kind alone, the fix gave the new question
    /// the old one's progress.
    @Test func aCardThatChangedKindIsPairedByItsPrompt() {
        let old = DeckParser.parse(Array("Q: What is the capital of France?\nA: Paris\n".utf8), file: "g.deck").deck
        let new = DeckParser.parse(Array("""
            Q: What is the capital of France?
            A: Paris
            - on the Seine

            Q: What is the largest city of Kazakhstan?
            A: Almaty
            """.utf8), file: "g.deck").deck
        let changes = IdentityChanges.compare(old: old, new: new)
        #expect(changes.map(\.new.prompt) == ["What is the capital of France?"])
        #expect(changes.map(\.new.kind) == [.open])
    }

    /// A card removed and two unlike cards added: none of them is the
    /// removed one reworded, and no fix may hand its progress to one.
    @Test func unlikeCardsAreNotTakenForARemovedOne() {
        let old = DeckParser.parse(Array("Q: Қазақстан қашан тәуелсіздік алды?\nA: 1991\n".utf8), file: "g.deck").deck
        let new = DeckParser.parse(Array("Q: БҰҰ қашан құрылды?\nA: 1945\n\nQ: Ертіс қай елдерден ағады?\nA: Қытай, Қазақстан, Ресей\n".utf8), file: "g.deck").deck
        #expect(IdentityChanges.compare(old: old, new: new).isEmpty)
    }

    /// Past the work allowed, the cards left are paired in file order, and
    /// only as many lost as added.
    @Test func pastTheWorkAllowedPairsAreInFileOrder() {
        let deck = DeckParser.parse(Array("Q: а?\nA: б\n\nQ: в?\nA: г\n\nQ: д?\nA: е\n".utf8), file: "g.deck").deck
        let two = Array(deck.cards.prefix(2)), three = deck.cards
        #expect(IdentityChanges.pairs(two, Array(two.reversed()), workAtMost: 1).map { [$0.0, $0.1] } == [[0, 0], [1, 1]])
        #expect(IdentityChanges.pairs(two, three, workAtMost: 1).isEmpty)
    }

    /// A namespace changed: the message names the old identity in full
    /// (it showed `one` for `old:one`).
    @Test func aNamespaceChangeNamesTheOldIdentityInFull() throws {
        let old = DeckParser.parse(Array("namespace: old\n\nQ: Бір?\nA: Иә\nid: one\n".utf8), file: "g.deck").deck
        let new = DeckParser.parse(Array("namespace: new\n\nQ: Бір?\nA: Иә\nid: one\n".utf8), file: "g.deck").deck
        let change = try #require(IdentityChanges.compare(old: old, new: new).first)
        let message = IdentityChanges.diagnostic(change, facesWithProgress: 1).messageEN
        #expect(message.contains("old:one") && message.contains("new:one"), "\(message)")
    }

    static let original = "namespace: ir\n\nQ: БҰҰ қашан құрылды?\nA: 1945\n\nC: Қазақстан БҰҰ-ға {1992} жылы мүше болды.\n\nT: Режим\nD: Ережелер\nid: regime\n"

    /// The identity changes of issue 11, each listed with both prompts, and
    /// its fix applied keeps the progress.
    @Test(arguments: [
        ("one word", "Q: БҰҰ қашан құрылды?", "Q: БҰҰ қай жылы құрылды?"),
        ("a gap moved", "БҰҰ-ға {1992} жылы", "{БҰҰ-ға} 1992 жылы"),
        ("question to multiple choice", "A: 1945", "* 1945\n- 1946"),
        ("Latin look-alikes", "Q: БҰҰ қашан құрылды?", "Q: BҰҰ қашан құрылды?"),
    ])
    func identityChangesAreListedAndTheirFixKeepsProgress(what: String, from: String, to: String) throws {
        let edited = Self.original.replacingOccurrences(of: from, with: to)
        let old = DeckParser.parse(Self.original, file: "ir.deck").deck
        let new = DeckParser.parse(edited, file: "ir.deck").deck
        let changes = IdentityChanges.compare(old: old, new: new)
        try #require(changes.count == 1, "\(what)")
        let diagnostic = IdentityChanges.diagnostic(changes[0], facesWithProgress: 1)
        #expect(diagnostic.code == "identity-change")
        #expect(diagnostic.messageEN.contains(changes[0].old.prompt.prefix(10)))
        #expect(diagnostic.messageEN.contains("1 of its faces have progress"))
        let fix = try #require(diagnostic.fix)
        let fixed = DeckParser.parse(fix.apply(to: Array(edited.utf8)), file: "ir.deck")
        #expect(fixed.diagnostics.filter { $0.code != "latin-in-cyrillic" }.isEmpty)
        #expect(IdentityChanges.compare(old: old, new: fixed.deck).isEmpty, "\(what)")
    }

    @Test func editsThatKeepIdentityAreNotListed() {
        let old = DeckParser.parse(Self.original, file: "ir.deck").deck
        for edited in [
            Self.original.replacingOccurrences(of: "A: 1945", with: "A: 1945 жылы"),
            Self.original.replacingOccurrences(of: "T: Режим", with: "T: Халықаралық режим"),  // has an id
            Self.original.replacingOccurrences(of: "A: 1945\n", with: "A: 1945\nid: un\n"),  // adopts
        ] {
            #expect(IdentityChanges.compare(old: old, new: DeckParser.parse(edited, file: "ir.deck").deck).isEmpty)
        }
    }
}
