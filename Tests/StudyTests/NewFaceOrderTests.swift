import DeckFormat
import Foundation
import Testing

@testable import Study

/// The order new faces are introduced in (`NewFaceOrder`): levels in exam
/// order, decks and kinds in turn, a term's reverse face soon after its
/// forward face, and `order: file` for an instructor's own sequence.
@Suite struct NewFaceOrderTests {
    /// Every face of `decks`, as the catalog gives new faces (deck and file order).
    func newFaces(_ decks: [Deck]) -> [StudyItem] {
        StudyCatalog(decks: decks).items(matching: .all, now: Fixtures.now)
    }

    /// A face's name in the tests: its prompt, with `~` for a reverse face.
    func name(_ item: StudyItem) -> String {
        (item.face.direction == .reverse ? "~" : "") + item.card.prompt
    }

    func arranged(_ decks: [Deck], gap: Int = NewFaceOrder.siblingGap) -> [String] {
        let catalog = StudyCatalog(decks: decks)
        return NewFaceOrder.arrange(newFaces(decks), orders: catalog.newCardOrders, siblingGap: gap).map(name)
    }

    func questions(_ names: [String], level: Int) -> String {
        names.map { "Q: \($0)\nA: а\nlevel: \(level)\n" }.joined(separator: "\n")
    }

    @Test func levelOneComesBeforeTwoBeforeThreeAcrossDecks() {
        // File order puts level 3 and 2 first; deck B has only level 1.
        let a = Fixtures.deck(
            questions(["A3"], level: 3) + "\n" + questions(["A2"], level: 2) + "\n" + questions(["A1"], level: 1),
            file: "a.deck")
        let b = Fixtures.deck(questions(["B1a", "B1b", "B1c"], level: 1), file: "b.deck")
        let order = arranged([a, b])
        #expect(order == ["A1", "B1a", "B1b", "B1c", "A2", "A3"])
    }

    @Test func decksTakeTurnsWithinALevel() {
        let a = Fixtures.deck(questions(["A1", "A2", "A3"], level: 1), file: "a.deck")
        let b = Fixtures.deck(questions(["B1", "B2"], level: 1), file: "b.deck")
        #expect(arranged([a, b]) == ["A1", "B1", "A2", "B2", "A3"])
    }

    @Test func kindsTakeTurnsWithinADeck() {
        let deck = Fixtures.deck(
            """
            Q: Q1
            A: а

            Q: Q2
            A: а

            Q: Q3
            A: а

            Q: C1
            * иә
            - жоқ

            Q: C2
            * иә
            - жоқ

            C: {Z1} бір
            """)
        #expect(arranged([deck]) == ["Q1", "C1", "[…] бір", "Q2", "C2", "Q3"])
    }

    @Test func aReverseFaceComesSiblingGapFacesAfterItsForwardFaceNotAfterAllOfThem() {
        let terms = (1...30).map { "T: Термин\($0)\nD: Анықтама \($0)\n" }.joined(separator: "\n")
        let deck = Fixtures.deck(terms)
        let order = arranged([deck])
        #expect(order.count == 60)
        // Where faces are left to put between (the first 20 terms here); the
        // last reverse faces have only each other left and follow in order.
        for n in 1...20 {
            let forward = order.firstIndex(of: "Термин\(n)")
            let reverse = order.firstIndex(of: "~Термин\(n)")
            guard let forward, let reverse else {
                Issue.record("term \(n) lost: \(order)")
                continue
            }
            // Never straight after its own forward face...
            #expect(reverse - forward - 1 >= NewFaceOrder.siblingGap)
        }
        let lastForward = order.firstIndex(of: "Термин30")!
        #expect(order[(lastForward + 1)...].allSatisfy { $0.hasPrefix("~") })
        // ...but not held back until the last forward face either: the first
        // term's reverse face is the twelfth face (ten others between).
        #expect(order[11] == "~Термин1")
        #expect(order.firstIndex(of: "~Термин1")! < order.firstIndex(of: "Термин30")!)
    }

