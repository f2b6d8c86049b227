import DeckFormat

/// Every problem met while reading or writing GIFT and Aiken files, with its
/// stable code, severity and message in Kazakh and English, in one place
/// (as `DeckIssue` does for the deck format).
public enum InterchangeIssue: Error, Hashable, Sendable {
    // Reading GIFT
    case unclosedAnswerBlock
    case braceInAnswerBlock
    /// A `}` in the question text, with no answer block open.
    case closingBraceInText
    case secondAnswerBlock
    case unclosedTitle
    case emptyQuestion
    case noAnswers
    case emptyAnswer
    case badWeight(String)
    case badNumber(String)
    case descriptionSkipped
    case essayWithoutFeedback
    case feedbackDropped
    case partialCreditDropped
    case matchingSplit(pairs: Int)
    case duplicateTitle(title: String, id: String)
    case tooManyDiagnostics(dropped: Int)
    // Reading Aiken
    case aikenCyrillicLetter(found: Character, meant: Character)
    case aikenUnfinishedQuestion
    case aikenTooFewOptions
    case aikenBadAnswer(String)
    case aikenOptionWithoutQuestion
    // Writing
    case cannotHold(format: String, kind: CardKind, reason: Reason)

    /// Why a card cannot be written in a format.
    public enum Reason: Hashable, Sendable {
        /// Aiken holds only multiple choice with one right option.
        case notSingleAnswerChoice
        /// Aiken options and questions are one line each.
        case multiLine
        /// Aiken letters run from A to Z.
        case tooManyOptions
        /// A GIFT question has one answer block: a cloze with several gaps
        /// is written as a description (jatta reads it back, Moodle shows
        /// it without scoring).
        case severalGaps
        /// An answer written after `=` that holds `->`: GIFT reads the
        /// question as a matching one, and no escape prevents it.
        case arrowInAnswer
        /// Aiken: a question that begins like an option (`A) `) or like
        /// the answer line (`ANSWER:`).
        case readsAsSyntax
    }

    public var code: String {
        switch self {
        case .unclosedAnswerBlock: "unclosed-answer-block"
        case .braceInAnswerBlock: "brace-in-answer-block"
        case .closingBraceInText: "brace-in-text"
        case .secondAnswerBlock: "second-answer-block"
        case .unclosedTitle: "unclosed-title"
        case .emptyQuestion: "empty-question"
        case .noAnswers: "no-answers"
        case .emptyAnswer: "empty-answer"
        case .badWeight: "bad-weight"
        case .badNumber: "bad-number"
        case .descriptionSkipped: "description-skipped"
        case .essayWithoutFeedback: "essay-without-feedback"
        case .feedbackDropped: "feedback-dropped"
        case .partialCreditDropped: "partial-credit-dropped"
        case .matchingSplit: "matching-split"
        case .duplicateTitle: "duplicate-title"
        case .tooManyDiagnostics: "too-many-diagnostics"
        case .aikenCyrillicLetter: "cyrillic-letter"
        case .aikenUnfinishedQuestion: "unfinished-question"
        case .aikenTooFewOptions: "too-few-options"
        case .aikenBadAnswer: "bad-answer"
        case .aikenOptionWithoutQuestion: "option-without-question"
        case .cannotHold: "cannot-hold"
        }
    }

    public var severity: Diagnostic.Severity {
        switch self {
        case .unclosedAnswerBlock, .braceInAnswerBlock, .closingBraceInText, .secondAnswerBlock, .unclosedTitle, .emptyQuestion,
            .noAnswers, .emptyAnswer, .badWeight, .badNumber, .aikenUnfinishedQuestion, .aikenTooFewOptions, .aikenBadAnswer,
            .aikenOptionWithoutQuestion:
            .error
        case .descriptionSkipped, .essayWithoutFeedback, .feedbackDropped, .partialCreditDropped, .matchingSplit,
            .duplicateTitle, .tooManyDiagnostics, .aikenCyrillicLetter, .cannotHold:
            .warning
        }
    }

