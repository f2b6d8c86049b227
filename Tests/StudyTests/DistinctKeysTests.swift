import DeckFormat
import FSRS
import Foundation
import Testing
@testable import Study

/// A catalog told its face keys are distinct (`StudyCatalog.keysAreDistinct`,
/// from `DeckLibrary.Result.idsAreDistinct`) walks its faces without a set
/// of the keys seen; on decks whose ids are indeed distinct it gives the
/// queue and the home counts the walk with the set gives.
@Suite struct DistinctKeysTests {
    /// Generated decks (`HomeCountsTests.deckText`) with every card whose
    /// id an earlier card has left out.
    static func distinctDecks(seed: UInt64) -> [Deck] {
        var rng = SeededGenerator(seed: seed)
        var ids = Set<CardID>()
        return ["decks/a.deck", "decks/b.deck", "decks/c.deck", "decks/d.deck"].map { file in
            var deck = Fixtures.deck(HomeCountsTests.deckText(count: Int(rng.next() % 50) + 1, rng: &rng), file: file)
            deck.cards = deck.cards.filter { ids.insert($0.id).inserted }
            return deck
        }
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
    func theQueueAndTheCountsAreThoseOfTheWalkWithASet(seed: UInt64) {
        let now = Fixtures.now, dayEnd = Fixtures.dayEnd
        let decks = Self.distinctDecks(seed: seed)
        #expect(!DeckLinter.lint(decks).contains { DeckLinter.duplicateCodes.contains($0.code) })
        var rng = SeededGenerator(seed: seed &+ 100)
        let keys = decks.flatMap { $0.cards.flatMap { $0.faces.map(\.key) } }
        let progress = HomeCountsTests.progress(keys: keys, now: now, dayEnd: dayEnd, rng: &rng)
        var progressMade = progress
        progressMade.newStudiedToday = Int(seed % 3)
        progressMade.reviewsDoneToday = Int(seed % 4)
        let walked = StudyCatalog(decks: decks, progress: progressMade)
        var told = walked
        told.keysAreDistinct = true
        for filter in [StudyFilter.all, StudyFilter(level: 1), StudyFilter(tag: "a"),
                       StudyFilter(deckFiles: ["decks/b.deck", "decks/d.deck"])]
        {
            for limits in [StudyLimits(), StudyLimits(newPerDay: 3, reviewsPerDay: 2), StudyLimits(newPerDay: 0, reviewsPerDay: 999)] {
                #expect(
                    QueueBuilder.build(catalog: told, filter: filter, limits: limits, now: now, dayEnd: dayEnd)
                        == QueueBuilder.build(catalog: walked, filter: filter, limits: limits, now: now, dayEnd: dayEnd),
                    "seed \(seed), filter \(filter)")
            }
            #expect(
                told.countHome(filter: filter, now: now, dayEnd: dayEnd)
                    == walked.countHome(filter: filter, now: now, dayEnd: dayEnd), "seed \(seed), filter \(filter)")
            #expect(told.items(matching: filter, now: now) == walked.items(matching: filter, now: now))
        }
    }

    /// Decks read again (after an edit) may repeat an id: the catalog
    /// forgets what it was told about the decks it had.
    @Test func newDecksAreNotTakenAsDistinct() {
        var catalog = StudyCatalog(decks: Self.distinctDecks(seed: 1))
        catalog.keysAreDistinct = true
        var rng = SeededGenerator(seed: 77)
        let twice = Fixtures.deck(HomeCountsTests.deckText(count: 5, rng: &rng), file: "decks/x.deck")
        catalog.decks = [twice, twice]
        #expect(!catalog.keysAreDistinct)
        let counts = catalog.countHome(filter: .all, now: Fixtures.now, dayEnd: Fixtures.dayEnd)
        #expect(counts.all.new == Set(twice.cards.filter(\.isAnswerable).flatMap { $0.faces.map(\.key) }).count)
    }
}
