import DeckFormat
import FSRS
import KazakhText

/// Makes a quiz from decks: picks the cards, the format of each question
/// and, for multiple choice, the wrong options.
///
/// Rules every question obeys (tested): the right answer appears exactly
/// once among the options, no two options are equal after normalisation,
/// no option repeats the prompt. A card that cannot make a question obeying
/// them is left out rather than asked badly.
public enum QuizGenerator {
    /// Options of a generated multiple-choice question: the right one and
    /// three wrong ones, as in most written exams.
    public static let choiceOptionCount = 4
    /// A typed question is used for a question card whose answer is at most
    /// this many words; longer answers are self-graded.
    public static let typedAnswerMaxWords = 3

    /// The quiz for `decks` under `settings`. Pure: the same decks and
    /// settings give the same questions.
    public static func generate(from decks: [Deck], settings: QuizSettings) -> [QuizQuestion] {
        var rng = SeededGenerator(seed: settings.seed)
        // The wrong options of a deck, normalised once per quiz rather than
        // once per question, and only for the decks a question comes from.
        var glossaries: [String: DeckGlossary] = [:]
        var questions: [QuizQuestion] = []
        var usedKeys = Set<String>()
        // Cards are drawn until the quiz is full: as many as it asks for
        // (and those passed over), not every card of the decks.
        var draw = QuizDraw(decks)
        let wanted = Set(settings.tags.map(tagKey))
        while questions.count < settings.count, let place = draw.next(rng: &rng) {
            let deck = decks[place.deck]
            let card = deck.cards[place.card]
            guard isAsked(card, settings: settings, wanted: wanted) else { continue }
            // The same card twice (a deck loaded twice, a duplicated id)
            // would count one memory twice.
            guard !usedKeys.contains(card.id.rawValue) else { continue }
            // Made only for a term asked as multiple choice: making every
            // asked deck's glossary was a tenth of a quiz's start at
            // 200,000 cards, most of it for questions that never use it.
            let glossary = {
                glossaries[deck.file] ?? {
                    // The first deck of that file, as when all were made at once.
                    let made = DeckGlossary(deck: decks.first { $0.file == deck.file } ?? deck)
                    glossaries[deck.file] = made
                    return made
                }()
            }
            guard var question = makeQuestion(card: card, deck: deck, glossary: glossary, rng: &rng) else { continue }
            usedKeys.insert(card.id.rawValue)
            question.number = questions.count + 1
            questions.append(question)
        }
        return questions
    }

    /// Whether `settings` asks for `card`: its level, and one of its tags
    /// among `wanted` (the settings' tags as `tagKey` gives them) when
    /// there are any. A choice card with no correct option has no right
    /// answer to grade; a level outside 1–3 is quizzed like any other.
    static func isAsked(_ card: Card, settings: QuizSettings, wanted: Set<String>) -> Bool {
        guard card.isAnswerable else { return false }
        if let level = settings.level, card.level != level { return false }
        return wanted.isEmpty || card.allTags.contains { wanted.contains(tagKey($0)) }
    }

    /// A deck's term definitions: the wrong options of its questions, in
    /// deck order. `level`, when given, keeps only the terms of that level
    /// (`same`) or of every other level (not `same`).
    /// No body is read: a card's kind, level and definition length are in
    /// its head, and a definition is decoded only when it is looked at as
    /// an option (decoding a level's definitions was an eighth of a
    /// 20-question quiz at 200,000 cards).
    static func glossary(of deck: Deck, level: Int? = nil, same: Bool = true) -> [GlossaryEntry] {
        deck.cards.compactMap { card in
            guard card.kind == .term else { return nil }
            if let level, (card.level == level) != same { return nil }
            return GlossaryEntry(card)
        }
    }

    /// How many of the cards `settings` asks for are multiple-choice cards
    /// that cannot be asked because they have no wrong option to choose
    /// (every option marked correct): why a quiz came out empty when the
    /// level and tags were right.
    public static func choiceCardsWithoutWrongOption(in decks: [Deck], settings: QuizSettings) -> Int {
        let wanted = Set(settings.tags.map(tagKey))
        return decks.reduce(0) { count, deck in
            count + deck.cards.count { card in
                guard card.kind == .choice, isAsked(card, settings: settings, wanted: wanted),
                    case .choice(let choice) = card.content
                else { return false }
                return choice.options.allSatisfy(\.isCorrect)
            }
        }
    }