    public var kk: String {
        switch self {
        case .unclosedAnswerBlock: "жауап блогы '{' жабылмаған: '}' жоқ (мәтіндегі жақшаны \\{ деп жазыңыз)"
        case .braceInAnswerBlock: "жауап блогының ішінде тағы '{' бар (мәтіндегі жақшаны \\{ деп жазыңыз)"
        case .closingBraceInText: "сұрақ мәтінінде ашылмаған '}' бар (мәтіндегі жақшаны \\} деп жазыңыз)"
        case .secondAnswerBlock: "сұрақта екінші жауап блогы бар; GIFT сұрағында бір ғана '{…}' болады"
        case .unclosedTitle: "тақырып '::' жабылмаған"
        case .emptyQuestion: "сұрақ мәтіні бос"
        case .noAnswers: "жауап блогында жауап жоқ"
        case .emptyAnswer: "бос жауап: '=' немесе '~' белгісінен кейін мәтін жоқ"
        case .badWeight(let w): "баға үлесі '\(Self.shown(w))' түсініксіз: %50% сияқты жазыңыз"
        case .badNumber(let n): "'\(Self.shown(n))' сан емес"
        case .descriptionSkipped: "жауапсыз сипаттама (description) өткізіліп жіберілді"
        case .essayWithoutFeedback: "жалпы кері байланысы (####) жоқ эссе: үлгі жауап жоқ, өткізіліп жіберілді"
        case .feedbackDropped: "жауапқа берілген кері байланыс (#…) карточкада сақталмайды"
        case .partialCreditDropped: "ішінара баға (%…%) сақталмайды: тек толық дұрыс жауаптар дұрыс саналады"
        case .matchingSplit(let n): "сәйкестендіру сұрағы \(n) жеке карточкаға бөлінді"
        case .duplicateTitle(let t, let id):
            "'\(Self.shown(t))' атауы алдыңғы сұрақта да бар: бұл карточканың id-і '\(Self.shown(id))' болды"
        case .tooManyDiagnostics(let n): "тағы \(n) ескерту көрсетілмеді"
        case .aikenCyrillicLetter(let f, let m): "кирилл әрпі '\(f)' латын '\(m)' ретінде оқылды (Moodle оны қабылдамайды)"
        case .aikenUnfinishedQuestion: "сұрақ 'ANSWER:' жолынсыз аяқталды; ол тасталды"
        case .aikenTooFewOptions: "сұрақта кемінде екі нұсқа болуы керек"
        case .aikenBadAnswer(let a): "'ANSWER: \(Self.shown(a))' ешбір нұсқаға сәйкес келмейді"
        case .aikenOptionWithoutQuestion: "нұсқа сұрақсыз тұр"
        case .cannotHold(let format, let kind, let reason):
            switch reason {
            case .notSingleAnswerChoice: "\(format) бір дұрыс жауапты таңдау сұрағын ғана сақтайды; бұл карточка (\(kind.rawValue)) жазылмады"
            case .multiLine: "\(format) бір жолды мәтінді ғана сақтайды; бұл карточка жазылмады"
            case .tooManyOptions: "\(format) 26 нұсқадан артық сақтай алмайды; бұл карточка жазылмады"
            case .severalGaps: "\(format) бірнеше бос орынды клозды сақтай алмайды: ол сипаттама ретінде жазылды (Moodle оны бағаламайды)"
            case .arrowInAnswer: "жауаптағы '->' белгісін \(format) сәйкестендіру сұрағы деп оқиды; бұл карточка жазылмады"
            case .readsAsSyntax: "сұрақ \(format) нұсқасы немесе ANSWER: жолы сияқты басталады, ол қайта оқылмайды; бұл карточка жазылмады"
            }
        }
    }

    public var en: String {
        switch self {
        case .unclosedAnswerBlock: "answer block '{' is not closed: no '}' (write \\{ for a brace in the text)"
        case .braceInAnswerBlock: "another '{' inside the answer block (write \\{ for a brace in the text)"
        case .closingBraceInText: "a '}' in the question text with no answer block open (write \\} for a brace in the text)"
        case .secondAnswerBlock: "a second answer block; a GIFT question has one '{…}'"
        case .unclosedTitle: "title '::' is not closed"
        case .emptyQuestion: "the question text is empty"
        case .noAnswers: "the answer block holds no answer"
        case .emptyAnswer: "an empty answer: no text after '=' or '~'"
        case .badWeight(let w): "credit '\(Self.shown(w))' is not understood: write it like %50%"
        case .badNumber(let n): "'\(Self.shown(n))' is not a number"
        case .descriptionSkipped: "a description (no answers) is skipped"
        case .essayWithoutFeedback: "an essay without general feedback (####) has no model answer; skipped"
        case .feedbackDropped: "per-answer feedback (#…) is not kept in the card"
        case .partialCreditDropped: "partial credit (%…%) is not kept: only fully right answers count as right"
        case .matchingSplit(let n): "a matching question is split into \(n) separate cards"
        case .duplicateTitle(let t, let id):
            "an earlier question has the name '\(Self.shown(t))' too (or one that makes the same id): this card's id is '\(Self.shown(id))'"
        case .tooManyDiagnostics(let n): "\(n) more problems not shown"
        case .aikenCyrillicLetter(let f, let m): "Cyrillic letter '\(f)' read as Latin '\(m)' (Moodle rejects it)"
        case .aikenUnfinishedQuestion: "a question ended without an 'ANSWER:' line; it is dropped"
        case .aikenTooFewOptions: "a question needs at least two options"
        case .aikenBadAnswer(let a): "'ANSWER: \(Self.shown(a))' names no option"
        case .aikenOptionWithoutQuestion: "an option with no question"
        case .cannotHold(let format, let kind, let reason):
            switch reason {
            case .notSingleAnswerChoice: "\(format) holds only multiple choice with one right option; this \(kind.rawValue) card is not written"
            case .multiLine: "\(format) holds only one-line text; this card is not written"
            case .tooManyOptions: "\(format) holds at most 26 options; this card is not written"
            case .severalGaps: "\(format) cannot hold a cloze with several gaps: written as a description (Moodle does not score it)"
            case .arrowInAnswer: "\(format) reads an answer holding '->' as a matching question; this card is not written"
            case .readsAsSyntax: "the question begins like an \(format) option or ANSWER: line and would not read back; this card is not written"
            }
        }
    }

    /// Text from the input as quoted in a message: control characters
    /// (which a terminal would act on) shown as U+FFFD.
    static func shown(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            String.isControl(scalar) ? "\u{FFFD}" : scalar
        }))
    }

    /// A diagnostic for this issue at `location`.
    public func at(_ location: SourceLocation) -> Diagnostic {
        Diagnostic(location: location, severity: severity, code: code, kk: kk, en: en)
    }
}
