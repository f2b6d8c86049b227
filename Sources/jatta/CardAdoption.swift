import DeckFormat
import Foundation
import ReviewStore
import Study

/// Hands a card's progress over to its new identity when the deck renamed
/// it without changing the card: an `id:` written on a card studied under
/// its derived id, or explicit ids scoped by a namespace (jatta 0.1 stored
/// them bare). Done when a session opens its decks, before their progress
/// is read, so the student finds the progress where it was.
enum CardAdoption {
    /// The faces of `decks` that may have progress under a former key.
    /// A former key that is some loaded face's current key stays with that
    /// face. A bare explicit id is taken only from a registry entry with
    /// the same prompt, so another course's `id: q1` is never taken over;
    /// a derived id, or an id written in its form (`jatta pin-ids`), names
    /// one prompt already and is taken as it is.
    static func candidates(_ decks: [Deck]) -> [FormerKeys] {
        var current = Set<String>()
        for deck in decks { for card in deck.cards { for face in card.faces { current.insert(face.key) } } }
        var result: [FormerKeys] = []
        for deck in decks {
            let file = StoredDeckFile.of(deck.file)
            for card in deck.cards where card.hasExplicitID {
                for face in card.faces {
                    let prompt = Trainer.promptText(face)
                    let former = zip(card.formerIDs, face.formerKeys).compactMap { id, key -> FormerKeys.Former? in
                        if current.contains(key) { return nil }
                        return FormerKeys.Former(key: key, requiredPrompt: id == card.derivedID || CardID.looksDerived(id) ? nil : prompt)
                    }
                    if former.isEmpty { continue }
                    result.append(
                        FormerKeys(
                            card: RegisteredCard(key: face.key, deckFile: file, prompt: prompt, level: card.level),
                            former: former))
                }
            }
        }
        return result
    }

    /// Moves progress for every candidate of `decks` (see `ProgressStore.adopt`).
    /// One batched read first finds the former keys that hold progress, so a
    /// session whose decks renamed nothing writes nothing, and the
    /// candidates (each face's prompt and registry entry) are made only
    /// when some former key has progress to hand over.
    ///
    /// Only decks not registered as they are now are asked about: a deck
    /// registered exactly so (`RegistryFingerprints.notRegistered`) was
    /// opened by a session since its last edit, which handed its progress
    /// over before registering it; walking every explicit id of an
    /// unchanged collection was about 14 ms of a start at 100,000 cards.
    @discardableResult
    static func run(store: ProgressStore, decks: [Deck], at now: Date) throws -> [Adoption] {
        let former = formerKeys(try RegistryFingerprints.shared.notRegistered(decks, store: store))
        guard !former.isEmpty else { return [] }
        let withProgress = try store.keysWithProgress(among: former)
        guard !withProgress.isEmpty else { return [] }
        let worth = candidates(decks).filter { face in face.former.contains { withProgress.contains($0.key) } }
        return try store.adopt(worth, at: now)
    }

    /// `snapshot` with the progress the next session will hand over (a
    /// card pinned by `jatta pin-ids`, or given an `id:`, whose progress is
    /// still under its former key) shown on its current face, for commands
    /// that only read: after `pin-ids`, `jatta find` showed every studied
    /// card as new until a student opened the deck. Former keys that need a
    /// prompt checked against the registry (bare explicit ids) are left to
    /// the session. Nothing is written.
    static func withPendingHandOvers(_ snapshot: ProgressSnapshot, store: ProgressStore, decks: [Deck]) throws
        -> ProgressSnapshot
    {
        // As `run`: one batched read first, the candidates made only when
        // some former key holds progress.
        let former = formerKeys(decks)
        guard !former.isEmpty, try !store.keysWithProgress(among: former).isEmpty else { return snapshot }
        let pending = candidates(decks).filter { snapshot.schedules[$0.card.key] == nil }
        let keys = pending.flatMap { $0.former.filter { $0.requiredPrompt == nil }.map(\.key) }
        guard !keys.isEmpty else { return snapshot }
        let found = try store.progress(for: keys)
        var shown = snapshot
        for face in pending {
            let former = face.former.first { $0.requiredPrompt == nil && found[$0.key]?.schedule != nil }
            if let former, let schedule = found[former.key]?.schedule { shown.schedules[face.card.key] = schedule }
        }
        return shown
    }

    /// Every former key of a face with an explicit id: a superset of the
    /// keys `candidates` can offer (which also leaves out the loaded faces'
    /// current keys). Only when one of them holds progress are the current
    /// keys and the candidates made: the usual start asks one question.
    static func formerKeys(_ decks: [Deck]) -> Set<String> {
        var former = Set<String>()
        for deck in decks {
            for card in deck.cards where card.hasExplicitID {
                for face in card.faces { former.formUnion(face.formerKeys) }
            }
        }
        return former
    }
}
