/// Turning a finished `PendingCard` into a `Card`: deciding its kind,
/// checking what that kind needs, deriving its id.
extension ParserRun {
    mutating func finishCard() {
        guard let card = pending else { return }
        pending = nil
        state = .betweenCards
        if card.cloze.inGap, let open = card.cloze.openGap, let offset = card.cloze.openOffset {
            emit(.unclosedGap, at: open, fix: closingFix(open: offset, place: open, before: nil))
        }
        if let misplaced = card.misplacedAnswer, admit() { diagnostics.append(misplaced.diagnostic) }
        if let built = build(card) { cards.append(built) }
    }

    /// The card value, or nil (with a diagnostic) when it cannot be studied.
    mutating func build(_ card: PendingCard) -> Card? {
        if card.broken { return nil }
        let prompt = card.prompt.string(buffer)
        // An empty `alt:` is reported below and accepts nothing: kept, it
        // would let an empty typed answer count as right.
        let alternatives = card.alternatives.filter { !$0.isEmpty }.map { $0.string(buffer) }
        let content: CardContent
        switch card.marker {
        case .question:
            if prompt.isEmpty {
                emit(.emptyText(.question), at: card.prompt.location)
                return nil
            }
            if !card.options.isEmpty {
                let options = card.options.map { ChoiceOption(text: $0.text.string(buffer), isCorrect: $0.correct) }
                // A set only when there are many options: most questions
                // have three or four, and a set per card costs more.
                let useSet = options.count > 16
                var seen = Set<String>()  // empty: no allocation unless used
                for (i, option) in options.enumerated() {
                    let repeated =
                        useSet ? !seen.insert(option.text).inserted : options[..<i].contains { $0.text == option.text }
                    if option.text.isEmpty {
                        emit(.emptyText(.option), at: card.options[i].text.location)
                    } else if repeated {
                        emit(.duplicateOption(option.text), at: card.options[i].text.location)
                    }
                }
                let kept = options.filter { !$0.text.isEmpty }
                // Only empty options: nothing is left to show (each empty
                // one is already an error).
                if kept.isEmpty { return nil }
                // A missing `*` is likely a forgotten mark: the card is kept
                // as written, and study and quiz skip it until one is marked.
                if !kept.contains(where: \.isCorrect) { emit(.noCorrectOption, at: card.location) }
                if kept.count < 2 { emit(.tooFewOptions, at: card.location) }
                if let alt = card.alternatives.first { emit(.altNotAllowed(kind: .choice), at: alt.location) }
                content = .choice(ChoiceCard(question: prompt, options: kept))
            } else if let answerField = card.answer {
                let answer = answerField.string(buffer)
                if answer.isEmpty {
                    emit(.emptyText(.answer), at: answerField.location)
                    return nil
                }
                if card.keyPoints.isEmpty {
                    content = .question(QuestionCard(question: prompt, answer: answer, alternatives: alternatives))
                } else {
                    var points: [String] = []
                    for field in card.keyPoints {
                        let point = field.string(buffer)
                        if point.isEmpty { emit(.emptyText(.keyPoint), at: field.location) } else { points.append(point) }
                    }
                    if points.isEmpty {
                        // Only empty key points: what is left is a question.
                        content = .question(QuestionCard(question: prompt, answer: answer, alternatives: alternatives))
                    } else {
                        if let alt = card.alternatives.first { emit(.altNotAllowed(kind: .open), at: alt.location) }
                        content = .open(OpenCard(question: prompt, modelAnswer: answer, keyPoints: points))
                    }
                }
            } else {
                emit(.missingAnswer, at: card.location)
                return nil
            }
        case .term:
            if prompt.isEmpty {
                emit(.emptyText(.term), at: card.prompt.location)
                return nil
            }
            guard let definitionField = card.answer else {
                emit(.missingDefinition, at: card.location)
                return nil
            }
            let definition = definitionField.string(buffer)
            if definition.isEmpty {
                emit(.emptyText(.definition), at: definitionField.location)
                return nil
            }
            if let word = TermInDefinition.giveaway(term: prompt, definition: definition, keys: &wordKeys) {
                emit(.definitionContainsTerm(word: word), at: definitionField.location)
            }
            content = .term(TermCard(term: prompt, definition: definition, alternatives: alternatives))
        default:
            if prompt.isEmpty {
                emit(.emptyText(.clozeText), at: card.prompt.location)
                return nil
            }
            let cloze = ClozeCard(text: prompt, alternatives: alternatives)
            let gaps = card.cloze.gapCount
            // An unclosed gap is reported above; loaded, the card would
            // show a brace inside an answer.
            if card.cloze.inGap || card.cloze.sawUnclosed { return nil }
            // A gap with no answer (`{}`, reported above) could never be
            // answered right: asked, it would be graded Again every time.
            if card.cloze.sawUnanswerable { return nil }
            if gaps == 0 {
                emit(.clozeWithoutGap, at: card.location)
                return nil
            }
            if gaps > 1, let alt = card.alternatives.first { emit(.altOnMultiGapCloze, at: alt.location) }
            content = .cloze(cloze)
        }
        for alt in card.alternatives where alt.isEmpty { emit(.emptyText(.alternative), at: alt.location) }
        // A cloze's prompt is not its text (escapes dropped, gaps blanked),
        // so only question and term prompts reuse the line check.
        let checked = card.marker != .cloze && !card.promptMayHoldLookalikes
        let derived = CardID.derived(kind: content.kind, prompt: content.prompt, knownFreeOfLookalikes: checked)
        let id = card.id.map { CardID.scoped($0, namespace: namespace) } ?? derived
        return Card(
            id: id, hasExplicitID: card.id != nil, derivedID: derived, content: content, level: card.level ?? deckLevel, tags: card.tags,
            sectionTags: sectionTags, source: card.source, location: card.location, lastLine: card.lastLine)
    }
}
