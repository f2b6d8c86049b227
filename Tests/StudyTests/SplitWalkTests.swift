import DeckFormat
import FSRS
import Foundation
import Testing

@testable import Study

/// A large collection's faces are walked in two halves at once
/// (`StudyCatalog.halves`, `QueueBuilder.Met.append`); the queue and the
/// home counts are the ones a single walk makes.
@Suite struct SplitWalkTests {
    /// Generated decks with distinct ids in `files` (a file named twice
    /// holds two decks), and progress for some of their faces.
    static func catalog(seed: UInt64, files: [String]) -> StudyCatalog {
        var rng = SeededGenerator(seed: seed)
        var ids = Set<CardID>()
        let decks = files.map { file in
            var deck = Fixtures.deck(HomeCountsTests.deckText(count: Int(rng.next() % 60) + 1, rng: &rng), file: file)
            deck.cards = deck.cards.filter { ids.insert($0.id).inserted }
            return deck
        }
        let keys = decks.flatMap { $0.cards.flatMap { $0.faces.map(\.key) } }
        var progress = HomeCountsTests.progress(keys: keys, now: Fixtures.now, dayEnd: Fixtures.dayEnd, rng: &rng)
        // New faces with a schedule of their own (one an import left, due
        // earlier), which the queue keeps beside them.
        for key in keys where progress.schedules[key] == nil && rng.next() % 4 == 0 {
            progress.schedules[key] = .new(at: Fixtures.now.addingTimeInterval(-Double(rng.next() % 5) * 3600))
        }
        progress.newStudiedToday = Int(seed % 3)
        progress.reviewsDoneToday = Int(seed % 4)
        var catalog = StudyCatalog(decks: decks, progress: progress)
        catalog.keysAreDistinct = true
        return catalog
    }

    static let files = (0..<7).map { "decks/\($0).deck" }

