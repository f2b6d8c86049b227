import DeckFormat
import FSRS
import Foundation
import Testing

@testable import Study

/// The queue keeps only the new faces that can be placed within the new
/// limit (`NewFaceOrder.Shortlist`): the order of the faces kept must be
/// the first `limit` of the order of them all, on decks with terms and
/// their reverse faces (the same term in several decks), `order: file`
/// decks, levels outside 1–3 and groups far longer than the limit.
@Suite struct NewFaceShortlistTests {
    /// One to five decks (two of one file), some of only terms, so that a
    /// lane's first faces are often reverse faces when one is misplaced.
    static func decks(seed: UInt64, rng: inout SeededGenerator) -> [Deck] {
        let files = ["decks/a.deck", "decks/b.deck", "decks/b.deck", "decks/c.deck", "decks/d.deck"]
        return files.prefix(Int(seed % 5) + 1).map { file in
            let text =
                rng.next() % 2 == 0
                ? HomeCountsTests.deckText(count: Int(rng.next() % 150) + 40, rng: &rng)
                : termsText(count: Int(rng.next() % 60) + 20, rng: &rng)
            return Fixtures.deck(text, file: file)
        }
    }

    /// A deck of terms only (the same terms in other decks), at levels 1,
    /// 2 and 5, some of it `order: file`.
    static func termsText(count: Int, rng: inout SeededGenerator) -> String {
        var lines = ["# Терминдер", "lang: kk", ""]
        if rng.next() % 3 == 0 { lines.insert("order: file", at: 2) }
        for _ in 0..<count {
            let n = Int(rng.next() % 90)
            lines += ["T: Термин \(n)", "D: Анықтама \(n)", ["level: 1", "level: 2", "level: 5"][Int(rng.next() % 3)], ""]
        }
        return lines.joined(separator: "\n")
    }

    @Test(arguments: Array(31...50) as [UInt64])
    func theShortlistGivesTheFirstFacesOfTheWholeOrder(seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        let catalog = StudyCatalog(decks: Self.decks(seed: seed, rng: &rng))
        // Some faces answered already, so that some reverse faces are new
        // while their forward face is not.
        let items = catalog.items(matching: .all, now: Fixtures.now).filter { _ in rng.next() % 5 != 0 }
        var files = NewFaceOrder.FileNumbers()
        let faces = items.map { NewFaceOrder.NewFace($0.face, file: files.number(of: $0.deckFile)) }
        let orders = catalog.newCardOrders
        for limit in [0, 1, 2, 3, 5, 8, 20, 60] {
            var shortlist = NewFaceOrder.Shortlist(first: limit)
            var keptIndices: [Int] = []
            for (index, face) in faces.enumerated() where shortlist.offer(face) { keptIndices.append(index) }
            let whole = NewFaceOrder.arrange(faces, files: files.names, orders: orders, first: limit)
            let short = NewFaceOrder.arrange(
                shortlist.faces, files: files.names, orders: orders, first: limit, forwardIDs: shortlist.forwardIDs)
            #expect(short.map { keptIndices[$0] } == whole, "seed \(seed), limit \(limit)")
        }
    }

    @Test(arguments: Array(51...60) as [UInt64])
    func theQueuesNewFacesAreTheFirstOfAllArranged(seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        let now = Fixtures.now, dayEnd = Fixtures.dayEnd
        let decks = Self.decks(seed: seed, rng: &rng)
        let keys = decks.flatMap { $0.cards.flatMap { $0.faces.map(\.key) } }
        let progress = HomeCountsTests.progress(keys: keys, now: now, dayEnd: dayEnd, rng: &rng)
        let catalog = StudyCatalog(decks: decks, progress: progress)
        for newPerDay in [1, 2, 5, 20, 40] {
            let limits = StudyLimits(newPerDay: newPerDay, reviewsPerDay: 0)
            let queue = QueueBuilder.build(catalog: catalog, filter: .all, limits: limits, now: now, dayEnd: dayEnd)
            let newItems = catalog.items(matching: .all, now: now) { key, schedule in
                schedule.isNew && !progress.isHidden(key, at: now)
            }
            let expected = NewFaceOrder.arrange(newItems, orders: catalog.newCardOrders, first: newPerDay)
            #expect(queue.waiting.filter(\.schedule.isNew) == expected, "seed \(seed), \(newPerDay)")
        }
    }
}
