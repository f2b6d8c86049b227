import DeckFormat

/// One question of a quiz: what is shown, how it is answered, and which
/// card (and which face of it) the answer teaches the scheduler about.
public struct QuizQuestion: Hashable, Sendable {
    /// 1-based position in the quiz, as shown to the student.
    public var number: Int
    /// The progress key the answer is logged under (`StudyFace.key`).
    public var key: String
    /// The card the question was made from.
    public var card: Card
    /// The deck file the card was read from.
    public var deckFile: String
    /// What is asked: the term, the definition, the question or the cloze
    /// text with its gaps blanked.
    public var prompt: String
    /// How the question is answered.
    public var format: QuizFormat

    public init(number: Int, key: String, card: Card, deckFile: String, prompt: String, format: QuizFormat) {
        self.number = number
        self.key = key
        self.card = card
        self.deckFile = deckFile
        self.prompt = prompt
        self.format = format
    }

    /// The exam level of the card (1 recall, 2 explain, 3 analyse).
    public var level: Int { card.level }

    /// Where the right answer can be looked up: the card's `source:` when
    /// the author gave one, else its place in the deck file.
    public var source: String { card.source ?? card.location.description }

    /// The right answer as one text, for feedback and the report.
    public var expectedAnswer: String {
        switch format {
        case .choice(let c): c.correct.sorted().map { c.options[$0] }.joined(separator: "; ")
        case .typed(let t): t.blanks.map { $0.first ?? "" }.joined(separator: "; ")
        case .open(let o): o.modelAnswer
        case .selfGraded(let s): s.answer
        }
    }
}

/// The ways a quiz question is answered.
public enum QuizFormat: Hashable, Sendable {
    /// Pick one option (or all correct ones).
    case choice(ChoiceQuestion)
    /// Type the answer; checked by the answer checker.
    case typed(TypedQuestion)
    /// An open exam question: reveal the model answer, tick the key points
    /// covered; the credit is the share of points ticked.
    case open(OpenQuestion)
    /// A question whose answer is too long to type: reveal it and say
    /// whether you knew it.
    case selfGraded(SelfGradedQuestion)

    /// A stable name for the JSON result and the report.
    public var name: String {
        switch self {
        case .choice: "choice"
        case .typed: "typed"
        case .open: "open"
        case .selfGraded: "self-graded"
        }
    }
}

/// A multiple-choice question: options in the order shown.
public struct ChoiceQuestion: Hashable, Sendable {
    /// The options as shown, already shuffled.
    public var options: [String]
    /// Indices into `options` of the correct ones (one, or several when the
    /// deck's card says "pick all correct").
    public var correct: Set<Int>

    public init(options: [String], correct: Set<Int>) {
        self.options = options
        self.correct = correct
    }

    /// True when the student must pick more than one option.
    public var allowsSeveral: Bool { correct.count > 1 }
}

/// A typed-answer question with one or more blanks.
public struct TypedQuestion: Hashable, Sendable {
    /// Accepted answers per blank, the one to show first. A term or a
    /// question has one blank; a cloze has one per gap.
    public var blanks: [[String]]

    public init(blanks: [[String]]) { self.blanks = blanks }
}

/// An open level 2–3 question graded by ticking key points.
public struct OpenQuestion: Hashable, Sendable {
    /// The model answer, shown once the student reveals it.
    public var modelAnswer: String
    /// The key points a full answer covers.
    public var keyPoints: [String]

    public init(modelAnswer: String, keyPoints: [String]) {
        self.modelAnswer = modelAnswer
        self.keyPoints = keyPoints
    }
}

/// A question the student grades as known or not after revealing the answer.
public struct SelfGradedQuestion: Hashable, Sendable {
    /// The answer, shown once revealed.
    public var answer: String

    public init(answer: String) { self.answer = answer }
}
