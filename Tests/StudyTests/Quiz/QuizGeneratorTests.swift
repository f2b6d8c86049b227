import DeckFormat
import FSRS
import KazakhText
import Testing

@testable import Study

struct QuizGeneratorTests {
    let deck = QuizFixtures.deck

    func quiz(seed: UInt64, level: Int? = nil, tags: [String] = [], count: Int = 100, decks: [Deck]? = nil) -> [QuizQuestion] {
        QuizGenerator.generate(from: decks ?? [deck], settings: QuizSettings(level: level, tags: tags, count: count, seed: seed))
    }

    @Test func theSameSeedGivesTheSameQuiz() {
        for seed: UInt64 in [0, 1, 99, 123_456_789] {
            #expect(quiz(seed: seed) == quiz(seed: seed))
        }
        let orders = Set((0..<20).map { quiz(seed: UInt64($0)).map(\.key) })
        #expect(orders.count > 15, "different seeds should give different orders")
    }

    /// The option rules, checked over many seeds so every card is asked as
    /// multiple choice many times.
    @Test func everyChoiceQuestionObeysTheOptionRules() {
        var choiceQuestions = 0
        for seed in 0..<300 {
            for question in quiz(seed: UInt64(seed)) {
                guard case .choice(let choice) = question.format else { continue }
                choiceQuestions += 1
                let keys = choice.options.map(Normalization.identityKey)
                #expect(Set(keys).count == keys.count, "two options equal after normalisation in \(question.prompt)")
                #expect(!keys.contains(Normalization.identityKey(question.prompt)), "an option repeats the prompt")
                #expect(!choice.correct.isEmpty && choice.correct.allSatisfy(choice.options.indices.contains))
                switch question.card.content {
                case .term(let term):
                    let right = Normalization.identityKey(term.definition)
                    #expect(keys.filter { $0 == right }.count == 1, "the right definition must appear exactly once")
                    #expect(choice.correct == [keys.firstIndex(of: right)!])
                    #expect(choice.options.count == QuizGenerator.choiceOptionCount)
                case .choice(let card):
                    for option in card.correctOptions {
                        #expect(keys.filter { $0 == Normalization.identityKey(option.text) }.count == 1)
                    }
                    #expect(choice.correct.map { choice.options[$0] }.sorted() == card.correctOptions.map(\.text).sorted())
                default:
                    Issue.record("a \(question.card.kind) card became a choice question")
                }
            }
        }
        #expect(choiceQuestions > 1000)
    }

    @Test func wrongOptionsComeFromTheSameDeckAndLevel() {
        let definitionsByLevel = Dictionary(grouping: QuizFixtures.glossary, by: \.level).mapValues {
            Set($0.map(\.answer))
        }
        for seed in 0..<100 {
            for question in quiz(seed: UInt64(seed)) {
                guard case .choice(let choice) = question.format, case .term = question.card.content else { continue }
                let pool = definitionsByLevel[question.level] ?? []
                #expect(choice.options.allSatisfy(pool.contains), "an option from another level or deck")
            }
        }
    }

    @Test func wrongOptionsAreTheClosestInLength() {
        // One definition far longer than the rest must never be offered as a
        // wrong option while three of similar length exist.
        let long = String(repeating: "Өте ұзын анықтама, ол басқаларынан әлдеқайда ұзақ жазылған. ", count: 6)
        var cards = (1...6).map { QuizFixtures.term("Термин \($0)", "Қысқа анықтама нөмірі \($0) осында.", line: $0 * 3) }
        cards.append(QuizFixtures.term("Ұзын", long, line: 40))
        let deck = Deck(file: "decks/len.deck", cards: cards)
        var checked = 0
        for seed in 0..<200 {
            for question in quiz(seed: UInt64(seed), decks: [deck]) {
                guard case .choice(let choice) = question.format, question.prompt != "Ұзын" else { continue }
                checked += 1
                #expect(!choice.options.contains(long), "the over-long definition offered as a wrong option")
            }
        }
        #expect(checked > 0, "no choice question was generated, so nothing was checked")
    }

