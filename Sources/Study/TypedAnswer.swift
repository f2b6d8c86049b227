import DeckFormat
import FSRS
import KazakhText

/// How a typed or chosen answer compares with the accepted ones.
public enum AnswerVerdict: Hashable, Sendable {
    /// Right.
    case correct
    /// Accepted with a remark (a typo, a Russian-layout letter); graded Hard.
    case close(String)
    /// Wrong.
    case wrong
    /// Nothing was typed: the student did not know.
    case blank

    /// The rating the verdict suggests; the student may overrule it.
    public var suggestedRating: Rating {
        switch self {
        case .correct: .good
        case .close: .hard
        case .wrong, .blank: .again
        }
    }

    public var isCorrect: Bool {
        switch self {
        case .correct, .close: true
        case .wrong, .blank: false
        }
    }
}

/// Checks typed answers. The one place a smarter checker plugs in.
public enum TypedAnswer {
    /// The verdict on `typed` against the accepted answers: equal after the
    /// identity normalisation (case, spacing, dashes, quotes, look-alike
    /// letters, edge punctuation).
    public static func check(typed: String, accepted: [String]) -> AnswerVerdict {
        let key = Normalization.identityKey(typed)
        if key.isEmpty { return .blank }
        return accepted.contains { Normalization.identityKey($0) == key } ? .correct : .wrong
    }

    /// The verdict for a face that is answered by typing, or nil when the
    /// face is not typed. A cloze with several gaps takes the answers
    /// separated by `;`, one per gap, in order.
    public static func check(typed: String, face: StudyFace) -> AnswerVerdict? {
        switch (face.card.content, face.direction) {
        case (.term(let t), .reverse):
            return check(typed: typed, accepted: [t.term] + t.alternatives)
        case (.cloze(let c), _):
            let gaps = c.gaps
            if gaps.count <= 1 {
                return check(typed: typed, accepted: (gaps.first?.answers ?? []) + c.alternatives)
            }
            let parts = typed.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
            if parts.allSatisfy({ Normalization.identityKey($0).isEmpty }) { return .blank }
            guard parts.count == gaps.count else { return .wrong }
            let all = zip(parts, gaps).allSatisfy { check(typed: $0, accepted: $1.answers) == .correct }
            return all ? .correct : .wrong
        default:
            return nil
        }
    }
}
