import FSRS
import Foundation
import Synchronization
import Testing
@testable import Study

/// The snapshot's schedule table (`ScheduleTable`) answers as a
/// `[String: CardSchedule]` given the same changes would: every look-up,
/// the keys and schedules it holds, its count, equality and hash, through
/// growth, removals and keys coming back.
@Suite struct ScheduleTableTests {
    static func schedule(_ n: Int) -> CardSchedule {
        CardSchedule(
            state: n % 2 == 0 ? .review : .learning, step: n % 3 == 0 ? nil : n % 3,
            memory: MemoryState(stability: Double(n % 97) + 0.5, difficulty: Double(n % 9) + 1),
            due: Date(timeIntervalSince1970: 1_700_000_000 + Double(n) * 60),
            lastReview: Date(timeIntervalSince1970: 1_699_000_000 + Double(n)), reps: n % 7, lapses: n % 4)
    }

    /// A key drawn from few ones (so keys come back), of every length from
    /// empty to long, some not ASCII.
    static func key(_ rng: inout SeededGenerator, among count: UInt64) -> String {
        let n = rng.next() % count
        switch n % 5 {
        case 0: return "k\(n)"
        case 1: return "decks-\(n % 7):choice-\(String(n, radix: 16))/reverse"
        case 2: return "дәріс:\(n)"
        case 3: return n % 25 == 3 ? "" : String(repeating: "ab", count: Int(n % 40)) + "\(n)"
        default: return "lecture-\(n % 10):open-000\(n)"
        }
    }

    /// Seeds 1–5 with the hash's tag in every slot, 6–8 with none (every
    /// key met in a probe compared byte by byte: keys whose tags match
    /// are otherwise too rare to be met).
    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
    func answersAsADictionaryThroughEveryChange(seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        var table = seed > 5 ? ScheduleTable(tagBits: 0) : ScheduleTable()
        var model: [String: CardSchedule] = [:]
        if seed % 2 == 0 { table.reserveCapacity(Int(rng.next() % 3000)) }
        let keys: UInt64 = seed == 1 ? 40 : 4000
        for step in 0..<20_000 {
            let key = Self.key(&rng, among: keys)
            switch rng.next() % 10 {
            case 0..<6:
                let schedule = Self.schedule(Int(rng.next() % 1000))
                table[key] = schedule
                model[key] = schedule
            case 6..<8:
                table[key] = nil
                model[key] = nil
            default:
                #expect(table[key] == model[key], "step \(step): \(key)")
            }
            #expect(table.count == model.count)
            if step % 2000 == 0 { Self.expectSame(table, model) }
        }
        Self.expectSame(table, model)
    }