    @Test func aDeckTooSmallForOptionsAsksTyped() {
        let deck = Deck(file: "decks/two.deck", cards: Array(QuizFixtures.glossary.prefix(2)))
        for seed in 0..<50 {
            for question in quiz(seed: UInt64(seed), decks: [deck]) {
                guard case .typed(let typed) = question.format else {
                    Issue.record("a choice question with fewer than two wrong options")
                    continue
                }
                #expect(question.key.hasSuffix("/reverse"))
                guard case .term(let term) = question.card.content else { continue }
                #expect(question.prompt == term.definition)
                #expect(typed.blanks == [[term.term] + term.alternatives])
            }
        }
    }

    @Test func eachCardIsAskedOnceWithTheRightKey() {
        for seed in 0..<50 {
            let questions = quiz(seed: UInt64(seed))
            #expect(questions.count == deck.cards.count)
            #expect(Set(questions.map(\.card.id)).count == questions.count)
            #expect(questions.map(\.number) == Array(1...questions.count))
            for q in questions {
                switch q.format {
                case .choice where q.card.kind == .term: #expect(q.key == q.card.id.rawValue)
                case .typed where q.card.kind == .term: #expect(q.key == q.card.id.rawValue + "/reverse")
                default: #expect(q.key == q.card.id.rawValue)
                }
            }
        }
        // A deck loaded twice does not ask its cards twice.
        #expect(quiz(seed: 3, decks: [deck, deck]).count == deck.cards.count)
    }

