import FSRS
import Foundation

/// The schedules of a progress snapshot by face key: a table asked once for
/// every face at each start (the queue's walk, the home counts) and filled
/// from every state row of the store.
///
/// A `[String: CardSchedule]` did the same, but every key of more than 15
/// bytes (every generated or namespaced key) was a string of its own on the
/// heap: at 100,000 cards filling it made 96,000 of them, and each look-up
/// read the bucket, the key's string, its heap bytes and the value, four
/// places far apart in memory (with the filling, about two fifths of a
/// start). Here the keys' bytes lie one after another in one buffer and a
/// slot holds part of its key's hash beside the entry's number, so a
/// look-up reads the slot, then compares bytes only when the hash matches.
///
/// Keys are hashed with the standard library's `Hasher`, seeded anew in
/// every process as `Dictionary` is, so no deck can make its keys collide
/// on purpose. Entries keep the order their keys were first stored in; a
/// removed entry keeps its key (and its place) until the table next grows.
public struct ScheduleTable: Sendable, Hashable, Sequence, ExpressibleByDictionaryLiteral {
    /// Every entry's key in UTF-8, one after another, in entry order.
    private var keyBytes: [UInt8] = []
    /// Where each entry's key ends in `keyBytes` (it starts where the
    /// previous entry's ends).
    private var keyEnds: [Int] = []
    /// Each entry's schedule; nil once its key was removed.
    private var values: [CardSchedule?] = []
    /// Open addressing with linear probing, a power of two long and at most
    /// half full: 0 is an empty slot, else the high 32 bits of the key's
    /// hash and, below them, the entry's number plus one.
    private var slots: [UInt64] = []
    /// How many keys have a schedule.
    public private(set) var count = 0

    public init() {}

    /// The table of `dictionary`'s schedules.
    public init(_ dictionary: [String: CardSchedule]) {
        reserveCapacity(dictionary.count)
        for (key, schedule) in dictionary { self[key] = schedule }
    }

    public init(dictionaryLiteral elements: (String, CardSchedule)...) {
        reserveCapacity(elements.count)
        for (key, schedule) in elements { self[key] = schedule }
    }

    /// Whether no key has a schedule.
    public var isEmpty: Bool { count == 0 }

    /// The keys that have a schedule, in entry order.
    public var keys: [String] { map(\.key) }

    /// Makes room for `capacity` keys, so that filling the table with
    /// them never moves its entries.
    public mutating func reserveCapacity(_ capacity: Int) {
        keyEnds.reserveCapacity(capacity)
        values.reserveCapacity(capacity)
        // Keys are about 20 bytes; pages never written are never touched.
        keyBytes.reserveCapacity(capacity * 24)
        if Self.slotCount(for: capacity) > slots.count { rebuild(slotCount: Self.slotCount(for: capacity)) }
    }

    /// The schedule of `key`; setting nil removes it.
    public subscript(key: String) -> CardSchedule? {
        get {
            var key = key
            return key.withUTF8 { self[bytes: $0] }
        }
        set {
            var key = key
            key.withUTF8 { set($0, newValue) }
        }
    }

    /// The schedule of the key whose UTF-8 bytes are `bytes`.
    public subscript(bytes bytes: UnsafeBufferPointer<UInt8>) -> CardSchedule? {
        entry(of: bytes, hash: Self.hash(bytes)).entry.flatMap { values[$0] }
    }

    /// Sets (or, with nil, removes) the schedule of the key whose UTF-8
    /// bytes are `bytes`: the store's rows are stored without making a
    /// string of each key.
    public mutating func set(_ bytes: UnsafeBufferPointer<UInt8>, _ schedule: CardSchedule?) {
        let hash = Self.hash(bytes)
        var (slot, found) = entry(of: bytes, hash: hash)
        if let found {
            if values[found] == nil, schedule != nil { count += 1 }
            if values[found] != nil, schedule == nil { count -= 1 }
            values[found] = schedule
            return
        }
        guard let schedule else { return }
        if Self.slotCount(for: values.count + 1) > slots.count {
            rebuild(slotCount: Self.slotCount(for: count + 1))
            slot = entry(of: bytes, hash: hash).slot
        }
        keyBytes.append(contentsOf: bytes)
        keyEnds.append(keyBytes.count)
        values.append(schedule)
        slots[slot] = Self.tag(hash) << 32 | UInt64(values.count)
        count += 1
    }

