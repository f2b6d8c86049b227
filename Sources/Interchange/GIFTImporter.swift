import DeckFormat

/// Moodle GIFT → a jatta deck.
///
/// multiple choice → choice (credit > 0 is right; with a 100 % answer only
/// the 100 % ones, the partial credit dropped with a warning); true/false →
/// a two-option choice; short answer → question (further right answers →
/// `alt:`), or a cloze when text follows the answer block; numerical →
/// question with `1822 ± 5` or `1..5` answers; essay → open question, the
/// model answer and key points from the general feedback; matching → one
/// question per pair; `$CATEGORY` → sections. jatta's own fields travel in
/// `//` comments that Moodle ignores.
///
/// A title becomes an explicit id, scoped like any `id:` by the deck's
/// namespace: the `namespace:` of the first `// jatta deck` header, else
/// the namespace of the deck file written (`deckFile`). A file with no
/// jatta header (Moodle's own) gets that namespace as a `namespace:` line,
/// so its ids keep their progress when the deck is renamed or split.
public enum GIFTImporter {
    /// The most problems reported for one file.
    static let diagnosticLimit = 500

    /// The deck in the GIFT file `file`, to be written as `deckFile`
    /// (`file` when nil), whose name scopes ids when nothing else does.
    public static func read(_ bytes: [UInt8], file: String, deckFile: String? = nil) -> ImportResult {
        // Bytes that are not UTF-8 would be written into the deck as U+FFFD.
        let encoding = TextEncoding.problems(in: bytes, file: file)
        if !encoding.isEmpty { return ImportResult(deck: Deck(file: deckFile ?? file), diagnostics: encoding) }
        let source = GIFTSource(bytes: bytes, file: file)
        var deck = Deck(file: deckFile ?? file)
        var diagnostics: [Diagnostic] = []
        var sections: [String] = []
        // The `// jatta deck` header in force: a file exported from several
        // decks has one per deck, and each deck's cards take their default
        // level and deck tags from their own. The first names the deck.
        var header = Deck(file: file)
        var named = false
        for block in source.blocks() {
            var scanner = GIFTScanner(source: source, block: block)
            let outcome = scanner.scan()
            diagnostics += scanner.diagnostics
            switch outcome {
            case .failed:
                continue
            case .comments(let lines):
                guard lines.first == DeckHeader.marker else { continue }
                header = Deck(file: file)
                DeckHeader.read(lines, into: &header)
                sections = []
                if !named {
                    deck.title = header.title
                    deck.metadata = header.metadata
                    named = true
                }
            case .category(let parts):
                sections = parts
            case .question(let question):
                // The deck's own tags come first in every card's section tags.
                var made = cards(
                    from: question, sections: DeckPrinter.deckTags(of: header) + sections, language: header.language)
                let level = DeckPrinter.defaultLevel(of: header)
                for i in made.cards.indices where made.cards[i].level == 0 { made.cards[i].level = level }
                deck.cards += made.cards
                diagnostics += made.diagnostics
            }
        }
        if !named { diagnostics += makeIDsDistinct(in: &deck) }
        scopeIDs(of: &deck, fromJatta: named)
        return ImportResult(deck: deck, diagnostics: ImportResult.capped(diagnostics, limit: diagnosticLimit))
    }

    /// Gives each question of a Moodle file whose name (made into an id)
    /// an earlier one already has the next free `NAME-2`, `NAME-3`, with a
    /// warning: Moodle allows one name for many questions ("Question 1" in
    /// every category), a deck does not, and the deck written would not
    /// pass `jatta check`.
    static func makeIDsDistinct(in deck: inout Deck) -> [Diagnostic] {
        var taken = Set(deck.cards.filter(\.hasExplicitID).map(\.id.rawValue))
        var seen: Set<String> = []
        var diagnostics: [Diagnostic] = []
        for i in deck.cards.indices where deck.cards[i].hasExplicitID {
            let id = deck.cards[i].id.rawValue
            if seen.insert(id).inserted { continue }
            // An id is at most 64 characters: the name gives way to the number.
            func numbered(_ n: Int) -> String { String(id.prefix(64 - "-\(n)".count)) + "-\(n)" }
            var n = 2
            while taken.contains(numbered(n)) { n += 1 }
            let distinct = numbered(n)
            taken.insert(distinct)
            seen.insert(distinct)
            deck.cards[i].id = CardID(rawValue: distinct)
            diagnostics.append(InterchangeIssue.duplicateTitle(title: id, id: distinct).at(deck.cards[i].location))
        }
        return diagnostics
    }

