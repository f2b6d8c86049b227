import FSRS

/// The retrievabilities of the statistics' pass, remembered by (stability,
/// whole days elapsed): R depends on nothing else, and the pairs recur —
/// every card answered Good once on the same day has the same stability
/// and the same elapsed days, and so do cards that went the same way
/// since. `pow` was a tenth of the statistics screen at 100,000 cards.
/// A remembered R is the very value `Scheduler.retrievability` gave for
/// the pair, so the sums stay bit for bit what they were.
///
/// Direct-mapped: a pair goes to one slot, found by its bits, and a pair
/// met later in the same slot takes it over. Cards whose pairs do not
/// recur cost a look at one slot more than computing R.
struct RetrievabilityMemo {
    /// One slot: a pair and its R.
    private struct Slot {
        /// The stability's bits.
        var stability: UInt64 = 0
        /// The elapsed days; `empty` for a slot not used yet.
        var days = RetrievabilityMemo.empty
        /// R of the pair.
        var value = 0.0
    }

    /// The slots, one array: a look-up checks one index and touches one
    /// cache line.
    private var slots = Array(repeating: Slot(), count: slotCount)

    /// The number of slots (a power of two, so the slot is a mask of the bits).
    static let slotCount = 4096
    /// Elapsed days no pair has: elapsed days are never negative.
    private static let empty = -1

    /// R for `stability` after `days` whole days (never negative), as
    /// `compute` gives it, computed only when the pair is not remembered.
    @inline(__always)
    mutating func value(stability: Double, days: Int, _ compute: () -> Double) -> Double {
        let bits = stability.bitPattern
        // Fibonacci hashing of both: stabilities differ mostly in their
        // low mantissa bits, elapsed days by small steps.
        let mixed = (bits ^ (bits >> 29) ^ UInt64(truncatingIfNeeded: days) &* 0x9E37_79B9_7F4A_7C15)
            &* 0xBF58_476D_1CE4_E5B9
        let index = Int(truncatingIfNeeded: mixed >> 52) & (Self.slotCount - 1)
        let slot = slots[index]
        if slot.days == days, slot.stability == bits { return slot.value }
        let value = compute()
        if days >= 0 { slots[index] = Slot(stability: bits, days: days, value: value) }
        return value
    }
}