    /// The question for one card, or nil when the card cannot make a fair one.
    static func makeQuestion(card: Card, deck: Deck, glossary: () -> DeckGlossary, rng: inout SeededGenerator)
        -> QuizQuestion?
    {
        let forward = StudyFace(card: card, direction: .forward).key
        switch card.content {
        case .term(let term):
            // Both directions are worth asking: recognising the definition
            // of a term, and producing the term from its definition.
            let preferChoice = rng.below(2) == 0
            if preferChoice, let choice = termChoice(term: term, card: card, glossary: glossary(), rng: &rng) {
                return QuizQuestion(
                    number: 0, key: forward, card: card, deckFile: deck.file, prompt: term.term, format: .choice(choice))
            }
            let blanks = [uniqueTexts([term.term] + term.alternatives)]
            guard !blanks[0].isEmpty, !term.definition.isEmpty else { return nil }
            return QuizQuestion(
                number: 0, key: StudyFace(card: card, direction: .reverse).key, card: card, deckFile: deck.file,
                prompt: term.definition, format: .typed(TypedQuestion(blanks: blanks)))
        case .choice(let choiceCard):
            guard let choice = deckChoice(choiceCard, rng: &rng) else { return nil }
            return QuizQuestion(
                number: 0, key: forward, card: card, deckFile: deck.file, prompt: choiceCard.question,
                format: .choice(choice))
        case .open(let open):
            guard !open.keyPoints.isEmpty else {
                return QuizQuestion(
                    number: 0, key: forward, card: card, deckFile: deck.file, prompt: open.question,
                    format: .selfGraded(SelfGradedQuestion(answer: open.modelAnswer)))
            }
            return QuizQuestion(
                number: 0, key: forward, card: card, deckFile: deck.file, prompt: open.question,
                format: .open(OpenQuestion(modelAnswer: open.modelAnswer, keyPoints: open.keyPoints)))
        case .question(let q):
            let words = q.answer.split(whereSeparator: { $0.isWhitespace }).count
            if words > 0, words <= typedAnswerMaxWords {
                return QuizQuestion(
                    number: 0, key: forward, card: card, deckFile: deck.file, prompt: q.question,
                    format: .typed(TypedQuestion(blanks: [uniqueTexts([q.answer] + q.alternatives)])))
            }
            return QuizQuestion(
                number: 0, key: forward, card: card, deckFile: deck.file, prompt: q.question,
                format: .selfGraded(SelfGradedQuestion(answer: q.answer)))
        case .cloze(let cloze):
            var blanks = cloze.gaps.map { uniqueTexts($0.answers) }
            if blanks.count == 1 { blanks[0] = uniqueTexts(blanks[0] + cloze.alternatives) }
            guard !blanks.isEmpty, blanks.allSatisfy({ !$0.isEmpty }) else { return nil }
            return QuizQuestion(
                number: 0, key: forward, card: card, deckFile: deck.file, prompt: cloze.prompt,
                format: .typed(TypedQuestion(blanks: blanks)))
        }
    }

    /// Term → definition as multiple choice, the wrong options being other
    /// definitions of the same deck. Nil when fewer than two fair wrong
    /// options exist (a typed question is asked instead).
    static func termChoice(term: TermCard, card: Card, glossary: DeckGlossary, rng: inout SeededGenerator)
        -> ChoiceQuestion?
    {
        let right = GlossaryEntry(card)
        let promptKey = optionKey(term.term)
        guard !right.key.isEmpty, right.key != promptKey else { return nil }
        var seen: Set<String> = [right.key, promptKey]
        let needed = choiceOptionCount - 1
        var wrong = plausible(
            glossary.terms(level: card.level), excluding: card.id, like: right, promptKey: promptKey,
            count: needed, seen: &seen, rng: &rng)
        // Only when the level is too small to fill the options: the rest of
        // the deck is still the same subject and the same writer's style.
        if wrong.count < needed {
            wrong += plausible(
                glossary.terms(otherThan: card.level), excluding: card.id, like: right,
                promptKey: promptKey, count: needed - wrong.count, seen: &seen, rng: &rng)
        }
        guard wrong.count >= 2 else { return nil }
        return arrange(correct: [right.text], wrong: wrong, rng: &rng)
    }