    /// Scopes the explicit ids, read as written, by the deck's namespace
    /// (DeckFormat's rule, `CardID.scoped`). A deck jatta wrote is given
    /// back as it was, with or without its `namespace:` line; one from
    /// Moodle is given the line its ids are scoped by, as `jatta pin-ids`
    /// does, so `jatta check` has no `id-without-namespace` to report.
    static func scopeIDs(of deck: inout Deck, fromJatta: Bool) {
        guard deck.cards.contains(where: \.hasExplicitID) else { return }
        let namespace = deck.metadata("namespace") ?? CardID.defaultNamespace(file: deck.file)
        if !fromJatta, deck.metadata("namespace") == nil {
            deck.metadata.append(MetadataEntry(key: "namespace", value: namespace))
        }
        for i in deck.cards.indices where deck.cards[i].hasExplicitID {
            deck.cards[i].id = CardID.scoped(deck.cards[i].id.rawValue, namespace: namespace)
        }
    }

    /// jatta's fields read from a question's comments.
    struct Fields {
        var kind: String?
        var level = 0
        var tags: [String] = []
        var id: String?
        var source: String?
        var alternatives: [String] = []
        /// A cloze's jatta text, exactly as written in the deck.
        var cloze: String?

        init(_ comments: [String]) {
            for comment in comments {
                if comment.hasPrefix("[tag:"), comment.hasSuffix("]") {
                    tags.append(GIFTEscaping.unescape(String(comment.dropFirst(5).dropLast())))
                } else if comment.hasPrefix("[id:"), comment.hasSuffix("]") {
                    id = GIFTEscaping.unescape(String(comment.dropFirst(4).dropLast()))
                } else if let value = Self.value(comment, "kind") {
                    kind = value
                } else if let value = Self.value(comment, "level") {
                    level = Int(value) ?? 0
                } else if let value = Self.value(comment, "source") {
                    source = value
                } else if let value = Self.value(comment, "cloze") {
                    cloze = value
                } else if let value = Self.value(comment, "alt") {
                    alternatives.append(value)
                }
            }
        }

        static func value(_ comment: String, _ key: String) -> String? {
            guard comment.hasPrefix(key + ":") else { return nil }
            return GIFTEscaping.unescape(String(comment.dropFirst(key.count + 1)))
        }
    }

