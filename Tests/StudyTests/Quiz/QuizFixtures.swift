import DeckFormat
import Foundation
import KazakhText
import Study

/// A small glossary deck in the style of the lecture decks: enough terms at
/// each level for four-option questions, plus the other card kinds.
enum QuizFixtures {
    static let file = "decks/ir.deck"

    static func term(_ term: String, _ definition: String, level: Int = 1, tags: [String] = [], alt: [String] = [], line: Int)
        -> Card
    {
        Card(
            id: .derived(kind: .term, prompt: term), content: .term(TermCard(term: term, definition: definition, alternatives: alt)),
            level: level, tags: tags, sectionTags: ["Глоссарий"], location: SourceLocation(file: file, line: line))
    }

    static let glossary: [Card] = [
        term("Режим", "Мемлекеттердің белгілі бір салада келісімге келіп, іс-әрекеттерін реттейтін нормалар мен қағидалар жиынтығы.", line: 3),
        term("Неоколониализм", "Дамыған елдердің бұрынғы отарларға экономикалық және саяси ықпалын жанама жолмен сақтау саясаты.", alt: ["Неоколонолизм"], line: 6),
        term("Гегемония", "Бір мемлекеттің басқа мемлекеттер үстінен саяси, экономикалық және әскери басымдығы.", line: 9),
        term("Империализм", "Капитализмнің монополиялар мен қаржы капиталы үстемдік ететін ең соңғы сатысы.", line: 12),
        term("Интеграция", "Мемлекеттердің экономикалық және саяси тұрғыда бір-бірімен бірігу үдерісі.", line: 15),
        term("Дезинтеграция", "Бұрын біртұтас болған жүйенің жеке бөліктерге ыдырау үдерісі.", line: 18),
        term("Суверенитет", "Мемлекеттің ішкі және сыртқы істерде басқа биліктен тәуелсіз болуы.", line: 21),
        term("Дипломатия", "Мемлекеттің сыртқы саясатын келіссөздер арқылы жүзеге асыру өнері.", tags: ["саясат"], line: 24),
        term("Реализм", "Халықаралық қатынастарды мемлекеттердің күш пен мүдде үшін күресі деп түсіндіретін теория.", level: 2, line: 27),
        term("Либерализм", "Халықаралық ынтымақтастық пен институттардың рөлін алға шығаратын теория.", level: 2, line: 30),
        term("Конструктивизм", "Халықаралық қатынастарды идеялар мен бірегейліктер құрайды деп санайтын теория.", level: 2, line: 33),
        term("Неолиберализм", "Халықаралық институттар мен режимдердің ынтымақтастықты жеңілдететінін дәлелдейтін бағыт.", level: 2, line: 36),
    ]

    static let choiceCard = Card(
        id: CardID(rawValue: "lenin-imperialism"), hasExplicitID: true,
        content: .choice(ChoiceCard(question: "Лениннің пікірінше капитализмнің ең соңғы сатысы қалай аталады?", options: [
            ChoiceOption(text: "Империализм", isCorrect: true),
            ChoiceOption(text: "Неоколониализм", isCorrect: false),
            ChoiceOption(text: "Гегемония", isCorrect: false),
        ])), level: 1, location: SourceLocation(file: file, line: 40))

    static let openCard = Card(
        id: .derived(kind: .open, prompt: "Неолиберализм мен либерализм қай тұрғыда бөлінеді?"),
        content: .open(OpenCard(
            question: "Неолиберализм мен либерализм қай тұрғыда бөлінеді?",
            modelAnswer: "Неолиберализм халықаралық институттардың рөлін алға шығарады.",
            keyPoints: ["институттардың рөлі", "ынтымақтастықтың мүмкіндігі", "анархия мойындалады", "абсолютті пайда"])),
        level: 2, source: "lectures/002.txt:1135", location: SourceLocation(file: file, line: 45))

    static let clozeCard = Card(
        id: .derived(kind: .cloze, prompt: "Қазақстан БҰҰ-ға […] жылы мүше болды."),
        content: .cloze(ClozeCard(text: "Қазақстан БҰҰ-ға {1992} жылы мүше болды.")),
        level: 1, location: SourceLocation(file: file, line: 52))

    static let shortQuestion = Card(
        id: .derived(kind: .question, prompt: "ЕҚЫҰ қай жылы құрылды?"),
        content: .question(QuestionCard(question: "ЕҚЫҰ қай жылы құрылды?", answer: "1975")),
        level: 1, location: SourceLocation(file: file, line: 55))

    static let longQuestion = Card(
        id: .derived(kind: .question, prompt: "Биполярлы жүйе деген не?"),
        content: .question(QuestionCard(question: "Биполярлы жүйе деген не?", answer: "Екі алпауыт держава басым болатын халықаралық жүйе.")),
        level: 3, location: SourceLocation(file: file, line: 58))

    static var deck: Deck {
        Deck(file: file, title: "Халықаралық қатынастар", cards: glossary + [choiceCard, openCard, clozeCard, shortQuestion, longQuestion])
    }

    static let start = Date(timeIntervalSince1970: 1_790_000_000)

    /// The real answer checker, knowing the deck's terms as the executable's
    /// does.
    static let judge = AnswerChecker(knownAnswers: glossary.map(\.prompt)).quizJudge
}
