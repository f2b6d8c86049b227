import DeckFormat
import FSRS
import Testing

@testable import Lectures

/// Whatever the notes hold, extraction finishes, and the draft it makes
/// is a deck `jatta check` accepts.
@Suite("Extraction robustness")
struct RobustnessTests {
    /// Pieces that exercise every rule, glued at random.
    static let fragments = [
        "Деңгейлік тапсырмалар:", "1–деңгейлік сұрақ.", "2 –деңгейлік сұрақ", "3 - ", "1 – ", "ОБӨЖ тапсырмалары:",
        "БӨЖ", "Режим:", "Грамши және Гегемония:", "Утилитарлар- Орынды", "дегеніміз", "дегеніміз не", " – ", " - ",
        "- ", "-", "іс-", "шара", "ТМД-", "ның", "то", "ғысында", "нің", "ӛ", "Ӛ", "c", "ə", "«", "»", ".", "?", ".?",
        ":", ",", "•", "\n", "\n\n", "\n\n\n\n", "        ", "МазмұныКіріспе", "тиіс.Қазіргі", "........3-6", "2/5бет/",
        "<p>", "</p>", "&amp;", "&#x4D9;", "&#99999999;", "<script>", "Қазақстан", "мемлекет", "саясаты", "халықаралық",
        "Kazakhstan", "II", "1991", "{", "}", "\\", "\t", "\u{00A0}", "\u{200B}", "👩‍🎓", "é", "e\u{0301}",
    ]

    @Test("random notes never crash the extractor, and their drafts parse without errors")
    func randomNotes() throws {
        var rng = SeededGenerator(seed: 20_251_122)
        for round in 0..<150 {
            var text = ""
            for _ in 0..<Int.random(in: 1...120, using: &rng) {
                text += Self.fragments.randomElement(using: &rng) ?? ""
                if Bool.random(using: &rng) { text += " " }
            }
            let name = round % 5 == 0 ? "notes\(round).html" : "notes\(round).txt"
            let extraction: Extraction
            do {
                extraction = try LectureExtractor.extract([LectureInput(path: name, bytes: Array(text.utf8))])
            } catch {
                #expect(error.kind == .empty, "round \(round): \(error)")
                continue
            }
            let deck = DraftDeckBuilder.deck(of: extraction.documents, extraction: extraction, file: "d.deck")
            let parsed = DeckParser.parse(DeckPrinter.print(deck), file: "d.deck")
            let errors = parsed.diagnostics.filter { $0.severity == .error }
            #expect(errors.isEmpty, "round \(round): \(errors.map(\.messageEN)) in \(text.debugDescription)")
            #expect(parsed.deck.cards.count == deck.cards.count, "round \(round)")
        }
    }

    @Test("random bytes are read or refused, never a crash")
    func randomBytes() {
        var rng = SeededGenerator(seed: 7)
        for _ in 0..<200 {
            let bytes = (0..<Int.random(in: 0...400, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            do {
                _ = try LectureExtractor.extract([LectureInput(path: "x.txt", bytes: bytes)])
            } catch {
                #expect([.notText, .empty].contains(error.kind))
            }
        }
    }

    @Test("a long text without stops is handled")
    func longLine() throws {
        let text = String(repeating: "сыртқы саясат дегеніміз, мемлекет - ", count: 4_000)
        let extraction = try LectureExtractor.extract([LectureInput(path: "long.txt", bytes: Array(text.utf8))])
        #expect(extraction.documents.count == 1)
    }
}