    static func cards(from q: GIFTQuestion, sections: [String], language: String) -> (cards: [Card], diagnostics: [Diagnostic]) {
        let fields = Fields(q.comments)
        var notes: [InterchangeIssue] = []
        func card(_ content: CardContent, part: Int? = nil) -> Card {
            // The pairs of a matching question share its title: each gets
            // its number, so their ids differ.
            let id = (fields.id ?? q.title).map { title in part.map { "\(title)-\($0)" } ?? title }
            return ImportedCard.make(
                content, id: id, written: fields.id != nil, level: fields.level, tags: fields.tags, sections: sections,
                source: fields.source, location: q.location)
        }
        func done(_ cards: [Card]) -> ([Card], [Diagnostic]) {
            var seen = Set<InterchangeIssue>()
            return (cards, notes.filter { seen.insert($0).inserted }.map { $0.at(q.location) })
        }
        // A cloze jatta wrote carries its own text: Moodle's rendering of it
        // (a fill-in-the-blank or a description) is only for Moodle.
        if fields.kind == "cloze", let text = fields.cloze {
            return done([card(.cloze(ClozeCard(text: text, alternatives: fields.alternatives)))])
        }
        if q.generalFeedback != nil, !isEssay(q.answers) { notes.append(.feedbackDropped) }
        if case .description = q.answers {
            notes.append(.descriptionSkipped); return done([])
        }
        guard !q.text.isEmpty || !q.textAfter.isEmpty else { notes.append(.emptyQuestion); return done([]) }
        switch q.answers {
        case .description:
            return done([])
        case .essay:
            guard let feedback = q.generalFeedback, !feedback.isEmpty else {
                notes.append(.essayWithoutFeedback); return done([])
            }
            let (model, points) = OpenFeedback.read(feedback)
            return done([card(.open(OpenCard(question: blank(q), modelAnswer: model, keyPoints: points)))])
        case .multipleChoice(let answers):
            if answers.contains(where: { $0.feedback != nil }) { notes.append(.feedbackDropped) }
            let hasFull = answers.contains { $0.weight >= 100 }
            if hasFull, answers.contains(where: { $0.weight > 0 && $0.weight < 100 }) { notes.append(.partialCreditDropped) }
            let options = answers.map { ChoiceOption(text: $0.text, isCorrect: hasFull ? $0.weight >= 100 : $0.weight > 0) }
            return done([card(.choice(ChoiceCard(question: blank(q), options: options)))])
        case .trueFalse(let truth, let feedback):
            if feedback.contains(where: { !$0.isEmpty }) { notes.append(.feedbackDropped) }
            let words = TrueFalseWords.words(language: language)
            let options = [ChoiceOption(text: words.yes, isCorrect: truth), ChoiceOption(text: words.no, isCorrect: !truth)]
            return done([card(.choice(ChoiceCard(question: blank(q), options: options)))])
        case .shortAnswer(let answers):
            if answers.contains(where: { $0.feedback != nil }) { notes.append(.feedbackDropped) }
            // As for multiple choice: with a fully right answer, only the
            // fully right ones count (a 50 % answer counted as right).
            let hasFull = answers.contains { $0.weight >= 100 }
            if hasFull, answers.contains(where: { $0.weight > 0 && $0.weight < 100 }) { notes.append(.partialCreditDropped) }
            let right = answers.filter { hasFull ? $0.weight >= 100 : $0.weight > 0 }.map(\.text)
            guard let first = right.first else { notes.append(.noAnswers); return done([]) }
            if !q.textAfter.isEmpty {
                let gap = "{" + right.map(ClozeText.escapeGapAnswer).joined(separator: "|") + "}"
                let text = ClozeText.escapePlain(q.text) + (q.text.isEmpty ? "" : " ") + gap
                    + (q.textAfter.isEmpty ? "" : " " + ClozeText.escapePlain(q.textAfter))
                return done([card(.cloze(ClozeCard(text: text, alternatives: fields.alternatives)))])
            }
            if fields.kind == "term" {
                return done([card(.term(TermCard(term: first, definition: q.text, alternatives: Array(right.dropFirst()))))])
            }
            return done([card(.question(QuestionCard(question: q.text, answer: first, alternatives: Array(right.dropFirst()))))])
        case .numerical(let numbers, let otherFeedback):
            if otherFeedback || numbers.contains(where: { $0.feedback != nil }) { notes.append(.feedbackDropped) }
            if numbers.contains(where: { $0.weight < 100 }) { notes.append(.partialCreditDropped) }
            let right = numbers.filter { $0.weight >= 100 }.map { NumericAnswer.text($0.value) }
            guard let first = right.first else { notes.append(.noAnswers); return done([]) }
            return done([card(.question(QuestionCard(question: blank(q), answer: first, alternatives: Array(right.dropFirst()))))])
        case .matching(let pairs):
            notes.append(.matchingSplit(pairs: pairs.count))
            return done(pairs.enumerated().map { i, pair in
                card(.question(QuestionCard(question: blank(q) + "\n" + pair.question, answer: pair.answer)), part: i + 1)
            })
        }
    }

    static func isEssay(_ answers: GIFTAnswers) -> Bool {
        if case .essay = answers { return true }
        return false
    }

    /// A fill-in-the-blank's text with the blank shown.
    static func blank(_ q: GIFTQuestion) -> String {
        q.textAfter.isEmpty ? q.text : q.text + " _____ " + q.textAfter
    }
}