    /// `updateEach` changes what its update returns and nothing else: each
    /// present schedule is offered once, with its own key (long keys
    /// spilled out of their entries too), those `mayChange` turns away are
    /// never asked about, and removed keys stay removed.
    @Test(arguments: [(1, false), (2, false), (3, true), (4, true)] as [(UInt64, Bool)])
    func updatingEachChangesWhatTheUpdateReturns(seed: UInt64, inHalves: Bool) {
        var rng = SeededGenerator(seed: seed)
        var table = ScheduleTable()
        var model: [String: CardSchedule] = [:]
        for _ in 0..<6_000 {
            let key = Self.key(&rng, among: 3000)
            if rng.next() % 5 == 0 {
                table[key] = nil
                model[key] = nil
            } else {
                let schedule = Self.schedule(Int(rng.next() % 1000))
                table[key] = schedule
                model[key] = schedule
            }
        }
        let before = model
        let asked = Mutex<[String: Int]>([:])
        // In halves on two threads, or all on this one.
        let gathered = table.updateEach(
            splitFrom: inHalves ? 0 : .max, where: { $0.state == .review }, gathering: 0
        ) { key, schedule, asks in
            asks += 1
            let text = String(decoding: key, as: UTF8.self)
            asked.withLock { $0[text, default: 0] += 1 }
            #expect(before[text] == schedule, "\(text): another key's schedule")
            // Every other review moves a day later.
            guard text.utf8.count % 2 == 0 else { return nil }
            var moved = schedule
            moved.due = schedule.due.addingTimeInterval(86_400)
            return moved
        }
        let seen = asked.withLock { $0 }
        var expected = model
        for (key, schedule) in model where schedule.state == .review {
            #expect(seen[key] == 1, "\(key) asked \(seen[key] ?? 0) times")
            if key.utf8.count % 2 == 0 { expected[key]?.due = schedule.due.addingTimeInterval(86_400) }
        }
        #expect(seen.count == model.values.filter { $0.state == .review }.count)
        // What each half gathered is its own: together, one per schedule asked.
        #expect(gathered.count == (inHalves ? 2 : 1))
        #expect(gathered.reduce(0, +) == seen.count)
        if inHalves { #expect(gathered.allSatisfy { $0 > 0 }) }
        Self.expectSame(table, expected)
    }

    static func expectSame(_ table: ScheduleTable, _ model: [String: CardSchedule]) {
        expectBatchesAnswerAsTheModel(table, model)
        #expect(table.count == model.count)
        #expect(table.isEmpty == model.isEmpty)
        #expect(Set(table.keys) == Set(model.keys))
        #expect(table.keys.count == model.count)
        for (key, schedule) in model { #expect(table[key] == schedule, "\(key)") }
        for (key, schedule) in table { #expect(model[key] == schedule, "\(key)") }
        let again = ScheduleTable(model)
        #expect(again == table)
        #expect(again.hashValue == table.hashValue)
    }

    /// Looked up together (`schedules(of:into:)`), each key given in two
    /// parts split anywhere, the model's keys and keys it lacks (some of
    /// them a held key's first part alone) get the model's schedules.
    static func expectBatchesAnswerAsTheModel(_ table: ScheduleTable, _ model: [String: CardSchedule]) {
        var asked: [String] = []
        for key in model.keys.sorted() {
            asked.append(key)
            asked.append(key + "x")
            asked.append(String(key.dropLast()))
        }
        let parts = asked.enumerated().map { n, key in
            let cut = key.isEmpty ? 0 : n % (key.count + 1)
            return (head: String(key.prefix(cut)), suffix: String(key.dropFirst(cut)))
        }
        var found: [CardSchedule?] = [Self.schedule(999)]
        table.schedules(of: Self.batch(parts), into: &found)
        #expect(found.count == asked.count + 1)
        #expect(found.first == Self.schedule(999), "what was in the list before stays")
        for (key, schedule) in zip(asked, found.dropFirst()) { #expect(schedule == model[key], "\(key)") }
    }

    /// A batch of keys, each given in its two parts.
    static func batch(_ parts: [(head: String, suffix: String)]) -> ScheduleTable.KeyBatch {
        var batch = ScheduleTable.KeyBatch()
        for part in parts { batch.append(part.head, suffix: part.suffix) }
        return batch
    }

    /// Filled in batches (`fill`), as the snapshot is from the store's
    /// rows, the table holds what setting each key in turn gives: into an
    /// empty table, one reserved for fewer keys (it grows mid-batch), and
    /// one already holding keys, some removed; keys given twice keep the
    /// later schedule.
    @Test(arguments: [1, 2, 3, 4, 5, 6] as [UInt64])
    func fillingInBatchesIsSettingEachKey(seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        var table = seed > 4 ? ScheduleTable(tagBits: 0) : ScheduleTable()
        var model: [String: CardSchedule] = [:]
        if seed % 2 == 0 {
            for _ in 0..<500 {
                let key = Self.key(&rng, among: 3000)
                let schedule = rng.next() % 3 == 0 ? nil : Self.schedule(Int(rng.next() % 1000))
                table[key] = schedule
                model[key] = schedule
            }
        }
        if seed == 3 { table.reserveCapacity(100) }
        var rows: [(String, CardSchedule)] = []
        for _ in 0..<Int(rng.next() % 3000 + 100) {
            rows.append((Self.key(&rng, among: 3000), Self.schedule(Int(rng.next() % 1000))))
        }
        table.fill { add in
            for (key, schedule) in rows {
                var key = key
                key.withUTF8 { add($0, schedule) }
            }
        }
        for (key, schedule) in rows { model[key] = schedule }
        Self.expectSame(table, model)
    }

    @Test func aKeyGivenInPartsIsTheKeyGivenWhole() {
        var table = ScheduleTable()
        table["term-0001b445cd2f/reverse"] = Self.schedule(1)
        table["term-0001b445cd2f"] = Self.schedule(2)
        let long = String(repeating: "дәріс-", count: 9) + "3:term-12"
        table[long + "/reverse"] = Self.schedule(3)
        #expect(table.count == 3)
        var found: [CardSchedule?] = []
        table.schedules(
            of: Self.batch([
                ("term-0001b445cd2f", "/reverse"), ("term-0001b445cd2f", ""), (long, "/reverse"), (long, ""),
                ("term-0001b445cd2f/", "reverse"), ("", "term-0001b445cd2f"), ("term-0001b445cd2", "/reverse"),
            ]), into: &found)
        #expect(found == [Self.schedule(1), Self.schedule(2), Self.schedule(3), nil, Self.schedule(1), Self.schedule(2), nil])
        var empty: [CardSchedule?] = []
        ScheduleTable().schedules(of: Self.batch([("a", ""), ("", "")]), into: &empty)
        #expect(empty == [nil, nil])
    }

    /// A table whose live keys sit at the growth threshold, changed by
    /// removing one key and adding another (answer a new card, undo,
    /// answer another), rebuilt its slots at every insert: each rebuild
    /// kept the size because the live keys fit, and the removed entry
    /// brought the threshold back at once.
    @Test(arguments: [8, 64, 4096]) func removalsAtTheThresholdDoNotRebuildAtEveryInsert(size: Int) {
        var table = ScheduleTable()
        for n in 0..<size { table["k\(n)"] = Self.schedule(n) }
        let before = table.rebuilds
        for n in size..<(size + 2000) {
            table["k\(n - size)"] = nil
            table["k\(n)"] = Self.schedule(n)
        }
        #expect(table.count == size)
        // A rebuild may come once the removed entries fill the room left,
        // about size / 2 inserts later: never once per insert.
        let bound = 2000 / (size / 2) + 4
        #expect(table.rebuilds - before <= bound, "\(table.rebuilds - before) rebuilds for 2000 inserts")
        for n in 0..<(size + 2000) { #expect(table["k\(n)"] == (n >= 2000 ? Self.schedule(n) : nil)) }
    }

    @Test func equalityIsOfContentsNotOrderOrHistory() {
        var a: ScheduleTable = ["x": Self.schedule(1), "y": Self.schedule(2)]
        var b = ScheduleTable()
        b["gone"] = Self.schedule(9)
        b["y"] = Self.schedule(2)
        b["x"] = Self.schedule(1)
        b["gone"] = nil
        #expect(a == b)
        #expect(a.hashValue == b.hashValue)
        a["x"] = Self.schedule(3)
        #expect(a != b)
        a["x"] = Self.schedule(1)
        a["z"] = Self.schedule(1)
        #expect(a != b)
    }

    @Test func aKeyGivenAsBytesIsTheKeyGivenAsAString() {
        var table = ScheduleTable()
        var key = "дәріс-3:term-12/reverse"
        key.withUTF8 { table.set($0, Self.schedule(5)) }
        #expect(table["дәріс-3:term-12/reverse"] == Self.schedule(5))
        #expect(table.keys == ["дәріс-3:term-12/reverse"])
        key.withUTF8 { #expect(table[bytes: $0] == Self.schedule(5)) }
        #expect(table["дәріс-3:term-12"] == nil)
    }

    /// Schedules at the edges of what a `CardSchedule` holds: nothing
    /// optional given, a step, counts and state past what the packed form
    /// narrows them to (kept whole beside the entries), and floating-point
    /// values whose `==` says nothing of their bits (NaN payloads, -0,
    /// infinities, subnormals).
    static let edgeSchedules: [CardSchedule] = {
        let doubles: [Double] = [
            0, -0.0, .nan, Double(bitPattern: 0x7FF8_0000_DEAD_BEEF), -.infinity, .infinity,
            .leastNonzeroMagnitude, -.greatestFiniteMagnitude, 1.0 / 3.0, 2655.9922791424,
        ]
        let integers = [0, 1, 254, 255, 256, -1, Int(UInt32.max), Int(UInt32.max) + 1, Int.min, Int.max]
        var schedules: [CardSchedule] = []
        for (n, value) in doubles.enumerated() {
            let other = doubles[(n + 3) % doubles.count]
            schedules.append(
                CardSchedule(
                    state: SchedulingState.allCases[n % 3], step: n % 4 == 0 ? nil : integers[n % integers.count],
                    memory: n % 5 == 0 ? nil : MemoryState(stability: value, difficulty: other),
                    due: Date(timeIntervalSinceReferenceDate: other),
                    lastReview: n % 3 == 0 ? nil : Date(timeIntervalSinceReferenceDate: value), reps: 0, lapses: 0))
        }
        for (n, value) in integers.enumerated() {
            // Each integer out of range alone, the others in range.
            schedules.append(
                CardSchedule(
                    state: .relearning, step: value, memory: MemoryState(stability: -0.0, difficulty: .nan),
                    due: Date(timeIntervalSinceReferenceDate: -0.0), lastReview: nil, reps: 2, lapses: 1))
            schedules.append(CardSchedule(state: .learning, step: 1, due: Date(timeIntervalSince1970: 0), reps: value, lapses: 3))
            schedules.append(CardSchedule(state: .review, step: nil, due: Date(timeIntervalSince1970: 0), reps: 1, lapses: value))
            schedules.append(
                CardSchedule(
                    state: .review, step: value, memory: MemoryState(stability: 1, difficulty: 2),
                    due: Date(timeIntervalSince1970: 1), reps: value, lapses: integers[(n + 1) % integers.count]))
        }
        return schedules
    }()

    /// Whether two schedules are the same to the bit (`==` takes NaN for
    /// unequal to itself and -0 for +0).
    static func sameBits(_ a: CardSchedule?, _ b: CardSchedule?) -> Bool {
        guard let a, let b else { return a == nil && b == nil }
        func bits(_ s: CardSchedule) -> [UInt64] {
            [
                UInt64(s.state.rawValue), s.step.map { UInt64(bitPattern: Int64($0)) } ?? 0xDEAD, s.step == nil ? 1 : 0,
                s.memory?.stability.bitPattern ?? 0xDEAD, s.memory?.difficulty.bitPattern ?? 0xDEAD, s.memory == nil ? 1 : 0,
                s.due.timeIntervalSinceReferenceDate.bitPattern, s.lastReview?.timeIntervalSinceReferenceDate.bitPattern ?? 0xDEAD,
                s.lastReview == nil ? 1 : 0, UInt64(bitPattern: Int64(s.reps)), UInt64(bitPattern: Int64(s.lapses)),
            ]
        }
        return bits(a) == bits(b)
    }

    /// Every schedule comes back to the bit, through each way in (a key
    /// set, batches filled) and each way out (a look-up, batched look-ups,
    /// iteration), after the table grew around it and after being
    /// overwritten by a schedule of the other form (packed or kept whole).
    @Test func schedulesComeBackToTheBit() {
        let schedules = Self.edgeSchedules
        var table = ScheduleTable()
        for (n, schedule) in schedules.enumerated() { table["edge-\(n)"] = schedule }
        table.fill { add in
            for (n, schedule) in schedules.enumerated() {
                var key = "filled-\(n)-" + String(repeating: "x", count: n)
                key.withUTF8 { add($0, schedule) }
            }
        }
        func expectAll(_ expected: (Int) -> CardSchedule, _ when: String) {
            var found: [CardSchedule?] = []
            table.schedules(of: Self.batch(schedules.indices.map { ("edge-\($0)", "") }), into: &found)
            let listed = Dictionary(uniqueKeysWithValues: table.map { ($0.key, $0.value) })
            for n in schedules.indices {
                let filled = "filled-\(n)-" + String(repeating: "x", count: n)
                #expect(Self.sameBits(table["edge-\(n)"], expected(n)), "\(when): edge-\(n)")
                #expect(Self.sameBits(found[n], expected(n)), "\(when): batched edge-\(n)")
                #expect(Self.sameBits(listed["edge-\(n)"], expected(n)), "\(when): listed edge-\(n)")
                #expect(Self.sameBits(table[filled], schedules[n]), "\(when): \(filled)")
            }
        }
        expectAll({ schedules[$0] }, "as set")
        for n in 0..<5000 { table["grow-\(n)"] = Self.schedule(n) }
        #expect(table.rebuilds > 0)
        expectAll({ schedules[$0] }, "after growing")
        let shifted = { (n: Int) in schedules[(n + 7) % schedules.count] }
        for n in schedules.indices { table["edge-\(n)"] = shifted(n) }
        expectAll(shifted, "overwritten")
        #expect(table.count == 2 * schedules.count + 5000)
    }

    /// An entry of the table is 80 bytes (it was 128 with a whole
    /// `CardSchedule?`): at 96,000 state rows the difference is 4.6 MB of
    /// a start's peak.
    @Test func anEntryIsEightyBytes() {
        #expect(ScheduleTable.entryStride == 80)
        #expect(ScheduleTable.inlineKeyBytes >= "term-0001b445cd2f/reverse".utf8.count)
    }
}
