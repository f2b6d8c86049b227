import DeckFormat
import FSRS
import Foundation
import Testing

@testable import jatta

@Suite struct ListCommandTests {
    static let deck = """
        # Дәріс
        namespace: ir
        ## Глоссарий
        T: Режим
        D: Құралдар
        alt: Режім

        Q: Қайсысы ұйым?
        * БҰҰ
        - Алматы
        level: 2

        C: Қазақстан БҰҰ-ға {1992|тоқсан екі} жылы мүше болды.
        id: kz-un

        Q: Неолиберализм?
        A: Институттар
        - рөлі
        source: lectures/002.txt:12
        tags: неолиберализм
        """

    func listing(json: Bool) throws -> CardListing.Listing {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("jatta-list-\(UUID().uuidString).deck")
        try Self.deck.write(to: url, atomically: true, encoding: .utf8)
        return CardListing.run(paths: [url.path], json: json, language: .en)
    }

    @Test func jsonGoesOutInWholeLinesAsTheCardsAreMade() throws {
        // Issue 20: `list --json` streams; its pieces are whole lines and
        // together the listing, so nothing depends on the piece size.
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("jatta-list-\(UUID().uuidString).deck")
        try Self.deck.write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        let whole = CardListing.run(paths: [url.path], json: true, language: .en)
        for chunk in [1, 200, 1 << 16] {
            var pieces: [[UInt8]] = []
            let streamed = CardListing.run(paths: [url.path], json: true, language: .en, chunk: chunk) { pieces.append($0) }
            #expect(Array(pieces.joined()) == Array(whole.output.utf8))
            #expect(pieces.allSatisfy { $0.last == UInt8(ascii: "\n") })
            #expect(chunk > 1 || pieces.count == 4)
            #expect(streamed.problems == whole.problems && streamed.status == whole.status)
        }
    }

    @Test func jsonHasOneObjectPerCardWithTheAgreedKeys() throws {
        let listing = try listing(json: true)
        #expect(listing.status == 0)
        #expect(listing.problems == "")
        let objects = try listing.output.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(objects.count == 4)
        for object in objects {
            for key in ["id", "kind", "prompt", "answer", "level", "tags", "source", "file", "line", "faces", "alternatives"] {
                #expect(object[key] != nil, "\(key)")
            }
        }
        #expect(objects.map { $0["kind"] as? String } == ["term", "choice", "cloze", "open"])
        #expect(objects[0]["faces"] as? [String] == [objects[0]["id"] as? String ?? "", (objects[0]["id"] as? String ?? "") + "/reverse"])
        #expect(objects[0]["alternatives"] as? [String] == ["Режім"])
        let options = objects[1]["options"] as? [[String: Any]]
        #expect(options?.map { $0["text"] as? String } == ["БҰҰ", "Алматы"])
        #expect(options?.map { $0["correct"] as? Bool } == [true, false])
        #expect(objects[1]["level"] as? Int == 2)
        #expect(objects[2]["id"] as? String == "ir:kz-un")
        #expect(objects[2]["gaps"] as? [[String]] == [["1992", "тоқсан екі"]])
        #expect(objects[2]["prompt"] as? String == "Қазақстан БҰҰ-ға […] жылы мүше болды.")
        #expect(objects[3]["key_points"] as? [String] == ["рөлі"])
        #expect(objects[3]["source"] as? String == "lectures/002.txt:12")
        #expect(objects[3]["tags"] as? [String] == ["Глоссарий", "неолиберализм"])
        #expect(objects[3]["line"] as? Int == 16)
        // The prompt, answer and alternatives come from the content read
        // once per card (`CardContent`), each kind its own way.
        #expect(objects.map { $0["prompt"] as? String } == ["Режим", "Қайсысы ұйым?", "Қазақстан БҰҰ-ға […] жылы мүше болды.", "Неолиберализм?"])
        #expect(objects.map { $0["answer"] as? String } == ["Құралдар", "БҰҰ", "1992", "Институттар"])
        #expect(objects.map { $0["alternatives"] as? [String] } == [["Режім"], [], [], []])
    }

    /// Bodies kept aside for a table of cards, as the deck index keeps
    /// them: body `offset` is the `offset`-th.
    struct KeptBodies: CardBodyDecoding {
        let bodies: [CardBody]

