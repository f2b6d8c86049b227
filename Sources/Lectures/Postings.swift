/// The term frequencies of every passage of a `PassageIndex`, packed
/// tight: for each passage, its keys by number in ascending order, each
/// written as the gap from the number before and its count, both as
/// LEB128 variable-length integers (seven bits a byte). A sentence's
/// postings take some two or three bytes a key where eight-byte entries
/// made the index as large as the lecture's text again.
struct Postings: Sendable {
    /// The packed postings of all passages, one passage after another, in
    /// chunks of about `chunkSize` bytes (a passage never straddles two):
    /// one growing array would at its last doubling hold twice and a half
    /// the postings at once.
    private var chunks: [[UInt8]] = [[]]
    /// Where each passage's bytes start, with one more entry at the end:
    /// the chunk's number in the high 32 bits, the offset in the low 32.
    private var start: [Int] = [0]
    /// The passage being written.
    private var scratch: [UInt8] = []

    /// The size of a chunk of `chunks`.
    static let chunkSize = 1 << 20

    /// The largest count kept for one key of one passage.
    static let countLimit = 0xFFFF

    /// Room for `count` passages, so the table of starts does not grow.
    mutating func reserve(passages count: Int) {
        start.reserveCapacity(count + 1)
    }

    /// Adds the next passage, given the numbers of its keys, each once per
    /// occurrence, sorted. Calls `distinct` once for every key number the
    /// passage holds.
    mutating func append(sortedNumbers numbers: [UInt32], distinct: (UInt32) -> Void) {
        scratch.removeAll(keepingCapacity: true)
        var previous: UInt32 = 0
        var i = 0
        while i < numbers.count {
            let number = numbers[i]
            var j = i + 1
            while j < numbers.count, numbers[j] == number { j += 1 }
            write(UInt64(number - previous))
            write(UInt64(min(j - i, Postings.countLimit)))
            distinct(number)
            previous = number
            i = j
        }
        // The passage's bytes begin where the last passage's end (the
        // start entry already written), unless the chunk is full.
        if chunks[chunks.count - 1].count + scratch.count > Postings.chunkSize, !chunks[chunks.count - 1].isEmpty {
            chunks.append([])
            chunks[chunks.count - 1].reserveCapacity(max(Postings.chunkSize, scratch.count))
            start[start.count - 1] = (chunks.count - 1) << 32
        }
        chunks[chunks.count - 1].append(contentsOf: scratch)
        start.append((chunks.count - 1) << 32 | chunks[chunks.count - 1].count)
    }

    private mutating func write(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            scratch.append(UInt8(value & 0x7F) | 0x80)
            value >>= 7
        }
        scratch.append(UInt8(value))
    }

    /// How often the key numbered `number` occurs in passage `passage`:
    /// the passage's few keys are read in order until it is reached or passed.
    func frequency(of number: UInt32, in passage: Int) -> Int {
        let chunk = chunks[start[passage] >> 32]
        var position = start[passage] & 0xFFFF_FFFF
        // The next passage may open a new chunk: this one ends where its
        // chunk does.
        let next = start[passage + 1]
        let end = next >> 32 == start[passage] >> 32 ? next & 0xFFFF_FFFF : chunk.count
        var current: UInt64 = 0
        while position < end {
            current += Postings.read(chunk, &position)
            let count = Postings.read(chunk, &position)
            if current == UInt64(number) { return Int(count) }
            if current > UInt64(number) { return 0 }
        }
        return 0
    }

    private static func read(_ bytes: [UInt8], _ position: inout Int) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let byte = bytes[position]
            position += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }
}
