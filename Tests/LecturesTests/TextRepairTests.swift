import Testing

@testable import Lectures

/// One test per repair rule, with the cases that must not change.
@Suite("Text repair rules")
struct TextRepairTests {
    func line(_ text: String, _ number: Int = 1) -> SourceLine { SourceLine(number: number, text: text) }

    // MARK: decoding

    @Test("UTF-8 text decodes; BOM dropped, CRLF and NBSP folded")
    func decoding() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("Режим:\u{00A0}ереже\r\nекі  \r\n".utf8)
        let text = try TextDecoding.decode(bytes, file: "a.txt")
        #expect(TextDecoding.lines(of: text).map(\.text) == ["Режим: ереже", "екі"])
    }

    @Test("what is not text is refused with a message in each language", arguments: [
        (Array("%PDF-1.7\n".utf8), "PDF"),
        ([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00], "ZIP"),
        ([0x41, 0x00, 0x42], "1:2: a zero byte"),
        // Windows-1251 «ә» (0xD9 here, alone) on the second line.
        (Array("Бір\nекі ".utf8) + [0xD9, 0x20], "2:5: a byte that is not UTF-8"),
        ([0xFF, 0xFE, 0x51, 0x00, 0x0A, 0x00], "UTF-16"),
    ] as [([UInt8], String)])
    func notText(bytes: [UInt8], detail: String) {
        #expect {
            _ = try TextDecoding.decode(bytes, file: "notes.pdf")
        } throws: { error in
            guard let e = error as? LectureError else { return false }
            // Each message in one language (the Kazakh one held English).
            return e.kind == .notText && e.messageEN.contains(detail) && e.messageKK.contains("мәтіндік файл емес")
                && !e.messageKK.contains(" / ") && !e.messageEN.contains(" / ")
        }
    }

    @Test("an empty file is an error, not an empty deck")
    func empty() {
        #expect(throws: LectureError.self) { _ = try TextDecoding.decode(Array(" \n\n".utf8), file: "e.txt") }
    }

    // MARK: HTML

    @Test("HTML: blocks become lines with their file line, entities decoded, scripts dropped")
    func html() {
        let html = """
            <h1 class="t">ҚАЗАҚСТАН &amp; ӘЛЕМ</h1><script>var x = "<p>no</p>";</script>
            <p>Бірінші&nbsp;абзац
            жалғасы.</p>
            <!-- <p>comment</p> -->
            <p>Kazakhstan &#8211; <em>Astana</em></p>
            """
        let (lines, repairs) = HTMLText.lines(from: html, file: "x.html")
        #expect(lines.map(\.text) == ["ҚАЗАҚСТАН & ӘЛЕМ", "Бірінші абзац жалғасы.", "Kazakhstan – Astana"])
        #expect(lines.map(\.number) == [1, 2, 5])
        #expect(repairs.count == 1)
        #expect(repairs[0].reason.contains("&amp; ×1"))
    }

    @Test("HTML is recognised by name or by its tags, plain text is not")
    func htmlDetection() {
        #expect(TextDecoding.looksLikeHTML("x", file: "page.HTML"))
        #expect(TextDecoding.looksLikeHTML("<h1>Т</h1><p>мәтін</p>", file: "notes.txt"))
        #expect(!TextDecoding.looksLikeHTML("Режим: <ереже> жиынтығы", file: "notes.txt"))
    }

    // MARK: look-alike letters

    @Test("a Latin look-alike inside a Cyrillic word is repaired and logged")
    func latinInCyrillic() {
        let (fixed, repairs) = LookalikeRepair.repair(line("Дипломатия cөзіне анықтама", 534), file: "000.txt")
        #expect(fixed.text == "Дипломатия сөзіне анықтама")
        #expect(repairs.map(\.kind) == [.latinLookalike])
        #expect(repairs.first?.before == "cөзіне" && repairs.first?.line == 534)
    }

    @Test("ӛ/Ӛ become ө/Ө (never ә)")
    func brokenFontLetter() {
        let (fixed, repairs) = LookalikeRepair.repair(line("Ӛндіріс құралдарына ӛздерінің"), file: "002.txt")
        #expect(fixed.text == "Өндіріс құралдарына өздерінің")
        #expect(repairs.map(\.kind) == [.wrongLetter, .wrongLetter])
    }

    @Test("English words and Latin numerals keep their letters", arguments: [
        "Kazakhstan, Almaty қалай жеңетіні", "II-дүниежүзілік соғыс", "(Yurdusev, 1996: 47-48)", "IMF/ХВҚ/ секілді",
        "Perpetual Peace(мәңгі бейбітшілік)", "MINURSO, UNIFIL, UNDOF",
    ])
    func latinKept(text: String) {
        let (fixed, repairs) = LookalikeRepair.repair(line(text), file: "f")
        #expect(fixed.text == text)
        #expect(repairs.isEmpty)
    }

    // MARK: glued text

    @Test("a heading glued to the text is split at the capital")
    func gluedHeading() {
        let (lines, repairs) = GluedTextRepair.repair(line("МазмұныКіріспе мәтіні", 3), file: "003")
        #expect(lines.map(\.text) == ["Мазмұны", "Кіріспе мәтіні"])
        #expect(lines.map(\.number) == [3, 3])
        #expect(repairs.map(\.kind) == [.gluedText])
    }

    @Test("a sentence glued at the full stop gets its space")
    func gluedSentence() {
        let (lines, _) = GluedTextRepair.repair(line("болуы тиіс.Қазіргі кезде"), file: "003")
        #expect(lines.map(\.text) == ["болуы тиіс. Қазіргі кезде"])
    }

    @Test("abbreviations, initials and an ellipsis are left alone", arguments: [
        "ҚазҰУ студенті", "Н.Ә.Назарбаев айтты", "В.И. Гантманның", "ЮНЕСКО-ға", "игеріледі.... Бұл",
    ])
    func notGlued(text: String) {
        let (lines, repairs) = GluedTextRepair.repair(line(text), file: "f")
        #expect(lines.map(\.text) == [text])
        #expect(repairs.isEmpty)
    }

    @Test("dot leaders and page references are removed")
    func leadersAndPages() {
        let (lines, repairs) = GluedTextRepair.repair(line("Кіріспе..........3-6І-тарау"), file: "003")
        #expect(lines.map(\.text) == ["Кіріспе", "І-тарау"])
        #expect(repairs.map(\.kind) == [.dotLeaders])
        let (paged, pageRepairs) = GluedTextRepair.repair(line("болады 2/5бет/Францияға қатысты"), file: "003")
        #expect(paged.map(\.text) == ["болады  Францияға қатысты"])
        #expect(pageRepairs.map(\.kind) == [.pageMarker])
    }
}
