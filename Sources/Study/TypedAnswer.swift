import DeckFormat
import FSRS
import KazakhText

/// How a typed or chosen answer compares with the accepted ones.
public enum AnswerVerdict: Hashable, Sendable {
    /// Right (as written, or differing only in format).
    case correct
    /// Accepted with a remark about a small misspelling; graded Hard, since
    /// the recall was not clean.
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
        case .keyboard, .latin: self = .noted(verdict.reason)
        case .typo: self = .close(verdict.reason)
        case .wrong:
            self = Normalization.identityKey(verdict.typed).isEmpty ? .blank : .wrong(verdict.reason)
        }
    }
}

/// Checks typed answers with the Kazakh-aware `AnswerChecker`.
public enum TypedAnswer {
    /// A checker that knows every answer and term of the decks, so a typed
    /// answer that is another card's answer is never accepted as a typo.
    public static func checker(for decks: [Deck]) -> AnswerChecker {
        var known: [String] = []
        for deck in decks {
            for card in deck.cards {
                switch card.content {
                case .term(let t): known.append(t.term); known += t.alternatives
                case .choice(let c): known += c.options.map(\.text)
                case .cloze(let c): known += c.gaps.flatMap(\.answers)
                case .question(let q): known.append(q.answer)
                case .open: break
                }
            }
        }
        return AnswerChecker(knownAnswers: known)
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
            guard result.isAccepted else {
                return .wrong(result.gaps.first { !$0.isAccepted }?.reason)
            }
            if result.tier <= .format { return .correct }
            let reason = result.gaps.first { $0.tier == result.tier }?.reason ?? BilingualText(kk: "", en: "")
            return result.tier == .typo ? .close(reason) : .noted(reason)
        default:
            return nil
        }
    }
}
