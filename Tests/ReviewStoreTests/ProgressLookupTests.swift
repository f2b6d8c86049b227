import FSRS
import Foundation
import Testing
@testable import ReviewStore

/// `progress(for:)` reads many keys with one scan of the state table and few
/// keys with look-ups; both ways give the same answer.
@Suite struct ProgressLookupTests {
    @Test func aScanOfManyKeysEqualsTheirLookups() throws {
        let store = try ProgressStore()
        var rng = SeededGenerator(seed: 5)
        let studied = (0..<(ProgressStore.keysWorthAScan + 500)).map { "k\($0)" }
        try store.record(
            studied.enumerated().map { i, key in
                answer(key, at: t0.addingTimeInterval(Double(i)), after: scheduleAfter(nil, rating: .good, at: t0, using: &rng))
            })
        try store.suspend(key: "k8", at: t0.addingTimeInterval(1e5))
        // Keys asked for: every other studied card, and as many never seen.
        let asked = studied.enumerated().filter { $0.offset % 2 == 0 }.map(\.element)
            + (0..<(ProgressStore.keysWorthAScan)).map { "unseen\($0)" }
        #expect(asked.count > ProgressStore.keysWorthAScan)
        let scanned = try store.progress(for: asked)
        var lookedUp: [String: CardProgress] = [:]
        for chunk in stride(from: 0, to: asked.count, by: 1000) {
            let part = Array(asked[chunk..<min(chunk + 1000, asked.count)])
            lookedUp.merge(try store.progress(for: part)) { a, _ in a }
        }
        #expect(scanned == lookedUp)
        #expect(scanned.count == (studied.count + 1) / 2)
        #expect(scanned["k1"] == nil, "a key not asked for came back")
        #expect(scanned["k6"]?.schedule != nil)
        #expect(scanned["k8"]?.suspended == true)
    }

    /// `forEachProgress` hands over every state row once, equal to what
    /// `progress(for:)` reads for the same key: schedules, suspended faces
    /// never answered, buried ones, and a key that is not plain ASCII.
    @Test func theStartPassGivesEveryRowAsLookedUp() throws {
        let store = try ProgressStore()
        var rng = SeededGenerator(seed: 9)
        let studied = (0..<300).map { "k\($0)" } + ["қазақ:сұрақ/reverse"]
        try store.record(
            studied.map { key in answer(key, at: t0, after: scheduleAfter(nil, rating: .good, at: t0, using: &rng)) })
        try store.register([RegisteredCard(key: "fresh", deckFile: "d", prompt: "p", level: 1)], at: t0)
        try store.suspend(key: "fresh", at: t0)
        try store.bury(key: "k5", until: t0.addingTimeInterval(86_400), at: t0)
        var seen: [String: CardProgress] = [:]
        var rows = 0
        try store.forEachProgress { key, progress in
            seen[key] = progress
            rows += 1
        }
        #expect(rows == studied.count + 1)
        #expect(seen == (try store.progress(for: studied + ["fresh", "never"])))
        #expect(seen["fresh"]?.suspended == true && seen["fresh"]?.schedule == nil)
        #expect(seen["k5"]?.buriedUntil != nil)
    }

    /// The pass reads with a cache of a few pages (its pages are read once
    /// each) and gives the connection its cache back, default or widened.
    @Test func theStartPassLeavesTheCacheAsItFoundIt() throws {
        let store = try ProgressStore()
        var rng = SeededGenerator(seed: 10)
        let studied = (0..<2_000).map { "key-with-some-length-\($0)" }
        try store.record(
            studied.map { key in answer(key, at: t0, after: scheduleAfter(nil, rating: .good, at: t0, using: &rng)) })
        for (widen, expected) in [(nil, "-2000"), (4, "-4096")] as [(Int?, String)] {
            if let widen { try store.keepPagesCached(megabytes: widen) }
            var rows = 0
            try store.forEachProgressByKeyBytes { _, _ in rows += 1 }
            #expect(rows == studied.count)
            #expect(try store.pragma("cache_size") == expected)
        }
    }

    /// `keysWithProgress(among:)`, by scan and by look-ups alike, names
    /// exactly the keys asked for that have a state row (a suspended card
    /// never answered has one too).
    @Test func keysWithProgressAreTheKeysWithAStateRow() throws {
        let store = try ProgressStore()
        var rng = SeededGenerator(seed: 6)
        let studied = (0..<(ProgressStore.keysWorthAScan + 100)).map { "k\($0)" }
        try store.record(
            studied.map { key in answer(key, at: t0, after: scheduleAfter(nil, rating: .good, at: t0, using: &rng)) })
        try store.register([RegisteredCard(key: "fresh", deckFile: "d", prompt: "p", level: 1)], at: t0)
        try store.suspend(key: "fresh", at: t0)
        let few = ["k3", "k4", "fresh", "never"]
        #expect(try store.keysWithProgress(among: few) == ["k3", "k4", "fresh"])
        let many = studied.filter { $0.hasSuffix("7") } + ["fresh", "never"] + (0..<ProgressStore.keysWorthAScan).map { "x\($0)" }
        #expect(many.count > ProgressStore.keysWorthAScan)
        #expect(try store.keysWithProgress(among: many) == Set(studied.filter { $0.hasSuffix("7") } + ["fresh"]))
        // Given as a set, by scan and by look-ups alike.
        #expect(try store.keysWithProgress(among: Set(many)) == Set(studied.filter { $0.hasSuffix("7") } + ["fresh"]))
        #expect(try store.keysWithProgress(among: Set(few)) == ["k3", "k4", "fresh"])
    }

    /// A store from before the kept group totals, opened read-only (so not
    /// migrated), has no `card_group` to size the store by: a read of many
    /// keys takes the pass, as before, instead of failing.
    @Test func aStoreWithoutKeptTotalsOpenedReadOnlyIsStillRead() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("p.sqlite").path
        let studied = (0..<(ProgressStore.keysWorthAScan + 100)).map { "k\($0)" }
        var expected: [String: CardProgress] = [:]
        do {
            let store = try ProgressStore(path: path)
            var rng = SeededGenerator(seed: 8)
            try store.record(
                studied.map { key in answer(key, at: t0, after: scheduleAfter(nil, rating: .good, at: t0, using: &rng)) })
            try store.forEachProgress { key, progress in expected[key] = progress }
            try store.write { db in try KeptCountsTests.takeOutKeptCounts(db) }
        }
        let readOnly = try ProgressStore(path: path, options: StoreOptions(readOnly: true))
        #expect(try readOnly.scanPays(forKeys: studied.count))
        #expect(try readOnly.progress(for: studied + ["never"]) == expected)
        #expect(try readOnly.keysWithProgress(among: studied + ["never"]) == Set(studied))
    }
}