    /// The wrong options most like the right one in length: a definition
    /// three times longer than the others is found without knowing it.
    /// Chosen at random among those at most twice as long or half as long
    /// as the right one; only when too few are that close, the closest of
    /// the rest fill up. A candidate equal to an option already taken (after
    /// normalisation) or naming the asked term is passed over, and so is
    /// every candidate of the asked card's id (`excluding`).
    ///
    /// The candidates are ranked by their places in `candidates`, as pairs
    /// of a distance and a place, with no copy of the level without the
    /// asked card: a level holds thousands of terms at 200,000 cards, and
    /// without copying and ranking the entries themselves (a retain and a
    /// release each, and each id read from its card) choosing a term
    /// question's options takes two fifths less time. The ranking, the draws and so
    /// the options are those of ranking the entries
    /// (`QuizGeneratorEquivalenceTests`).
    static func plausible(
        _ candidates: [GlossaryEntry], excluding excluded: CardID, like right: GlossaryEntry, promptKey: String,
        count: Int, seen: inout Set<String>, rng: inout SeededGenerator
    ) -> [String] {
        guard count > 0 else { return [] }
        let length = Double(max(1, right.length))
        // Close ones first, each part in the order of its distance, then of
        // its place: the close ones are shuffled from that order.
        var close: [(distance: Double, place: Int32)] = []
        var rest: [(distance: Double, place: Int32)] = []
        for (place, entry) in candidates.enumerated() where entry.id != excluded {
            let other = Double(max(1, entry.length))
            let distance = abs(other - length) / max(length, other)
            if distance <= maxLengthDistance {
                close.append((distance, Int32(truncatingIfNeeded: place)))
            } else {
                rest.append((distance, Int32(truncatingIfNeeded: place)))
            }
        }
        let ranked: ((distance: Double, place: Int32), (distance: Double, place: Int32)) -> Bool = { a, b in
            a.distance != b.distance ? a.distance < b.distance : a.place < b.place
        }
        close.sort(by: ranked)
        var order = close.map(\.place)
        rng.shuffle(&order)
        var chosen: [String] = []
        /// Takes the candidate at `place` unless it repeats an option or
        /// names the term; true once enough are chosen.
        func take(_ place: Int32) -> Bool {
            let candidate = candidates[Int(place)]
            // Keys are normalised only for the candidates looked at.
            let key = candidate.key
            // A definition naming the asked term gives the answer away.
            if !key.isEmpty, !key.contains(promptKey), seen.insert(key).inserted { chosen.append(candidate.text) }
            return chosen.count == count
        }
        for place in order where take(place) { return chosen }
        // The rest only when the close ones did not fill the options.
        rest.sort(by: ranked)
        for candidate in rest where take(candidate.place) { return chosen }
        return chosen
    }

    /// Relative length difference (|a − b| / max(a, b)) up to which a wrong
    /// option counts as plausible: 0.5 is "half as long or twice as long".
    static let maxLengthDistance = 0.5

    /// The deck's own multiple-choice card, its options shuffled. Options
    /// that repeat another or the prompt are dropped (a correct one wins
    /// over a wrong one with the same text); nil if nothing fair is left.
    static func deckChoice(_ card: ChoiceCard, rng: inout SeededGenerator) -> ChoiceQuestion? {
        let promptKey = optionKey(card.question)
        var seen: Set<String> = []
        var correct: [String] = []
        for option in card.options where option.isCorrect {
            let key = optionKey(option.text)
            guard !key.isEmpty, key != promptKey, seen.insert(key).inserted else { continue }
            correct.append(option.text)
        }
        var wrong: [String] = []
        for option in card.options where !option.isCorrect {
            let key = optionKey(option.text)
            guard !key.isEmpty, key != promptKey, seen.insert(key).inserted else { continue }
            wrong.append(option.text)
        }
        guard !correct.isEmpty, correct.count + wrong.count >= 2, !wrong.isEmpty else { return nil }
        return arrange(correct: correct, wrong: wrong, rng: &rng)
    }

    static func arrange(correct: [String], wrong: [String], rng: inout SeededGenerator) -> ChoiceQuestion {
        let tagged = correct.map { ($0, true) } + wrong.map { ($0, false) }
        let order = rng.shuffle(tagged)
        return ChoiceQuestion(
            options: order.map(\.0),
            correct: Set(order.indices.filter { order[$0].1 }))
    }

    /// When two options count as the same: the card-identity folding (case,
    /// spacing, dashes, quotes, look-alike letters, edge punctuation).
    public static func optionKey(_ text: String) -> String { Normalization.identityKey(text) }

    static func tagKey(_ tag: String) -> String { Normalization.identityKey(tag) }

    /// Texts without repeats (after normalisation), blanks dropped, first
    /// spelling kept.
    static func uniqueTexts(_ texts: [String]) -> [String] {
        var seen = Set<String>()
        return texts.filter { text in
            let key = optionKey(text)
            return !key.isEmpty && seen.insert(key).inserted
        }
    }
}

/// A definition of a deck's glossary, shared by every question of one
/// quiz so that its text is decoded and its normalised form worked out at
/// most once, and only if it is ever compared: the candidates are ranked
/// by their length, which the card's head holds.
final class GlossaryEntry {
    /// The term card whose definition this is.
    let card: Card
    /// Its length in Unicode scalars (`Card.definitionLength`).
    let length: Int
    /// The definition as written, decoded on first use.
    lazy var text: String = {
        guard case .term(let term) = card.content else { return "" }
        return term.definition
    }()
    /// Its normalised form (`QuizGenerator.optionKey`).
    lazy var key: String = QuizGenerator.optionKey(text)

    init(_ card: Card) {
        self.card = card
        self.length = card.definitionLength
        self.id = card.id
    }

    /// An entry whose length is counted elsewhere (the equivalence tests
    /// count it from the text, as the quiz did before heads kept it).
    init(_ card: Card, length: Int) {
        self.card = card
        self.length = length
        self.id = card.id
    }

    /// The card's id, read with the length: every question of the deck's
    /// level compares it, and reading it from the card each time went to
    /// the card's fields, far apart in memory, for every term of the level.
    let id: CardID
}
