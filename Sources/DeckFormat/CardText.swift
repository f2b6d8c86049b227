/// The text views of a card that every consumer needs in the same way:
/// what it asks, what the right answer is, what is accepted.
extension Card {
    /// What the card asks, as the student sees it first. For a term card
    /// this is the term (the forward direction).
    public var prompt: String { content.prompt }

    /// Every answer a student might type for this card: the term or answer
    /// and their alternatives, the options of multiple choice, the gap
    /// answers and alternatives of a cloze. An open question's model answer
    /// is prose nobody types, and is left out. The answer checker is given
    /// these so that another card's answer is never taken for a typo.
    public var typeableAnswers: [String] { content.typeableAnswers }

    /// The right answer as one text: the answer, the definition, the correct
    /// options joined by "; ", the gap answers joined by "; ", or the model
    /// answer.
    public var answer: String { content.answer }

    /// Extra accepted answers written with `alt:`.
    public var alternatives: [String] { content.alternatives }

    /// The text the identity hash is taken over (before normalisation).
    var identityText: String { prompt }
}

/// One direction in which a card is studied, with the key its progress is
/// stored under. Most cards have one face; a term card has two.
public struct StudyFace: Hashable, Sendable {
    /// Which way the card is asked.
    public enum Direction: String, Hashable, Sendable, Codable {
        /// The card as written (question→answer, term→definition, …).
        case forward
        /// Definition→term, typed (term cards only).
        case reverse
    }

    /// The card this face belongs to.
    public var card: Card
    public var direction: Direction

    public init(card: Card, direction: Direction) {
        self.card = card
        self.direction = direction
    }

    /// The key progress is stored under: the card id for the forward face,
    /// the card id with `/reverse` for the reverse face of a term.
    public var key: String { key(of: card.id) }

    /// The keys this face's progress may have been stored under before
    /// (`Card.formerIDs`), in the same order.
    public var formerKeys: [String] { card.formerIDs.map(key(of:)) }

    /// This face's key for a card whose id is `id`: a walk that needs both
    /// the id and the key makes the id's string once (`Card.id` makes it
    /// anew for a card read from the deck index).
    public func key(of id: CardID) -> String {
        direction == .forward ? id.rawValue : id.rawValue + keySuffix
    }

    /// What this face's key adds to its card's id: nothing for the forward
    /// face, `/reverse` for the reverse face of a term. A walk over every
    /// face can look a key up in its two parts without making its string.
    public var keySuffix: String { Self.keySuffix(direction) }

    /// The key suffix of a face going `direction` (`keySuffix`), for walks
    /// that look keys up without making the face.
    public static func keySuffix(_ direction: Direction) -> String { direction == .forward ? "" : "/reverse" }
}

extension Card {
    /// The faces this card is studied by: both directions for a term card,
    /// one for every other kind.
    public var faces: [StudyFace] {
        (0..<faceCount).map(face)
    }

    /// How many faces the card has (`faces.count`): two for a term card,
    /// one for every other kind.
    public var faceCount: Int { kind == .term ? 2 : 1 }

    /// Calls `body` with each of `faces` and its index there, in order,
    /// without making the array: walks over every card of a large
    /// collection allocated one array per card.
    public func forEachFace(_ body: (_ face: StudyFace, _ index: Int) throws -> Void) rethrows {
        for index in 0..<faceCount { try body(face(index), index) }
    }

    /// The face at `index` in `faces`, without making the array: a walk
    /// that keeps faces by their place makes each again only when it
    /// needs it.
    public func face(_ index: Int) -> StudyFace {
        precondition(index >= 0 && index < faceCount, "a card has no face \(index)")
        return StudyFace(card: self, direction: Self.direction(ofFace: index))
    }

    /// The direction of the face at `index` in `faces`.
    public static func direction(ofFace index: Int) -> StudyFace.Direction { index == 0 ? .forward : .reverse }

    /// `forEachFace(_:)` for a body that needs no index.
    public func forEachFace(_ body: (_ face: StudyFace) throws -> Void) rethrows {
        try forEachFace { face, _ in try body(face) }
    }
}

/// The text views of `Card` taken from content already in hand: the
/// parser needs the prompt before the card exists, and a walk that writes
/// several of them (`list --json`) decodes a card read from the deck index
/// once instead of once per view.
extension CardContent {
    /// What the card asks (see `Card.prompt`).
    public var prompt: String {
        switch self {
        case .question(let q): q.question
        case .term(let t): t.term
        case .choice(let c): c.question
        case .cloze(let c): c.prompt
        case .open(let o): o.question
        }
    }

    /// See `Card.typeableAnswers`.
    public var typeableAnswers: [String] {
        switch self {
        case .term(let t): [t.term] + t.alternatives
        case .question(let q): [q.answer] + q.alternatives
        case .choice(let c): c.options.map(\.text)
        case .cloze(let c): c.gaps.flatMap(\.answers) + c.alternatives
        case .open: []
        }
    }

    /// See `Card.answer`.
    public var answer: String {
        switch self {
        case .question(let q): q.answer
        case .term(let t): t.definition
        case .choice(let c): c.correctOptions.map(\.text).joined(separator: "; ")
        case .cloze(let c): ClozeCard.answer(gaps: c.gaps)
        case .open(let o): o.modelAnswer
        }
    }

    /// See `Card.alternatives`.
    public var alternatives: [String] {
        switch self {
        case .question(let q): q.alternatives
        case .term(let t): t.alternatives
        case .cloze(let c): c.alternatives
        case .choice, .open: []
        }
    }
}
