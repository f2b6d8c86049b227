import DeckFormat
import KazakhText
import Testing

@testable import Lectures

/// Drafts an instructor can start from (issue 13): the lecture's own
/// title, answers from passages that hold the question's words — several
/// for levels 2–3, each with its FILE:LINE — "not found" rather than a
/// misleading passage, never the title or the lesson plan, abbreviations
/// matched to their expansions.
@Suite("Draft answers")
struct DraftAnswerTests {
    static let notes = """
        Дәріс 7. Орталық Азиядағы өңірлік интеграция

        Дәріс мақсаты: Орталық Азиядағы интеграцияның мақсаттары мен органдарын түсіндіре алады.

        Дәріс жоспары:
        Интеграцияның мақсаттары мен органдары және кедергілері.
        Еуразиялық экономикалық одақтың құрылымы.

        2015 жылы Еуразиялық экономикалық одақ (ЕАЭО) жұмысын бастады. Оған Ресей, Қазақстан, Беларусь, Армения және Қырғызстан мүше.

        Одақтың мақсаты тауарлардың, қызметтердің, капитал мен жұмыс күшінің еркін қозғалысын қамтамасыз ету. Одақтың тұрақты реттеуші органы – Еуразиялық экономикалық комиссия.

        Өңірлік интеграцияның кедергілері бар: шекаралар делимитацияланбаған, су ресурстарын бөлу туралы келіспеушіліктер бар. Бұл кедергілерді еңсеру үшін су-энергетикалық консорциум құру ұсынылды.

        Деңгейлік тапсырмалар:

        1-деңгей. Еуразиялық экономикалық одақ қай жылы құрылды?

        2-деңгей. ЕАЭО-ның мақсаттары мен органдарын сипаттаңыз.

        3-деңгей. Өңірлік интеграцияның кедергілерін талдап, оларды еңсеру жолдарын ұсыныңыз.

        3-деңгей. Фотосинтез кезінде хлорофилл қандай рөл атқарады?
        """

    static func deck() throws -> (Deck, Extraction) {
        let extraction = try LectureExtractor.extract([LectureInput(path: "notes/lecture7.txt", bytes: Array(Self.notes.utf8))])
        return (DraftDeckBuilder.deck(of: extraction.documents, extraction: extraction, file: "d.deck"), extraction)
    }

    static func answer(_ prompt: String, in deck: Deck) throws -> String {
        try #require(deck.cards.first { $0.prompt.hasPrefix(prompt) }).answer
    }

    @Test("the draft is titled as the lecture is, not after its file")
    func title() throws {
        let (deck, extraction) = try Self.deck()
        #expect(deck.title == "Дәріс 7. Орталық Азиядағы өңірлік интеграция")
        #expect(extraction.documents.first?.title == "Дәріс 7. Орталық Азиядағы өңірлік интеграция")
    }

    @Test("no answer comes from the title, a lesson-plan field or a plan item")
    func neverThePlan() throws {
        let (deck, _) = try Self.deck()
        for card in deck.cards where card.kind == .open || card.kind == .question {
            #expect(!card.answer.contains("Дәріс 7."), "\(card.prompt)")
            #expect(!card.answer.contains("түсіндіре алады"), "\(card.prompt)")
            #expect(!card.answer.contains("Интеграцияның мақсаттары мен органдары және кедергілері"), "\(card.prompt)")
        }
    }

    @Test("no answer comes from the reading list, numbered or not")
    func neverTheReadingList() throws {
        for marks in [["1. ", "2. "], ["", ""]] {
            let notes = """
                Дәріс 9. Еуразиялық интеграция
                Еуразиялық интеграция идеясын 1994 жылы Мәскеу мемлекеттік университетінде Н. Ә. Назарбаев ұсынды, кейін Еуразиялық экономикалық қоғамдастық құрылды.
                Кеден одағы 2010 жылы іске қосылып, мүше елдер арасындағы кедендік баждар жойылды.
                Деңгейлік тапсырмалар
                1 деңгей
                1. Еуразиялық одақтың құрылу тарихын атаңыз.
                Әдебиеттер
                \(marks[0])Назарбаев Н. Ә. Еуразиялық одақ: идеядан болашақ тарихына. – Астана, 2011.
                \(marks[1])Байзакова К. И. Еуразиялық интеграция: теория және тәжірибе. – Алматы, 2017.
                """
            let extraction = try LectureExtractor.extract([LectureInput(path: "notes.txt", bytes: Array(notes.utf8))])
            let deck = DraftDeckBuilder.deck(of: extraction.documents, extraction: extraction, file: "d.deck")
            let answer = try Self.answer("Еуразиялық одақтың құрылу тарихын", in: deck)
            #expect(!answer.contains("идеядан болашақ") && !answer.contains("теория және тәжірибе"), "\(answer)")
            #expect(answer.contains("1994 жылы"), "\(answer)")
        }
    }

