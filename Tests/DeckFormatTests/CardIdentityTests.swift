import Foundation
import KazakhText
import FSRS
import Testing

@testable import DeckFormat

/// The card-identity rule of docs/deck-format.md, pinned.
@Suite struct CardIdentityTests {
    /// Expected ids computed outside Swift: FNV-1a 64 over
    /// `KIND + "\n" + the prompt normalised by hand`, first 12 hex digits
    /// (Python: a ten-line FNV-1a loop).
    @Test(arguments: [
        (CardKind.question, "Лениннің пікірінше капитализмнің ең соңғы сатысы қалай аталады?", "question-ef0fff77912e"),
        (.choice, "Лениннің пікірінше капитализмнің ең соңғы сатысы қалай аталады?", "choice-0c7dfd8e796e"),
        (.term, "Режим", "term-e5f96dd11593"),
        (.open, "Неолиберализм мен либерализм қай тұрғыда бір-бірінен бөлінеді?", "open-f1d1d13a0175"),
        (.term, "Марксистік- лениндік  «теория»", "term-8264e89ead2f"),
        (.term, "  Марксистік- лениндік \"Теория\".", "term-8264e89ead2f"),
    ])
    func derivedIDsMatchAnIndependentComputation(kind: CardKind, prompt: String, expected: String) {
        #expect(CardID.derived(kind: kind, prompt: prompt).rawValue == expected)
    }

    @Test func clozeIdentityIsTakenOverTheTextWithGapsBlanked() {
        let card = parseOne("C: Қазақстан БҰҰ-ға {1992} жылы мүше болды.")
        #expect(card?.id.rawValue == "cloze-556f60c5d387")
        let fixedAnswer = parseOne("C: Қазақстан БҰҰ-ға {1992|тоқсан екі} жылы мүше болды.")
        #expect(fixedAnswer?.id == card?.id)
    }

    @Test func explicitIDWinsScopedByTheDecksNamespace() {
        let card = parseOne("namespace: ir\n\nQ: Сұрақ?\nA: Жауап\nid: kz-un-1992")
        #expect(card?.id.rawValue == "ir:kz-un-1992")
        #expect(card?.hasExplicitID == true)
        // Without a namespace line the file's name scopes it.
        #expect(parseOne("Q: Сұрақ?\nA: Жауап\nid: kz-un-1992")?.id.rawValue == "t:kz-un-1992")
    }

    static let original = """
        Q: Неолиберализм мен либерализм қай тұрғыда бір-бірінен бөлінеді?
        A: Неолиберализм институттардың рөлін алға шығарады.
        - институттардың рөлі
        - ынтымақтастық
        level: 2
        tags: неолиберализм
        source: lectures/002.txt:1135
        """

    /// Edits an instructor makes to everything but the prompt.
    @Test(arguments: [
        ("answer", "A: Неолиберализм институттардың рөлін алға шығарады.", "A: Неолиберализм халықаралық институттардың рөлін көрсетеді."),
        ("key point", "- ынтымақтастық", "- ынтымақтастықтың мүмкіндігі"),
        ("level", "level: 2", "level: 3"),
        ("tags", "tags: неолиберализм", "tags: салыстыру, неолиберализм"),
        ("source", "source: lectures/002.txt:1135", "source: lectures/002.txt:1140"),
        ("case and spacing", "Q: Неолиберализм мен либерализм", "Q: неолиберализм  мен Либерализм"),
        ("look-alike letter", "Q: Неолиберализм мен", "Q: Неолибеpализм мен"),
        ("ӛ for ө", "бір-бірінен бөлінеді?", "бір-бірінен бӛлінеді?"),
        ("final punctuation", "бөлінеді?", "бөлінеді"),
    ])
    func editsThatKeepProgress(what: String, from: String, to: String) {
        let before = parseOne(Self.original)
        let after = parseOne(Self.original.replacingOccurrences(of: from, with: to))
        #expect(before != nil && after != nil)
        #expect(Self.original.contains(from), "\(what)")
        #expect(after != before, "\(what): the edit changed nothing")
        #expect(after?.id == before?.id, "\(what)")
    }

    @Test func rewordingThePromptMakesANewCard() {
        let before = parseOne(Self.original)
        let after = parseOne(Self.original.replacingOccurrences(of: "бөлінеді", with: "ерекшеленеді"))
        #expect(after?.id != before?.id)
    }

    @Test func thePrintedFormKeepsTheID() {
        let parsed = DeckParser.parse(Self.original + "\n\nT: Режим\nD: Құралдар\n\nC: {1992} жыл\nid: x.1", file: "a.deck")
        let reparsed = DeckParser.parse(DeckPrinter.print(parsed.deck), file: "a.deck")
        #expect(parsed.deck.cards.count == 3)
        #expect(reparsed.deck.cards.map(\.id) == parsed.deck.cards.map(\.id))
    }

