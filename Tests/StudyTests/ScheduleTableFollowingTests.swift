import FSRS
import Foundation
import Testing

@testable import Study

/// A table made to follow the order of a walk (`following(_:)`) answers as
/// the table it was made from, through its image too, and keeps answering
/// as a dictionary through changes; looked up with a cursor
/// (`schedules(of:into:following:)`), any keys in any order get what a
/// look-up by hash gives: in the table's order, shuffled, repeated, absent,
/// split in two parts.
@Suite struct ScheduleTableFollowingTests {
    /// A table after `changes` random settings and removals of keys drawn
    /// `among` so many, and the dictionary it must answer as.
    static func table(_ rng: inout SeededGenerator, changes: Int = 3_000, among keys: UInt64 = 2_000)
        -> (ScheduleTable, [String: CardSchedule])
    {
        var table = ScheduleTable()
        var model: [String: CardSchedule] = [:]
        for _ in 0..<changes {
            let key = ScheduleTableTests.key(&rng, among: keys)
            if rng.next() % 4 == 0 {
                table[key] = nil
                model[key] = nil
            } else {
                let schedule = ScheduleTableTests.schedule(Int(rng.next() % 1000))
                table[key] = schedule
                model[key] = schedule
            }
        }
        return (table, model)
    }

    /// The walk's keys: most of the model's, some twice, and keys it lacks.
    static func walk(_ model: [String: CardSchedule], _ rng: inout SeededGenerator) -> [String] {
        var keys = model.keys.sorted().filter { _ in rng.next() % 6 != 0 }
        keys += (0..<300).map { "new-face-\($0)" + (rng.next() % 4 == 0 ? String(repeating: "-x", count: 20) : "") }
        keys += keys.prefix(40)
        keys.shuffle(using: &rng)
        return keys
    }

    static func batch(_ keys: [String]) -> ScheduleTable.KeyBatch {
        ScheduleTableTests.batch(keys.enumerated().map { n, key in
            let cut = key.isEmpty ? 0 : n % (key.count + 1)
            return (String(key.prefix(cut)), String(key.dropFirst(cut)))
        })
    }

    /// Looked up with a cursor from 0, in batches of `size`: each key's
    /// schedule as the model has it.
    static func expectCursorAnswers(_ table: ScheduleTable, _ keys: [String], _ model: [String: CardSchedule], size: Int) {
        var cursor = 0
        var found: [CardSchedule?] = []
        var start = 0
        while start < keys.count {
            let end = min(keys.count, start + size)
            table.schedules(of: batch(Array(keys[start..<end])), into: &found, following: &cursor)
            start = end
        }
        #expect(found.count == keys.count)
        var wrong = 0
        for (key, schedule) in zip(keys, found) where schedule != model[key] { wrong += 1 }
        #expect(wrong == 0)
    }

    @Test(arguments: [UInt64(1), 2, 3, 4])
    func aFollowingTableAnswersAsItsTable(seed: UInt64) throws {
        var rng = SeededGenerator(seed: seed)
        var (table, model) = Self.table(&rng)
        let walk = Self.walk(model, &rng)
        var following = table.following(Self.batch(walk))
        ScheduleTableTests.expectSame(following, model)
        // Through its image, the places of new faces with it.
        let parts = try #require(ScheduleTableImageTests.image(of: following))
        var read = try #require(ScheduleTableImageTests.read(parts))
        ScheduleTableTests.expectSame(read, model)
        // The walk in its order, in other orders, and in batches of any size.
        for tableInWalk in [following, read, table] {
            Self.expectCursorAnswers(tableInWalk, walk, model, size: 256)
            Self.expectCursorAnswers(tableInWalk, walk.reversed(), model, size: 7)
            Self.expectCursorAnswers(tableInWalk, walk.shuffled(using: &rng), model, size: 1)
        }
        // Changes after: a new face answered, an answered one removed.
        for changed in [0, 1] {
            var model = model
            let newFace = "new-face-\(seed)"
            let removed = try #require(model.keys.sorted().first)
            var t = changed == 0 ? following : read
            t[newFace] = ScheduleTableTests.schedule(5)
            model[newFace] = ScheduleTableTests.schedule(5)
            t[removed] = nil
            model[removed] = nil
            ScheduleTableTests.expectSame(t, model)
            Self.expectCursorAnswers(t, walk + [newFace, removed], model, size: 64)
        }
        // Growing after places without a schedule keeps every answer.
        for n in 0..<5_000 {
            following["grown-\(n)"] = ScheduleTableTests.schedule(n)
            read["grown-\(n)"] = ScheduleTableTests.schedule(n)
            model["grown-\(n)"] = ScheduleTableTests.schedule(n)
        }
        ScheduleTableTests.expectSame(following, model)
        ScheduleTableTests.expectSame(read, model)
        table["grown-0"] = model["grown-0"]
    }
}
