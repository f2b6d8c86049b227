import FSRS

/// Where a face is in the catalog: its deck, its card in the deck, and
/// which of the card's faces (`Card.faces`) it is.
struct FacePlace: Hashable, Sendable {
    /// The deck's index in `StudyCatalog.decks`.
    var deck: Int
    /// The card's index in the deck's cards.
    var card: Int
    /// The face's index in the card's faces.
    var face: Int
}

/// A face the queue may ask, not yet made into a `StudyItem` (which copies
/// the whole card): its place and schedule.
struct PlacedFace: Sendable {
    /// Where the face is.
    var place: FacePlace
    /// Its schedule (new faces are due now).
    var schedule: CardSchedule
}
