import Foundation
import Testing

@testable import DeckFormat

/// The syntax of docs/deck-format.md, line kind by line kind.
@Suite struct ParserTests {
    static let example = """
        # Дәріс 4. Халықаралық саясаттағы баламалы ұғымдар
        lang: kk
        author: Халықаралық қатынастар кафедрасы
        level: 1
        tags: ХҚ
        namespace: ir

        ## Глоссарий

        T: Режим
        D: Мемлекеттердің белгілі бір салада келісімге келіп, өздерінің
           іс-әрекеттерін реттейтін құралдар, нормалар мен қағидалар жиынтығы.
        source: lectures/002.txt:215

        T: Неоколониализм
        D: Дамыған елдердің бұрынғы отарларға ықпалын сақтау саясаты.
        alt: Неоколонолизм

        ## Деңгейлік сұрақтар
        ### Екінші деңгей

        Q: Неолиберализм мен либерализм қай тұрғыда бір-бірінен бөлінеді?
        A: Неолиберализм халықаралық институттар мен режимдердің рөлін
           алға шығарады.

           Классикалық либерализм …
        - халықаралық институттардың рөлі
        - ынтымақтастықтың
          мүмкіндігі
        level: 2
        tags: неолиберализм, салыстыру

        ## Таңдау

        Q: Лениннің пікірінше капитализмнің ең соңғы сатысы қалай аталады?
        * Империализм
        - Неоколониализм
        - Гегемония

        Q: Қайсысы халықаралық ұйым?
        * БҰҰ
        * НАТО
        - Алматы

        Q: Қазақстанның астанасы?
        A: Астана
        alt: Нұр-Сұлтан

        C: Қазақстан БҰҰ-ға {1992|тоқсан екі} жылы \\{ресми\\} мүше болды.
        id: kz-un-1992
        """

    let parsed = DeckParser.parse(Self.example, file: "decks/lecture4.deck")

    @Test func parsesWithoutDiagnostics() {
        #expect(parsed.diagnostics.map(\.code) == [])
        #expect(parsed.deck.cards.map(\.kind) == [.term, .term, .open, .choice, .choice, .question, .cloze])
    }

    @Test func titleAndMetadata() {
        #expect(parsed.deck.title == "Дәріс 4. Халықаралық саясаттағы баламалы ұғымдар")
        #expect(parsed.deck.metadata.map(\.key) == ["lang", "author", "level", "tags", "namespace"])
        #expect(parsed.deck.metadata("author") == "Халықаралық қатынастар кафедрасы")
        #expect(parsed.deck.language == "kk")
    }

    @Test func sectionsAndDeckTagsBecomeTags() {
        let cards = parsed.deck.cards
        #expect(cards[0].sectionTags == ["ХҚ", "Глоссарий"])
        #expect(cards[2].sectionTags == ["ХҚ", "Деңгейлік сұрақтар", "Екінші деңгей"])
        #expect(cards[2].tags == ["неолиберализм", "салыстыру"])
        #expect(cards[3].sectionTags == ["ХҚ", "Таңдау"])
        #expect(cards[2].allTags == ["ХҚ", "Деңгейлік сұрақтар", "Екінші деңгей", "неолиберализм", "салыстыру"])
    }

