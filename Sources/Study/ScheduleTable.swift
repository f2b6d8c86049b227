import FSRS
import Foundation

/// The schedules of a progress snapshot by face key: a table asked once for
/// every face at each start (the queue's walk, the home counts) and filled
/// from every state row of the store.
///
/// A `[String: CardSchedule]` did the same, but every key of more than 15
/// bytes (every generated or namespaced key) was a string of its own on the
/// heap, and each look-up read the bucket, the key's string, its heap bytes
/// and the value, four places far apart in memory. At 100,000 cards the
/// look-ups come in deck order and the entries lie in the store's key
/// order, so each place read is a miss of the processor's caches: what a
/// look-up costs is how many places it reads. Here a slot holds part of
/// its key's hash beside its entry's number, and an entry holds its key's
/// bytes (inline up to `inlineKeyBytes`, as every key jatta makes) beside
/// its schedule: a look-up reads the slot and its entry, two places.
///
/// Keys are the same when their UTF-8 bytes are, as the store compares
/// them (a `String` would also take canonically equivalent spellings for
/// one key).
///
/// Keys are hashed with the standard library's `Hasher`, seeded anew in
/// every process as `Dictionary` is, so no deck can make its keys collide
/// on purpose. Entries keep the order their keys were first stored in; a
/// removed entry keeps its key (and its place) until the table is next rebuilt.
///
/// An entry is 80 bytes: its schedule packed (`PackedSchedule`, 43 bytes
/// where a `CardSchedule?` takes 88) and its key's first 28 bytes. At
/// 100,000 cards the 96,000 entries took 12.3 MB at 128 bytes each, the
/// largest part of a start's memory.
public struct ScheduleTable: Sendable, Hashable, Sequence, ExpressibleByDictionaryLiteral {
    /// One key and its schedule, in one stretch of memory read by the
    /// comparison and the schedule together. The key's bytes come last,
    /// in the 4-aligned room the packed schedule's 43 bytes leave before
    /// the next multiple of 8, so that the entry is 80 bytes long.
    private struct Entry {
        /// The schedule; absent once the key was removed.
        var schedule: PackedSchedule
        /// The key's length in bytes.
        var keyLength: UInt32
        /// Where the key's bytes after the first `inlineKeyBytes` start in
        /// `spilled` (0 for a key that fits inline).
        var spillStart: UInt32
        /// The key's first `inlineKeyBytes` bytes (all of a shorter key),
        /// zero after its end.
        var inline: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) = (0, 0, 0, 0, 0, 0, 0)
    }

    /// How many bytes of a key its entry holds: generated keys
    /// (`question-00086a1026a8`), namespaced ones (`lecture-0:cloze-1009`)
    /// and reverse faces (`term-0001b445cd2f/reverse`) all fit.
    static let inlineKeyBytes = 28
    /// The bytes one entry takes in the table and in its image.
    public static let entryStride = MemoryLayout<Entry>.stride
    /// Where `Entry.spillStart` lies in an entry, for the tests.
    static let spillStartOffset = MemoryLayout<Entry>.offset(of: \Entry.spillStart)!
    /// Where `Entry.inline` lies in an entry.
    private static let inlineOffset = MemoryLayout<Entry>.offset(of: \Entry.inline)!

    /// The entries, in the order their keys were first stored.
    private var entries: [Entry] = []
    /// The bytes of keys longer than `inlineKeyBytes` after their first
    /// `inlineKeyBytes`, one after another.
    private var spilled: [UInt8] = []
    /// The schedules too wide to pack (`PackedSchedule`), each where its
    /// entry's packed schedule says.
    private var wide: [CardSchedule] = []
    /// Open addressing with linear probing, a power of two long and at most
    /// half full: 0 is an empty slot, else the high 24 bits of the key's
    /// hash and, below them, its entry's number plus one.
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

    /// The bits of a slot that say which entry it is.
    private static let entryBits: UInt64 = 40

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
    /// them never moves its entries (each move writes to fresh pages).
    public mutating func reserveCapacity(_ capacity: Int) {
        entries.reserveCapacity(capacity)
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
        guard let found = entry(of: bytes, hash: Self.hash(bytes)).entry else { return nil }
        return unpacked(entries.withUnsafeBufferPointer { $0[found].schedule })
    }

    /// Keys to look up together (`schedules(of:into:)`) or to store
    /// together (`fill`): their UTF-8 bytes one after another in one array.
    /// A batch of strings held a reference per key, and every look-up
    /// retained and released it several times (copying the key, hashing it,
    /// comparing it): at 100,000 cards a start's walk over every face spent
    /// more time in those counts than in the look-ups' reads of memory.
    public struct KeyBatch: Sendable {
        /// Every key's bytes, one key after another.
        private var bytes: [UInt8] = []
        /// Where each key's bytes end in `bytes`.
        private var ends: [Int] = []

        public init() {}

        /// How many keys the batch holds.
        public var count: Int { ends.count }

        /// Adds the key whose bytes are `head`'s followed by `suffix`'s: a
        /// reverse face's key (its card's id and `/reverse`) is added
        /// without making its string.
        public mutating func append(_ head: String, suffix: String = "") {
            appendBytes(of: head)
            if !suffix.isEmpty { appendBytes(of: suffix) }
            ends.append(bytes.count)
        }

        /// Appends the UTF-8 bytes of `text` to `bytes`: straight from its
        /// storage when it has them in one piece (every id read from a
        /// deck), which copying through its UTF-8 view did not, retaining
        /// and releasing the string on the way.
        private mutating func appendBytes(of text: String) {
            let copied: Void? = text.utf8.withContiguousStorageIfAvailable { bytes.append(contentsOf: $0) }
            if copied == nil { bytes.append(contentsOf: text.utf8) }
        }

        /// Adds the key whose UTF-8 bytes are `key`, then `suffix`'s.
        public mutating func append(_ key: UnsafeBufferPointer<UInt8>, suffix: String = "") {
            bytes.append(contentsOf: key)
            if !suffix.isEmpty { appendBytes(of: suffix) }
            ends.append(bytes.count)
        }

        /// Makes room for `keys` keys of `bytesEach` bytes on average.
        public mutating func reserveCapacity(keys: Int, bytesEach: Int = 32) {
            bytes.reserveCapacity(keys * bytesEach)
            ends.reserveCapacity(keys)
        }

        /// Empties the batch, keeping its room for the next one.
        public mutating func removeAll() {
            bytes.removeAll(keepingCapacity: true)
            ends.removeAll(keepingCapacity: true)
        }

        /// Calls `body` with a function giving the bytes of the key at an
        /// index, valid only during the call.
        func withKeys<R>(_ body: (_ key: (Int) -> UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
            try bytes.withUnsafeBufferPointer { all in
                try ends.withUnsafeBufferPointer { ends in
                    try body { i in UnsafeBufferPointer(rebasing: all[(i == 0 ? 0 : ends[i - 1])..<ends[i]]) }
                }
            }
        }
    }

    /// How many keys `schedules(of:into:)` looks up together: enough
    /// reads of memory under way at once to keep the processor's miss
    /// buffers busy, few enough that their slots and entries stay in its
    /// first-level cache until used.
    static let batchSize = 32

    /// The schedule of each of `keys`, in their order, appended to
    /// `schedules`: what `self[bytes:]` gives for each, found
    /// `batchSize` keys at a time, stage by stage. At 100,000 cards each
    /// look-up misses the processor's caches twice, at its slot and at its
    /// entry; asked one by one each look-up waited for both, while here the
    /// slots of a batch are read one after another, then their entries, so
    /// that the reads of memory are under way together.
    public func schedules(of batch: KeyBatch, into schedules: inout [CardSchedule?]) {
        guard !slots.isEmpty else {
            schedules.append(contentsOf: repeatElement(nil, count: batch.count))
            return
        }
        batch.withKeys { key in lookUp(batch.count, key, into: &schedules) }
    }

    /// `schedules(of:into:)` of the `count` keys `key` gives by index.
    private func lookUp(
        _ count: Int, _ key: (Int) -> UnsafeBufferPointer<UInt8>, into schedules: inout [CardSchedule?]
    ) {
        withUnsafeTemporaryAllocation(of: Probe.self, capacity: Self.batchSize) { probes in
            var start = 0
            while start < count {
                let end = Swift.min(count, start + Self.batchSize)
                // The hashes first, then each key's first slot in a loop of
                // its own: a hash's instructions between two reads of slots
                // kept the processor from having more than one under way.
                // Initialised, not assigned: the temporary memory holds no
                // probe yet, and assigning would release what it never held
                // were a probe ever to hold a reference.
                for i in start..<end { (probes.baseAddress! + (i - start)).initialize(to: Probe(hash: Self.hash(key(i)))) }
                slots.withUnsafeBufferPointer { slots in
                    let mask = slots.count - 1
                    for i in 0..<(end - start) { probes[i].held = slots[probes[i].hash & mask] }
                }
                // From each first slot on, the first slot whose tag is the
                // key's, and its entry's key length, read to bring the entry
                // in; or an empty slot first, and the key is absent (a new
                // face). A slot or two further on usually shares the first
                // one's line of memory.
                slots.withUnsafeBufferPointer { slots in
                    entries.withUnsafeBufferPointer { entries in
                        let mask = slots.count - 1
                        for i in 0..<(end - start) {
                            let tag = Self.tag(probes[i].hash) & tagMask
                            var slot = probes[i].hash & mask
                            var held = probes[i].held
                            for _ in 0..<Self.slotsScanned {
                                if held == 0 {
                                    probes[i].found = .absent
                                    break
                                }
                                if held >> Self.entryBits == tag {
                                    probes[i].found = .candidate(held)
                                    probes[i].length = entries[Self.entryIndex(held)].keyLength
                                    probes[i].schedule = entries[Self.entryIndex(held)].schedule
                                    break
                                }
                                slot = (slot + 1) & mask
                                held = slots[slot]
                            }
                        }
                    }
                }
                for i in start..<end { schedules.append(schedule(of: key(i), probes[i - start])) }
                start = end
            }
        }
    }

    /// How many slots from a key's first one a batched look-up reads
    /// before its comparisons (`schedules(of:into:)`).
    static let slotsScanned = 4

    /// What the first stages of a batched look-up found for one key.
    private struct Probe {
        /// What the slots read tell of the key.
        enum Found {
            /// Not told: the slots read were all other keys'.
            case unknown
            /// An empty slot came before any slot of the key's tag: the
            /// key is not in the table.
            case absent
            /// The first slot of the key's tag (its key may be another's).
            case candidate(UInt64)
        }

        /// The key's hash.
        var hash: Int
        /// The key's first slot.
        var held: UInt64 = 0
        /// What its slots tell.
        var found = Found.unknown
        /// The key length of the candidate's entry.
        var length: UInt32 = 0
        /// The candidate's schedule, copied in the same stage: an entry
        /// spans two lines of memory, and reading the rest of it only when
        /// comparing waited for each line in turn.
        var schedule = PackedSchedule.absent
    }

    /// The entry a non-empty slot names.
    private static func entryIndex(_ held: UInt64) -> Int {
        Int(truncatingIfNeeded: held & (1 << entryBits - 1)) - 1
    }

    /// The schedule of `key`, whose slots `probe` read: nil when they
    /// found it absent, the candidate's when its key is the key, else
    /// the key is looked up from its hash as any other.
    private func schedule(of key: UnsafeBufferPointer<UInt8>, _ probe: Probe) -> CardSchedule? {
        switch probe.found {
        case .absent:
            return nil
        case .candidate(let held) where Int(probe.length) == key.count:
            let index = Self.entryIndex(held)
            let same = entries.withUnsafeBufferPointer { entries in
                spilled.withUnsafeBufferPointer { spilled in
                    Self.sameKey(entries.baseAddress! + index, spilled, key)
                }
            }
            if same { return unpacked(probe.schedule) }
        case .candidate, .unknown:
            break
        }
        guard let found = entry(of: key, hash: probe.hash).entry else { return nil }
        return unpacked(entries.withUnsafeBufferPointer { $0[found].schedule })
    }

    /// Sets (or, with nil, removes) the schedule of the key whose UTF-8
    /// bytes are `bytes`: the store's rows are stored without making a
    /// string of each key.
    public mutating func set(_ bytes: UnsafeBufferPointer<UInt8>, _ schedule: CardSchedule?) {
        set(bytes, schedule, hash: Self.hash(bytes))
    }

    /// `set(_:_:)` with the key's hash already known.
    private mutating func set(_ bytes: UnsafeBufferPointer<UInt8>, _ schedule: CardSchedule?, hash: Int) {
        var (slot, found) = entry(of: bytes, hash: hash)
        if let found {
            let before = entries[found].schedule.isPresent
            if !before, schedule != nil { count += 1 }
            if before, schedule == nil { count -= 1 }
            entries[found].schedule = PackedSchedule(schedule, wide: &wide)
            return
        }
        guard let schedule else { return }
        if Self.slotCount(for: entries.count + 1) > slots.count {
            // Removed entries count towards the half until a rebuild drops
            // them; a rebuild that kept the size with the live keys near the
            // half would come again at the next insert, so the table grows
            // unless at most a quarter of it stays in use.
            rebuild(slotCount: (count + 1) * 4 > slots.count ? Swift.max(16, slots.count * 2) : slots.count)
            slot = entry(of: bytes, hash: hash).slot
        }
        slots[slot] = (Self.tag(hash) & tagMask) << Self.entryBits | UInt64(entries.count + 1)
        entries.append(Self.makeEntry(bytes, PackedSchedule(schedule, wide: &wide), spilled: &spilled))
        count += 1
    }

    /// Adds the schedule of every key `rows` hands to its `add`, as
    /// `set(_:_:)` would one by one (a key given twice keeps the later),
    /// `batchSize` keys at a time: each key's slot is read while the
    /// others' are under way. One by one, each insert waited for its slot,
    /// a miss of the processor's caches at 100,000 keys (the state rows
    /// come in key order, the slots in hash order).
    public mutating func fill(
        _ rows: (_ add: (_ key: UnsafeBufferPointer<UInt8>, _ schedule: CardSchedule) -> Void) throws -> Void
    ) rethrows {
        var keys = KeyBatch()
        var schedules: [CardSchedule] = []
        keys.reserveCapacity(keys: Self.batchSize, bytesEach: 64)
        schedules.reserveCapacity(Self.batchSize)
        // No local function empties the batch: one reached it through
        // boxes checked for exclusive access at every row.
        try rows { key, schedule in
            keys.append(key)
            schedules.append(schedule)
            if schedules.count == Self.batchSize { insert(emptying: &keys, &schedules) }
        }
        insert(emptying: &keys, &schedules)
    }

    /// `insert(_:_:)`, then empties the batch and its schedules for the
    /// next one.
    private mutating func insert(emptying keys: inout KeyBatch, _ schedules: inout [CardSchedule]) {
        insert(keys, schedules)
        keys.removeAll()
        schedules.removeAll(keepingCapacity: true)
    }

    /// Sets the schedules of a batch of keys, in order. A key whose first
    /// slot is empty is not in the table and goes there; any other is set
    /// as by `set(_:_:)`.
    private mutating func insert(_ keys: KeyBatch, _ schedules: [CardSchedule]) {
        keys.withKeys { key in
            withUnsafeTemporaryAllocation(of: (hash: Int, held: UInt64).self, capacity: keys.count) { probes in
                for i in 0..<keys.count { (probes.baseAddress! + i).initialize(to: (Self.hash(key(i)), 0)) }
                let slotCount = slots.count
                if slotCount > 0 {
                    slots.withUnsafeBufferPointer { slots in
                        for i in 0..<keys.count { probes[i].held = slots[probes[i].hash & (slotCount - 1)] }
                    }
                }
                for i in 0..<keys.count {
                    let key = key(i)
                    let (hash, held) = probes[i]
                    let first = hash & (slotCount - 1)
                    if slotCount > 0, slots.count == slotCount, held == 0, slots[first] == 0,
                        Self.slotCount(for: entries.count + 1) <= slotCount
                    {
                        slots[first] = (Self.tag(hash) & tagMask) << Self.entryBits | UInt64(entries.count + 1)
                        entries.append(Self.makeEntry(key, PackedSchedule(schedules[i], wide: &wide), spilled: &spilled))
                        count += 1
                    } else {
                        set(key, schedules[i], hash: hash)
                    }
                }
            }
        }
    }

    /// The entry of `bytes` with `schedule`, its bytes past the inline ones
    /// appended to `spilled`.
    private static func makeEntry(
        _ bytes: UnsafeBufferPointer<UInt8>, _ schedule: PackedSchedule, spilled: inout [UInt8]
    ) -> Entry {
        var entry = Entry(schedule: schedule, keyLength: UInt32(bytes.count), spillStart: 0)
        let inline = Swift.min(bytes.count, inlineKeyBytes)
        withUnsafeMutableBytes(of: &entry.inline) { inlineBytes in
            if inline > 0 { inlineBytes.baseAddress!.copyMemory(from: bytes.baseAddress!, byteCount: inline) }
        }
        if bytes.count > inlineKeyBytes {
            entry.spillStart = UInt32(spilled.count)
            spilled.append(contentsOf: bytes[inlineKeyBytes...])
        }
        return entry
    }

    /// The slot where the key `key` is or would go, and its entry if it
    /// has one.
    private func entry(of key: UnsafeBufferPointer<UInt8>, hash: Int) -> (slot: Int, entry: Int?) {
        guard !slots.isEmpty else { return (0, nil) }
        let mask = slots.count - 1
        let tag = Self.tag(hash) & tagMask
        let length = key.count
        var slot = hash & mask
        return slots.withUnsafeBufferPointer { slots in
            entries.withUnsafeBufferPointer { entries in
                spilled.withUnsafeBufferPointer { spilled in
                    while true {
                        let held = slots[slot]
                        if held == 0 { return (slot, nil) }
                        if held >> Self.entryBits == tag {
                            let index = Self.entryIndex(held)
                            if Int(entries[index].keyLength) == length,
                                Self.sameKey(entries.baseAddress! + index, spilled, key)
                            {
                                return (slot, index)
                            }
                        }
                        slot = (slot + 1) & mask
                    }
                }
            }
        }
    }

    /// Whether the key of `entry` (of the same length) is `key`: its first
    /// `inlineKeyBytes` bytes inline, the rest in `spilled`.
    private static func sameKey(
        _ entry: UnsafePointer<Entry>, _ spilled: UnsafeBufferPointer<UInt8>, _ key: UnsafeBufferPointer<UInt8>
    ) -> Bool {
        let inlineCount = Swift.min(key.count, inlineKeyBytes)
        if inlineCount > 0, memcmp(UnsafeRawPointer(entry) + inlineOffset, key.baseAddress!, inlineCount) != 0 {
            return false
        }
        guard key.count > inlineKeyBytes else { return true }
        let spillStart = Int(entry.pointee.spillStart)
        return memcmp(spilled.baseAddress! + spillStart, key.baseAddress! + inlineKeyBytes, key.count - inlineKeyBytes) == 0
    }

    /// Calls `body` with every entry's key bytes and schedule (nil when
    /// removed), in entry order.
    private func forEachEntry(_ body: (UnsafeBufferPointer<UInt8>, CardSchedule?) -> Void) {
        var key = [UInt8]()
        entries.withUnsafeBufferPointer { entries in
            spilled.withUnsafeBufferPointer { spilled in
                for index in entries.indices {
                    Self.gatherKey(of: entries.baseAddress! + index, spilled, into: &key)
                    key.withUnsafeBufferPointer { body($0, unpacked(entries[index].schedule)) }
                }
            }
        }
    }

    /// Replaces schedules where they lie: `update` is asked about each
    /// schedule `mayChange` lets through, with its key's bytes, and a
    /// schedule it returns takes the old one's place. The entries are read
    /// one after another, not in a hash's order: going through 100,000 keys
    /// looked up one by one, each read missed the processor's caches.
    /// `mayChange` sees the schedule alone, so a key's bytes are gathered
    /// only for those it lets through.
    ///
    /// From `splitFrom` entries the two halves are gone through at
    /// once, on two threads: the exam rule's search for each review's day
    /// (`ExamScheduler.adjust`) is a quarter of a start with an exam at
    /// 100,000 cards, and the other core had nothing to do then. Each
    /// schedule is offered once either way, in no set order between halves.
    ///
    /// Each half gathers what `update` notes in a value of its own, begun
    /// as `gathering`; the values come back in the halves' order (one when
    /// the table is gone through whole), so nothing is shared between the
    /// threads while they work.
    @discardableResult
    public mutating func updateEach<Gathered>(
        splitFrom: Int = updateSplitFrom, where mayChange: @Sendable (CardSchedule) -> Bool,
        gathering: Gathered,
        _ update: @Sendable (_ key: UnsafeBufferPointer<UInt8>, _ schedule: CardSchedule, _ gathered: inout Gathered)
            -> CardSchedule?
    ) -> [Gathered] {
        let count = entries.count
        let parts = count >= Swift.max(splitFrom, 2) ? 2 : 1
        var found = [[(entry: Int, schedule: CardSchedule)]](repeating: [], count: parts)
        var gathered = [Gathered](repeating: gathering, count: parts)
        entries.withUnsafeBufferPointer { entries in
            spilled.withUnsafeBufferPointer { spilled in
                wide.withUnsafeBufferPointer { wide in
                    found.withUnsafeMutableBufferPointer { found in
                        gathered.withUnsafeMutableBufferPointer { gathered in
                            // Read by both halves, written only at each
                            // half's own slots of `found` and `gathered`; all
                            // of it outlives the work, which is over when
                            // `concurrentPerform` returns.
                            let shared = UncheckedShare(value: (entries, spilled, wide, found, gathered))
                            DispatchQueue.concurrentPerform(iterations: parts) { part in
                                let (entries, spilled, wide, found, gathered) = shared.value
                                var changes: [(entry: Int, schedule: CardSchedule)] = []
                                var noted = gathered[part]
                                var key = [UInt8]()
                                for index in part * count / parts..<(part + 1) * count / parts {
                                    guard let schedule = entries[index].schedule.unpacked(wide: wide),
                                        mayChange(schedule)
                                    else { continue }
                                    Self.gatherKey(of: entries.baseAddress! + index, spilled, into: &key)
                                    if let changed = key.withUnsafeBufferPointer({ update($0, schedule, &noted) }) {
                                        changes.append((index, changed))
                                    }
                                }
                                found[part] = changes
                                gathered[part] = noted
                            }
                        }
                    }
                }
            }
        }
        for part in found {
            for change in part { entries[change.entry].schedule = PackedSchedule(change.schedule, wide: &wide) }
        }
        return gathered
    }

    /// The entries from which `updateEach` goes through two halves at once.
    public static let updateSplitFrom = 20_000

    /// Puts the bytes of the key of `entry` in `key` (emptied first): its
    /// inline ones, then those it spilled, which the caller has checked lie
    /// within `spilled`.
    private static func gatherKey(
        of entry: UnsafePointer<Entry>, _ spilled: UnsafeBufferPointer<UInt8>, into key: inout [UInt8]
    ) {
        let length = Int(entry.pointee.keyLength)
        key.removeAll(keepingCapacity: true)
        key.append(
            contentsOf: UnsafeRawBufferPointer(
                start: UnsafeRawPointer(entry) + inlineOffset, count: Swift.min(length, inlineKeyBytes)))
        if length > inlineKeyBytes {
            let start = Int(entry.pointee.spillStart)
            key.append(contentsOf: spilled[start..<start + length - inlineKeyBytes])
        }
    }

    /// The table made again with `slotCount` slots and only the entries
    /// that still have a schedule.
    private mutating func rebuild(slotCount: Int) {
        var table = ScheduleTable()
        table.tagMask = tagMask
        table.slots = [UInt64](repeating: 0, count: slotCount)
        table.entries.reserveCapacity(Swift.max(count, entries.capacity))
        table.spilled.reserveCapacity(spilled.count)
        forEachEntry { key, schedule in
            if let schedule { table.set(key, schedule) }
        }
        table.rebuilds = rebuilds + 1
        self = table
    }

    /// The schedule `packed` holds.
    private func unpacked(_ packed: PackedSchedule) -> CardSchedule? {
        wide.withUnsafeBufferPointer { packed.unpacked(wide: $0) }
    }

    /// The slots for `count` keys: a power of two at least twice as many.
    private static func slotCount(for count: Int) -> Int {
        var slots = 16
        while slots < 2 * count { slots *= 2 }
        return slots
    }

    /// The hash of the key `key`.
    private static func hash(_ key: UnsafeBufferPointer<UInt8>) -> Int {
        var hasher = freshHasher
        hasher.combine(bytes: UnsafeRawBufferPointer(key))
        return hasher.finalize()
    }

    /// A hasher as `Hasher()` makes it, copied for each key: making one
    /// reads the process's seed through a lazily made global each time,
    /// which at 100,000 cards was a third of hashing a start's keys.
    private static let freshHasher = Hasher()

    /// The part of a hash a slot keeps (its high 24 bits).
    private static func tag(_ hash: Int) -> UInt64 { UInt64(UInt(bitPattern: hash) >> (64 - 24)) }

    /// Each key with its schedule, in entry order.
    public func makeIterator() -> IndexingIterator<[(key: String, value: CardSchedule)]> {
        var result: [(key: String, value: CardSchedule)] = []
        result.reserveCapacity(count)
        forEachEntry { key, schedule in
            if let schedule { result.append((String(decoding: key, as: UTF8.self), schedule)) }
        }
        return result.makeIterator()
    }

    /// Equal when the same keys have the same schedules, in any order.
    public static func == (a: ScheduleTable, b: ScheduleTable) -> Bool {
        guard a.count == b.count else { return false }
        var same = true
        a.forEachEntry { key, schedule in
            if same, let schedule { same = b[bytes: key] == schedule }
        }
        return same
    }

    public func hash(into hasher: inout Hasher) {
        // A sum of each entry's own hash, so that the order does not count.
        var sum = 0
        forEachEntry { key, schedule in
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

// MARK: - The table as an image

/// A table written out as bytes and read back by a later process of the
/// same build (`KeptSchedules`): at 100,000 cards, making the table from
/// every state row of the store was half of a start, while its image is
/// read in one pass and only its slots are made again (the hash is seeded
/// anew in every process, so slots cannot be kept).
///
/// An image is three parts, each written and read whole: a header of three
/// numbers (the layout, the number of entries, the bytes of spilled keys),
/// the entries' bytes, and the spilled keys' bytes. Its entries keep their
/// order, the keys without a schedule among them (`following(_:)`'s
/// places of new faces). It holds no wide schedule: a table with one is
/// not imaged.
extension ScheduleTable {
    /// The bytes of an image's header.
    public static let imageHeaderBytes = 3 * MemoryLayout<UInt64>.size

    /// What an image's first number says of the table's layout: an image
    /// of another layout is not read. Bump `imageVersion` when `Entry` or
    /// `PackedSchedule` changes meaning without changing size.
    static let imageLayout: UInt64 = {
        let imageVersion: UInt64 = 1
        return imageVersion << 48 | UInt64(MemoryLayout<Entry>.stride) << 24
            | UInt64(MemoryLayout<PackedSchedule>.stride) << 8 | UInt64(inlineKeyBytes)
    }()

    /// Hands `write` the image's parts in order (header, entries, spilled
    /// keys); false, having written nothing, when the table holds a wide
    /// schedule.
    public func writeImage(_ write: (UnsafeRawBufferPointer) throws -> Void) rethrows -> Bool {
        guard wide.isEmpty else { return false }
        let header: [UInt64] = [Self.imageLayout, UInt64(entries.count), UInt64(spilled.count)]
        try header.withUnsafeBytes { try write($0) }
        try entries.withUnsafeBytes { try write($0) }
        try spilled.withUnsafeBytes { try write($0) }
        return true
    }

    /// The table of an image: `read` fills each buffer it is given with
    /// the image's next bytes (the header, the entries, the spilled keys)
    /// and says false when it cannot (the image ran short, or its bytes
    /// are not the ones written). Nil when `read` fails, the layout is not
    /// this build's, its parts would take more than `bytes` (what the image
    /// has after its header: nothing is made larger than what is there), or
    /// the entries do not hold together: a key's bytes past the spilled
    /// ones, a wide schedule, a key twice, a date or a memory state that is
    /// not a finite number.
    public init?(readingImage read: (UnsafeMutableRawBufferPointer) throws -> Bool, bytes: Int) rethrows {
        var header = [UInt64](repeating: 0, count: 3)
        guard try header.withUnsafeMutableBytes({ try read($0) }), header[0] == Self.imageLayout,
            let entryCount = Int(exactly: header[1]), let spilledCount = Int(exactly: header[2]),
            entryCount < 1 << Self.entryBits - 1, spilledCount <= Int(UInt32.max),
            entryCount <= bytes / MemoryLayout<Entry>.stride,
            spilledCount <= bytes - entryCount * MemoryLayout<Entry>.stride
        else { return nil }
        self.init()
        // Every byte pattern is some entry: an entry holds numbers only.
        guard let entries = try Self.imagePart(of: Entry.self, count: entryCount, read),
            let spilled = try Self.imagePart(of: UInt8.self, count: spilledCount, read)
        else { return nil }
        self.entries = entries
        self.spilled = spilled
        guard indexImagedEntries() else { return nil }
    }

    /// The next `count` elements of an image, read by `read` straight into
    /// their array; nil when `read` fails. An empty part is read into no
    /// array storage: making an array with a capacity of 0 writes the count
    /// of the one storage every empty array shares, which ThreadSanitizer
    /// reports as a race with a thread doing the same, and kept schedules
    /// are read on a thread of their own (`KeptSchedules.readingAhead`).
    /// (Other code still makes empty arrays so; the write is of the same
    /// zero.)
    private static func imagePart<Element>(
        of: Element.Type, count: Int, _ read: (UnsafeMutableRawBufferPointer) throws -> Bool
    ) rethrows -> [Element]? {
        guard count > 0 else {
            // A buffer of no bytes somewhere, as an array's would be.
            var none: UInt8 = 0
            return try withUnsafeMutableBytes(of: &none) { try read(UnsafeMutableRawBufferPointer(rebasing: $0[0..<0])) }
                ? [] : nil
        }
        var complete = true
        let part = try [Element](unsafeUninitializedCapacity: count) { buffer, initialized in
            complete = try read(UnsafeMutableRawBufferPointer(buffer))
            initialized = complete ? count : 0
        }
        return complete ? part : nil
    }

    /// Makes the slots of entries read from an image; false when an entry
    /// is not one an image holds or its key comes twice. The keys are
    /// hashed a run at a time, straight from their entries (a long key
    /// gathered with its spilled bytes), then placed: the hashes' work does
    /// not wait on the slots' reads of memory, and no array of every hash
    /// adds to the start's peak.
    private mutating func indexImagedEntries() -> Bool {
        slots = [UInt64](repeating: 0, count: Self.slotCount(for: entries.count))
        var hashes = [Int](repeating: 0, count: Swift.min(entries.count, Self.imageHashRun))
        var long = [UInt8]()
        var present = 0
        var start = 0
        while start < entries.count {
            let end = Swift.min(entries.count, start + Self.imageHashRun)
            guard hashImaged(start..<end, into: &hashes, long: &long, present: &present),
                placeImaged(start..<end, hashes: hashes)
            else { return false }
            start = end
        }
        count = present
        return true
    }

    /// How many keys of an image are hashed before they are placed.
    static let imageHashRun = 1024

    /// Hashes the keys of the entries `run` into `hashes` (from its
    /// start), counting the entries with a schedule; false when an entry is
    /// wide or its key's bytes lie past the spilled ones.
    private func hashImaged(_ run: Range<Int>, into hashes: inout [Int], long: inout [UInt8], present: inout Int) -> Bool {
        entries.withUnsafeBufferPointer { entries in
            spilled.withUnsafeBufferPointer { spilled in
                for index in run {
                    let entry = entries.baseAddress! + index
                    let length = Int(entry.pointee.keyLength)
                    guard !entry.pointee.schedule.isWide, entry.pointee.schedule.isFinite else { return false }
                    if entry.pointee.schedule.isPresent { present += 1 }
                    let inline = UnsafeRawPointer(entry) + Self.inlineOffset
                    if length <= Self.inlineKeyBytes {
                        hashes[index - run.lowerBound] = Self.hash(
                            UnsafeBufferPointer(start: inline.assumingMemoryBound(to: UInt8.self), count: length))
                        continue
                    }
                    let start = Int(entry.pointee.spillStart)
                    guard start <= spilled.count, length - Self.inlineKeyBytes <= spilled.count - start else {
                        return false
                    }
                    Self.gatherKey(of: entry, spilled, into: &long)
                    hashes[index - run.lowerBound] = long.withUnsafeBufferPointer { Self.hash($0) }
                }
                return true
            }
        }
    }

    /// Places the entries `run`, whose hashes `hashes` holds, in their
    /// slots; false when a key is met twice.
    private mutating func placeImaged(_ run: Range<Int>, hashes: [Int]) -> Bool {
        let mask = slots.count - 1
        let tagMask = tagMask
        var key = [UInt8]()
        return slots.withUnsafeMutableBufferPointer { slots in
            entries.withUnsafeBufferPointer { entries in
                spilled.withUnsafeBufferPointer { spilled in
                    for index in run {
                        let hash = hashes[index - run.lowerBound]
                        let tag = Self.tag(hash) & tagMask
                        var slot = hash & mask
                        while slots[slot] != 0 {
                            // A key met before with the same tag and length
                            // may be this one: an image never holds a key twice.
                            let held = slots[slot]
                            let other = Self.entryIndex(held)
                            if held >> Self.entryBits == tag, entries[other].keyLength == entries[index].keyLength {
                                Self.gatherKey(of: entries.baseAddress! + index, spilled, into: &key)
                                if key.withUnsafeBufferPointer({ Self.sameKey(entries.baseAddress! + other, spilled, $0) }) {
                                    return false
                                }
                            }
                            slot = (slot + 1) & mask
                        }
                        slots[slot] = tag << Self.entryBits | UInt64(index + 1)
                    }
                    return true
                }
            }
        }
    }
}

// MARK: - Entries in the order of a walk

/// A start walks every face of its decks in deck order and looks each up
/// (the queue, the home counts, the exam outlooks): at 100,000 cards a hash
/// and two misses of the processor's caches per face, a fifth of a start.
/// A table whose entries are in that order (`following(_:)`, the order the
/// kept schedules are written in) answers such a walk by comparing each
/// key with the entry after the last one found (`schedules(of:into:following:)`),
/// reading the entries one after another; a face it does not find there
/// (a deck edited since, a key twice) is looked up by its hash.
extension ScheduleTable {
    /// This table's schedules, its entries in the order of `keys`: each
    /// key's schedule, or a place without a schedule for a key with none (a
    /// new face), then every other key's schedule in this table's order.
    /// It answers every question as this table does.
    public func following(_ keys: KeyBatch) -> ScheduleTable {
        following(keys, groupEnds: []).table
    }

    /// `following(_:)`, with where each group of the keys went among the
    /// entries: the keys `groupEnds[g - 1]..<groupEnds[g]` (from 0 for
    /// the first), each group's range of entries, one for each of its keys
    /// in order; nil for a group one of whose keys came before it.
    func following(_ keys: KeyBatch, groupEnds: [Int]) -> (table: ScheduleTable, groups: [Range<Int>?]) {
        var table = ScheduleTable()
        var groups: [Range<Int>?] = []
        table.reserveCapacity(count + keys.count)
        keys.withKeys { key in
            var from = 0
            for end in groupEnds {
                let before = table.entries.count
                for i in from..<end { table.append(key(i), self[bytes: key(i)]) }
                groups.append(table.entries.count - before == end - from ? before..<table.entries.count : nil)
                from = end
            }
            for i in from..<keys.count { table.append(key(i), self[bytes: key(i)]) }
        }
        forEachEntry { key, schedule in
            if let schedule { table.append(key, schedule) }
        }
        return (table, groups)
    }

    /// Whether the table has an entry for the key whose UTF-8 bytes are
    /// `bytes`, with a schedule or as a place for one (`following(_:)`'s
    /// places of new faces).
    public func hasEntry(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        entry(of: bytes, hash: Self.hash(bytes)).entry != nil
    }

    /// Appends an entry for `key` with `schedule` (none: a place for a
    /// schedule to come) unless the key has one already. The room for it
    /// is made beforehand (`reserveCapacity`): growing would drop the
    /// places without a schedule.
    private mutating func append(_ key: UnsafeBufferPointer<UInt8>, _ schedule: CardSchedule?) {
        let hash = Self.hash(key)
        let (slot, existing) = entry(of: key, hash: hash)
        guard existing == nil else { return }
        slots[slot] = (Self.tag(hash) & tagMask) << Self.entryBits | UInt64(entries.count + 1)
        entries.append(Self.makeEntry(key, PackedSchedule(schedule, wide: &wide), spilled: &spilled))
        if schedule != nil { count += 1 }
    }

    /// `schedules(of:into:)`, each key first compared with the entry at
    /// `cursor`, which moves past every entry found: keys asked in the
    /// order of the entries are found without their hashes.
    public func schedules(of batch: KeyBatch, into schedules: inout [CardSchedule?], following cursor: inout Int) {
        batch.withKeys { key in
            entries.withUnsafeBufferPointer { entries in
                spilled.withUnsafeBufferPointer { spilled in
                    for i in 0..<batch.count {
                        let key = key(i)
                        var found: Int?
                        if cursor < entries.count, Int(entries[cursor].keyLength) == key.count,
                            Self.sameKey(entries.baseAddress! + cursor, spilled, key)
                        {
                            found = cursor
                        } else if !slots.isEmpty {
                            found = entry(of: key, hash: Self.hash(key)).entry
                        }
                        guard let found else {
                            schedules.append(nil)
                            continue
                        }
                        cursor = found + 1
                        schedules.append(unpacked(entries[found].schedule))
                    }
                }
            }
        }
    }
}
