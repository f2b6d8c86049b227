import DeckFormat
import FSRS
import Foundation
import Testing
@testable import Study

/// The catalog's walk over every face (`StudyCatalog.forEachFace`) looks
/// the faces' schedules up a run at a time; what it gives is what looking
/// each face up by its key gives: every face of every answerable card, in
/// deck and file order, once per key, with its schedule or a new one.
@Suite struct FaceWalkTests {
    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func eachFaceGetsTheScheduleOfItsKey(seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        // Decks longer than a run of look-ups, every third card a term (two
        // faces); with odd seeds the decks share some cards (ids repeated).
        let decks = ["decks/a.deck", "decks/b.deck", "decks/c.deck"].enumerated().map { d, file in
            let first = seed % 2 == 1 ? d * 300 : d * 1_000
            let text = (first..<first + 400 + Int(rng.next() % 200)).map { n in
                n % 3 == 0 ? "T: Термин \(n)\nD: Анықтама \(n)\n" : "Q: Сұрақ \(n)?\nA: Жауап \(n)\n"
            }
            return Fixtures.deck((["# Жасалған", "lang: kk", ""] + text).joined(separator: "\n"), file: file)
        }
        var model: [String: CardSchedule] = [:]
        for deck in decks {
            for card in deck.cards {
                for face in card.faces where rng.next() % 4 != 0 {
                    model[face.key] = CardSchedule(
                        state: .review, step: nil, memory: MemoryState(stability: Double(model.count), difficulty: 5),
                        due: Fixtures.now.addingTimeInterval(Double(model.count) * 60),
                        lastReview: Fixtures.now.addingTimeInterval(-86_400), reps: model.count % 9)
                }
            }
        }
        var catalog = StudyCatalog(decks: decks, progress: ProgressSnapshot(schedules: model))
        catalog.keysAreDistinct = seed % 2 == 0 && Set(decks.flatMap(\.cards).map(\.id)).count
            == decks.reduce(0) { $0 + $1.cards.count }
        var expected: [StudyItem] = []
        var seen = Set<String>()
        for deck in decks {
            for card in deck.cards where card.isAnswerable {
                for face in card.faces where seen.insert(face.key).inserted {
                    expected.append(
                        StudyItem(face: face, deckFile: deck.file, schedule: model[face.key] ?? .new(at: Fixtures.now)))
                }
            }
        }
        #expect(expected.count > StudyCatalog.lookUpRun * 2)
        let items = catalog.items(matching: .all, now: Fixtures.now)
        #expect(items.count == expected.count)
        #expect(items == expected)
        // A walk for one day's faces (today's queue leaves out the reviews
        // of later days) visits exactly those faces of the full walk, in
        // its order: with repeated ids too, as a key's faces share its
        // schedule.
        let dayEnd = Fixtures.now.addingTimeInterval(Double(model.count) * 30)
        var visited: [StudyItem] = []
        catalog.forEachFace(matching: .all, now: Fixtures.now, dueBy: dayEnd) { deck, face, _, schedule in
            visited.append(StudyItem(face: face, deckFile: deck.file, schedule: schedule))
        }
        let kept = expected.filter { StudyCatalog.bucket($0.schedule, now: Fixtures.now, dayEnd: dayEnd) != .later }
        #expect(kept.count > 100 && kept.count < expected.count - 100)
        #expect(visited == kept)
    }
}

/// The queue tells its new faces to `NewFaceOrder` by a few numbers each
/// and makes items only of those placed; its new faces are what arranging
/// the catalog's new, shown items gives, schedules included (a face with
/// progress but no review yet keeps its own schedule).
@Suite struct QueueNewFacesTests {
    @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
    func theQueuesNewFacesAreTheArrangedNewItems(seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        let now = Fixtures.now, dayEnd = Fixtures.dayEnd
        let files = ["decks/a.deck", "decks/b.deck", "decks/b.deck", "decks/c.deck"]
        let decks = files.map { file in
            Fixtures.deck(HomeCountsTests.deckText(count: Int(rng.next() % 60) + 5, rng: &rng), file: file)
        }
        let keys = decks.flatMap { $0.cards.flatMap { $0.faces.map(\.key) } }
        var progress = HomeCountsTests.progress(keys: keys, now: now, dayEnd: dayEnd, rng: &rng)
        // Faces with a state row but never reviewed: new, with a schedule
        // of their own.
        for key in keys where rng.next() % 2 == 0 && progress.schedules[key] == nil {
            progress.schedules[key] = CardSchedule(due: now.addingTimeInterval(-Double(rng.next() % 9_000)))
        }
        let catalog = StudyCatalog(decks: decks, progress: progress)
        for filter in [StudyFilter.all, StudyFilter(level: 1), StudyFilter(deckFiles: ["decks/b.deck"])] {
            for newPerDay in [0, 1, 7, 20, 10_000] {
                let limits = StudyLimits(newPerDay: newPerDay, reviewsPerDay: 0)
                let queue = QueueBuilder.build(catalog: catalog, filter: filter, limits: limits, now: now, dayEnd: dayEnd)
                let newItems = catalog.items(matching: filter, now: now) { key, schedule in
                    schedule.isNew && !progress.isHidden(key, at: now)
                }
                let expected = NewFaceOrder.arrange(newItems, orders: catalog.newCardOrders, first: newPerDay)
                #expect(queue.waiting.filter(\.schedule.isNew) == expected, "seed \(seed), \(filter), \(newPerDay)")
                #expect(newItems.contains { $0.schedule != .new(at: now) }, "the case is met")
            }
        }
    }
}
