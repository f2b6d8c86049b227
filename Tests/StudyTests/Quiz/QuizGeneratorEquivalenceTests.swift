import DeckFormat
import FSRS
import Synchronization
import Testing

@testable import Study

/// The quiz's questions are those of the generator before its glossary was
/// made a level at a time, before definition lengths were read from the
/// cards' heads and before the candidates were ranked by their places
/// rather than as copies (issue 20): the previous generator is kept here,
/// word for word, and both make quizzes from generated decks — small levels
/// whose options must come from the other levels, definitions naming
/// terms, repeated definitions, a deck file loaded twice, level and tag
/// filters.
struct QuizGeneratorEquivalenceTests {
    @Test(arguments: Array(0..<24) as [UInt64])
    func questionsAreThePreviousGenerators(seed: UInt64) {
        var rng = SeededGenerator(seed: seed &+ 1_000)
        let decks = Self.decks(rng: &rng)
        var choices = 0
        for settings in Self.settings(seed: seed) {
            let now = QuizGenerator.generate(from: decks, settings: settings)
            let before = PreviousQuizGenerator.generate(from: decks, settings: settings)
            #expect(now == before, "seed \(seed), level \(String(describing: settings.level)), tags \(settings.tags)")
            choices += now.filter { if case .choice = $0.format { true } else { false } }.count
        }
        #expect(choices > 0)
    }

    /// The decks reach the rule a level-at-a-time glossary most easily
    /// breaks: a generator that never fills the options from the other
    /// levels makes other quizzes from them.
    @Test func theComparisonSeesOptionsNotFilledFromOtherLevels() {
        var differing = 0
        for seed: UInt64 in 0..<24 {
            var rng = SeededGenerator(seed: seed &+ 1_000)
            let decks = Self.decks(rng: &rng)
            for settings in Self.settings(seed: seed) {
                let before = PreviousQuizGenerator.generate(from: decks, settings: settings)
                let broken = PreviousQuizGenerator.generate(from: decks, settings: settings, ownLevelOnly: true)
                if before != broken { differing += 1 }
            }
        }
        #expect(differing >= 10)
    }

    /// Cards whose bodies are decoded on first use (as the deck index
    /// gives them) make the same quiz as parsed cards, and choosing the
    /// wrong options by length decodes only the definitions looked at as
    /// options, not every definition of the level: the lengths come from
    /// the cards' heads.
    @Test func aQuizDecodesOnlyTheDefinitionsItLooksAt() {
        let terms = (0..<400).map { n in
            "T: термин \(n)\nD: \(String(repeating: "сөз ", count: 1 + n % 9))анықтама \(n)\nlevel: 2\n"
        }
        let parsed = Fixtures.deck(terms.joined(separator: "\n"), file: "decks/terms.deck")
        let decoder = CountingDecoder(bodies: parsed.cards.map { CardBody(content: $0.content, source: $0.source, lastLine: $0.lastLine) })
        let source = CardBodySource(decoder)
        // Fresh cards for each quiz: a decoded body stays with its card.
        func deferredDeck() -> Deck {
            var deck = parsed
            deck.cards = parsed.cards.enumerated().map { n, card in
                Card(
                    id: card.id, hasExplicitID: card.hasExplicitID, derivedID: card.derivedID, kind: card.kind,
                    isAnswerable: card.isAnswerable, definitionLength: card.definitionLength, level: card.level,
                    tags: card.tags, sectionTags: card.sectionTags, location: card.location, bodyAt: n, length: 1,
                    in: source)
            }
            return deck
        }
        var choices = 0
        for seed: UInt64 in 0..<8 {
            let settings = QuizSettings(level: nil, tags: [], count: 10, seed: seed)
            let deferred = deferredDeck()
            let before = decoder.decoded.withLock { $0 }
            let now = QuizGenerator.generate(from: [deferred], settings: settings)
            // The ten asked cards and a few candidates per choice question
            // (those passed over as repeats included), not the 400 terms.
            let decoded = decoder.decoded.withLock { $0 } - before
            #expect(decoded <= 60, "seed \(seed): \(decoded) bodies decoded for 10 questions")
            #expect(now == QuizGenerator.generate(from: [parsed], settings: settings), "seed \(seed)")
            choices += now.filter { if case .choice = $0.format { true } else { false } }.count
        }
        #expect(choices > 10)
    }

