import DeckFormat
import FSRS
import Foundation
import ReviewStore
import Study

/// Carries out the trainer's effects on the progress store. Every answer is
/// written (and synced) before the next card is shown, so quitting or
/// losing the connection at any moment loses nothing.
final class EffectPerformer {
    let store: ProgressStore
    /// Scopes undo to this run, so one session never undoes another's answer.
    let sessionID: String

    /// The loaded decks whose faces are still to be registered with the
    /// store. The registry entries are made when registering, after the
    /// first frame: at 100,000 cards making them is a fifth of a start.
    private var unregistered: [Deck]

    init(store: ProgressStore, sessionID: String, decks: [Deck] = []) {
        self.store = store
        self.sessionID = sessionID
        self.unregistered = decks
    }

    /// Every face of `decks` as the store's registry keeps it.
    static func registry(_ decks: [Deck]) -> [RegisteredCard] {
        var cards: [RegisteredCard] = []
        cards.reserveCapacity(decks.reduce(0) { $0 + $1.cards.count })
        forEachRegistryEntry(decks) { cards.append($0) }
        return cards
    }

    /// Calls `body` with the registry entry of every face of `decks`, in
    /// order, each card's faces visited without making an array of them.
    /// The deck file is the store's name for it (`StoredDeckFile`), so the
    /// entries, and the fingerprints made from them, do not depend on how
    /// the path was typed.
    static func forEachRegistryEntry(_ decks: [Deck], _ body: (RegisteredCard) -> Void) {
        for deck in decks {
            let file = StoredDeckFile.of(deck.file)
            for card in deck.cards {
                card.forEachFace { face in
                    body(RegisteredCard(key: face.key, deckFile: file, prompt: Trainer.promptText(face), level: card.level))
                }
            }
        }
    }

    /// Tells the store about every face of the loaded decks (so burying or
    /// suspending a face never answered works, and the store's counts know
    /// the new cards). Done once, after the first frame is drawn, so the
    /// student does not wait for it; any effect does it first if needed.
    ///
    /// A deck whose fingerprint the deck index kept (`RegistryFingerprints`)
    /// and the store already has is not visited at all: visiting makes
    /// every card's prompt, which decodes every card's body.
    func registerDecks(at now: Date) throws {
        guard !unregistered.isEmpty else { return }
        // Without a kept fingerprint (no deck indexed) the store is asked
        // once, by `register`, as before.
        let decks = try RegistryFingerprints.shared.notRegistered(unregistered, store: store)
        // A store written by an older jatta may name these files as they
        // were typed then: those names are respelt, not re-registered.
        if !decks.isEmpty {
            try store.register(
                each: { Self.forEachRegistryEntry(decks, $0) }, at: now, respelling: StoredDeckFile.of,
                fingerprints: RegistryFingerprints.shared.kept(for: decks))
        }
        unregistered = []
    }

    /// Registers re-read decks (after editing), keeping the registry current.
    func reregister(_ decks: [Deck], at now: Date) throws {
        unregistered = decks
        try registerDecks(at: now)
    }

    /// Performs a store effect; returns false for effects the loop handles
    /// (quit, edit, the statistics).
    func perform(_ effect: TrainerEffect, at now: Date) throws -> Bool {
        try registerDecks(at: now)
        switch effect {
        case .record(let r):
            _ = try store.record(
                RecordedAnswer(
                    key: r.key, deckFile: StoredDeckFile.of(r.deckFile), prompt: r.prompt, level: r.level, rating: r.rating,
                    time: r.reviewedAt, durationMilliseconds: Int((r.duration * 1000).rounded()),
                    kind: r.overruled ? .override : .study, sessionID: sessionID,
                    before: r.before.isNew ? nil : r.before, after: r.after))
        case .undoLast:
            _ = try store.undoLast(sessionID: sessionID, at: now)
        case .bury(let key, let until):
            _ = try store.bury(key: key, until: until, at: now, sessionID: sessionID)
        case .suspend(let key):
            _ = try store.suspend(key: key, at: now, sessionID: sessionID)
        case .unsuspend(let key):
            _ = try store.unsuspend(key: key, at: now, sessionID: sessionID)
        case .keepExtraNew(let extra):
            try store.setSetting(ExtraNewToday.settingKey, extra.stored)
        case .edit, .quit, .loadHistory, .setExam, .loadStatistics:
            return false
        }
        return true
    }
}
