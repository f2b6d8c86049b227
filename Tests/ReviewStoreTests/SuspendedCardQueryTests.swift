import FSRS
import Foundation
import Testing

@testable import ReviewStore

/// `jatta unsuspend`'s two reads, which ask the store for the suspended
/// rows and the named card's faces instead of every card's state and
/// registry entry: each must give what the filters over every card gave.
@Suite struct SuspendedCardQueryTests {
    /// Keys that stress the two rules: faces (`id/…`), ids that begin other
    /// ids (`q` of `q-1`, `q.` and `q0`, whose bytes follow `/`), Cyrillic
    /// ids, one written decomposed (`й` as `и` + U+0306) and asked for
    /// precomposed too.
    static let cardIDs = [
        "q", "q-1", "q.2", "q0", "q_3", "Q", "term-ab12", "term-ab12x", "kz-режим", "kz-режим-2", "kz-а\u{438}\u{306}",
        "a", "ab", "a.b",
    ]

    static func store(seed: UInt64) throws -> ProgressStore {
        var rng = SeededGenerator(seed: seed)
        let store = try ProgressStore()
        var keys: [String] = []
        for id in cardIDs {
            keys.append(id)
            if Bool.random(using: &rng) { keys.append(id + "/reverse") }
            if Bool.random(using: &rng) { keys.append(id + "/gap2") }
        }
        try store.register(
            keys.map { RegisteredCard(key: $0, deckFile: "decks/d.deck", prompt: "Prompt of \($0)") }, at: t0)
        var schedules: [String: CardSchedule] = [:]
        for step in 0..<120 {
            let key = keys.randomElement(using: &rng)!
            let time = t0 + Double(step * 60)
            switch Int.random(in: 0..<5, using: &rng) {
            case 0: _ = try store.suspend(key: key, at: time)
            case 1: _ = try store.unsuspend(key: key, at: time)
            case 2: _ = try store.bury(key: key, until: time + 3600, at: time)
            default:
                let after = scheduleAfter(schedules[key], rating: .good, at: time, using: &rng)
                _ = try store.record(answer(key, deck: "decks/d.deck", at: time, before: schedules[key], after: after))
                schedules[key] = after
            }
        }
        return store
    }

    @Test(arguments: [1, 2, 3, 4, 5] as [UInt64])
    func theSuspendedKeysAreThoseOfEveryStateSuspended(seed: UInt64) throws {
        let store = try Self.store(seed: seed)
        let expected = try store.currentProgress().filter(\.value.suspended).keys.sorted()
        #expect(!expected.isEmpty)
        // Buried rows share the index with the suspended ones.
        #expect(try store.currentProgress().contains { !$0.value.suspended && $0.value.buriedUntil != nil })
        #expect(try store.suspendedKeys().sorted() == expected)
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func aCardsFacesAreTheKeysItNamesAsBefore(seed: UInt64) throws {
        let store = try Self.store(seed: seed)
        let every = try store.registeredCards().keys
        var probes = Set(every)
        for id in Self.cardIDs {
            probes.formUnion([id, id + "/", String(id.dropLast()), id + "-", id.uppercased()])
            probes.insert(id.decomposedStringWithCanonicalMapping)
            probes.insert(id.precomposedStringWithCanonicalMapping)
        }
        probes.formUnion(["", "/", "z", "kz-", "kz-р", "term-ab"])
        for id in probes {
            let expected = every.filter { $0 == id || $0.hasPrefix(id + "/") }.sorted()
            #expect(try store.registeredFaceKeys(of: id).sorted() == expected, "id \(id.debugDescription)")
        }
    }
}
