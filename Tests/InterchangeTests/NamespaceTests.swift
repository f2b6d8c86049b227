import DeckFormat
import Interchange
import Testing

/// Explicit ids through GIFT with namespaces (docs/interchange.md,
/// "Identity"): the title is the id as written, the namespace travels in
/// the deck header, and a Moodle file's ids are scoped by the deck written.
@Suite struct InterchangeNamespaceTests {
    static func parse(_ text: String, file: String) -> ParsedDeck { DeckParser.parse(text, file: file) }

    static func gift(_ deck: Deck) -> String { GIFTExporter.write([deck]).text }

    /// A card's identity, all three parts.
    static func identity(_ cards: [Card]) -> [String] {
        cards.map { "\($0.id) \($0.hasExplicitID) \($0.derivedID)" }
    }

    @Test func theTitleIsTheIdWithoutItsNamespace() {
        let deck = Self.parse("# D\nnamespace: ir-kaznu\n\nQ: Астана қашан астана болды?\nA: 1997\nid: q1\n", file: "l4.deck").deck
        let text = Self.gift(deck)
        #expect(text.contains("::q1::"), "\(text)")
        #expect(!text.contains("ir-kaznu\\:q1"), "\(text)")
        #expect(text.contains("// namespace: ir-kaznu"), "\(text)")
    }

    /// The namespace of the header scopes the ids, whatever the deck file
    /// is called: a card moved through GIFT to another file keeps its progress.
    @Test func theHeadersNamespaceScopesTheIdsInAnyFile() {
        let deck = Self.parse("# D\nnamespace: ir-kaznu\n\nQ: Астана қашан астана болды?\nA: 1997\nid: q1\n", file: "l4.deck").deck
        let back = GIFTImporter.read(Array(Self.gift(deck).utf8), file: "x.gift", deckFile: "other.deck").deck
        #expect(Self.identity(back.cards) == ["ir-kaznu:q1 true \(deck.cards[0].derivedID)"])
        #expect(Self.identity(back.cards) == Self.identity(deck.cards))
    }

    /// What `jatta import` writes reads back with the ids the import gave.
    @Test func theWrittenDeckReadsBackWithTheSameIds() {
        for text in [
            "# D\nnamespace: ir-kaznu\n\nQ: Бір?\nA: 1\nid: q1\n\nQ: Екі?\nA: 2\n",
            "# D\n\nQ: Бір?\nA: 1\nid: q1\n\nQ: Екі?\nA: 2\n",
        ] {
            let deck = Self.parse(text, file: "l4.deck").deck
            let back = GIFTImporter.read(Array(Self.gift(deck).utf8), file: "x.gift", deckFile: "l4.deck").deck
            #expect(Self.identity(back.cards) == Self.identity(deck.cards))
            let written = Self.parse(DeckPrinter.print(back), file: "l4.deck").deck
            #expect(Self.identity(written.cards) == Self.identity(back.cards))
        }
    }

    /// Moodle's titles become ids scoped by the deck written, which gets
    /// that `namespace:` line, so `jatta check` has nothing to say.
    @Test func moodleTitlesGetTheOutputsNamespaceAndCheckClean() throws {
        let result = GIFTImporter.read(
            try GIFTImportTests.fixture("moodle-examples.gift"), file: "moodle-examples.gift", deckFile: "lecture4.deck")
        #expect(result.deck.metadata("namespace") == "lecture4")
        let titled = result.deck.cards.filter(\.hasExplicitID)
        #expect(!titled.isEmpty)
        #expect(titled.allSatisfy { $0.id.rawValue.hasPrefix("lecture4:") })
        #expect(titled.map(\.id.rawValue).contains("lecture4:Q1"))
        #expect(titled.map(\.id.rawValue).contains("lecture4:GIFT-Control-Characters"))
        let written = Self.parse(DeckPrinter.print(result.deck), file: "lecture4.deck")
        #expect(!written.diagnostics.contains { $0.code == "id-without-namespace" })
        #expect(Self.identity(written.deck.cards) == Self.identity(result.deck.cards))
    }

    /// A GIFT file without titles needs no namespace: none is added.
    @Test func untitledQuestionsNeedNoNamespace() {
        let result = GIFTImporter.read(Array("Бір? {=1}\n".utf8), file: "q.gift", deckFile: "q.deck")
        #expect(result.deck.metadata("namespace") == nil)
        #expect(result.deck.cards.map(\.hasExplicitID) == [false])
    }

    /// `jatta pin-ids` writes the derived id as the explicit one; it stays
    /// explicit through GIFT though the title equals the derived id.
    @Test func aPinnedDerivedIdStaysExplicit() {
        let plain = Self.parse("# D\nnamespace: ns\n\nQ: Бір?\nA: 1\n", file: "p.deck").deck
        let derived = plain.cards[0].id.rawValue
        let deck = Self.parse("# D\nnamespace: ns\n\nQ: Бір?\nA: 1\nid: \(derived)\n", file: "p.deck").deck
        #expect(deck.cards[0].hasExplicitID)
        let back = GIFTImporter.read(Array(Self.gift(deck).utf8), file: "x.gift", deckFile: "p.deck").deck
        #expect(Self.identity(back.cards) == Self.identity(deck.cards))
        // The unpinned card stays derived.
        let plainBack = GIFTImporter.read(Array(Self.gift(plain).utf8), file: "x.gift", deckFile: "p.deck").deck
        #expect(Self.identity(plainBack.cards) == Self.identity(plain.cards))
    }
}
