/// What one review-log entry records. Answers change the schedule; the other
/// kinds change the student's flags or reverse an earlier entry. Logging all of
/// them is what lets the card state be rebuilt from the log alone.
public enum ReviewKind: String, Hashable, Sendable, CaseIterable, Codable {
    /// An answer in a study session (flashcards, graded by the student or checked).
    case study
    /// An answer in a quiz.
    case quiz
    /// A manual override of a grade ("I was right after all").
    case override
    /// The student suspended the card.
    case suspend
    /// The student unsuspended the card.
    case unsuspend
    /// The student buried the card until a moment, or unburied it.
    case bury
    /// Reverses the entry named by `undoes`.
    case undo
    /// The card's progress moved to another key because its identity
    /// changed in the deck (an `id:` added, a namespace given): logged as
    /// two entries, the old key emptied and the new key given the progress.
    /// Not a student's action, so never undone.
    case adopt

    /// Answers carry a rating and count towards daily limits.
    public var isAnswer: Bool { self == .study || self == .quiz || self == .override }

    /// The small integer the compact log stores for this kind (migration
    /// `scale-2-compact-log`). Part of the file format: never renumbered.
    var storedCode: Int {
        switch self {
        case .study: 0
        case .quiz: 1
        case .override: 2
        case .suspend: 3
        case .unsuspend: 4
        case .bury: 5
        case .undo: 6
        case .adopt: 7
        }
    }
}

/// The kinds of entry that are answers, for `RecordedAnswer`.
public enum AnswerKind: String, Hashable, Sendable, CaseIterable, Codable {
    /// An answer in a study session.
    case study
    /// An answer in a quiz.
    case quiz
    /// A manual override of a grade.
    case override

    /// The log kind this answer is written as.
    public var reviewKind: ReviewKind {
        switch self {
        case .study: .study
        case .quiz: .quiz
        case .override: .override
        }
    }
}