    @Test func formatsFollowTheCardKind() {
        let questions = quiz(seed: 11)
        func format(of card: Card) -> QuizFormat? { questions.first { $0.card.id == card.id }?.format }
        #expect(format(of: QuizFixtures.openCard)
            == .open(OpenQuestion(modelAnswer: "Неолиберализм халықаралық институттардың рөлін алға шығарады.",
                                  keyPoints: ["институттардың рөлі", "ынтымақтастықтың мүмкіндігі", "анархия мойындалады", "абсолютті пайда"])))
        #expect(format(of: QuizFixtures.clozeCard) == .typed(TypedQuestion(blanks: [["1992"]])))
        #expect(format(of: QuizFixtures.shortQuestion) == .typed(TypedQuestion(blanks: [["1975"]])))
        #expect(format(of: QuizFixtures.longQuestion)
            == .selfGraded(SelfGradedQuestion(answer: "Екі алпауыт держава басым болатын халықаралық жүйе.")))
    }

    @Test func levelTagAndCountFilter() {
        let level2 = quiz(seed: 5, level: 2)
        #expect(level2.count == 5)  // four level-2 terms and the open question
        #expect(level2.allSatisfy { $0.level == 2 })
        let tagged = quiz(seed: 5, tags: ["САЯСАТ"])
        #expect(tagged.map(\.prompt).contains("Дипломатия") || tagged.map(\.card.id).contains(QuizFixtures.glossary[7].id))
        #expect(tagged.count == 1)
        #expect(quiz(seed: 5, tags: ["глоссарий"]).count == QuizFixtures.glossary.count)
        #expect(quiz(seed: 5, count: 5).count == 5)
        #expect(quiz(seed: 5, count: 5).map(\.key) == Array(quiz(seed: 5).prefix(5)).map(\.key))
        #expect(quiz(seed: 5, level: 7).isEmpty)
    }

    @Test func aChoiceCardWithNoCorrectOptionIsNotAskedAndALevelFourCardIs() {
        let text = """
            Q: Лениннің пікірінше капитализмнің ең соңғы сатысы қалай аталады?
            - Империализм
            - Неоколониализм
            - Гегемония

            Q: Қазақстанның астанасы?
            A: Астана
            level: 4
            """
        let warned = DeckParser.parse(text, file: "decks/warned.deck").deck
        #expect(warned.cards.count == 2)
        for seed: UInt64 in 0..<20 {
            let questions = quiz(seed: seed, decks: [warned])
            #expect(questions.map(\.card.id) == [warned.cards[1].id])
            #expect(questions.first?.level == 4)
        }
        for level in 1...3 { #expect(quiz(seed: 1, level: level, decks: [warned]).isEmpty) }
    }

    @Test func theDecksOwnChoiceCardDropsRepeatedOptions() {
        let card = Card(
            id: CardID(rawValue: "dup"),
            content: .choice(ChoiceCard(question: "Гегемония", options: [
                ChoiceOption(text: "Басымдық", isCorrect: true),
                ChoiceOption(text: "басымдық.", isCorrect: false),
                ChoiceOption(text: "«Гегемония»", isCorrect: false),
                ChoiceOption(text: "Тепе-теңдік", isCorrect: false),
                ChoiceOption(text: "Тепе–теңдік", isCorrect: false),
            ])), location: SourceLocation(file: "d", line: 1))
        var rng = SeededGenerator(seed: 1)
        let question = QuizGenerator.deckChoice(
            { if case .choice(let c) = card.content { c } else { ChoiceCard(question: "", options: []) } }(), rng: &rng)
        #expect(question.map { Set($0.options) } == ["Басымдық", "Тепе-теңдік"])
        #expect(question.map { q in q.correct.map { q.options[$0] } } == ["Басымдық"])

        let hopeless = ChoiceCard(question: "Сұрақ", options: [ChoiceOption(text: "Жауап", isCorrect: true), ChoiceOption(text: "ЖАУАП", isCorrect: false)])
        #expect(QuizGenerator.deckChoice(hopeless, rng: &rng) == nil)
    }
    /// The glossary reads only term cards' bodies (issue 20), and is the
    /// glossary made from every card's content, as before: generated decks
    /// of every kind, with levels and repeated prompts.
    @Test(arguments: [31, 32, 33] as [UInt64])
    func theGlossaryIsEveryTermsDefinition(seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        let deck = Fixtures.deck(HomeCountsTests.deckText(count: 60, rng: &rng))
        let previous: [(CardID, Int, String, Int)] = deck.cards.compactMap { card in
            guard case .term(let t) = card.content else { return nil }
            return (card.id, card.level, t.definition, t.definition.unicodeScalars.count)
        }
        #expect(previous.count > 3 && previous.count < deck.cards.count)
        let now = QuizGenerator.glossary(of: deck).map { ($0.id, $0.card.level, $0.text, $0.length) }
        #expect(now.map(\.0) == previous.map(\.0))
        #expect(now.map(\.1) == previous.map(\.1))
        #expect(now.map(\.2) == previous.map(\.2))
        #expect(now.map(\.3) == previous.map(\.3))
    }

    /// A definition's length is its count of Unicode scalars, counted over
    /// its bytes: Kazakh, Latin, combining marks, emoji, CR LF, substrings.
    @Test func aDefinitionsLengthIsItsScalarCount() {
        let pieces = ["Гегемония", "ә", "regime", "\u{0438}\u{0306}", "😀", "👩‍👩‍👧", "\r\n", " ", "«»", "é", "\u{0301}", ""]
        var rng = SeededGenerator(seed: 5)
        for _ in 0..<500 {
            let text = (0..<Int(rng.below(8))).map { _ in pieces[rng.below(pieces.count)] }.joined()
            let sliced = String(text.dropFirst(min(1, text.count)))
            for candidate in [text, sliced] {
                let card = Card(
                    id: CardID(rawValue: "x"), content: .term(TermCard(term: "x", definition: candidate)),
                    location: SourceLocation(file: "x.deck", line: 1))
                #expect(GlossaryEntry(card).length == candidate.unicodeScalars.count, "\(Array(candidate.unicodeScalars))")
            }
        }
    }
}