    /// Seven decks, two of them read from one file (next to each other,
    /// as sorted paths put them): the split falls on either side of them.
    static let filesWithOneTwice = ["decks/0.deck", "decks/1.deck", "decks/2.deck", "decks/3.deck", "decks/4.deck", "decks/5.deck", "decks/5.deck"]

    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as [UInt64])
    func theQueueAndCountsOfTwoHalvesAreThoseOfOneWalk(seed: UInt64) {
        let catalog = Self.catalog(seed: seed, files: Self.files)
        let now = Fixtures.now, dayEnd = Fixtures.dayEnd
        for filter in [StudyFilter.all, StudyFilter(level: 2), StudyFilter(tag: "b"),
                       StudyFilter(deckFiles: ["decks/1.deck", "decks/4.deck", "decks/5.deck"])]
        {
            // The walk is split for this filter, or the comparison says nothing.
            #expect(catalog.halves(matching: filter, from: 0) != nil, "seed \(seed), filter \(filter)")
            for limits in [StudyLimits(), StudyLimits(newPerDay: 3, reviewsPerDay: 2),
                           StudyLimits(newPerDay: 9999, reviewsPerDay: 9999), StudyLimits(newPerDay: 0, reviewsPerDay: 1)]
            {
                let split = QueueBuilder.build(
                    catalog: catalog, filter: filter, limits: limits, now: now, dayEnd: dayEnd, splitFrom: 0)
                let whole = QueueBuilder.build(
                    catalog: catalog, filter: filter, limits: limits, now: now, dayEnd: dayEnd, splitFrom: .max)
                #expect(split.waiting.map(\.key) == whole.waiting.map(\.key), "seed \(seed), filter \(filter), \(limits)")
                #expect(split == whole, "seed \(seed), filter \(filter), \(limits)")
            }
            var noDeckFiles = filter
            noDeckFiles.deckFiles = nil
            #expect(
                catalog.countHome(filter: noDeckFiles, now: now, dayEnd: dayEnd, splitFrom: 0)
                    == catalog.countHome(filter: noDeckFiles, now: now, dayEnd: dayEnd, splitFrom: .max),
                "seed \(seed), filter \(filter)")
        }
    }

    /// The session summary's next due time and faces due by tomorrow, read
    /// from each face's schedule in two halves at once: those one walk
    /// gives, and those of every face made into an item, as the summary
    /// counted them before, suspended faces left out.
    @Test(arguments: [1, 2, 3, 4, 5, 6] as [UInt64])
    func theSummarysDueFacesAreThoseOfEveryItem(seed: UInt64) {
        var catalog = Self.catalog(seed: seed, files: Self.files)
        let keys = catalog.decks.flatMap { $0.cards.flatMap { $0.faces.map(\.key) } }
        catalog.progress.suspended = Set(keys.enumerated().filter { $0.offset % 7 == Int(seed % 7) }.map(\.element))
        let now = Fixtures.now
        for end in [Fixtures.dayEnd, Fixtures.dayEnd.addingTimeInterval(86_400), now.addingTimeInterval(-1)] {
            for filter in [StudyFilter.all, StudyFilter(level: 2), StudyFilter(tag: "b"),
                           StudyFilter(deckFiles: ["decks/1.deck", "decks/4.deck", "decks/5.deck"])]
            {
                var next: Date?
                var before = 0
                for item in catalog.items(matching: filter, now: now)
                where !item.schedule.isNew && !catalog.progress.suspended.contains(item.key) {
                    if item.schedule.due > now, next.map({ item.schedule.due < $0 }) ?? true { next = item.schedule.due }
                    if item.schedule.due < end { before += 1 }
                }
                #expect(catalog.halves(matching: filter, from: 0) != nil, "seed \(seed), filter \(filter)")
                let split = catalog.studiedDue(matching: filter, now: now, before: end, splitFrom: 0)
                let whole = catalog.studiedDue(matching: filter, now: now, before: end, splitFrom: .max)
                #expect(split.next == next && split.before == before, "seed \(seed), filter \(filter)")
                #expect(whole.next == next && whole.before == before, "seed \(seed), filter \(filter)")
            }
        }
        // The catalog has what the counts are about.
        #expect(catalog.studiedDue(matching: .all, now: now, before: Fixtures.dayEnd).before > 0)
        #expect(catalog.studiedDue(matching: .all, now: now, before: Fixtures.dayEnd).next != nil)
    }

    /// A deck file holding two decks on one side: its two decks share a
    /// row of the home counts. (A split between them gives no halves; the
    /// seeds that split elsewhere are compared, and most do.)
    @Test func aFileOfTwoDecksOnOneSideCountsAsOneWalk() {
        let now = Fixtures.now, dayEnd = Fixtures.dayEnd
        var split = 0
        for seed in 1...12 as ClosedRange<UInt64> {
            let catalog = Self.catalog(seed: seed, files: Self.filesWithOneTwice)
            guard catalog.halves(matching: .all, from: 0) != nil else { continue }
            split += 1
            #expect(
                catalog.countHome(filter: .all, now: now, dayEnd: dayEnd, splitFrom: 0)
                    == catalog.countHome(filter: .all, now: now, dayEnd: dayEnd, splitFrom: .max), "seed \(seed)")
            for limits in [StudyLimits(), StudyLimits(newPerDay: 9999, reviewsPerDay: 9999)] {
                #expect(
                    QueueBuilder.build(catalog: catalog, filter: .all, limits: limits, now: now, dayEnd: dayEnd, splitFrom: 0)
                        == QueueBuilder.build(
                            catalog: catalog, filter: .all, limits: limits, now: now, dayEnd: dayEnd, splitFrom: .max),
                    "seed \(seed), \(limits)")
            }
        }
        #expect(split >= 8)
    }

    @Test func theHalvesHoldAboutAsManyCardsAndNoFileOnBothSides() {
        for seed in 1...20 as ClosedRange<UInt64> {
            let catalog = Self.catalog(seed: seed, files: Self.files)
            let counts = catalog.decks.map(\.cards.count)
            let total = counts.reduce(0, +)
            guard let split = catalog.halves(matching: .all, from: 0) else {
                Issue.record("seed \(seed): not split")
                continue
            }
            // No other split point is nearer the middle.
            let first = counts[..<split].reduce(0, +)
            for other in 1..<counts.count {
                let otherFirst = counts[..<other].reduce(0, +)
                #expect(abs(2 * first - total) <= abs(2 * otherFirst - total), "seed \(seed), split \(split) against \(other)")
            }
        }
        // An odd total: the deck crossing the middle goes where the halves
        // are nearer to equal (3 + 4 against 4, not 3 against 4 + 4).
        var odd = StudyCatalog(decks: [3, 4, 4].enumerated().map { d, count in
            Fixtures.deck((0..<count).map { "Q: С\(d)-\($0)?\nA: Ж\n" }.joined(separator: "\n"), file: "decks/\(d).deck")
        })
        odd.keysAreDistinct = true
        #expect(odd.halves(matching: .all, from: 0) == 2)
        // Too few cards, keys that may repeat, one deck only, a file on both sides.
        var catalog = Self.catalog(seed: 1, files: Self.files)
        let total = catalog.decks.reduce(0) { $0 + $1.cards.count }
        #expect(catalog.halves(matching: .all, from: total) != nil)
        #expect(catalog.halves(matching: .all, from: total + 1) == nil)
        #expect(catalog.halves(matching: .all) == nil)
        catalog.keysAreDistinct = false
        #expect(catalog.halves(matching: .all, from: 0) == nil)
        #expect(Self.catalog(seed: 1, files: ["decks/a.deck"]).halves(matching: .all, from: 0) == nil)
        let shared = Self.catalog(seed: 1, files: ["decks/a.deck", "decks/b.deck", "decks/a.deck"])
        #expect(shared.halves(matching: .all, from: 0) == nil)
    }
}
