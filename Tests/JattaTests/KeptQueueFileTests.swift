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
        _ store: ProgressStore, _ deck: Deck, _ kept: KeptSchedules, stamp: UInt64, selection: [String] = ["decks"],
        today: Date = KeptSchedulesTests.now, exams: (scheduler: ExamScheduler, byDeck: [String: Exam])? = nil
    ) throws -> StudyCatalog {
        var basis: StudySetup.KeptBasis?
        let snapshot = try StudySetup.progress(store: store, decks: [deck], kept: kept, basis: &basis)
        var catalog = StudyCatalog(decks: [deck], progress: snapshot)
        catalog.keysAreDistinct = true
        let file = KeptQueueFile(kept, selection: selection)
        KeptQueueFile.take(
            file.read(), basis: try #require(basis), decks: stamp, into: &catalog, file: file, today: today,
            exams: exams, now: today)
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

    /// With an exam ahead the decks' stamp names the exam (another date,
    /// or none, is another stamp), and a queue made on an earlier day has
    /// the reviews due since it was made placed anew, and is made again
    /// for the next start; without an exam it is not.
    @Test func anExamStampsItsQueueAndPlacesWhatCameDue() throws {
        let helper = KeptSchedulesTests()
        try helper.withFolder { folder in
            let (store, deck, kept) = try helper.setUp(folder)
            let now = KeptSchedulesTests.now
            let base = try StudySetup.scheduler(timeZone: TimeZone(identifier: "Asia/Almaty")!, store: store)
            func exams(inDays days: Int?) throws -> (scheduler: ExamScheduler, byDeck: [String: Exam]) {
                var snapshot = ProgressSnapshot()
                let today = base.configuration.dayCounting.dayNumber(of: now)
                let exams = try days.map {
                    [Exam(date: try #require(CalendarDate(dayNumber: today + $0)), paths: [], source: .student(id: 1))]
                } ?? []
                let setup = try ExamSetup.make(
                    decks: [deck], progress: &snapshot, studentExams: exams, store: nil, base: base,
                    defaultWorkload: 200, now: now)
                return (setup.scheduler, setup.examsByDeck)
            }
            let plain = try #require(KeptQueueFile.decksStamp([deck], contentHashes: [deck.file: 42]))
            let none = try #require(KeptQueueFile.decksStamp([deck], contentHashes: [deck.file: 42], exams: exams(inDays: nil)))
            let inTen = try #require(KeptQueueFile.decksStamp([deck], contentHashes: [deck.file: 42], exams: exams(inDays: 10)))
            let inTwenty = try #require(KeptQueueFile.decksStamp([deck], contentHashes: [deck.file: 42], exams: exams(inDays: 20)))
            #expect(none == plain)
            #expect(Set([plain, inTen, inTwenty]).count == 3)

            let file = KeptQueueFile(kept, selection: ["decks"])
            let madeOn = now.addingTimeInterval(-3 * 86_400)
            let examsInTen = try exams(inDays: 10)
            _ = try start(store, deck, kept, stamp: inTen, today: madeOn, exams: examsInTen)
            _ = try start(store, deck, kept, stamp: inTen, today: madeOn, exams: examsInTen)
            let made = try #require(file.read())
            #expect(made.queue != nil && made.madeOn == madeOn)
            #expect(made.queue?.readiness != nil, "made with an exam, it keeps the cards' readiness")
            let queue = try #require(made.queue)
            let cameDue = queue.changingReviews(dueFrom: madeOn, before: now).changedCount
            #expect(cameDue > 0, "the store has reviews due in the three days: the test would prove little")
            // Three days on, with the exam: they are placed anew, and the
            // queue is made again on this day.
            let later = try start(store, deck, kept, stamp: inTen, today: now, exams: examsInTen)
            #expect(later.keptQueue?.changedCount == cameDue)
            #expect(file.read()?.madeOn == now)
            // Without an exam nothing is placed anew, and it is not made again.
            _ = try start(store, deck, kept, stamp: plain, today: madeOn)
            _ = try start(store, deck, kept, stamp: plain, today: madeOn)
            let plainMade = try Data(contentsOf: URL(fileURLWithPath: file.path))
            #expect(file.read()?.queue?.readiness == nil)
            #expect(try start(store, deck, kept, stamp: plain, today: now).keptQueue?.changedCount == 0)
            #expect(try Data(contentsOf: URL(fileURLWithPath: file.path)) == plainMade)
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
