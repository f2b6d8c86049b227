import DeckFormat

/// Builds the draft deck `jatta extract` writes: an open card for every
/// level question and task, with passages of the lectures as a draft
/// answer, and a term card for every glossary entry.
///
/// A draft answer is found by retrieval, not written by a person, so it is
/// marked twice: its model answer starts with `DraftDeckBuilder.marker`
/// and the card has the tag `draft`. Both survive printing and parsing, and
/// `jatta list`/`check` can find cards still to review.
public enum DraftDeckBuilder {
    /// Opens every retrieved model answer: the instructor must review it.
    public static let marker = "[ЖОБА: тексеріңіз / DRAFT: review]"
    /// The tag of every card whose answer was retrieved.
    public static let draftTag = "draft"
    /// How many passages a question's key points list.
    public static let passagesPerQuestion = 3
    /// The least share of a question's words one passage must hold for
    /// any to be offered (`RankedPassage.coverage`); the others need half
    /// of it. Below it, the draft says the notes hold no answer rather
    /// than mislead.
    public static let minimumCoverage = 0.3
    /// A level 2–3 answer joins to the best passage the others that score
    /// at least this share of it or hold enough of the question
    /// (`minimumCoverage`): one sentence is no answer to an open question.
    public static let companionScore = 0.4
    /// The answer of a question the notes do not answer.
    public static let notFound = "Дәрістерден жауап табылмады. / Not found in the notes."
    /// The section of level questions (a section name is a tag of its cards).
    public static let questionSection = "Деңгейлік сұрақтар"
    /// The section of ОБӨЖ and БӨЖ tasks.
    public static let taskSection = "ОБӨЖ және БӨЖ тапсырмалары"
    /// The `description:` of every draft deck; with the draft tag on every
    /// question card, it tells `extract -o` that a file is a draft nobody
    /// reviewed (`review(of:)`).
    public static let draftDescription = "jatta extract жасаған жоба: жауаптарды тексеріп, түзетіңіз. "
        + "A draft made by jatta extract: review and correct the answers."
    /// The section of term cards.
    public static let glossarySection = "Глоссарий"

    /// How far someone has reviewed a draft this builder wrote: of its
    /// cards that carry a retrieved answer (every card but the terms),
    /// how many no longer have `draftTag`. A term card's definition is the
    /// notes' own and is never tagged, so it tells nothing either way:
    /// counted, it made every fresh draft with a glossary look reviewed,
    /// and `extract -o` refused to replace its own output.
    public static func review(of deck: Deck) -> (questions: Int, reviewed: Int) {
        let questions = deck.cards.filter { $0.kind != .term }
        return (questions.count, questions.filter { !$0.tags.contains(draftTag) }.count)
    }

    /// The draft deck for `documents` (a subset of `extraction`'s), with
    /// answers searched for in every lecture of `extraction`.
    public static func deck(of documents: [LectureDocument], extraction: Extraction, file: String) -> Deck {
        var cards: [Card] = []
        for document in documents {
            for question in document.questions where question.level != nil {
                cards.append(card(for: question, index: extraction.index, file: file))
            }
        }
        for document in documents {
            for question in document.questions where question.level == nil {
                cards.append(card(for: question, index: extraction.index, file: file))
            }
        }
        for document in documents {
            for entry in document.glossary { cards.append(card(for: entry, file: file)) }
        }
        // The lectures' own titles; a file name only where a lecture has none.
        let title = documents.map { $0.title ?? "Жоба: " + $0.file }.joined(separator: "; ")
        return Deck(
            file: file, title: title,
            metadata: [
                MetadataEntry(key: "lang", value: "kk"),
                MetadataEntry(key: "description", value: draftDescription),
            ],
            cards: cards)
    }

    /// An open card: the question, the best passage as a marked draft
    /// answer, and the best passages with their sources as key points.
    static func card(for question: ExamQuestion, index: PassageIndex, file: String) -> Card {
        // Nothing is offered unless one passage holds enough of the
        // question; then the others need half of that.
        let ranked = index.search(question.text, limit: passagesPerQuestion)
        let found = ranked.contains { $0.coverage >= minimumCoverage }
            ? ranked.filter { $0.coverage >= minimumCoverage / 2 } : []
        let answer = marker + " " + (answerText(found, level: question.level ?? 1) ?? notFound)
        let points = found.map { shortened(String($0.passage.text)) + " (" + $0.passage.file + ":" + String($0.passage.line) + ")" }
        var tags = [draftTag]
        let section: String
        switch question.kind {
        case .level: section = questionSection
        case .task(let label):
            tags.append(label)
            section = taskSection
        }
        let content: CardContent = points.isEmpty
            ? .question(QuestionCard(question: question.text, answer: answer))
            : .open(OpenCard(question: question.text, modelAnswer: answer, keyPoints: points))
        return Card(
            id: CardID.derived(kind: content.kind, prompt: question.text), content: content,
            level: question.level ?? 1, tags: tags, sectionTags: [section],
            source: question.file + ":" + String(question.line), location: SourceLocation(file: file, line: 0))
    }

    /// The draft answer: the best passage; for levels 2–3 with the other
    /// passages that score nearly as well, in the order of the notes, each
    /// followed by its `FILE:LINE`. Nil when nothing was found.
    static func answerText(_ found: [RankedPassage], level: Int) -> String? {
        guard let best = found.first else { return nil }
        let chosen = level >= 2
            ? found.filter { $0 == best || $0.score >= companionScore * best.score || $0.coverage >= minimumCoverage } : [best]
        let ordered = chosen.sorted { ($0.passage.file, $0.passage.line) < ($1.passage.file, $1.passage.line) }
        return ordered.map { String($0.passage.text) + " (" + $0.passage.file + ":" + String($0.passage.line) + ")" }
            .joined(separator: " ")
    }

    /// A term card, the notes' other spellings of the term as `alt:`.
    static func card(for entry: GlossaryEntry, file: String) -> Card {
        let content = CardContent.term(TermCard(term: entry.term, definition: entry.definition, alternatives: entry.variants))
        return Card(
            id: CardID.derived(kind: .term, prompt: entry.term), content: content, sectionTags: [glossarySection],
            source: entry.file + ":" + String(entry.line), location: SourceLocation(file: file, line: 0))
    }

    /// A passage cut to about 160 Characters at a word boundary.
    static func shortened(_ text: String) -> String {
        guard text.count > 160 else { return text }
        let cut = text.prefix(160)
        let end = cut.lastIndex(of: " ") ?? cut.endIndex
        return String(cut[..<end]) + " …"
    }
}
