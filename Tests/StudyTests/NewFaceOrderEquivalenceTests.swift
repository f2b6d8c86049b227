import DeckFormat
import FSRS
import Foundation
import Testing

@testable import Study

/// `NewFaceOrder.arrange` places indices instead of copying items
/// (issue 20): against the arrangement it replaced, kept here word for
/// word, on generated decks (every kind, levels 1–4 and none, `order:
/// file` decks, cards repeated within and across decks, two decks of one
/// file) and every limit.
@Suite struct NewFaceOrderEquivalenceTests {
    /// The arrangement as `NewFaceOrder.arrange` made it before.
    static func previousArrange(
        _ items: [StudyItem], orders: [String: NewCardOrder], siblingGap: Int, first limit: Int
    ) -> [StudyItem] {
        let forwardIDs = Set(items.lazy.filter { $0.face.direction == .forward && $0.card.kind == .term }.map(\.card.id))
        var held: [CardID: StudyItem] = [:]
        var laneItems: [[StudyItem]] = []
        var laneFiles: [String] = []
        var laneOf: [String: Int] = [:]
        var current = -1
        for item in items {
            if item.face.direction == .reverse, forwardIDs.contains(item.card.id) {
                held[item.card.id] = item
                continue
            }
            if current < 0 || laneFiles[current] != item.deckFile {
                if let lane = laneOf[item.deckFile] {
                    current = lane
                } else {
                    current = laneItems.count
                    laneOf[item.deckFile] = current
                    laneFiles.append(item.deckFile)
                    laneItems.append([])
                }
            }
            laneItems[current].append(item)
        }
        var lanes = laneItems.indices.map { i in
            PreviousLane(items: laneItems[i], order: orders[laneFiles[i]] ?? .mixed)
        }
        var result: [StudyItem] = []
        var pending: [(releaseAt: Int, item: StudyItem)] = []
        var nextPending = 0
        func emit(_ item: StudyItem) {
            while nextPending < pending.count, pending[nextPending].releaseAt <= result.count {
                result.append(pending[nextPending].item)
                nextPending += 1
            }
            result.append(item)
            if item.face.direction == .forward, item.card.kind == .term, let reverse = held[item.card.id] {
                pending.append((result.count + siblingGap, reverse))
            }
        }
        while result.count < limit {
            let levels = lanes.compactMap { $0.order == .mixed ? $0.headRank : nil }
            let fileLanesLeft = lanes.contains { $0.order == .file && $0.headRank != nil }
            guard let level = levels.min() ?? (fileLanesLeft ? 0 : nil) else { break }
            for i in lanes.indices {
                guard let rank = lanes[i].headRank else { continue }
                if lanes[i].order == .file || rank == level { emit(lanes[i].take()) }
            }
        }
        for p in pending[nextPending...] where result.count < limit { result.append(p.item) }
        return result.count > limit ? Array(result.prefix(limit)) : result
    }

    /// The lane as it was: items copied into it.
    struct PreviousLane {
        var queue: [(rank: Int, item: StudyItem)]
        var next = 0
        var order: NewCardOrder

        init(items: [StudyItem], order: NewCardOrder) {
            self.order = order
            switch order {
            case .file:
                queue = items.map { (0, $0) }
            case .mixed:
                var byRank: [Int: [StudyItem]] = [:]
                for item in items { byRank[NewFaceOrder.rank(level: item.card.level), default: []].append(item) }
                queue = byRank.keys.sorted().flatMap { rank in
                    NewFaceOrderEquivalenceTests.previousKindsInTurn(byRank[rank] ?? []).map { (rank, $0) }
                }
            }
        }

        var headRank: Int? { next < queue.count ? queue[next].rank : nil }

        mutating func take() -> StudyItem {
            next += 1
            return queue[next - 1].item
        }
    }

    static func previousKindsInTurn(_ items: [StudyItem]) -> [StudyItem] {
        var groups: [[StudyItem]] = []
        var groupOf: [Int: Int] = [:]
        for item in items {
            let kind = NewFaceOrder.kindCode(item)
            if let g = groupOf[kind] {
                groups[g].append(item)
            } else {
                groupOf[kind] = groups.count
                groups.append([item])
            }
        }
        var result: [StudyItem] = []
        var round = 0
        while result.count < items.count {
            for group in groups where round < group.count { result.append(group[round]) }
            round += 1
        }
        return result
    }

    @Test(arguments: [21, 22, 23, 24, 25] as [UInt64])
    func theArrangementIsThePreviousOne(seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        let files = ["decks/a.deck", "decks/b.deck", "decks/b.deck", "decks/c.deck", "decks/d.deck"]
        let decks = files.map { file in
            Fixtures.deck(HomeCountsTests.deckText(count: Int(rng.next() % 40) + 1, rng: &rng), file: file)
        }
        let catalog = StudyCatalog(decks: decks)
        // Some faces answered already, so that some reverse faces are new
        // while their forward face is not.
        let items = catalog.items(matching: .all, now: Fixtures.now).filter { _ in rng.next() % 5 != 0 }
        let orders = catalog.newCardOrders
        #expect(orders.values.contains(.file) || seed != 21)
        for gap in [0, 1, 3, NewFaceOrder.siblingGap] {
            for limit in [0, 1, 2, 5, 20, items.count - 1, items.count, items.count + 5, Int.max] where limit >= 0 {
                let now = NewFaceOrder.arrange(items, orders: orders, siblingGap: gap, first: limit)
                let before = Self.previousArrange(items, orders: orders, siblingGap: gap, first: limit)
                #expect(now == before, "seed \(seed), gap \(gap), limit \(limit)")
            }
        }
    }

    /// What the order keeps of a new face is 32 bytes (48 with whole
    /// integers for its rank and kind): the queue keeps one for each new
    /// face, 24,000 at 100,000 cards.
    @Test func aNewFaceIsThirtyTwoBytes() {
        #expect(MemoryLayout<NewFaceOrder.NewFace>.stride == 32)
    }
}
