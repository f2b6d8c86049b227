import Foundation
import ReviewStore
import Testing

@testable import jatta

/// `jatta unsuspend` on a real (in-memory) progress store.
@Suite struct UnsuspendTests {
    let now = Date(timeIntervalSince1970: 1_795_000_000)
    let store: ProgressStore

    init() throws {
        store = try ProgressStore()
        try store.register(
            [
                RegisteredCard(key: "kz-режим", deckFile: "decks/d4.deck", prompt: "Режим"),
                RegisteredCard(key: "kz-режим/reverse", deckFile: "decks/d4.deck", prompt: "Нормалар жиынтығы"),
                RegisteredCard(key: "q-астана", deckFile: "decks/d1.deck", prompt: "Астанасы?"),
            ], at: now)
        try store.suspend(key: "kz-режим", at: now)
        try store.suspend(key: "kz-режим/reverse", at: now)
        try store.suspend(key: "q-астана", at: now)
    }

    func suspended() throws -> [String] { try store.currentProgress().filter(\.value.suspended).keys.sorted() }

    @Test func withoutIdsItListsTheSuspendedCardsAndChangesNothing() throws {
        let outcome = try Unsuspension.run(store: store, ids: [], all: false, now: now, language: .en)
        #expect(
            outcome.output == """
                Suspended cards:
                  kz-режим  decks/d4.deck  “Режим”
                  kz-режим/reverse  decks/d4.deck  “Нормалар жиынтығы”
                  q-астана  decks/d1.deck  “Астанасы?”
                Bring one back: jatta unsuspend ID · all of them: jatta unsuspend --all

                """)
        #expect(try suspended().count == 3)
        let kazakh = try Unsuspension.run(store: store, ids: [], all: false, now: now, language: .kk)
        #expect(kazakh.output.hasPrefix("Кідіртілген карталар:\n"))
    }

    /// A card id brings back both faces; each unsuspension is logged, so the
    /// state still equals what the log rebuilds.
    @Test func aCardIdBringsBackItsFacesAndIsLogged() throws {
        let outcome = try Unsuspension.run(store: store, ids: ["kz-режим"], all: false, now: now + 60, language: .en)
        #expect(outcome.status == 0)
        #expect(outcome.output == "Unsuspended: kz-режим\nUnsuspended: kz-режим/reverse\n")
        #expect(try suspended() == ["q-астана"])
        let log = try store.log(limit: 2)
        #expect(log.map(\.kind) == [.unsuspend, .unsuspend])
        #expect(try store.rebuiltProgress() == store.currentProgress())
        #expect(try store.verify().isEmpty)
    }

    @Test func allBringsBackEveryCard() throws {
        let outcome = try Unsuspension.run(store: store, ids: [], all: true, now: now + 60, language: .kk)
        #expect(outcome.output.split(separator: "\n").count == 3)
        #expect(outcome.output.hasPrefix("Қайтарылды: "))
        #expect(try suspended().isEmpty)
        #expect(try Unsuspension.run(store: store, ids: [], all: false, now: now, language: .kk).output == "Кідіртілген карта жоқ.\n")
    }

    @Test func anUnknownIdFailsButTheOthersAreBroughtBack() throws {
        let outcome = try Unsuspension.run(store: store, ids: ["жоқ-карта", "q-астана"], all: false, now: now + 60, language: .en)
        #expect(outcome.status == 1)
        #expect(outcome.problems == "jatta: no card 'жоқ-карта' in the progress database\n")
        #expect(outcome.output == "Unsuspended: q-астана\n")
        let again = try Unsuspension.run(store: store, ids: ["q-астана"], all: false, now: now + 120, language: .en)
        #expect(again.output == "q-астана is not suspended\n")
        #expect(again.status == 0)
    }
}
