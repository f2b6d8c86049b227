/// A quick refusal for "is this card id the beginning of one of a few
/// keys?", asked of every card of the decks when the hardest cards' lines
/// are looked up (`StatisticsLoading.withLines`): an id can only begin a
/// key if the key has the id's last byte at the id's length. A bitmap of
/// (length, byte) answers that without hashing the id, which was most of
/// the lookup's time at 100,000 cards; the ids it lets through are then
/// looked up in the set of beginnings itself. Bytes, not characters: a
/// key and the id it was made from have the same bytes (`StudyFace.key`
/// begins with the id as the parser read it); an id written in another
/// Unicode normal form than the key the store holds is not looked for.
struct KeyBeginningEnds {
    /// One bit per (length, byte): set when some key has `byte` as its
    /// `length`-th UTF-8 byte. Indexed by `length * 256 + byte`, in words.
    private var bits: [UInt64] = []

    /// Marks every beginning of `key`.
    mutating func add(_ key: String) {
        var length = 0
        for byte in key.utf8 {
            length += 1
            let bit = length * 256 + Int(byte)
            if bit / 64 >= bits.count { bits += Array(repeating: 0, count: bit / 64 + 1 - bits.count) }
            bits[bit / 64] |= 1 << UInt64(bit % 64)
        }
    }

    /// False when `id` cannot be the beginning of any key added.
    func mayBegin(_ id: String) -> Bool {
        let utf8 = id.utf8
        guard let last = utf8.last else { return true }
        let bit = utf8.count * 256 + Int(last)
        return bit / 64 < bits.count && bits[bit / 64] & (1 << UInt64(bit % 64)) != 0
    }
}
