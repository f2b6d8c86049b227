import DeckFormat
import FSRS
import Foundation
import ReviewStore
import Testing

@testable import Study
@testable import jatta

/// When a start keeps and reads the kept queue (`KeptQueueFile`): marked
/// at the first start on some decks, made at the second, read from the
/// third with the cards answered since named; never for other decks,
/// another position of the kept schedules, or a damaged file.
@Suite struct KeptQueueFileTests {
    /// One start as `jatta study` makes it on `deck`: the snapshot through
    /// the kept schedules, then the kept queue taken (and any write done).
    func start(_ store: ProgressStore, _ deck: Deck, _ kept: KeptSchedules, stamp: UInt64) throws -> StudyCatalog {
        var basis: StudySetup.KeptBasis?
        let snapshot = try StudySetup.progress(store: store, decks: [deck], kept: kept, basis: &basis)
        var catalog = StudyCatalog(decks: [deck], progress: snapshot)
        catalog.keysAreDistinct = true
        let file = KeptQueueFile(kept)
        KeptQueueFile.take(file.read(), basis: try #require(basis), decks: stamp, into: &catalog, file: file)
        DeckIndexWrites.waitForAll()
        return catalog
    }

    @Test func markedMadeThenReadWithTheAnswersSince() throws {
        let helper = KeptSchedulesTests()
        try helper.withFolder { folder in
            let (store, deck, kept) = try helper.setUp(folder)
            let file = KeptQueueFile(kept)
            let stamp = try #require(KeptQueueFile.decksStamp([deck], contentHashes: [deck.file: 42]))
            // Another file's content, or a file without a hash: another stamp, or none.
            #expect(KeptQueueFile.decksStamp([deck], contentHashes: [deck.file: 43]) != stamp)
            #expect(KeptQueueFile.decksStamp([deck], contentHashes: [:]) == nil)

            #expect(try start(store, deck, kept, stamp: stamp).keptQueue == nil)
            #expect(file.read()?.decks == stamp)
            #expect(file.read().map { $0.queue == nil } == true, "the first start only marks the decks")
            #expect(try start(store, deck, kept, stamp: stamp).keptQueue == nil)
            let made = try #require(file.read()?.queue, "the second start makes it")
            let third = try start(store, deck, kept, stamp: stamp)
            #expect(third.keptQueue?.changed.isEmpty == true)

            // Cards answered since (by another process): named, and the
            // queue read equals the walk's.
            let keys = deck.cards.flatMap { $0.faces.map(\.key) }
            let answered = Array(keys.suffix(7))
            try store.record(answered.enumerated().map { StudySetupProgressTests().answer($0.element, file: deck.file, $0.offset + 3) })
            let fourth = try start(store, deck, kept, stamp: stamp)
            let queue = try #require(fourth.keptQueue)
            #expect(queue.changed.count == answered.count)
            #expect(file.read()?.queue == made, "read, not made again")
            var walked = fourth
            walked.keptQueue = nil
            let now = KeptSchedulesTests.now
            for limits in [StudyLimits(), StudyLimits(newPerDay: 9999, reviewsPerDay: 9999)] {
                let room = QueueBuilder.Room(reviews: limits.reviewsPerDay, new: limits.newPerDay)
                #expect(queue.gather(fourth, room: room, now: now, dayEnd: now.addingTimeInterval(3600)) != nil)
                #expect(
                    QueueBuilder.build(catalog: fourth, filter: .all, limits: limits, now: now, dayEnd: now.addingTimeInterval(3600))
                        == QueueBuilder.build(catalog: walked, filter: .all, limits: limits, now: now, dayEnd: now.addingTimeInterval(3600)))
            }

            // Other decks: not used, and marked for them.
            let other = try #require(KeptQueueFile.decksStamp([deck], contentHashes: [deck.file: 7]))
            #expect(try start(store, deck, kept, stamp: other).keptQueue == nil)
            #expect(file.read()?.decks == other)
            #expect(file.read().map { $0.queue == nil } == true)

            // Made for them at the next start; then damaged: not read.
            _ = try start(store, deck, kept, stamp: other)
            #expect(file.read()?.queue != nil)
            var bytes = try Data(contentsOf: URL(fileURLWithPath: file.path))
            bytes[bytes.count - 12] ^= 0x10
            try bytes.write(to: URL(fileURLWithPath: file.path))
            #expect(file.read() == nil)
            #expect(try start(store, deck, kept, stamp: other).keptQueue == nil)
            // Cut short, or of another store file: not read either.
            _ = try start(store, deck, kept, stamp: other)
            #expect(file.read()?.queue != nil)
            try Data(contentsOf: URL(fileURLWithPath: file.path)).dropLast(8).write(to: URL(fileURLWithPath: file.path))
            #expect(file.read() == nil)
        }
    }

    /// A start with an exam ahead sets the kept queue aside: only the mark of
    /// its decks is kept, so the next start without the exam makes it anew
    /// and the one after reads it.
    @Test func anExamStartSetsItAside() throws {
        let helper = KeptSchedulesTests()
        try helper.withFolder { folder in
            let (store, deck, kept) = try helper.setUp(folder)
            let file = KeptQueueFile(kept)
            let stamp = try #require(KeptQueueFile.decksStamp([deck], contentHashes: [deck.file: 42]))
            _ = try start(store, deck, kept, stamp: stamp)
            _ = try start(store, deck, kept, stamp: stamp)
            #expect(file.read()?.queue != nil)
            KeptQueueFile.setAside(file.read(), file: file)
            DeckIndexWrites.waitForAll()
            #expect(file.read()?.decks == stamp)
            #expect(file.read().map { $0.queue == nil } == true, "only the mark is kept")
            // A mark, or no file, is left as it is.
            let marked = try Data(contentsOf: URL(fileURLWithPath: file.path))
            KeptQueueFile.setAside(file.read(), file: file)
            KeptQueueFile.setAside(nil, file: file)
            DeckIndexWrites.waitForAll()
            #expect(try Data(contentsOf: URL(fileURLWithPath: file.path)) == marked)
            #expect(try start(store, deck, kept, stamp: stamp).keptQueue == nil)
            #expect(file.read()?.queue != nil, "made again by the next start")
            #expect(try start(store, deck, kept, stamp: stamp).keptQueue != nil)
        }
    }
}
