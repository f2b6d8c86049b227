import DeckFormat
import FSRS
import Foundation
@testable import Interchange
import ReviewStore
import Testing

/// Anki packages: the mapping both ways, HTML, cloze syntax, the bits of
/// protobuf read, and a whole package through zip and SQLite.
@Suite struct AnkiTests {
    /// What an Anki round trip must keep of a card: everything but where
    /// its tags came from (Anki has tags, not sections) and its place.
    static func essentials(_ card: Card) -> String {
        "\(card.id) \(card.hasExplicitID) \(card.derivedID) \(card.level) \(card.allTags) \(card.source ?? "-") \(card.content)"
    }

    @Test func generatedDecksGoToAnkiAndBackUnchanged() {
        for offset in 0..<200 {
            let seed: UInt64 = 0x616E_6B69 &+ UInt64(offset)
            var generator = DeckGenerator(random: SeededGenerator(seed: seed))
            let deck = generator.deck(file: "generated.deck", namespace: offset.isMultiple(of: 2) ? nil : "course-\(offset % 5)")
            let (tables, exportProblems) = AnkiExporter.tables([deck], now: 1_800_000_000_000)
            // Cards sharing an id (the same prompt twice) share one GUID in
            // Anki: the first is written, each other one named.
            var seen = Set<CardID>()
            let kept = deck.cards.filter { seen.insert($0.id).inserted }
            #expect(exportProblems.map(\.code) == Array(repeating: "same-card-twice", count: deck.cards.count - kept.count))
            let back = AnkiImporter.read(tables, file: "g.apkg", deckFile: "generated.deck")
            #expect(!back.hasErrors)
            let a = back.deck.cards.map(Self.essentials), b = kept.map(Self.essentials)
            let first = zip(a, b).first { $0 != $1 }.map { "\($0)\n≠\n\($1)" } ?? "\(a.count) ≠ \(b.count) cards"
            #expect(a == b, "seed \(seed): \(first)")
            if a != b { return }
        }
    }

    @Test func aPackageGoesThroughZipAndSQLite() throws {
        var generator = DeckGenerator(random: SeededGenerator(seed: 17))
        let deck = generator.deck(file: "z.deck", namespace: "zip")
        let data = try AnkiPackage.write(AnkiExporter.tables([deck], now: 1_800_000_000_000).tables, temporaryDirectory: NSTemporaryDirectory())
        let path = NSTemporaryDirectory() + "/jatta-anki-test-\(getpid()).apkg"
        defer { unlink(path) }
        try data.write(to: URL(fileURLWithPath: path))
        let back = AnkiImporter.read(try AnkiPackage.read(path: path, temporaryDirectory: NSTemporaryDirectory()), file: path, deckFile: "z.deck")
        #expect(back.deck.cards.map(Self.essentials) == deck.cards.map(Self.essentials))
    }

    @Test func htmlBecomesText() {
        // A `<div>` is a block: Anki shows it on a line of its own.
        #expect(AnkiHTML.toText("<b>Қазақ</b>&nbsp;тілі<br>екінші <div>жол</div>") == "Қазақ тілі\nекінші\nжол")
        #expect(AnkiHTML.toText("a &lt;b&gt; &amp; &#1178;&#x49b;") == "a <b> & Ққ")
        // An entity or a raw byte never becomes a control character.
        #expect(AnkiHTML.toText("x&#27;[31my\u{1B}z\u{7}") == "x&#27;[31my z")
        #expect(AnkiHTML.toText("Абай [sound:abai.mp3]") == "Абай")
        #expect(AnkiHTML.mediaReferences("<img src=\"a b.jpg\"> [sound:c.mp3] <img src=d.png>") == ["c.mp3", "a b.jpg", "d.png"])
        #expect(AnkiHTML.toItems("<ul><li>бір</li><li>екі<br>жол</li></ul>") == ["бір", "екі\nжол"])
        #expect(AnkiHTML.toItems("бір<br>екі") == ["бір", "екі"])
    }

    @Test func textBecomesHTMLAndBack() {
        let text = "a < b && c > d\nКазақ «сөз»"
        #expect(AnkiHTML.fromText(text) == "a &lt; b &amp;&amp; c &gt; d<br>Казақ «сөз»")
        #expect(AnkiHTML.toText(AnkiHTML.fromText(text)) == text)
    }

    @Test func ankiClozesBecomeGaps() {
        #expect(AnkiCloze.read("Абай {{c1::1845}} жылы, {{c2::Шыңғыстауда::тау}}.") == "Абай {1845} жылы, {Шыңғыстауда}.")
        #expect(AnkiCloze.numbers("{{c1::a}} {{c2::b}} {{c2::c}} {{x}}") == [1, 2, 2])
        #expect(AnkiCloze.read("{x} {{c1::a|b}}") == "\\{x\\} {a|b}")
        #expect(AnkiCloze.read("no cloze here") == nil)
        // An opening with no close ends the search instead of rescanning.
        let open = String(repeating: "{{c1::x ", count: 20_000)
        #expect(AnkiCloze.read(open) == nil)
        let card = ClozeCard(text: "БҰҰ-ға {1992|тоқсан екі} жылы, \\{жақша\\}")
        #expect(AnkiCloze.write(card) == "БҰҰ-ға {{c1::1992|тоқсан екі}} жылы, {жақша}")
    }

    @Test func protobufFieldsAreReadAndGarbageIsNot() {
        #expect(ProtobufFields([0x08, 0x03]).varint(1) == 3)
        #expect(ProtobufFields([0x12, 0x02, 0x61, 0x62, 0x08, 0x01]).bytes(2) == [0x61, 0x62])
        #expect(ProtobufFields([0x12, 0x7F, 0x61]).bytes(2) == nil)
        #expect(ProtobufFields([0xFF, 0xFF, 0xFF]).varint(1) == nil)
        #expect(ProtobufFields([]).varint(1) == nil)
    }

    @Test func aCardTwiceIsLeftOutWithAWarning() {
        let location = SourceLocation(file: "a.deck", line: 3)
        let card = Card(
            id: CardID(rawValue: "q-1"), content: .question(QuestionCard(question: "Q", answer: "A")), location: location)
        let (tables, problems) = AnkiExporter.tables([Deck(file: "a.deck", cards: [card]), Deck(file: "b.deck", cards: [card])], now: 0)
        #expect(tables.notes.count == 1)
        #expect(problems.map(\.code) == ["same-card-twice"])
    }
}
