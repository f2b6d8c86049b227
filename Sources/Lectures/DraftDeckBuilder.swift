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
    /// The section of level questions (a section name is a tag of its cards).
    public static let questionSection = "Деңгейлік сұрақтар"
    /// The section of ОБӨЖ and БӨЖ tasks.
    public static let taskSection = "ОБӨЖ және БӨЖ тапсырмалары"
    /// The `description:` of every draft deck; with the draft tag on every
    /// card, it tells `extract -o` that a file is a draft nobody reviewed.
    public static let draftDescription = "jatta extract жасаған жоба: жауаптарды тексеріп, түзетіңіз. "
        + "A draft made by jatta extract: review and correct the answers."
    /// The section of term cards.
    public static let glossarySection = "Глоссарий"

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
        let names = documents.map(\.file).joined(separator: ", ")
        return Deck(
            file: file, title: "Жоба: " + names,
            metadata: [
                MetadataEntry(key: "lang", value: "kk"),
                MetadataEntry(key: "description", value: draftDescription),
            ],
            cards: cards)
    }

    /// An open card: the question, the best passage as a marked draft
    /// answer, and the best passages with their sources as key points.
    static func card(for question: ExamQuestion, index: PassageIndex, file: String) -> Card {
        let found = index.search(question.text, limit: passagesPerQuestion)
        let answer = found.first.map { marker + " " + $0.passage.text }
            ?? marker + " Дәрістерден жауап табылмады. / No passage of the lectures matches."
        let points = found.map { shortened($0.passage.text) + " (" + $0.passage.file + ":" + String($0.passage.line) + ")" }
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