    @Test("an abbreviation finds the passages on its expansion")
    func abbreviation() throws {
        let (deck, extraction) = try Self.deck()
        let answer = try Self.answer("ЕАЭО-ның мақсаттары", in: deck)
        #expect(answer.contains("Одақтың мақсаты тауарлардың"))
        #expect(extraction.index.expansionKeys.keys.contains(KazakhStemmer.key("еаэо")))
    }

    @Test("a level 2–3 answer joins several passages, each with its FILE:LINE")
    func severalSentences() throws {
        let (deck, _) = try Self.deck()
        let answer = try Self.answer("Өңірлік интеграцияның кедергілерін", in: deck)
        #expect(answer.contains("Өңірлік интеграцияның кедергілері бар:"))
        #expect(answer.contains("Бұл кедергілерді еңсеру үшін"))
        #expect(answer.contains("(lecture7.txt:"))
        #expect(answer.components(separatedBy: "(lecture7.txt:").count >= 3)
    }

    @Test("a question the notes do not answer says so instead of offering a passage")
    func notFound() throws {
        let (deck, _) = try Self.deck()
        let card = try #require(deck.cards.first { $0.prompt.hasPrefix("Фотосинтез") })
        #expect(card.answer == DraftDeckBuilder.marker + " " + DraftDeckBuilder.notFound)
        #expect(card.kind == .question)
    }

    @Test("abbreviations are read off their expansions, and only then")
    func spelling() {
        #expect(Abbreviations.spells(Array("еаэо"), ["еуразиялық", "экономикалық", "одақ"]))
        #expect(Abbreviations.spells(Array("аөсшк"), "азиядағы өзара іс-қимыл және сенім шаралары жөніндегі кеңес".split(separator: " ").map(String.init)))
        #expect(Abbreviations.spells(Array("бұұ"), ["біріккен", "ұлттар", "ұйымы"]))
        #expect(!Abbreviations.spells(Array("бұұ"), ["бас", "ассамблея"]))
        #expect(!Abbreviations.spells(Array("еаэо"), ["экономикалық", "одақ"]))
    }

    /// A short statement of fact inside running text answers the question
    /// on it: «БҰҰ 1945 жылы құрылды.» has four words, and four words
    /// were once taken for a heading wherever they stood.
    static let shortFacts = """
        Дәріс 10. Халықаралық ұйымдар

        Негізгі ұғымдар

        Біріккен Ұлттар Ұйымы бейбітшілікті сақтау үшін құрылған ұйым.

        Ұйымның негізгі құрылымы.

        БҰҰ 1945 жылы құрылды. Оның Жарғысы халықаралық бейбітшілік пен қауіпсіздікті сақтауды басты мақсат етеді.

        1-деңгей
        1. БҰҰ қай жылы құрылды?
        2. Ұйымның негізгі құрылымы қандай?
        """

    static func shortFactsDeck() throws -> Deck {
        let extraction = try LectureExtractor.extract([LectureInput(path: "notes/lecture10.txt", bytes: Array(Self.shortFacts.utf8))])
        return DraftDeckBuilder.deck(of: extraction.documents, extraction: extraction, file: "d.deck")
    }

    @Test("a short sentence in running text answers the question it states")
    func shortSentenceInRunningText() throws {
        let answer = try Self.answer("БҰҰ қай жылы", in: try Self.shortFactsDeck())
        #expect(answer.contains("БҰҰ 1945 жылы құрылды. (lecture10.txt:9)"), "\(answer)")
    }

    @Test("a short heading on its own line is still no answer")
    func shortHeadingAlone() throws {
        let answer = try Self.answer("Ұйымның негізгі құрылымы", in: try Self.shortFactsDeck())
        #expect(!answer.contains("Ұйымның негізгі құрылымы."), "\(answer)")
    }
}
