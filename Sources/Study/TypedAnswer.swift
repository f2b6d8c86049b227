import DeckFormat
import FSRS
import KazakhText

/// How a typed or chosen answer compares with the accepted ones.
public enum AnswerVerdict: Hashable, Sendable {
    /// Right (as written, or differing only in format).
    case correct
    /// Accepted with a remark about a small misspelling or another form of
    /// the right word; graded Hard, since the recall was not clean.
    case close(BilingualText)
    /// Right, written with another keyboard's letters (Russian-layout
    /// fallbacks, Latin script), with a remark on the spelling; graded Good
    /// as in a quiz: the student recalled the word, the keyboard lacked the
    /// letters. Suggesting Hard would shorten every interval of a student
    /// whose terminal has no Kazakh layout.
    case noted(BilingualText)
    /// Wrong, with the checker's reason when it has one.
    case wrong(BilingualText?)
    /// Nothing was typed or picked: the student did not know.
    case blank

    /// The rating the verdict suggests; the student may overrule it.
    public var suggestedRating: Rating {
        switch self {
        case .correct, .noted: .good
        case .close: .hard
        case .wrong, .blank: .again
        }
    }

    public var isCorrect: Bool {
        switch self {
        case .correct, .close, .noted: true
        case .wrong, .blank: false
        }
    }

    /// The verdict of the Kazakh-aware checker, in the session's terms.
    public init(_ verdict: Verdict) {
        switch verdict.tier {
        case .exact, .format: self = .correct
        case .keyboard, .latin: self = .noted(verdict.explanation)
        case .typo, .form: self = .close(verdict.explanation)
        case .wrong:
            self = Normalization.identityKey(verdict.typed).isEmpty ? .blank : .wrong(verdict.explanation)
        }
    }
}

/// Checks typed answers with the Kazakh-aware `AnswerChecker`.
public enum TypedAnswer {
    /// The one checker for typed answers in study, quiz and `jatta judge`:
    /// it knows every answer a student might type for any card of the decks
    /// (`Card.typeableAnswers`: terms, answers, options, gap answers and
    /// all their alternatives), so a typed answer that is another card's
    /// answer is judged the same wherever it is typed.
    public static func checker(for decks: [Deck]) -> AnswerChecker {
        var answers: [String] = []
        for deck in decks {
            for card in deck.cards { answers += card.typeableAnswers }
        }
        return AnswerChecker(knownAnswers: answers)
    }

    /// The verdict for a face answered by typing, or nil when the face is
    /// not typed. A cloze with several gaps takes the answers separated by
    /// `;`, one per gap, in order; it is as good as its worst gap.
    public static func check(
        typed: String, face: StudyFace, checker: AnswerChecker, profile: KeyboardProfile
    ) -> AnswerVerdict? {
        switch (face.card.content, face.direction) {
        case (.term(let t), .reverse):
            return AnswerVerdict(checker.check(typed: typed, accepted: [t.term] + t.alternatives, profile: profile))
        case (.cloze(let c), _):
            let gaps = c.gaps
            if gaps.count <= 1 {
                let accepted = (gaps.first?.answers ?? []) + c.alternatives
                return AnswerVerdict(checker.check(typed: typed, accepted: accepted, profile: profile))
            }
            if Normalization.identityKey(typed).isEmpty { return .blank }
            let parts = AnswerChecker.splitGapAnswers(typed, gapCount: gaps.count)
            let result = checker.checkGaps(typed: parts, gaps: gaps.map(\.answers), profile: profile)
            // Every gap that was not typed exactly is explained, wrong or
            // relaxed, not only the first.
            guard result.isAccepted else { return .wrong(result.explanation) }
            if result.tier <= .format { return .correct }
            return result.tier >= .typo ? .close(result.explanation) : .noted(result.explanation)
        default:
            return nil
        }
    }
}
