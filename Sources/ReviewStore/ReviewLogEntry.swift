import FSRS
import Foundation

/// One row of the append-only review log: a transition of one card's
/// progress from `before` to `after`. The log is never updated or deleted;
/// undo appends an entry of kind `.undo` that goes back from the undone
/// entry's `after` to its `before`.
public struct ReviewLogEntry: Hashable, Sendable, Identifiable {
    /// Row ids grow with every entry; they are what a process reports after commit.
    public typealias ID = Int64

    /// The entry's id, increasing in commit order.
    public var id: ID
    /// The progress key.
    public var key: String
    /// The deck file the card came from.
    public var deckFile: String
    /// The session that wrote it, if any.
    public var sessionID: String?
    /// When it happened.
    public var time: Date
    /// What happened.
    public var kind: ReviewKind
    /// The grade, for answers.
    public var rating: Rating?
    /// How long the answer took, in milliseconds, for answers.
    public var durationMilliseconds: Int?
    /// For `.undo`, the entry it reverses.
    public var undoes: ID?
    /// The `.undo` entry that reversed this one, if any (filled in by queries).
    public var undoneBy: ID?
    /// The card's progress before this entry.
    public var before: CardProgress
    /// The card's progress after this entry.
    public var after: CardProgress

    /// Creates an entry.
    public init(
        id: ID, key: String, deckFile: String, sessionID: String?, time: Date, kind: ReviewKind,
        rating: Rating?, durationMilliseconds: Int?, undoes: ID?, undoneBy: ID?, before: CardProgress,
        after: CardProgress
    ) {
        self.id = id
        self.key = key
        self.deckFile = deckFile
        self.sessionID = sessionID
        self.time = time
        self.kind = kind
        self.rating = rating
        self.durationMilliseconds = durationMilliseconds
        self.undoes = undoes
        self.undoneBy = undoneBy
        self.before = before
        self.after = after
    }
}
