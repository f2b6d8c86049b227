import DeckFormat
import Foundation
import Testing

@testable import jatta

/// `jatta check` through `DeckCheck.run`, on real files.
@Suite struct CheckCommandTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let tenMistakes = repository.appendingPathComponent("scripts/tests/fixtures/ten-mistakes.deck").path

    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("jatta-check-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    @Test func tenMistakesAreReportedCompilerStyleAndFail() {
        let report = DeckCheck.run(paths: [Self.tenMistakes], json: false, werror: false, language: .en)
        #expect(report.status == 1)
        let places = ["2:7: warning", "6:1: error", "10:1: error", "14:1: error", "18:1: error", "22:21: error",
            "24:58: warning", "26:8: warning", "29:4: warning", "32:1: error"]
        for place in places {
            #expect(report.output.contains(Self.tenMistakes + ":" + place), "\(place)")
        }
        #expect(report.output.contains("""
            C: Қазақстан БҰҰ-ға {1992 жылы мүше болды.
                                ^
            """))
        #expect(report.output.hasSuffix("6 errors, 4 warnings in 1 file (5 cards).\n"))
    }

    @Test func messagesInKazakh() {
        let report = DeckCheck.run(paths: [Self.tenMistakes], json: false, werror: false, language: .kk)
        #expect(report.output.contains("error: белгісіз өріс 'tag:'; 'tags:' болуы мүмкін бе? [unknown-field]"))
        #expect(report.output.hasSuffix("1 файлда 6 қате, 4 ескерту (5 карта).\n"))
    }

    @Test func randomBytesAreAnErrorNotACrash() throws {
        var state: UInt64 = 12345
        for round in 0..<20 {
            let bytes = (0..<5000).map { _ -> UInt8 in
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                let b = UInt8(truncatingIfNeeded: state >> 56)
                return round % 2 == 0 ? b : max(b, 1)  // odd rounds have no NUL: not "binary"
            }
            let path = try write("random\(round).deck", bytes)
            let report = DeckCheck.run(paths: [path], json: false, werror: false, language: .en)
            #expect(report.status == 1, "round \(round)")
            #expect(report.diagnostics.contains { $0.severity == .error }, "round \(round)")
        }
    }

    @Test func exitStatusForCleanDecksWarningsAndUnreadablePaths() throws {
        let clean = try write("clean.deck", Array("Q: Астана?\nA: Иә".utf8))
        let warned = try write("warned.deck", Array("Q: Acтана?\nA: Иә".utf8))
        #expect(DeckCheck.run(paths: [clean], json: false, werror: false, language: .en).status == 0)
        #expect(DeckCheck.run(paths: [clean], json: false, werror: false, language: .en).output == "No problems in 1 file (1 card).\n")
        #expect(DeckCheck.run(paths: [warned], json: false, werror: false, language: .en).status == 0)
        #expect(DeckCheck.run(paths: [warned], json: false, werror: true, language: .en).status == 1)
        // A level 4: a warning, the card kept. A choice with no `*` is
        // never asked (issue 11): an error, though the card is listed.
        let kept = try write("kept.deck", Array("Q: Алматы?\nA: Иә\nlevel: 4".utf8))
        let report = DeckCheck.run(paths: [kept], json: false, werror: false, language: .en)
        #expect(report.status == 0)
        #expect(report.output.hasSuffix("0 errors, 1 warning in 1 file (1 card).\n"), "\(report.output)")
        let unasked = try write("unasked.deck", Array("Q: Астана?\n- Иә\n- Жоқ".utf8))
        let failed = DeckCheck.run(paths: [unasked], json: false, werror: false, language: .en)
        #expect(failed.status == 1)
        #expect(failed.output.contains("[no-correct-option]"))
        try FileManager.default.removeItem(atPath: unasked)
        #expect(DeckCheck.run(paths: [kept], json: false, werror: true, language: .en).status == 1)
        let missing = folder.appendingPathComponent("missing.deck").path
        #expect(DeckCheck.run(paths: [clean, missing], json: false, werror: false, language: .en).status == 2)
        #expect(DeckCheck.run(paths: [folder.path], json: false, werror: false, language: .en).status == 0)
    }

    @Test func jsonIsOneObjectPerDiagnostic() throws {
        let report = DeckCheck.run(paths: [Self.tenMistakes], json: true, werror: false, language: .kk)
        let lines = report.output.split(separator: "\n")
        #expect(lines.count == 10)
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            for key in ["file", "line", "column", "severity", "code", "message", "message_kk", "message_en"] {
                #expect(object[key] != nil, "\(key)")
            }
            #expect(object["message"] as? String == object["message_kk"] as? String)
        }
    }

    /// A deck whose lines end in a lone CR is read line by line by the
    /// parser; its excerpts are those lines, not the whole file as one.
    @Test func excerptsOfAFileOfLoneCRsAreItsLines() throws {
        let file = try write("cr.deck", Array("Q: бір\rA: екі\r\rQ: үш\rA: төрт\r".utf8))
        var lines = SourceLines()
        #expect(lines.excerpt(file: file, line: 1, column: 1, window: 100)?.text == "Q: бір")
        #expect(lines.excerpt(file: file, line: 5, column: 4, window: 100)?.text == "A: төрт")
        #expect(lines.excerpt(file: file, line: 5, column: 4, window: 100)?.caretLine == "   ^")
    }
}

@Suite struct ExcerptTests {
    @Test func caretSitsUnderTheColumnOfKazakhText() {
        let excerpt = SourceLines.excerpt(Array("Q: Әлемдік «саясат»".utf8)[...], column: 12, window: 100)
        #expect(excerpt.text == "Q: Әлемдік «саясат»")
        #expect(excerpt.caretLine == "           ^")
    }

    @Test func tabsAreCopiedIntoTheCaretLine() {
        let excerpt = SourceLines.excerpt(Array("\tа\tб".utf8)[...], column: 4, window: 100)
        #expect(excerpt.caretLine == "\t \t^")
    }

    @Test func wideAndCombiningCharactersAreMeasured() {
        let excerpt = SourceLines.excerpt(Array("漢字e\u{301}x".utf8)[...], column: 5, window: 100)
        #expect(excerpt.caretLine == "     ^")
    }

    @Test func aLongLineIsShownAroundTheColumn() {
        let line = String(repeating: "ә", count: 1_000_000) + "X" + String(repeating: "ә", count: 1000)
        let excerpt = SourceLines.excerpt(Array(line.utf8)[...], column: 1_000_001, window: 20)
        #expect(excerpt.text == "…" + String(repeating: "ә", count: 10) + "X" + String(repeating: "ә", count: 9) + "…")
        #expect(excerpt.caretLine == String(repeating: " ", count: 11) + "^")
    }

    @Test func controlCharactersAreNotSentToTheTerminal() {
        let excerpt = SourceLines.excerpt(Array("a\u{1B}[31mb".utf8)[...], column: 1, window: 100)
        #expect(!excerpt.text.contains("\u{1B}"))
    }
}
