import DeckFormat
import Foundation
import ReviewStore
import Testing

@testable import jatta

/// One stored name for a deck file, however it was typed, and the name
/// shown for it: checked on a real folder with a symbolic link.
@Suite struct StoredDeckFileTests {
    @Test func everySpellingOfOneFileGivesOneStoredName() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("jatta-paths-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: base) }
        try FileManager.default.createDirectory(atPath: base + "/course/decks", withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: base + "/course/decks/a.deck", contents: Data("Q: a?\nA: b\n".utf8))
        try FileManager.default.createSymbolicLink(atPath: base + "/link", withDestinationPath: base + "/course/decks")
        let real = StoredDeckFile.canonical(base + "/course/decks/a.deck", from: "/")
        #expect(real.hasPrefix("/") && real.hasSuffix("/course/decks/a.deck"))
        let folder = base + "/course"
        for spelling in [
            "decks/a.deck", "./decks/a.deck", "decks//a.deck", "decks/../decks/a.deck", "./decks/./a.deck",
            base + "/course/decks/a.deck", base + "/link/a.deck", "../link/a.deck", "../course/decks/../decks/a.deck",
        ] {
            #expect(StoredDeckFile.canonical(spelling, from: folder) == real, "\(spelling)")
        }
        // A file that is gone keeps a lexical absolute name.
        #expect(StoredDeckFile.canonical("decks/../decks/./gone.deck", from: "/x/course") == "/x/course/decks/gone.deck")
        #expect(StoredDeckFile.lexical("/a//b/../../../c/./d") == "/c/d")
    }

    @Test func aStoredNameIsShownRelativeToTheCurrentFolderWhenUnderIt() {
        #expect(StoredDeckFile.shown("/home/s/course/decks/a.deck", in: "/home/s/course") == "decks/a.deck")
        #expect(StoredDeckFile.shown("/home/s/other/a.deck", in: "/home/s/course") == "/home/s/other/a.deck")
        // A folder whose name only begins the same is not the folder.
        #expect(StoredDeckFile.shown("/home/s/course2/a.deck", in: "/home/s/course") == "/home/s/course2/a.deck")
        #expect(StoredDeckFile.shown("/a.deck", in: "/") == "a.deck")
        // A name an older jatta stored as typed is shown as stored.
        #expect(StoredDeckFile.shown("decks/a.deck", in: "/home/s/course") == "decks/a.deck")
        #expect(StoredDeckFile.shown("/home/s/course/a.deck", in: nil) == "/home/s/course/a.deck")
    }
}

/// The fingerprint the deck index keeps beside a deck is the one the store
/// records when the deck is registered: else every start would visit every
/// card to register it again (the fingerprint is made of entries that
/// carry the store's name for the file, not the name typed).
@Suite struct KeptFingerprintTests {
    @Test func theKeptFingerprintIsTheStoresForEverySpelling() throws {
        let text = "# T\nnamespace: t\n\nQ: Бір?\nA: Екі\nid: a\n\nT: Режим\nD: Нормалар.\nid: b\n"
        for file in ["decks/t.deck", "./decks/t.deck", "decks/../decks/t.deck"] {
            let deck = DeckParser.parse(Array(text.utf8), file: file).deck
            let kept = try #require(RegistryFingerprints.of(deck))
            let store = try ProgressStore()
            try EffectPerformer(store: store, sessionID: "s", decks: [deck]).registerDecks(at: Date())
            #expect(try store.registeredFingerprints() == [StoredDeckFile.of("decks/t.deck"): kept], "\(file)")
        }
    }
}

/// A registration given the kept fingerprints (`RegistryFingerprints.kept`)
/// does not visit the cards to fingerprint them: what it is given must be
/// what that visit gives, keyed by the store's names, and it must leave
/// the store as a registration that visits them does.
@Suite struct KeptFingerprintsForRegistrationTests {
    @Test func theKeptFingerprintsAreTheWalksAndRegisterTheSame() throws {
        let folder = "decks-\(UUID().uuidString)"
        let decks = ["a", "b", "c"].map { name in
            DeckParser.parse(
                Array("# \(name)\n\nQ: \(name) бір?\nA: Екі\nlevel: 2\n\nT: \(name) режим\nD: Нормалар.\n".utf8),
                file: "\(folder)/\(name).deck"
            ).deck
        }
        let shared = RegistryFingerprints.shared
        defer { for deck in decks { shared.forget(deck.file) } }
        for deck in decks { shared.keep(RegistryFingerprints.of(deck), for: deck.file) }
        let walked = ProgressStore.registryFingerprints { EffectPerformer.forEachRegistryEntry(decks, $0) }
        #expect(walked.count == 3)
        #expect(shared.kept(for: decks) == walked)

        // Registered with them and without them: the same store.
        let given = try ProgressStore()
        try EffectPerformer(store: given, sessionID: "s", decks: decks).registerDecks(at: Date(timeIntervalSince1970: 1e9))
        shared.forget(decks[1].file)
        #expect(shared.kept(for: decks) == nil)
        let visited = try ProgressStore()
        try EffectPerformer(store: visited, sessionID: "s", decks: decks).registerDecks(at: Date(timeIntervalSince1970: 1e9))
        #expect(try given.registeredFingerprints() == visited.registeredFingerprints())
        #expect(try given.registeredCards() == visited.registeredCards())
        #expect(try given.registeredFingerprints() == walked)

        // Two names of one file would run into one fingerprint: not given.
        let twice = [decks[0], DeckParser.parse(Array("Q: x?\nA: y\n".utf8), file: "./\(decks[0].file)").deck]
        shared.keep(RegistryFingerprints.of(twice[1]), for: twice[1].file)
        defer { shared.forget(twice[1].file) }
        #expect(shared.kept(for: twice) == nil)
    }
}