    /// Gives the bodies of a deck by number, counting how many it decoded.
    final class CountingDecoder: CardBodyDecoding {
        let bodies: [CardBody]
        let decoded = Mutex(0)

        init(bodies: [CardBody]) { self.bodies = bodies }

        func body(at offset: Int, length: Int) -> CardBody? {
            decoded.withLock { $0 += 1 }
            return bodies[offset]
        }
    }

    static func settings(seed: UInt64) -> [QuizSettings] {
        [
            QuizSettings(level: nil, tags: [], count: 40, seed: seed),
            QuizSettings(level: 2, tags: [], count: 15, seed: seed &* 31),
            QuizSettings(level: nil, tags: ["a"], count: 20, seed: seed &+ 99),
            QuizSettings(level: 3, tags: ["b"], count: 500, seed: seed ^ 0x5555),
        ]
    }

    /// Two to four decks of terms mostly, of uneven levels, one of them
    /// loaded twice under the same file.
    static func decks(rng: inout SeededGenerator) -> [Deck] {
        let words = ["саясат", "мемлекет", "құқық", "одақ", "егемендік", "тәртіп", "ұйым", "күш", "нарық", "қоғам"]
        var decks: [Deck] = []
        for d in 0..<(2 + Int(rng.next() % 3)) {
            var lines = ["# Жасалған \(d)", "lang: kk", ""]
            for n in 0..<(4 + Int(rng.next() % 40)) {
                let term = "\(words[Int(rng.next() % 10)]) \(n)"
                // Lengths from one word to twenty, so some are far from the
                // right one's; some name a term, some repeat another.
                let definition: String
                switch rng.next() % 6 {
                case 0: definition = "Анықтама"
                case 1: definition = "\(term) туралы ұзақ сөз"
                default:
                    definition = (0...Int(rng.next() % 20)).map { _ in words[Int(rng.next() % 10)] }.joined(separator: " ")
                        + " \(n)"
                }
                switch rng.next() % 7 {
                case 0: lines += ["Q: Сұрақ \(n)?", "A: Жауап \(n)"]
                case 1: lines += ["Q: Таңдау \(n)?", "* Иә \(n)", "- Жоқ \(n)"]
                default: lines += ["T: \(term)", "D: \(definition)"]
                }
                // Level 1 is rare: its terms' options come from the others.
                let level = ["level: 1", "level: 2", "level: 2", "level: 3", "level: 3", "", "level: 4"][Int(rng.next() % 7)]
                let tags = ["", "tags: a", "tags: b", "tags: a, b"][Int(rng.next() % 4)]
                lines += [level, tags].filter { !$0.isEmpty } + [""]
            }
            decks.append(Fixtures.deck(lines.joined(separator: "\n"), file: "decks/d\(d).deck"))
        }
        decks.append(decks[0])
        return decks
    }
}

/// `QuizGenerator.generate` as it was before the glossary was made a level
/// at a time: the whole glossary of a deck made at its first choice
/// question, and each term's wrong options filtered from it.
enum PreviousQuizGenerator {
    static func generate(from decks: [Deck], settings: QuizSettings, ownLevelOnly: Bool = false) -> [QuizQuestion] {
        var rng = SeededGenerator(seed: settings.seed)
        var glossaries: [String: [GlossaryEntry]] = [:]
        var questions: [QuizQuestion] = []
        var usedKeys = Set<String>()
        // The cards in the order the quiz draws them now (`QuizDraw`,
        // checked against a whole shuffle in `QuizDrawTests`): this
        // generator is kept for how it makes each question.
        var draw = QuizDraw(decks)
        let wanted = Set(settings.tags.map(QuizGenerator.tagKey))
        while questions.count < settings.count, let place = draw.next(rng: &rng) {
            let deck = decks[place.deck]
            let card = deck.cards[place.card]
            guard QuizGenerator.isAsked(card, settings: settings, wanted: wanted) else { continue }
            guard !usedKeys.contains(card.id.rawValue) else { continue }
            let glossary = {
                glossaries[deck.file] ?? {
                    let first = decks.first { $0.file == deck.file } ?? deck
                    let made: [GlossaryEntry] = first.cards.compactMap { card in
                        guard card.kind == .term, case .term(let t) = card.content else { return nil }
                        return previousEntry(card, definition: t.definition)
                    }
                    glossaries[deck.file] = made
                    return made
                }()
            }
            guard var question = makeQuestion(
                card: card, deck: deck, glossary: glossary, ownLevelOnly: ownLevelOnly, rng: &rng)
            else { continue }
            usedKeys.insert(card.id.rawValue)
            question.number = questions.count + 1
            questions.append(question)
        }
        return questions
    }