    /// The slot where the key of `bytes` is or would go, and its entry if
    /// it has one.
    private func entry(of bytes: UnsafeBufferPointer<UInt8>, hash: Int) -> (slot: Int, entry: Int?) {
        guard !slots.isEmpty else { return (0, nil) }
        let mask = slots.count - 1
        let tag = Self.tag(hash)
        var slot = hash & mask
        return slots.withUnsafeBufferPointer { slots in
            keyBytes.withUnsafeBufferPointer { stored in
                while true {
                    let held = slots[slot]
                    if held == 0 { return (slot, nil) }
                    if held >> 32 == tag {
                        let entry = Int(truncatingIfNeeded: held & 0xffff_ffff) - 1
                        let start = entry == 0 ? 0 : keyEnds[entry - 1]
                        if keyEnds[entry] - start == bytes.count,
                            bytes.isEmpty || memcmp(stored.baseAddress! + start, bytes.baseAddress!, bytes.count) == 0
                        {
                            return (slot, entry)
                        }
                    }
                    slot = (slot + 1) & mask
                }
            }
        }
    }

    /// The table made again with `slotCount` slots and only the entries
    /// that still have a schedule.
    private mutating func rebuild(slotCount: Int) {
        var table = ScheduleTable()
        table.slots = [UInt64](repeating: 0, count: slotCount)
        table.keyEnds.reserveCapacity(Swift.max(count, keyEnds.capacity))
        table.values.reserveCapacity(Swift.max(count, values.capacity))
        table.keyBytes.reserveCapacity(Swift.max(keyBytes.count, keyBytes.capacity))
        keyBytes.withUnsafeBufferPointer { stored in
            for entry in values.indices {
                guard let schedule = values[entry] else { continue }
                let start = entry == 0 ? 0 : keyEnds[entry - 1]
                table.set(UnsafeBufferPointer(rebasing: stored[start..<keyEnds[entry]]), schedule)
            }
        }
        self = table
    }

    /// The slots for `count` keys: a power of two at least twice as many.
    private static func slotCount(for count: Int) -> Int {
        var slots = 16
        while slots < 2 * count { slots *= 2 }
        return slots
    }

    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var hasher = Hasher()
        hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
        return hasher.finalize()
    }

    /// The part of a hash a slot keeps.
    private static func tag(_ hash: Int) -> UInt64 { UInt64(UInt32(truncatingIfNeeded: hash >> 32)) }

    /// Each key with its schedule, in entry order.
    public func makeIterator() -> AnyIterator<(key: String, value: CardSchedule)> {
        var entry = 0
        return AnyIterator {
            while entry < values.count {
                defer { entry += 1 }
                guard let schedule = values[entry] else { continue }
                let start = entry == 0 ? 0 : keyEnds[entry - 1]
                return (String(decoding: keyBytes[start..<keyEnds[entry]], as: UTF8.self), schedule)
            }
            return nil
        }
    }

    /// Equal when the same keys have the same schedules, in any order.
    public static func == (a: ScheduleTable, b: ScheduleTable) -> Bool {
        a.count == b.count && a.allSatisfy { b[$0.key] == $0.value }
    }

    public func hash(into hasher: inout Hasher) {
        // A sum of each entry's own hash, so that the order does not count.
        var sum = 0
        for (key, schedule) in self {
            var entry = Hasher()
            entry.combine(key)
            entry.combine(schedule)
            sum &+= entry.finalize()
        }
        hasher.combine(count)
        hasher.combine(sum)
    }
}
