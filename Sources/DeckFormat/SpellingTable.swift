/// Words and a number for each, looked up by their exact UTF-8 bytes
/// without making a `String` of them: the giveaway check looks up every
/// word of every definition of a deck, and a string (or substring) per
/// word, hashed and compared through the standard library's generic
/// paths, was most of that check. Exact bytes, not `String` equality:
/// canonically equivalent spellings (`й` and `и` with a combining breve)
/// can have different keys (see `WordKeys`).
struct SpellingTable {
    /// The bytes of every word kept, one after another.
    private var arena: [UInt8] = []
    /// Each kept word: where its bytes are in `arena`, and its number.
    private var entries: [(start: Int32, count: Int32, value: Int32)] = []
    /// Open addressing over `entries`: an entry's index, or -1 for a free
    /// slot. Its count is a power of two, kept at most half full.
    private var slots = [Int32](repeating: -1, count: 256)

    /// The number kept for `word`, or nil.
    func value(_ word: UnsafeBufferPointer<UInt8>) -> Int32? {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: Self.hash(word)) & mask
        while true {
            let entry = slots[slot]
            if entry < 0 { return nil }
            if matches(Int(entry), word) { return entries[Int(entry)].value }
            slot = (slot + 1) & mask
        }
    }

    /// Keeps `value` for `word`, which the table does not hold yet.
    mutating func insert(_ word: UnsafeBufferPointer<UInt8>, value: Int32) {
        if (entries.count + 1) * 2 > slots.count { grow() }
        entries.append((Int32(arena.count), Int32(word.count), value))
        arena.append(contentsOf: word)
        place(entries.count - 1, hash: Self.hash(word))
    }

    private func matches(_ entry: Int, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
        let (start, count, _) = entries[entry]
        guard Int(count) == word.count else { return false }
        return arena.withUnsafeBufferPointer { kept in
            kept[Int(start)..<Int(start + count)].elementsEqual(word)
        }
    }

    private mutating func place(_ entry: Int, hash: UInt64) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(entry)
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        for entry in entries.indices {
            let (start, count, _) = entries[entry]
            let hash = arena.withUnsafeBufferPointer {
                Self.hash(UnsafeBufferPointer(rebasing: $0[Int(start)..<Int(start + count)]))
            }
            place(entry, hash: hash)
        }
    }

    /// FNV-1a over the bytes, its high bits folded into the low ones that
    /// pick the slot.
    private static func hash(_ word: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in word {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return hash ^ (hash >> 29)
    }
}