    /// The previous `makeQuestion` for term cards; every other kind is
    /// asked as `QuizGenerator.makeQuestion` asks it, which never reads a
    /// glossary.
    static func makeQuestion(
        card: Card, deck: Deck, glossary: () -> [GlossaryEntry], ownLevelOnly: Bool, rng: inout SeededGenerator
    ) -> QuizQuestion?
    {
        guard case .term(let term) = card.content else {
            return QuizGenerator.makeQuestion(
                card: card, deck: deck, glossary: { DeckGlossary(deck: deck) }, rng: &rng)
        }
        let forward = StudyFace(card: card, direction: .forward).key
        let preferChoice = rng.below(2) == 0
        if preferChoice, let choice = termChoice(term: term, card: card, glossary: glossary(), ownLevelOnly: ownLevelOnly, rng: &rng) {
            return QuizQuestion(
                number: 0, key: forward, card: card, deckFile: deck.file, prompt: term.term, format: .choice(choice))
        }
        let blanks = [QuizGenerator.uniqueTexts([term.term] + term.alternatives)]
        guard !blanks[0].isEmpty, !term.definition.isEmpty else { return nil }
        return QuizQuestion(
            number: 0, key: StudyFace(card: card, direction: .reverse).key, card: card, deckFile: deck.file,
            prompt: term.definition, format: .typed(TypedQuestion(blanks: blanks)))
    }

    /// A glossary entry as the previous generator made it: its length
    /// counted from the decoded definition (in Unicode scalars), not taken
    /// from the card's head.
    static func previousEntry(_ card: Card, definition: String) -> GlossaryEntry {
        GlossaryEntry(card, length: definition.unicodeScalars.count)
    }

    static func termChoice(
        term: TermCard, card: Card, glossary: [GlossaryEntry], ownLevelOnly: Bool, rng: inout SeededGenerator
    ) -> ChoiceQuestion?
    {
        let right = previousEntry(card, definition: term.definition)
        let promptKey = QuizGenerator.optionKey(term.term)
        guard !right.key.isEmpty, right.key != promptKey else { return nil }
        var seen: Set<String> = [right.key, promptKey]
        let others = glossary.filter { $0.id != card.id }
        let needed = QuizGenerator.choiceOptionCount - 1
        var wrong = plausible(
            others.filter { $0.card.level == card.level }, like: right, promptKey: promptKey, count: needed, seen: &seen,
            rng: &rng)
        if wrong.count < needed, !ownLevelOnly {
            wrong += plausible(
                others.filter { $0.card.level != card.level }, like: right, promptKey: promptKey,
                count: needed - wrong.count, seen: &seen, rng: &rng)
        }
        guard wrong.count >= 2 else { return nil }
        return QuizGenerator.arrange(correct: [right.text], wrong: wrong, rng: &rng)
    }

    /// The previous `QuizGenerator.plausible`, which ranked copies of the
    /// entries (already without the asked card's id) and shuffled them.
    static func plausible(
        _ candidates: [GlossaryEntry], like right: GlossaryEntry, promptKey: String, count: Int,
        seen: inout Set<String>, rng: inout SeededGenerator
    ) -> [String] {
        guard count > 0, !candidates.isEmpty else { return [] }
        let length = Double(max(1, right.length))
        func distance(_ entry: GlossaryEntry) -> Double {
            let other = Double(max(1, entry.length))
            return abs(other - length) / max(length, other)
        }
        let ranked = candidates.enumerated().map { (offset: $0.offset, entry: $0.element, distance: distance($0.element)) }
            .sorted { a, b in a.distance != b.distance ? a.distance < b.distance : a.offset < b.offset }
        let close = ranked.filter { $0.distance <= QuizGenerator.maxLengthDistance }.map(\.entry)
        let rest = ranked.filter { $0.distance > QuizGenerator.maxLengthDistance }.map(\.entry)
        var chosen: [String] = []
        for candidate in rng.shuffle(close) + rest {
            if chosen.count == count { break }
            let key = candidate.key
            guard !key.isEmpty, !key.contains(promptKey), seen.insert(key).inserted else { continue }
            chosen.append(candidate.text)
        }
        return chosen
    }
}
