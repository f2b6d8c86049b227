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
    func start(
        _ store: ProgressStore, _ deck: Deck, _ kept: KeptSchedules, stamp: UInt64, selection: [String] = ["decks"]
    ) throws -> StudyCatalog {
        var basis: StudySetup.KeptBasis?
        let snapshot = try StudySetup.progress(store: store, decks: [deck], kept: kept, basis: &basis)
        var catalog = StudyCatalog(decks: [deck], progress: snapshot)
        catalog.keysAreDistinct = true
        let file = KeptQueueFile(kept, selection: selection)
        KeptQueueFile.take(file.read(), basis: try #require(basis), decks: stamp, into: &catalog, file: file)
        DeckIndexWrites.waitForAll()
        return catalog
    }

    @Test func markedMadeThenReadWithTheAnswersSince() throws {
        let helper = KeptSchedulesTests()
        try helper.withFolder { folder in
            let (store, deck, kept) = try helper.setUp(folder)
            let file = KeptQueueFile(kept, selection: ["decks"])
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
            let file = KeptQueueFile(kept, selection: ["decks"])
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

    /// Each selection of decks (as the command names them) keeps its own
    /// queue: a start on one deck file does not replace the queue of a
    /// start on all of them, so switching back reads it at once. The
    /// `keptSelections` last made are kept, and a queue of a build that
    /// kept one per store is removed.
    @Test func eachSelectionKeepsItsOwnQueue() throws {
        let helper = KeptSchedulesTests()
        try helper.withFolder { folder in
            let (store, deck, kept) = try helper.setUp(folder)
            let all = try #require(KeptQueueFile.decksStamp([deck], contentHashes: [deck.file: 42]))
            let one = try #require(KeptQueueFile.decksStamp([deck], contentHashes: [deck.file: 43]))
            let allFile = KeptQueueFile(kept, selection: ["decks"])
            let oneFile = KeptQueueFile(kept, selection: ["decks/a.deck"])
            #expect(allFile.path != oneFile.path)
            #expect(KeptQueueFile(kept, selection: ["./decks"]).path == allFile.path, "one folder, two spellings")
            let legacy = (kept.path as NSString).deletingPathExtension + ".queue"
            _ = try start(store, deck, kept, stamp: all, selection: ["decks"])
            try Data("jatta queue\n".utf8).write(to: URL(fileURLWithPath: legacy))
            _ = try start(store, deck, kept, stamp: all, selection: ["decks"])
            #expect(!FileManager.default.fileExists(atPath: legacy), "the single queue of an earlier build is left")
            for _ in 0..<2 { _ = try start(store, deck, kept, stamp: one, selection: ["decks/a.deck"]) }
            #expect(allFile.read()?.queue != nil && oneFile.read()?.queue != nil)
            // Back to all: read at once, not marked again.
            #expect(try start(store, deck, kept, stamp: all, selection: ["decks"]).keptQueue != nil)
            #expect(try start(store, deck, kept, stamp: one, selection: ["decks/a.deck"]).keptQueue != nil)
            // Five selections: the four last made are kept.
            let queues = { () throws -> Set<String> in
                Set(try FileManager.default.contentsOfDirectory(atPath: kept.directory).filter { $0.hasSuffix(".queue") })
            }
            for n in 0..<5 {
                // Apart in time, as starts are, so the last made is known.
                usleep(20_000)
                _ = try start(store, deck, kept, stamp: all, selection: ["decks/\(n).deck"])
            }
            let names = try queues()
            #expect(names.count == KeptQueueFile.keptSelections)
            #expect(!names.contains((legacy as NSString).lastPathComponent))
            for n in 1..<5 {
                let path = KeptQueueFile(kept, selection: ["decks/\(n).deck"]).path
                #expect(names.contains((path as NSString).lastPathComponent), "selection \(n) was removed")
            }
        }
    }
}
