import FSRS
import Foundation

/// One answer as the study or quiz screen hands it to the store: who, when,
/// how well, and the schedule the scheduler computed from it.
public struct RecordedAnswer: Hashable, Sendable {
    /// The progress key (`StudyFace.key`: card id, or `ID/reverse`).
    public var key: String
    /// The deck file the card came from, for the registry and the log.
    public var deckFile: String
    /// The prompt shown, kept in the registry so history stays readable even
    /// after the deck changes.
    public var prompt: String
    /// The card's exam level (1–3), if the deck gives one; kept in the registry
    /// so counts per level need no deck at hand.
    public var level: Int?
    /// The grade.
    public var rating: Rating
    /// When the answer was given.
    public var time: Date
    /// How long the student took to answer, in milliseconds.
    public var durationMilliseconds: Int
    /// Study, quiz or override.
    public var kind: AnswerKind
    /// The session this answer belongs to, so undo can stay within it.
    public var sessionID: String?
    /// The schedule the caller computed the answer from. The log records the
    /// store's own current state as "before" (so undo is exact even if another
    /// process changed the card meanwhile); this is kept for the caller's
    /// convenience and for `nil` meaning "a new card".
    public var before: CardSchedule?
    /// The schedule after the answer.
    public var after: CardSchedule
    /// For a quiz answer: its mark and the option chosen.
    public var quizAnswer: QuizAnswerDetail?

    /// Creates an answer.
    public init(
        key: String, deckFile: String, prompt: String, level: Int? = nil, rating: Rating, time: Date,
        durationMilliseconds: Int, kind: AnswerKind, sessionID: String? = nil, before: CardSchedule?,
        after: CardSchedule, quizAnswer: QuizAnswerDetail? = nil
    ) {
        self.key = key
        self.deckFile = deckFile
        self.prompt = prompt
        self.level = level
        self.rating = rating
        self.time = time
        self.durationMilliseconds = durationMilliseconds
        self.kind = kind
        self.sessionID = sessionID
        self.before = before
        self.after = after
        self.quizAnswer = quizAnswer
    }
}
