import DeckFormat
import KazakhText
import Synchronization

/// The quiz's typed-answer checker, prepared when the first typed answer is
/// judged instead of before the first question.
///
/// Preparing the checker reads every answer of every card (each must be
/// known to refuse another card's answer): at 200,000 cards that was 85% of
/// the time to the first question, and a quiz of choice questions never
/// needs it. The verdicts are those of `TypedAnswer.checker(for:)`, the one
/// checker of study, quiz and `jatta judge`.
public final class DeferredAnswerChecker: Sendable {
    /// The decks whose answers the checker knows.
    private let decks: [Deck]
    /// The checker once prepared; nil until the first typed answer.
    private let prepared = Mutex<AnswerChecker?>(nil)

    public init(decks: [Deck]) { self.decks = decks }

    /// The checker, prepared on first use.
    public var checker: AnswerChecker {
        prepared.withLock { prepared in
            if let checker = prepared { return checker }
            let checker = TypedAnswer.checker(for: decks)
            prepared = checker
            return checker
        }
    }

    /// Whether the checker has been prepared (what the quiz's start saves
    /// is visible in tests).
    public var isPrepared: Bool { prepared.withLock { $0 != nil } }

    /// The deferred checker as the quiz's judge.
    public var quizJudge: TypedAnswerJudge {
        { typed, accepted, profile in self.checker.quizJudge(typed, accepted, profile) }
    }
}
