import DeckFormat
import Foundation
import Testing

@testable import Lectures

@Suite("Draft decks")
struct DraftDeckTests {
    static func sampleExtraction() throws -> Extraction {
        let notes = """
            Дәріс 1. Негізгі ұғымдар.

            Дипломатия: Қақтығыстарды күш қолданбастан шешу мақсатымен мемлекеттер арасындағы келіссөз үдерісі.

            Деңгейлік тапсырмалар:

            1–деңгейлік сұрақ. Дипломатия сөзіне анықтама беріңіз ?

            БӨЖ тапсырмалары: Дипломатиялық құралдар.
            """
        return try LectureExtractor.extract([LectureInput(path: "notes/lecture1.txt", bytes: Array(notes.utf8))])
    }

    @Test("a draft prints, parses back without errors, and keeps its review markers")
    func roundTrip() throws {
        let extraction = try Self.sampleExtraction()
        let deck = DraftDeckBuilder.deck(of: extraction.documents, extraction: extraction, file: "draft.deck")
        let text = DeckPrinter.print(deck)
        let parsed = DeckParser.parse(text, file: "draft.deck")
        #expect(parsed.diagnostics.filter { $0.severity == .error }.isEmpty, "\(parsed.diagnostics)")
        #expect(parsed.deck.cards.count == 3)
        let kinds = parsed.deck.cards.map(\.kind)
        #expect(kinds == [.open, .open, .term])
        for card in parsed.deck.cards {
            #expect(card.source?.hasPrefix("lecture1.txt:") == true)
        }
        let question = try #require(parsed.deck.cards.first)
        #expect(question.prompt == "Дипломатия сөзіне анықтама беріңіз?")
        #expect(question.answer.hasPrefix(DraftDeckBuilder.marker))
        #expect(question.tags.contains(DraftDeckBuilder.draftTag))
        #expect(question.level == 1)
        #expect(question.sectionTags == [DraftDeckBuilder.questionSection])
        #expect(parsed.deck.cards[1].tags == [DraftDeckBuilder.draftTag, "БӨЖ"])
        #expect(parsed.deck.cards[2].prompt == "Дипломатия")
        #expect(parsed.deck.cards[2].source == "lecture1.txt:3")
    }

    @Test("a question with no matching passage gets a marked empty draft")
    func noPassage() throws {
        let extraction = try Self.sampleExtraction()
        let question = ExamQuestion(text: "Фотосинтез қалай жүреді?", kind: .level(2), file: "x.txt", line: 4)
        let card = DraftDeckBuilder.card(for: question, index: extraction.index, file: "d.deck")
        #expect(card.kind == .question)
        #expect(card.answer.hasPrefix(DraftDeckBuilder.marker))
        #expect(card.level == 2)
    }

    @Test("the drafts kept in drafts/ parse without errors, every card with its source")
    func keptDraftsParse() throws {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: SeedFiles.draftsDirectory.path)) ?? []
        let decks = names.filter { $0.hasSuffix(".deck") }.sorted()
        #expect(decks.count == 5)
        for name in decks {
            let data = try Data(contentsOf: SeedFiles.draftsDirectory.appendingPathComponent(name))
            let parsed = DeckParser.parse([UInt8](data), file: "drafts/" + name)
            #expect(parsed.diagnostics.filter { $0.severity == .error }.isEmpty, "\(name): \(parsed.diagnostics)")
            for card in parsed.deck.cards {
                #expect(card.source?.contains(".txt:") == true, "\(name): \(card.prompt)")
            }
        }
    }

    /// `scripts/extract-drafts.sh` made the files in drafts/ from
    /// ../shared/seeds; making them again must give the same bytes.
    @Test("regenerating from ../shared/seeds reproduces the drafts kept in the repository",
          .enabled(if: SeedFiles.exist, "../shared/seeds is absent: the drafts cannot be regenerated here"))
    func regeneration() throws {
        let extraction = try SeedFiles.extraction()
        for document in extraction.documents {
            let name = String(document.file.split(separator: ".").first ?? "") + ".deck"
            let deck = DraftDeckBuilder.deck(of: [document], extraction: extraction, file: "drafts/" + name)
            let kept = try String(contentsOf: SeedFiles.draftsDirectory.appendingPathComponent(name), encoding: .utf8)
            #expect(DeckPrinter.print(deck) == kept, "drafts/\(name) is out of date: run scripts/extract-drafts.sh")
        }
    }
}