        func body(at offset: Int, length: Int) -> CardBody? { bodies[offset] }
    }

    /// `list --json` reads each card of a warm start through its deck's
    /// table (`IndexedCards`), its body once: every line must be the one
    /// the parsed card gives, for every kind, tag, level and place of the
    /// bundled decks, the fixture and this suite's deck.
    @Test func jsonOfACardReadThroughItsDecksTableIsTheParsedCards() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        var texts = [("list.deck", Self.deck)]
        for folder in ["decks", "scripts/tests/fixtures"] {
            let path = root.appendingPathComponent(folder).path
            for name in try FileManager.default.contentsOfDirectory(atPath: path).sorted() where name.hasSuffix(".deck") {
                texts.append((name, try String(contentsOfFile: path + "/" + name, encoding: .utf8)))
            }
        }
        var compared = 0
        for (name, text) in texts {
            let parsed = DeckParser.parse(text, file: name).deck.cards
            let tagLists = parsed.flatMap { [$0.tags, $0.sectionTags] }
            let bodies = parsed.map { CardBody(content: $0.content, source: $0.source, lastLine: $0.lastLine) }
            let table = IndexedCards(
                file: name, tagLists: tagLists, bodies: CardBodySource(KeptBodies(bodies: bodies)), firstBody: 0,
                capacity: parsed.count)
            for (row, card) in parsed.enumerated() {
                let added = table.append(
                    id: card.id, hasExplicitID: card.hasExplicitID, derivedID: card.derivedID, kind: card.kind,
                    isAnswerable: card.isAnswerable, definitionLength: card.definitionLength, level: card.level,
                    tags: 2 * row, sectionTags: 2 * row + 1, location: card.location, bodyAt: row, length: 1)
                try #require(added)
            }
            for (card, expected) in zip(table.cards, parsed) {
                var fromTable = JSONWriter(style: .compact)
                CardJSON.write(card, to: &fromTable)
                var fromParse = JSONWriter(style: .compact)
                CardJSON.write(expected, to: &fromParse)
                #expect(
                    String(decoding: fromTable.bytes, as: UTF8.self) == String(decoding: fromParse.bytes, as: UTF8.self),
                    "\(name) \(expected.id)")
                compared += 1
            }
        }
        #expect(compared > 150, "\(compared) cards")
    }

    @Test func cardsKeptWithAWarningAreListedAsWritten() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("jatta-list-\(UUID().uuidString).deck")
        try "Q: Астана?\n- Иә\n- Жоқ\n\nQ: Алматы?\nA: Иә\nlevel: 4\n".write(to: url, atomically: true, encoding: .utf8)
        let listing = CardListing.run(paths: [url.path], json: true, language: .en)
        // Never asked, so an error since issue 11; still listed as written.
        #expect(listing.status == 1)
        #expect(listing.problems.contains("error: a multiple-choice question with no correct option"))
        #expect(listing.problems.contains("warning: a level is 1–3, not 4"))
        let objects = try listing.output.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(objects.map { $0["kind"] as? String } == ["choice", "question"])
        let options = objects[0]["options"] as? [[String: Any]]
        #expect(options?.map { $0["text"] as? String } == ["Иә", "Жоқ"])
        #expect(options?.map { $0["correct"] as? Bool } == [false, false])
        #expect(objects[1]["level"] as? Int == 4)
    }

    @Test func tableHasAHeaderAndOneRowPerCard() throws {
        let listing = try listing(json: false)
        let rows = listing.output.split(separator: "\n")
        #expect(rows.count == 5)
        #expect(rows[0].hasPrefix("ID"))
        #expect(rows[3].hasPrefix("ir:kz-un "))
    }

    /// A tab in a prompt pushed the rest of its row out of the columns: the
    /// place column starts at the same column on every row.
    @Test func aTabInAPromptKeepsTheColumns() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("jatta-list-\(UUID().uuidString).deck")
        defer { try? FileManager.default.removeItem(at: url) }
        try "Q: a\tb tab?\nA: x\n\nQ: normal?\nA: y\n".write(to: url, atomically: true, encoding: .utf8)
        let rows = CardListing.run(paths: [url.path], json: false, language: .en, width: 100).output.split(separator: "\n")
        #expect(rows.count == 3)
        #expect(!rows.contains { $0.contains("\t") })
        let places = rows.dropFirst().map { $0.distance(from: $0.startIndex, to: $0.range(of: url.lastPathComponent)!.lowerBound) }
        #expect(Set(places).count == 1)
    }

    /// Issue 11: ids were cut at 24 characters (`l15-term-self-organisat…`),
    /// though `history --card` and `unsuspend` need them whole.
    @Test func longIDsArePrintedWhole() throws {
        let id = "l15-term-self-organisation-of-the-international-system"
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("jatta-list-\(UUID().uuidString).deck")
        try "namespace: ir\n\nT: Өзін-өзі ұйымдастыру\nD: Жүйенің өзін реттеуі\nid: \(id)\n".write(
            to: url, atomically: true, encoding: .utf8)
        let listing = CardListing.run(paths: [url.path], json: false, language: .en, width: 40)
        let row = try #require(listing.output.split(separator: "\n").last)
        #expect(row.hasPrefix("ir:" + id + " "))
    }

    @Test func jsonEscaping() {
        #expect(JSONValue.string("a\"b\\c\nd\u{1}е").compactText == "\"a\\\"b\\\\c\\nd\\u0001е\"")
        #expect(JSONValue.object([("k", .array([.int(1), .bool(false), .null]))]).compactText == "{\"k\":[1,false,null]}")
        // A C1 control alone (CSI, U+009B) must be escaped too: some terminals
        // a `--json` line is printed on take it as the start of a sequence.
        #expect(JSONValue.string("x\u{9B}2J").compactText == "\"x\\u009b2J\"")
        #expect(JSONValue.string("\u{85}").compactText == "\"\\u0085\"")
        #expect(JSONValue.string("\u{A0}ә").compactText == "\"\u{A0}ә\"")
    }

    /// Strings of every awkward kind, drawn from a seeded generator: each C0
    /// control, DEL, each C1 control, quotes, backslashes, slashes, Kazakh
    /// letters, U+2028, non-BMP scalars and a combining mark.
    static func awkwardStrings() -> [String] {
        var scalars: [Unicode.Scalar] = (0..<0x20).compactMap { Unicode.Scalar(UInt32($0)) }
        scalars += (0x7F...0xA0).compactMap { Unicode.Scalar(UInt32($0)) }
        scalars += ["\"", "\\", "/", "a", " ", "ә", "Ж", "\u{2028}", "\u{301}", "\u{FFFD}", "😀", "\u{10348}", "\u{10FFFF}"]
        var state: UInt64 = 20
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var strings = [String(String.UnicodeScalarView(scalars))]
        for _ in 0..<500 {
            strings.append(String(String.UnicodeScalarView((0..<next(24)).map { _ in scalars[next(scalars.count)] })))
        }
        return strings
    }

    /// Issue 20: `list --json` now writes bytes itself. What it writes must
    /// read back, by Foundation's parser, as the very string, with no
    /// terminal control (C0, DEL, C1) left raw; the Python style leaves DEL
    /// and C1 raw, as Python does (scripts/tests/json-escaping.sh compares
    /// that style with Python's text).
    @Test func jsonStringsReadBackAsWrittenWithNoRawControl() throws {
        for string in Self.awkwardStrings() {
            for style in [JSONValue.Style.compact, .python] {
                let text = JSONValue.array([.string(string)]).text(style)
                let read = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String]
                #expect(read == [string], "\(style) \(text.debugDescription)")
                let raw = text.unicodeScalars.filter { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }
                #expect(style == .python ? raw.allSatisfy { $0.value >= 0x7F } : raw.isEmpty, "\(text.debugDescription)")
            }
        }
    }
}

/// The table's prompt column is the prompt's first line, found in its
/// bytes; the characters of the prompt are the oracle.
@Suite struct ListFirstLineTests {
    @Test func theFirstLineEndsAtTheFirstLineFeedCharacter() {
        let pieces = ["а", "Қ", "\n", "\r", "\r\n", "\u{0301}", "x", " ", "😀", "\u{200D}"]
        var rng = SeededGenerator(seed: 5)
        for _ in 0..<5_000 {
            let text = (0..<Int.random(in: 0...8, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            let expected = text.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? ""
            #expect(CardListing.firstLine(of: text) == expected, "\(text.unicodeScalars.map(\.value))")
        }
    }
}