    @Test func termFacesAreKeyedByIDAndReverse() {
        let card = parseOne("T: Режим\nD: Құралдар")
        #expect(card?.faces.map(\.key) == ["term-e5f96dd11593", "term-e5f96dd11593/reverse"])
    }

    /// The byte-level fast path must agree with `Normalization.identityKey`
    /// wherever it answers.
    @Test func fastIdentityKeyAgreesWithNormalization() {
        let pieces = [
            "Қазақстан", "астана", "ӘҒҚҢӨҰҮҺІ", "әғқңөұүһі", "Ёж", "ЙОД", "Ѐ", "ѢѣѲѳ", "Ҋ", "ӁӐӒӔ", "ӸӺӼӾ", "Ԁ",
            "regime", "NATO", "Acтана", "cөз", "ӛ", "x", "-", " - ", "- ", "—", "«", "»", "\"", "'", "`", ".", ",", "?",
            "!", "(", ")", "[", "]", "…", " ", "  ", "\t", "\n", "\u{00A0}", "\u{200B}", "1992", "#", ":", "é", "е\u{0301}",
            "\u{0483}", "ß", "İ", "–", "‐", "‑", "‒", "―", "−", "‘", "’", "“", "”", "„", "‹", "\u{2027}", "\u{2016}",
            "\u{00AC}", "[…]", "… ", "-…", "«-", "— ", "a", "A", "ж", "Ж",
        ]
        var random = SeededGenerator(seed: 42)
        var answered = 0
        for _ in 0..<20_000 {
            let count = Int.random(in: 1...8, using: &random)
            let text = (0..<count).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &random)] }.joined()
            if let fast = IdentityKey.fast(text) {
                answered += 1
                #expect(fast == Normalization.identityKey(text), "\(Array(text.unicodeScalars))")
            }
        }
        #expect(answered > 3_000)
    }

    /// The typographic quotes, dashes and ellipsis of Kazakh prompts — and
    /// the `[…]` of every cloze's gap — stay on the fast path: a cloze
    /// card's id once cost more than the rest of its parse (issue 20).
    @Test func typographicPunctuationStaysOnTheFastPath() {
        let prompts = [
            "Қазақстан […] жылы тәуелсіздік алды", "«Мәңгілік ел» — ұлттық идея", "Абай – ақын…", "“Алаш” ‘партиясы’ „1917“",
            "[…]", "…", "− 5", "‐‑‒―",
        ]
        for prompt in prompts {
            #expect(IdentityKey.fast(prompt) == Normalization.identityKey(prompt), "\(prompt)")
        }
    }

    /// Every Cyrillic letter (the block minus its signs and combining
    /// marks) that the slow path keeps as its plain lower case must go
    /// through the fast path with the same key; the never-Kazakh letters the
    /// slow path repairs may be declined, but not keyed differently. Digits
    /// around the letter keep it away from the edges and from Latin
    /// look-alikes, which send any word to the slow path.
    @Test func fastLowerCaseCoversEveryCyrillicLetter() {
        var tested = 0
        var mustCover = 0
        for value in 0x400...0x4FF where !(0x482...0x489).contains(value) {
            guard let scalar = Unicode.Scalar(UInt32(value)) else { continue }
            let text = "1" + String(Character(scalar)) + "2"
            let key = Normalization.identityKey(text)
            let fast = IdentityKey.fast(text)
            tested += 1
            if key == text.lowercased() {
                mustCover += 1
                #expect(fast == key, "U+\(String(value, radix: 16))")
            } else {
                #expect(fast == nil || fast == key, "U+\(String(value, radix: 16))")
            }
        }
        #expect(tested == 0x100 - 8)
        // At least the 42 letters of the Kazakh alphabet, in both cases.
        #expect(mustCover >= 84)
    }

    func parseOne(_ text: String) -> Card? {
        let parsed = DeckParser.parse(text, file: "t.deck")
        return parsed.deck.cards.count == 1 ? parsed.deck.cards.first : nil
    }
}

/// The ASCII shortcut of `CardID.isValidExplicit` agrees with the rule as
/// written: 1–64 characters, each a letter, a digit, `-`, `_` or `.`.
@Suite struct ExplicitIDRuleTests {
    static func rule(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 64
            && text.unicodeScalars.allSatisfy { s in
                s == "-" || s == "_" || s == "." || s.properties.isAlphabetic || ("0"..."9").contains(s)
            }
    }

    @Test func theShortcutFollowsTheRule() {
        var texts = [
            "", "a", "kz-un-1992", "a.b_c-D9", "a b", "a/b", "a:b", "a\tb", "\r\n", "é", "Қазақ-1", "ид.2", "x\u{301}",
            String(repeating: "a", count: 64), String(repeating: "a", count: 65), String(repeating: "ә", count: 64),
            String(repeating: "ә", count: 65),
        ]
        for value in 0..<128 { texts.append("id" + String(UnicodeScalar(UInt8(value)))) }
        for text in texts {
            #expect(CardID.isValidExplicit(text) == Self.rule(text), "\(text.debugDescription)")
        }
    }
}
