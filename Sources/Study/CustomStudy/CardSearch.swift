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
    /// answers it accepts (alternatives, every option of a choice), each
    /// once. The card's content is read once (a card from the deck index
    /// decodes it under a lock), and a text that came before is not folded
    /// again: a question's answer is also the first answer it accepts, a
    /// term the first of a term's, so most cards had a text folded twice.
    static func texts(of card: Card) -> [String] {
        let content = card.content
        var texts = [content.prompt]
        for text in [content.answer] + content.typeableAnswers where !texts.contains(text) { texts.append(text) }
        return texts
    }

    /// Whether `text`, folded, holds `folded` (a query, folded).
    ///
    /// Where each scalar of both is a character of its own that no other
    /// scalar is equivalent to and that never joins a neighbour into one
    /// character (`isSimple`: ASCII but the carriage return, the Cyrillic
    /// letters, and the punctuation and signs of such texts), their UTF-8
    /// bytes are compared, which gives what comparing their characters
    /// gives; other texts are compared by Foundation, as strings.
    /// Foundation's comparison was a seventh of a search over every card.
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

    /// Whether every scalar of `bytes` (UTF-8) is one `holds` may compare
    /// by its bytes: ASCII but a carriage return (which joins a line feed
    /// into one character); a Cyrillic letter (U+0400 to U+052F, but the
    /// thousands sign and the combining marks, U+0482 to U+0489); or a
    /// sign a folded text keeps that has no canonical equivalent and joins
    /// nothing: the Latin-1 signs (U+00A0 to U+00BF, × and ÷), the general
    /// punctuation (U+2010 to U+2027 and U+2030 to U+205E: dashes, quotes,
    /// the ellipsis of a cloze's gap `[…]`, primes), the numero sign № and
    /// the tenge sign ₸. A cloze card's prompt shows its gaps as `[…]`:
    /// before the ellipsis was taken here, every cloze card was compared
    /// by Foundation.
    static func isSimple(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < bytes.count {
            if let v = TwoByteUTF8.threeByteScalar(in: bytes, at: &i) {
                guard (0x2010...0x2027).contains(v) || (0x2030...0x205E).contains(v) || v == 0x2116 || v == 0x20B8
                else { return false }
                continue
            }
            guard let v = TwoByteUTF8.scalar(in: bytes, at: &i) else { return false }
            if v < 0x80 {
                guard v != 0x0D else { return false }
            } else if v < 0x400 {
                guard (0xA0...0xBF).contains(v) || v == 0xD7 || v == 0xF7 else { return false }
            } else {
                guard (0x400...0x52F).contains(v), !(0x482...0x489).contains(v) else { return false }
            }
        }
        return true
    }

    /// The cards of `catalog` (within `filter`) whose prompt or answer holds
    /// `query`, folded, in deck and file order, each with where its faces
    /// stand. An empty query finds nothing.
    ///
    /// A card whose id came before (a deck file loaded twice) is found
    /// once. When the catalog knows no key comes twice
    /// (`StudyCatalog.keysAreDistinct`) no set of the ids met is kept, and
    /// a large catalog is searched in two halves at once
    /// (`StudyCatalog.halves`), their matches joined in order: every card's
    /// texts are folded, which took a second at 100,000 cards.
    public static func matches(_ query: String, in catalog: StudyCatalog, filter: StudyFilter = .all) -> [SearchMatch] {
        let folded = fold(query)
        guard !folded.isEmpty else { return [] }
        guard catalog.keysAreDistinct else {
            var seen = Set<String>()
            return matches(folded, in: catalog, decks: catalog.decks.indices, filter: filter) { card in
                seen.insert(card.id.rawValue).inserted
            }
        }
        return catalog.overHalves(matching: filter) { range in
            matches(folded, in: catalog, decks: range, filter: filter) { _ in true }
        } join: { found, later in
            found += later
        }
    }

    /// The cards of the decks at `decks` (within `filter`) that are `new`
    /// (asked once per card, in order) and whose texts hold `folded`.
    private static func matches(
        _ folded: String, in catalog: StudyCatalog, decks: Range<Int>, filter: StudyFilter,
        new: (Card) -> Bool
    ) -> [SearchMatch] {
        var found: [SearchMatch] = []
        for deck in catalog.decks[decks] where filter.includes(deck: deck) {
            for card in deck.cards where filter.includes(card: card) && new(card) {
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
