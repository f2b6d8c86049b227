import Foundation
import GRDB

/// A card face whose identity may have changed in its deck: the key its
/// progress belongs under now, and the keys it may have been stored under
/// before (an `id:` added to a card, a namespace given to explicit ids).
public struct FormerKeys: Hashable, Sendable {
    /// One key the progress may be under.
    public struct Former: Hashable, Sendable {
        /// The key.
        public var key: String
        /// The prompt its registry entry must hold for the progress to be
        /// taken (nil: any), so an id another course used is never taken.
        public var requiredPrompt: String?

        public init(key: String, requiredPrompt: String? = nil) {
            self.key = key
            self.requiredPrompt = requiredPrompt
        }
    }

    /// The face as the deck now names it; registered if progress moves.
    public var card: RegisteredCard
    /// Keys the progress may be under, most specific first.
    public var former: [Former]

    /// Creates a candidate hand-over.
    public init(card: RegisteredCard, former: [Former]) {
        self.card = card
        self.former = former
    }
}

/// One hand-over done by `adopt`.
public struct Adoption: Hashable, Sendable {
    /// The key the progress was under.
    public var from: String
    /// The key it is under now.
    public var to: String
}

extension ProgressStore {
    /// Moves progress from a former key to the current key of each face
    /// that has no log entry under its current key, in one transaction.
    ///
    /// Each move appends two `adopt` entries: one on the former key (its
    /// progress before, none after) and one on the new key (none before,
    /// that progress after). The log stays append-only and folding it still
    /// gives the state. A face already studied under its new key keeps what
    /// it has; a former key with no state row has nothing to give.
    @discardableResult
    public func adopt(_ faces: [FormerKeys], at time: Date) throws -> [Adoption] {
        let candidates = faces.filter { !$0.former.isEmpty }
        guard !candidates.isEmpty else { return [] }
        return try write { db in
            var done: [Adoption] = []
            for face in candidates {
                let key = face.card.key
                let studied = try Bool.fetchOne(
                    db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM log_card WHERE key = ? AND last IS NOT NULL)"),
                    arguments: [key]) ?? false
                if studied { continue }
                for former in face.former where former.key != key {
                    let hasState = try Bool.fetchOne(
                        db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM card_state WHERE key = ?)"),
                        arguments: [former.key]) ?? false
                    guard hasState else { continue }
                    let registered = try Row.fetchOne(
                        db.cachedStatement(sql: "SELECT deck_file, prompt FROM card WHERE key = ?"),
                        arguments: [former.key])
                    let formerDeck: String = registered?["deck_file"] ?? face.card.deckFile
                    if let required = former.requiredPrompt {
                        let prompt = try registered.flatMap {
                            try StoredRow($0, keyColumn: nil, knownKey: former.key, path: path).prompt(1)
                        }
                        if prompt != required { continue }
                    }
                    let progress = try Self.progress(of: former.key, db: db, path: path)
                    _ = try appendTransition(
                        db: db, key: former.key, deckFile: formerDeck, session: nil, time: time, kind: .adopt,
                        rating: nil, duration: nil, undoes: nil, before: progress, after: .unseen)
                    try upsert(face.card, at: time, db: db, levelFromDeck: true)
                    _ = try appendTransition(
                        db: db, key: key, deckFile: face.card.deckFile, session: nil, time: time, kind: .adopt,
                        rating: nil, duration: nil, undoes: nil, before: .unseen, after: progress,
                        beforeIsStored: false)
                    done.append(Adoption(from: former.key, to: key))
                    break
                }
            }
            // The hand-over wrote `card` rows that `register` did not, so the
            // registry fingerprints no longer describe them.
            if !done.isEmpty { try db.execute(sql: "DELETE FROM registered_deck") }
            return done
        }
    }
}
