import FSRS
import Foundation
import Testing

@testable import ReviewStore

/// `progressChanges(since:limit:)` gives what a caller holding the state at
/// a position needs to hold the state now: the cards with entries since
/// then (their rows now, or none) and every hidden card; and it refuses a
/// position that is not this log's.
@Suite struct ProgressChangesTests {
    /// Random answers, undos, suspensions and burials over `keys`.
    func change(_ store: ProgressStore, _ keys: [String], steps: Int, time: inout Date, rng: inout SeededGenerator)
        throws
    {
        for _ in 0..<steps {
            time = time.addingTimeInterval(Double.random(in: 1...7200, using: &rng))
            let key = keys.randomElement(using: &rng) ?? keys[0]
            switch Int.random(in: 0..<100, using: &rng) {
            case 0..<60:
                let before = try store.schedules(for: [key])[key]
                let rating = Rating.allCases.randomElement(using: &rng) ?? .good
                try store.record(
                    answer(key, rating: rating, at: time, before: before,
                           after: scheduleAfter(before, rating: rating, at: time, using: &rng)))
            case 60..<80:
                _ = try store.undoLast(at: time)
            case 80..<87: _ = try store.suspend(key: key, at: time)
            case 87..<92: _ = try store.unsuspend(key: key, at: time)
            default:
                _ = try store.bury(key: key, until: Bool.random(using: &rng) ? time.addingTimeInterval(86_400) : nil, at: time)
            }
        }
    }

    /// Every state row and the position of that read.
    func everyRow(_ store: ProgressStore) throws -> ([String: CardProgress], ProgressStore.LogPosition?) {
        var rows: [String: CardProgress] = [:]
        let position = try store.forEachProgressByKeyBytes { key, p in rows[String(decoding: key, as: UTF8.self)] = p }
        return (rows, position)
    }

    func store(keys: [String]) throws -> ProgressStore {
        let store = try ProgressStore()
        try store.register(keys.map { RegisteredCard(key: $0, deckFile: "decks/ir.deck", prompt: "p \($0)") }, at: t0)
        return store
    }

    /// A store of ten registered cards after 30 random changes, with what
    /// makes more.
    func changedStore(seed: UInt64) throws -> (ProgressStore, [String], Date, SeededGenerator) {
        var rng = SeededGenerator(seed: seed)
        let keys = (0..<10).map { "card-\($0)" }
        let store = try store(keys: keys)
        var time = t0
        try change(store, keys, steps: 30, time: &time, rng: &rng)
        return (store, keys, time, rng)
    }

    @Test(arguments: [UInt64(1), 2, 3, 4, 5])
    func theRowsThenAndTheChangesMakeTheRowsNow(seed: UInt64) throws {
        var rng = SeededGenerator(seed: seed)
        let keys = (0..<40).map { "card-\($0)" }
        let store = try store(keys: keys)
        var time = t0
        // From an empty log too (seed 1), whose position is id 0.
        try change(store, keys, steps: seed == 1 ? 0 : 150, time: &time, rng: &rng)
        for _ in 0..<4 {
            let (then, position) = try everyRow(store)
            let at = try #require(position)
            try change(store, keys, steps: Int.random(in: 0...60, using: &rng), time: &time, rng: &rng)
            let (now, positionNow) = try everyRow(store)
            let changes = try #require(try store.progressChanges(since: at, limit: keys.count))
            #expect(changes.position == positionNow)
            var made = then
            for (key, progress) in changes.changed { made[key] = progress }
            #expect(made == now)
            let hidden = now.filter { $0.value.suspended || $0.value.buriedUntil != nil }
            #expect(Dictionary(uniqueKeysWithValues: changes.hidden.map { ($0.key, $0.progress) }) == hidden)
            // Only cards with entries since are read.
            #expect(Set(changes.changed.map(\.key)).isSubset(of: keys))
            #expect(changes.changed.count <= Set(try store.log(limit: 100_000).filter { $0.id > at.id }.map(\.key)).count)
        }
    }

    @Test func aPositionNotOfThisLogIsRefused() throws {
        var (store, keys, time, rng) = try changedStore(seed: 9)
        let position = try #require(try everyRow(store).1)
        #expect(try store.progressChanges(since: position, limit: 0) != nil)
        var other = position
        other.at += 1
        #expect(try store.progressChanges(since: other, limit: 100) == nil)
        other = position
        other.card += 1
        #expect(try store.progressChanges(since: other, limit: 100) == nil)
        other = position
        other.id += 1
        #expect(try store.progressChanges(since: other, limit: 100) == nil)
        // An empty log's position, given to a log with entries, still
        // recognises it; one claiming an entry the log lacks does not.
        #expect(try store.progressChanges(since: .init(id: 0, at: 0, card: 0, rebuilds: 0), limit: 100) != nil)
        #expect(try store.progressChanges(since: .init(id: 0, at: 5, card: 0, rebuilds: 0), limit: 100) == nil)
        // More cards changed than the caller reads.
        try change(store, keys, steps: 40, time: &time, rng: &rng)
        let changed = try #require(try store.progressChanges(since: position, limit: 100)).changed.count
        #expect(changed > 1)
        #expect(try store.progressChanges(since: position, limit: changed - 1) == nil)
        #expect(try store.progressChanges(since: position, limit: changed) != nil)
    }

    /// A rebuild changes the state without an entry: a position from before
    /// it is refused, one from after it is not.
    @Test func aRebuildEndsEveryPositionBeforeIt() throws {
        let (store, _, _, _) = try changedStore(seed: 10)
        let before = try #require(try everyRow(store).1)
        try store.executeRaw("UPDATE card_state SET reps = reps + 1")
        try store.rebuildState()
        #expect(try store.progressChanges(since: before, limit: 100) == nil)
        let after = try #require(try everyRow(store).1)
        #expect(after.rebuilds == before.rebuilds + 1)
        #expect(try store.progressChanges(since: after, limit: 100)?.changed.isEmpty == true)
        try store.rebuildState()
        #expect(try store.progressChanges(since: after, limit: 100) == nil)
    }
}