    @Test func aReverseFaceWhoseForwardFaceIsNotNewTakesItsTurn() {
        let deck = Fixtures.deck("T: Режим\nD: Нормалар.\n\nQ: Сұрақ\nA: жауап\n")
        let items = newFaces([deck]).filter { !($0.face.direction == .forward && $0.card.kind == .term) }
        let order = NewFaceOrder.arrange(items, orders: [:]).map(name)
        #expect(order == ["~Режим", "Сұрақ"])
    }

    @Test func orderFileKeepsTheFilesSequenceAndStillTakesTurns() {
        let a = Fixtures.deck(
            "order: file\n\n" + questions(["A3"], level: 3) + "\n" + questions(["A1"], level: 1) + "\n"
                + questions(["A2"], level: 2),
            file: "a.deck")
        #expect(a.newCardOrder == .file)
        let b = Fixtures.deck(questions(["B2"], level: 2) + "\n" + questions(["B1"], level: 1), file: "b.deck")
        #expect(b.newCardOrder == .mixed)
        #expect(arranged([a, b]) == ["A3", "B1", "A1", "B2", "A2"])
    }

    @Test func theArrangementIsAPermutationOfTheNewFaces() {
        // A mix of decks, kinds, levels and orders: nothing lost, nothing twice.
        var decks: [Deck] = []
        for d in 0..<4 {
            var text = d == 2 ? "order: file\n\n" : ""
            for c in 0..<(7 + d * 5) {
                let level = (c * 7 + d) % 4 + 1  // 1–4, 4 being out of range
                text += c % 3 == 0 ? "T: Т\(d)_\(c)\nD: анықтама \(d) \(c)\nlevel: \(level)\n\n"
                    : "Q: С\(d)_\(c)\nA: ж\nlevel: \(level)\n\n"
            }
            decks.append(Fixtures.deck(text, file: "d\(d).deck"))
        }
        let items = newFaces(decks)
        let order = NewFaceOrder.arrange(items, orders: StudyCatalog(decks: decks).newCardOrders)
        #expect(order.count == items.count)
        #expect(Set(order.map(\.key)) == Set(items.map(\.key)))
        #expect(Set(order.map(\.key)).count == order.count)
    }

    @Test func theFirstFacesAreTheFirstOfTheWholeOrder() {
        // Issue 20: the queue asks for the first `newRoom` faces only; with
        // every limit, and a small gap so held reverse faces are released
        // both inside the turns and after them, they are the whole order's.
        var decks: [Deck] = []
        for d in 0..<3 {
            var text = d == 1 ? "order: file\n\n" : ""
            for c in 0..<(6 + d * 4) {
                let level = (c * 5 + d) % 4 + 1
                text += c % 2 == 0 ? "T: Т\(d)_\(c)\nD: анықтама \(d) \(c)\nlevel: \(level)\n\n"
                    : "Q: С\(d)_\(c)\nA: ж\nlevel: \(level)\n\n"
            }
            decks.append(Fixtures.deck(text, file: "d\(d).deck"))
        }
        let items = newFaces(decks)
        let orders = StudyCatalog(decks: decks).newCardOrders
        for gap in [0, 2, NewFaceOrder.siblingGap] {
            let whole = NewFaceOrder.arrange(items, orders: orders, siblingGap: gap).map(\.key)
            #expect(whole.count == items.count)
            for limit in 0...(items.count + 2) {
                let first = NewFaceOrder.arrange(items, orders: orders, siblingGap: gap, first: limit).map(\.key)
                #expect(first == Array(whole.prefix(limit)), "gap \(gap), limit \(limit)")
            }
        }
    }

    @Test func theQueueTakesTodaysNewFacesInThisOrder() {
        let a = Fixtures.deck(questions(["A2a", "A2b"], level: 2) + "\n" + questions(["A1"], level: 1), file: "a.deck")
        let b = Fixtures.deck(questions(["B1"], level: 1), file: "b.deck")
        let queue = QueueBuilder.build(
            catalog: StudyCatalog(decks: [a, b]), filter: .all, limits: StudyLimits(newPerDay: 3), now: Fixtures.now,
            dayEnd: Fixtures.dayEnd)
        #expect(queue.waiting.map(name) == ["A1", "B1", "A2a"])
    }
}
