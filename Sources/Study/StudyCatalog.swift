import DeckFormat
import FSRS
import Foundation

/// Every deck the trainer found and the student's progress on them: what the
/// home screen lists and what sessions are built from.
public struct StudyCatalog: Sendable {
    /// The decks, in the order they were found (sorted paths).
    public var decks: [Deck]
    /// The student's progress.
    public var progress: ProgressSnapshot

    public init(decks: [Deck], progress: ProgressSnapshot = ProgressSnapshot()) {
        self.decks = decks
        self.progress = progress
    }

    /// Every face of every card the filter lets through, in deck and file
    /// order, with its current schedule (new faces are due at `now`). A
    /// choice card with no correct option cannot be answered and is left
    /// out, so neither the queue nor the counts hold it.
    public func items(matching filter: StudyFilter, now: Date) -> [StudyItem] {
        items(matching: filter, now: now) { _, _ in true }
    }

    /// The faces `items(matching:now:)` gives for which `include` (the
    /// face's key and schedule) holds. A face left out is never made into
    /// an item: at 100,000 cards most faces are reviews waiting for a later
    /// day, and copying each into an item only to drop it was a fifth of a
    /// start.
    public func items(
        matching filter: StudyFilter, now: Date, where include: (_ key: String, _ schedule: CardSchedule) -> Bool
    ) -> [StudyItem] {
        var items: [StudyItem] = []
        forEachFace(matching: filter, now: now) { deck, face, _, key, schedule in
            if include(key, schedule) { items.append(StudyItem(face: face, deckFile: deck.file, schedule: schedule)) }
        }
        return items
    }

    /// The item of a face the queue placed (`QueueBuilder.build`).
    func item(_ placed: PlacedFace) -> StudyItem {
        let deck = decks[placed.place.deck]
        return StudyItem(
            face: deck.cards[placed.place.card].faces[placed.place.face], deckFile: deck.file, schedule: placed.schedule)
    }

    /// Visits every face `items(matching:now:)` gives, in its order, once
    /// per key, without making items (the exam outlooks walk every face of
    /// their decks this way too).
    func forEachFace(
        matching filter: StudyFilter, now: Date,
        _ body: (_ deck: Deck, _ face: StudyFace, _ place: FacePlace, _ key: String, _ schedule: CardSchedule) -> Void
    ) {
        // Sized once for every card (a term's second face may grow it once):
        // growing it key by key was a twentieth of a start at 100,000 cards.
        var seen = Set<String>(
            minimumCapacity: decks.reduce(0) { filter.includes(deck: $1) ? $0 + $1.cards.count : $0 })
        for (d, deck) in decks.enumerated() where filter.includes(deck: deck) {
            for (c, card) in deck.cards.enumerated() where card.isAnswerable && filter.includes(card: card) {
                card.forEachFace { face, f in
                    let key = face.key
                    guard seen.insert(key).inserted else { return }
                    body(deck, face, FacePlace(deck: d, card: c, face: f), key, progress.schedules[key] ?? .new(at: now))
                }
            }
        }
    }

    /// Each deck file's new-card order (its `order:` header).
    public var newCardOrders: [String: NewCardOrder] {
        Dictionary(decks.map { ($0.file, $0.newCardOrder) }, uniquingKeysWith: { first, _ in first })
    }

    /// The tags used in the decks the filter lets through, sorted.
    public func tags(in deckFiles: Set<String>? = nil) -> [String] {
        var tags = Set<String>()
        for deck in decks where deckFiles.map({ $0.contains(deck.file) }) ?? true {
            for card in deck.cards { tags.formUnion(card.allTags) }
        }
        return tags.sorted()
    }

    /// The counts the home screen shows for one deck (or all, with nil).
    public func counts(deck: Deck?, filter: StudyFilter, now: Date, dayEnd: Date) -> DeckCounts {
        var f = filter
        f.deckFiles = deck.map { [$0.file] }
        var counts = DeckCounts()
        forEachFace(matching: f, now: now) { _, _, _, key, schedule in
            guard !progress.isHidden(key, at: now) else { return }
            switch Self.bucket(schedule, now: now, dayEnd: dayEnd) {
            case .new: counts.new += 1
            case .learning: counts.learning += 1
            case .due: counts.due += 1
            case .later: break
            }
        }
        for d in decks where f.includes(deck: d) {
            for card in d.cards where card.isAnswerable && f.includes(card: card) {
                counts.cardsPerLevel[card.level, default: 0] += 1
            }
        }
        return counts
    }

    /// Where a face stands today.
    public enum Bucket: Sendable { case new, learning, due, later }

    public static func bucket(_ s: CardSchedule, now: Date, dayEnd: Date) -> Bucket {
        if s.isNew { return .new }
        if s.state != .review { return s.due < dayEnd ? .learning : .later }
        return s.due < dayEnd ? .due : .later
    }
}

/// The numbers shown beside a deck on the home screen.
public struct DeckCounts: Hashable, Sendable {
    /// Faces never studied.
    public var new = 0
    /// Faces in (re)learning due today.
    public var learning = 0
    /// Review faces due today.
    public var due = 0
    /// Cards (not faces) per exam level, under the level as written: a
    /// card of level 4 (a warning in the deck) is counted under 4, which
    /// the home screen's 1–3 columns do not show, just as no level filter
    /// picks it; it is still in the new, learning and due counts.
    public var cardsPerLevel: [Int: Int] = [:]

    public init(new: Int = 0, learning: Int = 0, due: Int = 0, cardsPerLevel: [Int: Int] = [:]) {
        self.new = new
        self.learning = learning
        self.due = due
        self.cardsPerLevel = cardsPerLevel
    }
}
