import DeckFormat
import Testing

/// An explicit id is stored scoped, `NAMESPACE:ID`, and written back
/// without its namespace (`Card.idAsWritten`). The separator must be found
/// among the id's scalars: as a `Character`, `:` joins with a combining
/// mark after it (`id: ܴа` in namespace `n` is `n:ܴа`, where `:ܴ` is one
/// grapheme) or with a prepended letter before it (Malayalam dot reph
/// `ൎ`), the separator goes unseen, the printer writes `id: n:ܴа`, and the
/// deck reads back with an invalid id (issue 19, `parse-fuzz`'s first
/// round-trip finding, `scripts/fuzz/findings/parse-fuzz-crash-1`).
@Suite struct ScopedIDRoundTripTests {
    /// The finding, minimised by libFuzzer (`-minimize_crash=1`): a term
    /// with invalid UTF-8 and `id:` followed by U+0734 SYRIAC (a combining
    /// mark that is a letter, so a valid id).
    static let minimisedFinding: [UInt8] = [
        0x54, 0x3A, 0x81, 0x0A, 0x44, 0x3A, 0x35, 0x0A, 0x69, 0x64, 0x3A, 0xDC, 0xB4,
    ]

    /// The harness's comparison: the cards as read, places aside.
    static func stripped(_ deck: Deck) -> Deck { deck.withoutLocations }

    @Test func theMinimisedFindingPrintsBackToTheSameDeck() {
        let parsed = DeckParser.parse(Self.minimisedFinding, file: "fuzz.deck")
        #expect(parsed.deck.cards.count == 1)
        #expect(parsed.deck.cards.first?.idAsWritten == "\u{0734}")
        let printed = DeckPrinter.print(parsed.deck)
        #expect(printed.hasSuffix("\nid: \u{0734}\n"), "\(printed.debugDescription)")
        let reparsed = DeckParser.parse(printed, file: "fuzz.deck")
        #expect(Self.stripped(reparsed.deck) == Self.stripped(parsed.deck), "\(printed.debugDescription)")
    }

    @Test func theScopedIDSplitsAtItsSeparatorWhateverFollows() {
        let id = CardID.scoped("\u{0734}а", namespace: "n")
        #expect(CardID.unscoped(id) == CardID(rawValue: "\u{0734}а"))
        let prepended = CardID.scoped("x", namespace: "n\u{0D4E}")
        #expect(CardID.unscoped(prepended) == CardID(rawValue: "x"))
    }

    /// Every scalar an id may hold that joins into one grapheme with the
    /// `:` before it (combining and spacing marks) or after it (prepended
    /// letters).
    static let joiningScalars: (after: [Unicode.Scalar], before: [Unicode.Scalar]) = {
        let all = JoiningScalars.around(":")
        func isIDScalar(_ scalar: Unicode.Scalar) -> Bool { CardID.isValidExplicit(String(scalar) + "x") }
        return (all.after.filter(isIDScalar), all.before.filter(isIDScalar))
    }()

    @Test func idsStartingWithAJoiningMarkPrintBackAsWritten() {
        let scalars = Self.joiningScalars.after
        // Syriac, Arabic, Hebrew points, Indic vowel signs, …: hundreds.
        #expect(scalars.count > 500)
        var text = "namespace: n\n"
        for (i, scalar) in scalars.enumerated() {
            text += "\nT: Термин \(i)\nD: Анықтама\nid: \(scalar)x\(i)\n"
        }
        let parsed = DeckParser.parse(text, file: "marks.deck")
        #expect(parsed.diagnostics.filter { $0.severity == .error }.isEmpty)
        #expect(parsed.deck.cards.count == scalars.count)
        var wrong: [String] = []
        for (i, card) in parsed.deck.cards.enumerated() where card.idAsWritten != "\(scalars[i])x\(i)" {
            wrong.append("U+" + String(scalars[i].value, radix: 16, uppercase: true))
        }
        #expect(wrong.isEmpty, "written back wrongly: \(wrong.prefix(20))")
        let reparsed = DeckParser.parse(DeckPrinter.print(parsed.deck), file: "marks.deck")
        #expect(reparsed.diagnostics.filter { $0.severity == .error }.isEmpty)
        #expect(Self.stripped(reparsed.deck) == Self.stripped(parsed.deck))
    }

    @Test func namespacesEndingInAPrependedLetterPrintBackAsWritten() {
        let scalars = Self.joiningScalars.before
        #expect(!scalars.isEmpty)
        for scalar in scalars {
            let text = "namespace: n\(scalar)\n\nQ: Сұрақ?\nA: Жауап\nid: q1\n"
            let parsed = DeckParser.parse(text, file: "prepend.deck")
            #expect(parsed.diagnostics.filter { $0.severity == .error }.isEmpty)
            #expect(parsed.deck.cards.first?.idAsWritten == "q1", "U+\(String(scalar.value, radix: 16))")
            let reparsed = DeckParser.parse(DeckPrinter.print(parsed.deck), file: "prepend.deck")
            #expect(Self.stripped(reparsed.deck) == Self.stripped(parsed.deck), "U+\(String(scalar.value, radix: 16))")
        }
    }
}