    @Test func multiLineTextKeepsLinesAndParagraphs() throws {
        guard case .term(let term) = parsed.deck.cards[0].content else { throw Failure("not a term") }
        #expect(
            term.definition
                == "Мемлекеттердің белгілі бір салада келісімге келіп, өздерінің\nіс-әрекеттерін реттейтін құралдар, нормалар мен қағидалар жиынтығы."
        )
        guard case .open(let open) = parsed.deck.cards[2].content else { throw Failure("not open") }
        #expect(open.modelAnswer == "Неолиберализм халықаралық институттар мен режимдердің рөлін\nалға шығарады.\n\nКлассикалық либерализм …")
        #expect(open.keyPoints == ["халықаралық институттардың рөлі", "ынтымақтастықтың\nмүмкіндігі"])
    }

    @Test func cardFields() {
        let cards = parsed.deck.cards
        #expect(cards[0].source == "lectures/002.txt:215")
        #expect(cards[1].alternatives == ["Неоколонолизм"])
        #expect(cards[2].level == 2)
        #expect(cards[3].level == 1)
        #expect(cards[5].alternatives == ["Нұр-Сұлтан"])
        #expect(cards[6].id.rawValue == "ir:kz-un-1992")
        #expect(cards[2].location == SourceLocation(file: "decks/lecture4.deck", line: 22, column: 1))
    }

    @Test func multipleChoiceWithOneOrSeveralCorrect() throws {
        guard case .choice(let one) = parsed.deck.cards[3].content,
            case .choice(let several) = parsed.deck.cards[4].content
        else { throw Failure("not choice") }
        #expect(one.correctOptions.map(\.text) == ["Империализм"])
        #expect(!one.allowsSeveral)
        #expect(several.correctOptions.map(\.text) == ["БҰҰ", "НАТО"])
        #expect(several.allowsSeveral)
    }

    @Test func clozeGapsAndEscapes() throws {
        guard case .cloze(let cloze) = parsed.deck.cards[6].content else { throw Failure("not cloze") }
        #expect(cloze.gaps.map(\.answers) == [["1992", "тоқсан екі"]])
        #expect(cloze.prompt == "Қазақстан БҰҰ-ға […] жылы {ресми} мүше болды.")
    }

    /// The prompt is kept beside the text: changing the text changes it.
    @Test func aClozePromptFollowsItsText() {
        var cloze = ClozeCard(text: "А {б} в")
        #expect(cloze.prompt == "А […] в")
        cloze.text = "{Г} д {е|ж}"
        #expect(cloze.prompt == "[…] д […]")
        #expect(cloze.prompt == ClozeCard(text: cloze.text).prompt)
    }

    @Test func anEmptyHeadingLeavesTheSections() {
        let deck = DeckParser.parse("## А\n### Б\nQ: a?\nA: b\n###\nQ: c?\nA: d\n##\nQ: e?\nA: f", file: "x").deck
        #expect(deck.cards.map(\.sectionTags) == [["А", "Б"], ["А"], []])
    }

    @Test func deckLevelIsTheDefault() {
        let deck = DeckParser.parse("level: 3\n\nQ: a?\nA: b\n\nQ: c?\nA: d\nlevel: 1", file: "x").deck
        #expect(deck.cards.map(\.level) == [3, 1])
    }

    /// A CR alone inside a line of an LF file (two cards an editor may
    /// show apart) is said where it is; CRLF line ends are not.
    @Test func aCRAloneInsideALineIsAWarningAtIt() {
        let mixed = DeckParser.parse(Array("Q: Бір?\rA: Иә\r\rQ: Екі?\nA: Жоқ\n".utf8), file: "m.deck")
        #expect(mixed.diagnostics.map { "\($0.location.line):\($0.location.column) \($0.code)" } == ["1:8 carriage-return-in-line"])
        #expect(mixed.diagnostics.first?.severity == .warning)
        let crlf = DeckParser.parse(Array("Q: Бір?\r\nA: Иә\r\n".utf8), file: "c.deck")
        #expect(crlf.diagnostics.isEmpty)
    }

    @Test func crlfAndBOMReadTheSame() {
        let lf = DeckParser.parse(Self.example, file: "f")
        let crlf = DeckParser.parse([0xEF, 0xBB, 0xBF] + Array(Self.example.replacingOccurrences(of: "\n", with: "\r\n").utf8), file: "f")
        #expect(crlf.diagnostics.isEmpty)
        #expect(crlf.deck == lf.deck)
    }

    @Test func commentsAreIgnored() {
        let deck = DeckParser.parse("// heading comment\nQ: a?\n// between\nA: b\n   // indented: part of the text", file: "x").deck
        #expect(deck.cards.first?.answer == "b\n// indented: part of the text")
    }

    @Test func cyrillicMarkersAreReadWithAWarning() {
        let parsed = DeckParser.parse("С: Қазақстан {1992} жылы\n\nТ: Режим\nD: құрал\n\nQ: a?\nА: b", file: "x")
        #expect(parsed.deck.cards.map(\.kind) == [.cloze, .term, .question])
        #expect(parsed.diagnostics.map(\.code) == ["cyrillic-marker", "cyrillic-marker", "cyrillic-marker"])
        #expect(parsed.diagnostics.allSatisfy { $0.severity == .warning })
    }

    @Test func everyDiagnosticHasBothLanguages() {
        for entry in DeckIssue.catalogue {
            #expect(!entry.code.isEmpty)
        }
        let codes = DeckIssue.catalogue.map(\.code)
        #expect(Set(codes).count == codes.count)
    }
}

struct Failure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
