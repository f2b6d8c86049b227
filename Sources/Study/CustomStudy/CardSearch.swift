import DeckFormat
import FSRS
import Foundation
import KazakhText

/// Finding cards by a word of their prompt or answer, as `/` on the home
/// screen and `jatta find` do.
public enum CardSearch {
    /// The form text is compared in: the card-identity folding of
    /// `KazakhText` (NFC, Latin look-alikes inside Cyrillic words repaired,
    /// space, dashes and quotes folded, lower case, so `ҚАЗАҚ` finds
    /// `қазақ`), with edge punctuation kept off the query only.
    public static func fold(_ text: String) -> String {
        Normalization.identityKey(text)
    }

    /// The texts of a card a search looks in: what it asks, its answer, the
    /// answers it accepts (alternatives, every option of a choice).
    static func texts(of card: Card) -> [String] {
        [card.prompt, card.answer] + card.typeableAnswers
    }

    /// Whether `text`, folded, holds `folded` (a query, folded).
    ///
    /// Where each scalar of both is a character of its own that no other
    /// scalar is equivalent to (ASCII but the carriage return, and the
    /// Cyrillic letters: the texts of Kazakh, Russian and English decks),
    /// their UTF-8 bytes are compared, which gives what comparing their
    /// characters gives; other texts are compared by Foundation, as
    /// strings. Foundation's comparison was a seventh of a search over
    /// every card.
    static func holds(_ text: String, _ folded: String) -> Bool {
        var key = fold(text)
        var query = folded
        let found = key.withUTF8 { key in
            query.withUTF8 { query -> Bool? in
                guard isSimple(key), isSimple(query) else { return nil }
                // Foundation's comparison finds an empty query nowhere.
                guard !query.isEmpty else { return false }
                guard query.count <= key.count, let k = key.baseAddress, let q = query.baseAddress else { return false }
                // A query is a few words typed: each place its first byte
                // is found at is compared, no more.
                let first = q.pointee
                for start in 0...(key.count - query.count) where k[start] == first {
                    if memcmp(k + start, q, query.count) == 0 { return true }
                }
                return false
            }
        }
        return found ?? key.contains(folded)
    }

    /// Whether every scalar of `bytes` (UTF-8) is ASCII but a carriage
    /// return, or a Cyrillic letter (U+0400 to U+052F, but the combining
    /// marks and the thousands sign, U+0482 to U+0489).
    static func isSimple(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < bytes.count {
            guard let v = TwoByteUTF8.scalar(in: bytes, at: &i) else { return false }
            if v < 0x80 {
                guard v != 0x0D else { return false }
            } else {
                guard (0x400...0x52F).contains(v), !(0x482...0x489).contains(v) else { return false }
            }
        }
        return true
    }

    /// The cards of `catalog` (within `filter`) whose prompt or answer holds
    /// `query`, folded, in deck and file order, each with where its faces
    /// stand. An empty query finds nothing.
    public static func matches(_ query: String, in catalog: StudyCatalog, filter: StudyFilter = .all) -> [SearchMatch] {
        let folded = fold(query)
        guard !folded.isEmpty else { return [] }
        var found: [SearchMatch] = []
        var seen = Set<String>()
        for deck in catalog.decks where filter.includes(deck: deck) {
            for card in deck.cards where filter.includes(card: card) && seen.insert(card.id.rawValue).inserted {
                guard texts(of: card).contains(where: { holds($0, folded) }) else { continue }
                found.append(SearchMatch(card: card, deckFile: deck.file, progress: catalog.progress))
            }
        }
        return found
    }
}

/// A card a search found, with where each of its faces stands.
public struct SearchMatch: Hashable, Sendable {
    /// The card.
    public var card: Card
    /// The deck file it was read from.
    public var deckFile: String
    /// Its faces (one, or two for a term), forward first.
    public var faces: [FaceStatus]

    public init(card: Card, deckFile: String, progress: ProgressSnapshot) {
        self.card = card
        self.deckFile = deckFile
        self.faces = card.faces.map { face in
            FaceStatus(
                key: face.key, direction: face.direction, schedule: progress.schedules[face.key],
                suspended: progress.suspended.contains(face.key), buriedUntil: progress.buriedUntil[face.key])
        }
    }

    /// The keys of the faces that are suspended.
    public var suspendedKeys: [String] { faces.filter(\.suspended).map(\.key) }
}

/// Where one face of a card stands: its schedule and flags.
public struct FaceStatus: Hashable, Sendable {
    /// The progress key.
    public var key: String
    /// Forward, or the reverse face of a term.
    public var direction: StudyFace.Direction
    /// The schedule, nil for a face never studied.
    public var schedule: CardSchedule?
    /// Whether the student suspended it.
    public var suspended: Bool
    /// Until when it is buried, if it is.
    public var buriedUntil: Date?

    public init(
        key: String, direction: StudyFace.Direction, schedule: CardSchedule?, suspended: Bool, buriedUntil: Date?
    ) {
        self.key = key
        self.direction = direction
        self.schedule = schedule
        self.suspended = suspended
        self.buriedUntil = buriedUntil
    }

    /// The stage a student reads: new, learning, review, relearning.
    public var stage: Stage {
        guard let schedule, !schedule.isNew else { return .new }
        switch schedule.state {
        case .learning: return .learning
        case .review: return .review
        case .relearning: return .relearning
        }
    }

    /// The stages of a face.
    public enum Stage: String, Hashable, Sendable { case new, learning, review, relearning }
}
