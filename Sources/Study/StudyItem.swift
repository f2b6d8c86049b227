import DeckFormat
import FSRS
import Foundation

/// One face of a card in a study queue, with where it came from and where it
/// stands now.
public struct StudyItem: Hashable, Sendable {
    /// The card and the direction it is asked in.
    public var face: StudyFace
    /// The deck file the card was read from (logged with each answer).
    public var deckFile: String
    /// The schedule before this item is answered.
    public var schedule: CardSchedule

    public init(face: StudyFace, deckFile: String, schedule: CardSchedule) {
        self.face = face
        self.deckFile = deckFile
        self.schedule = schedule
    }

    /// The progress key.
    public var key: String { face.key }
    public var card: Card { face.card }
}
