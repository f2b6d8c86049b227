import DeckFormat
import FSRS
import Foundation
import Testing

@testable import Study

/// The exams' outlooks read from a kept queue and its readiness records
/// (`ExamOutlook.KeptTally`) are those the walk over every face makes:
/// plan and forecast, on the day the records were judged and on later
/// days, with faces answered, suspended, buried and undone since, and
/// faces first answered today.
@Suite struct KeptTallyTests {
    /// Two exams over the catalog's seven decks (one deck without any).
    static func examsByDeck(_ catalog: StudyCatalog, today: Int) throws -> [String: Exam] {
        let soon = Exam(date: try #require(CalendarDate(dayNumber: today + 9)), paths: [], source: .student(id: 1))
        let later = Exam(date: try #require(CalendarDate(dayNumber: today + 30)), paths: [], source: .student(id: 2))
        var byDeck: [String: Exam] = [:]
        for (d, deck) in catalog.decks.enumerated() where d != 3 { byDeck[deck.file] = d % 2 == 0 ? soon : later }
        return byDeck
    }

    /// The catalog of `seed` with two exams, brought to them at
    /// `Fixtures.now`, and the kept queue a start makes of it then, with
    /// each card's readiness.
    struct Made {
        var catalog: StudyCatalog
        var byDeck: [String: Exam]
        var examDays: [Int?]
        var scheduler: ExamScheduler
        var kept: KeptQueue
        var today: Int
        var days: DayCounting { scheduler.base.configuration.dayCounting }

        init(seed: UInt64) throws {
            let base = Fixtures.scheduler()
            today = base.configuration.dayCounting.dayNumber(of: Fixtures.now)
            catalog = SplitWalkTests.catalog(seed: seed, files: SplitWalkTests.files)
            byDeck = try KeptTallyTests.examsByDeck(catalog, today: today)
            let byDeck = byDeck
            examDays = catalog.decks.map { byDeck[$0.file]?.date.dayNumber }
            scheduler = ExamOutlook.scheduler(base: base, decks: catalog.decks, examsByDeck: byDeck)
            // Made as a start makes it: from the progress brought to the exams.
            scheduler.adjust(&catalog.progress, at: Fixtures.now)
            kept = try #require(KeptQueue.make(catalog))
            kept.readiness = KeptReadiness.make(
                catalog: catalog, examDays: examDays, scheduler: scheduler, now: Fixtures.now)
        }

        /// `base`'s progress brought to the exams at `now`, and the kept
        /// queue as a start then takes it: `names` changed since, and the
        /// reviews that came due since it was made placed anew.
        func at(_ now: Date, _ base: StudyCatalog, changed names: [String]) -> (catalog: StudyCatalog, kept: KeptQueue) {
            var progress = base.progress
            scheduler.adjust(&progress, at: now)
            var catalog = StudyCatalog(decks: base.decks, progress: progress)
            catalog.keysAreDistinct = true
            let placed = kept.changing(names, in: catalog).changingReviews(
                dueFrom: days.start(ofDay: today), before: days.start(ofDay: days.dayNumber(of: now)))
            return (catalog, placed)
        }
    }

    @Test(arguments: Array(1...8) as [UInt64])
    func theKeptOutlooksAreTheWalks(seed: UInt64) throws {
        let made = try Made(seed: seed)
        let (catalog, byDeck, scheduler) = (made.catalog, made.byDeck, made.scheduler)
        #expect(made.kept.readiness?.cards.count == catalog.decks.reduce(0) { $0 + $1.cards.count })

        var random = SeededGenerator(seed: seed &+ 77)
        let keys = catalog.decks.flatMap { $0.cards.flatMap { $0.faces.map(\.key) } }
        let (changed, changedKeys) = KeptQueueTests.changed(catalog, seed: seed)
        for (base, names) in [(catalog, [String]()), (changed, changedKeys)] {
            // The same moment, later that day, the next day, three days on.
            for hours in [0.0, 3, 24, 72] {
                let now = Fixtures.now.addingTimeInterval(hours * 3600)
                let (walked, placed) = made.at(now, base, changed: names)
                var read = walked
                read.keptQueue = placed
                for introducedCount in [0, 7] {
                    let introduced = Set((0..<introducedCount).map { _ in keys[Int(random.next() % UInt64(keys.count))] })
                    let fromKept = ExamOutlook.make(
                        catalog: read, examsByDeck: byDeck, scheduler: scheduler, defaultWorkload: 200,
                        introducedToday: introduced, now: now)
                    let fromWalk = ExamOutlook.make(
                        catalog: walked, examsByDeck: byDeck, scheduler: scheduler, defaultWorkload: 200,
                        introducedToday: introduced, now: now)
                    #expect(fromKept == fromWalk, "seed \(seed), \(names.count) changed, \(hours) h on")
                    #expect(fromWalk.count == 2)
                    // The kept queue was read, not given up for the walk.
                    for outlook in fromKept {
                        #expect(
                            ExamOutlook.KeptTally(
                                catalog: read, files: Set(outlook.deckFiles), examDay: outlook.exam.date.dayNumber,
                                scheduler: scheduler, introducedToday: introduced, now: now) != nil)
                    }
                }
            }
        }
    }

    /// Records brought to a later moment (`KeptReadiness.brought`) are the
    /// records a start would judge then from every face: the same day and
    /// later days, with faces answered, suspended and undone since named.
    @Test(arguments: Array(1...6) as [UInt64])
    func broughtRecordsAreThoseJudgedThen(seed: UInt64) throws {
        let made = try Made(seed: seed)
        let (examDays, scheduler) = (made.examDays, made.scheduler)
        let stored = try #require(made.kept.readiness)
        let (changed, changedKeys) = KeptQueueTests.changed(made.catalog, seed: seed)
        var judgedAgain = 0
        for (base, names) in [(made.catalog, [String]()), (changed, changedKeys)] {
            for hours in [0.0, 5, 24, 96] {
                let now = Fixtures.now.addingTimeInterval(hours * 3600)
                let (then, placed) = made.at(now, base, changed: names)
                let brought = try #require(
                    stored.brought(to: then, kept: placed, examDays: examDays, scheduler: scheduler, now: now))
                let judged = try #require(
                    KeptReadiness.make(catalog: then, examDays: examDays, scheduler: scheduler, now: now))
                #expect(brought == judged, "seed \(seed), \(names.count) changed, \(hours) h on")
                if brought.cards != stored.cards { judgedAgain += 1 }
            }
        }
        // Some records changed: the comparison is not of records left alone.
        #expect(judgedAgain > 0)
    }

    /// Records of another catalog, or of a later day than today, are not
    /// read; nor without distinct keys.
    @Test func recordsThatCannotSayAreNotRead() throws {
        let base = Fixtures.scheduler()
        let days = base.configuration.dayCounting
        let today = days.dayNumber(of: Fixtures.now)
        var catalog = SplitWalkTests.catalog(seed: 4, files: SplitWalkTests.files)
        let byDeck = try Self.examsByDeck(catalog, today: today)
        let scheduler = ExamOutlook.scheduler(base: base, decks: catalog.decks, examsByDeck: byDeck)
        var kept = try #require(KeptQueue.make(catalog))
        let examDays = catalog.decks.map { byDeck[$0.file]?.date.dayNumber }
        let files = Set(catalog.decks.map(\.file).filter { byDeck[$0] != nil })
        func tally(_ catalog: StudyCatalog, at now: Date = Fixtures.now) -> ExamOutlook.KeptTally? {
            ExamOutlook.KeptTally(
                catalog: catalog, files: files, examDay: today + 9, scheduler: scheduler, introducedToday: [], now: now)
        }
        kept.readiness = KeptReadiness.make(catalog: catalog, examDays: examDays, scheduler: scheduler, now: Fixtures.now)
        catalog.keptQueue = kept
        #expect(tally(catalog) != nil)
        #expect(tally(catalog, at: Fixtures.now.addingTimeInterval(-86_400)) == nil, "records of a later day")
        var other = kept
        other.readiness?.cards.removeLast()
        catalog.keptQueue = other
        #expect(tally(catalog) == nil, "records of another catalog")
        catalog.keptQueue = kept
        catalog.keysAreDistinct = false
        #expect(tally(catalog) == nil, "keys that may repeat")
        // And none without records.
        catalog.keysAreDistinct = true
        kept.readiness = nil
        catalog.keptQueue = kept
        #expect(tally(catalog) == nil)
    }

    /// The records go into the kept queue's bytes and come back.
    @Test func theRecordsComeBackFromTheBytes() throws {
        let base = Fixtures.scheduler()
        let today = base.configuration.dayCounting.dayNumber(of: Fixtures.now)
        let catalog = SplitWalkTests.catalog(seed: 6, files: SplitWalkTests.files)
        let byDeck = try Self.examsByDeck(catalog, today: today)
        let scheduler = ExamOutlook.scheduler(base: base, decks: catalog.decks, examsByDeck: byDeck)
        var kept = try #require(KeptQueue.make(catalog))
        kept.readiness = KeptReadiness.make(
            catalog: catalog, examDays: catalog.decks.map { byDeck[$0.file]?.date.dayNumber }, scheduler: scheduler,
            now: Fixtures.now)
        // Records of every card, of more than one kind (met or not, ready
        // today or not, new faces or none), so the bytes carry something.
        let made = try #require(kept.readiness)
        #expect(made.cards.count == catalog.decks.reduce(0) { $0 + $1.cards.count })
        #expect(Set(made.cards).count > 2)
        #expect(made.cards.contains { KeptReadiness.isMet($0) && KeptReadiness.judgedNew($0) > 0 })
        for readiness in [kept.readiness, KeptReadiness(day: today, cards: [1, 2, 3]), KeptReadiness(day: -4, cards: [])] {
            var queue = kept
            queue.readiness = readiness
            let bytes = queue.bytes
            #expect(bytes.withUnsafeBytes { KeptQueue(bytes: $0) } == queue)
            #expect(Array(bytes.dropLast(8)).withUnsafeBytes { KeptQueue(bytes: $0) } == nil)
        }
    }
}
