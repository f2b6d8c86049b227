import Foundation
import Testing

@testable import ReviewStore

/// How many rows of an Anki collection jatta reads.
@Suite struct AnkiCollectionFileTests {
    /// A heavy user's review log (a million rows at 100,000 cards) is read;
    /// the limit of the other tables is the general one.
    @Test func aReviewLogLongerThanTheGeneralLimitIsRead() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("anki-rows-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("collection.anki2").path
        let count = AnkiCollectionFile.rowLimit + 1
        let reviews = (0..<count).map { i in
            AnkiReviewRow(
                id: 1_700_000_000_000 + Int64(i), cardID: 1, ease: 3, interval: 1, lastInterval: 0, factor: 2500,
                milliseconds: 4_000, type: 1)
        }
        let collection = AnkiCollectionRow(
            created: 1_700_000_000, modified: 0, version: 11, configuration: "{}", models: "{}", decks: "{}",
            deckOptions: "{}")
        try AnkiCollectionFile.write(AnkiTables(collection: collection, reviews: reviews), to: path)
        let read = try AnkiCollectionFile.read(path: path)
        #expect(read.reviews.count == count)
        #expect(read.reviews.last == reviews.last)
        #expect(AnkiCollectionFile.rowLimit(of: "notes") == AnkiCollectionFile.rowLimit)
        #expect(AnkiCollectionFile.rowLimit(of: "revlog") > 1_000_000)
        // An import of the cards alone leaves the review log unread.
        let cardsOnly = try AnkiCollectionFile.read(path: path, reviews: false)
        #expect(cardsOnly.reviews.isEmpty)
        #expect(cardsOnly.collection == read.collection)
    }
}
