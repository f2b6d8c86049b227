import DeckFormat
import ReviewStore
import Synchronization

/// The registry fingerprint (`ProgressStore.registryFingerprints(of:)`) of
/// each deck file as last loaded, where the deck index kept it: registering
/// an unchanged deck then needs neither its prompts nor a pass over its
/// cards, only the store's fingerprint to compare with
/// (`EffectPerformer.registerDecks`). A file loaded without the index has
/// none here and is fingerprinted from its cards, as before.
final class RegistryFingerprints: Sendable {
    /// The one table of the process: every deck load (`DeckLoading`)
    /// updates it for every file it reads, so it always speaks of the
    /// decks last loaded.
    static let shared = RegistryFingerprints()

    /// Fingerprints by deck file (the name the deck was loaded under; the
    /// fingerprint itself is of the registry entries, which carry the
    /// store's name for the file, `StoredDeckFile`).
    private let known = Mutex<[String: Int64]>([:])

    /// The fingerprint of `file` as last loaded, if kept.
    func fingerprint(of file: String) -> Int64? { known.withLock { $0[file] } }

    /// Keeps `fingerprint` for `file` (nil forgets it).
    func keep(_ fingerprint: Int64?, for file: String) { known.withLock { $0[file] = fingerprint } }

    /// Forgets `file`'s fingerprint: it was loaded without the index.
    func forget(_ file: String) { keep(nil, for: file) }

    /// The decks of `decks` that are not registered as they are now: the
    /// ones without a kept fingerprint, and those whose kept fingerprint
    /// is not the store's. The store is asked only when some fingerprint
    /// is kept (one small read).
    func notRegistered(_ decks: [Deck], store: ProgressStore) throws -> [Deck] {
        let kept = decks.map { fingerprint(of: $0.file) }
        guard kept.contains(where: { $0 != nil }) else { return decks }
        let registered = try store.registeredFingerprints()
        return zip(decks, kept).filter { deck, kept in
            guard let kept else { return true }
            return registered[StoredDeckFile.of(deck.file)] != kept
        }.map(\.0)
    }

    /// The fingerprints of `decks` by their stored names, as registering
    /// them would compute them, when every one of them is kept; nil when
    /// one is not (a file parsed without the index, a deck with no card)
    /// or two share a stored name (their cards would make one running
    /// fingerprint).
    func kept(for decks: [Deck]) -> [String: Int64]? {
        var fingerprints: [String: Int64] = [:]
        for deck in decks {
            guard let kept = fingerprint(of: deck.file),
                fingerprints.updateValue(kept, forKey: StoredDeckFile.of(deck.file)) == nil
            else { return nil }
        }
        return fingerprints
    }

    /// The fingerprint registering `deck` gives (nil for a deck with no
    /// card).
    static func of(_ deck: Deck) -> Int64? {
        ProgressStore.registryFingerprints { EffectPerformer.forEachRegistryEntry([deck], $0) }[StoredDeckFile.of(deck.file)]
    }
}
