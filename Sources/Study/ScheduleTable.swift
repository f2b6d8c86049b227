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
/// start). Here the keys' bytes lie one after another in one buffer, each
/// after its length and its entry's number, and a slot holds part of its
/// key's hash beside where its key lies: a look-up reads the slot, the key
/// (only when the hash matches) and the schedule, three places instead of
/// four or five.
///
/// Keys are the same when their UTF-8 bytes are, as the store compares
/// them (a `String` would also take canonically equivalent spellings for
/// one key).
///
/// Keys are hashed with the standard library's `Hasher`, seeded anew in
/// every process as `Dictionary` is, so no deck can make its keys collide
/// on purpose. Entries keep the order their keys were first stored in; a
/// removed entry keeps its key (and its place) until the table is next rebuilt.
public struct ScheduleTable: Sendable, Hashable, Sequence, ExpressibleByDictionaryLiteral {
    /// One record per entry, one after another in entry order: the key's
    /// length in bytes and the entry's number (32 bits each, little-endian),
    /// then the key in UTF-8.
    private var records: [UInt8] = []
    /// Each entry's schedule; nil once its key was removed.
    private var values: [CardSchedule?] = []
    /// Open addressing with linear probing, a power of two long and at most
    /// half full: 0 is an empty slot, else the high 24 bits of the key's
    /// hash and, below them, where its record starts plus one.
    private var slots: [UInt64] = []
    /// How many keys have a schedule.
    public private(set) var count = 0
    /// How many times the slots were made again (growth, or dropping
    /// removed entries): what keeps inserts cheap is that this stays
    /// logarithmic in the changes made, which the tests check.
    private(set) var rebuilds = 0
    /// The bits of the hash's high 24 a slot keeps: all of them, but for a
    /// test that makes every key's tag the same, so that every look-up
    /// compares keys (`init(tagBits:)`).
    private var tagMask: UInt64 = 1 << 24 - 1

    /// The bytes of a record before its key.
    private static let recordHead = 8
    /// The bits of a slot that say where its record starts.
    private static let placeBits: UInt64 = 40

    public init() {}

    /// An empty table whose slots keep only `tagBits` bits of each hash:
    /// with none, every key found in the probe is compared byte by byte.
    init(tagBits: Int) {
        tagMask = 1 << UInt64(tagBits) - 1
    }

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
        values.reserveCapacity(capacity)
        // Keys are about 20 bytes; pages never written are never touched.
        records.reserveCapacity(capacity * (Self.recordHead + 24))
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
            // Removed entries count towards the half until a rebuild drops
            // them; a rebuild that kept the size with the live keys near the
            // half would come again at the next insert, so the table grows
            // unless at most a quarter of it stays in use.
            rebuild(slotCount: (count + 1) * 4 > slots.count ? Swift.max(16, slots.count * 2) : slots.count)
            slot = entry(of: bytes, hash: hash).slot
        }
        let start = records.count
        Self.append(UInt32(bytes.count), to: &records)
        Self.append(UInt32(values.count), to: &records)
        records.append(contentsOf: bytes)
        values.append(schedule)
        slots[slot] = (Self.tag(hash) & tagMask) << Self.placeBits | UInt64(start + 1)
        count += 1
    }

    /// The slot where the key of `bytes` is or would go, and its entry if
    /// it has one.
    private func entry(of bytes: UnsafeBufferPointer<UInt8>, hash: Int) -> (slot: Int, entry: Int?) {
        guard !slots.isEmpty else { return (0, nil) }
        let mask = slots.count - 1
        let tag = Self.tag(hash) & tagMask
        var slot = hash & mask
        return slots.withUnsafeBufferPointer { slots in
            records.withUnsafeBytes { records in
                while true {
                    let held = slots[slot]
                    if held == 0 { return (slot, nil) }
                    if held >> Self.placeBits == tag {
                        let start = Int(truncatingIfNeeded: held & (1 << Self.placeBits - 1)) - 1
                        let (length, entry) = Self.head(records, at: start)
                        if length == bytes.count,
                            bytes.isEmpty
                                || memcmp(records.baseAddress! + start + Self.recordHead, bytes.baseAddress!, length) == 0
                        {
                            return (slot, entry)
                        }
                    }
                    slot = (slot + 1) & mask
                }
            }
        }
    }

    /// The key's length and the entry's number of the record at `start`.
    private static func head(_ records: UnsafeRawBufferPointer, at start: Int) -> (length: Int, entry: Int) {
        (
            Int(UInt32(littleEndian: records.loadUnaligned(fromByteOffset: start, as: UInt32.self))),
            Int(UInt32(littleEndian: records.loadUnaligned(fromByteOffset: start + 4, as: UInt32.self)))
        )
    }

    private static func append(_ value: UInt32, to records: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { records.append(contentsOf: $0) }
    }

    /// Calls `body` with every entry's key bytes and schedule (nil when
    /// removed), in entry order.
    private func forEachRecord(_ body: (UnsafeBufferPointer<UInt8>, CardSchedule?) -> Void) {
        records.withUnsafeBufferPointer { bytes in
            var start = 0
            while start < bytes.count {
                let (length, entry) = Self.head(UnsafeRawBufferPointer(bytes), at: start)
                let key = start + Self.recordHead
                body(UnsafeBufferPointer(rebasing: bytes[key..<key + length]), values[entry])
                start = key + length
            }
        }
    }

    /// The table made again with `slotCount` slots and only the entries
    /// that still have a schedule.
    private mutating func rebuild(slotCount: Int) {
        var table = ScheduleTable()
        table.tagMask = tagMask
        table.slots = [UInt64](repeating: 0, count: slotCount)
        table.values.reserveCapacity(Swift.max(count, values.capacity))
        table.records.reserveCapacity(Swift.max(records.count, records.capacity))
        forEachRecord { key, schedule in
            if let schedule { table.set(key, schedule) }
        }
        table.rebuilds = rebuilds + 1
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

    /// The part of a hash a slot keeps (its high 24 bits).
    private static func tag(_ hash: Int) -> UInt64 { UInt64(UInt(bitPattern: hash) >> (64 - 24)) }

    /// Each key with its schedule, in entry order.
    public func makeIterator() -> IndexingIterator<[(key: String, value: CardSchedule)]> {
        var entries: [(key: String, value: CardSchedule)] = []
        entries.reserveCapacity(count)
        forEachRecord { key, schedule in
            if let schedule { entries.append((String(decoding: key, as: UTF8.self), schedule)) }
        }
        return entries.makeIterator()
    }

    /// Equal when the same keys have the same schedules, in any order.
    public static func == (a: ScheduleTable, b: ScheduleTable) -> Bool {
        guard a.count == b.count else { return false }
        var same = true
        a.forEachRecord { key, schedule in
            if same, let schedule { same = b[bytes: key] == schedule }
        }
        return same
    }

    public func hash(into hasher: inout Hasher) {
        // A sum of each entry's own hash, so that the order does not count.
        var sum = 0
        forEachRecord { key, schedule in
            guard let schedule else { return }
            var entry = Hasher()
            entry.combine(bytes: UnsafeRawBufferPointer(key))
            entry.combine(schedule)
            sum &+= entry.finalize()
        }
        hasher.combine(count)
        hasher.combine(sum)
    }
}
