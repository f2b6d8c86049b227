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
