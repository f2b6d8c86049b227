/// The term frequencies of every passage of a `PassageIndex`, packed
/// tight: for each passage, its keys by number in ascending order, each
/// written as the gap from the number before and its count, both as
/// LEB128 variable-length integers (seven bits a byte). A sentence's
/// postings take some two or three bytes a key where eight-byte entries
/// made the index as large as the lecture's text again.
struct Postings: Sendable {
    /// The packed postings of all passages, one passage after another.
    private(set) var bytes: [UInt8] = []
    /// Where each passage's bytes start in `bytes`, with one more entry at
    /// the end.
    private(set) var start: [Int] = [0]

    /// The largest count kept for one key of one passage.
    static let countLimit = 0xFFFF

    /// Adds the next passage, given the numbers of its keys, each once per
    /// occurrence, sorted. Calls `distinct` once for every key number the
    /// passage holds.
    mutating func append(sortedNumbers numbers: [UInt32], distinct: (UInt32) -> Void) {
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
        start.append(bytes.count)
    }

    private mutating func write(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(value & 0x7F) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    /// How often the key numbered `number` occurs in passage `passage`:
    /// the passage's few keys are read in order until it is reached or passed.
    func frequency(of number: UInt32, in passage: Int) -> Int {
        var position = start[passage]
        let end = start[passage + 1]
        var current: UInt64 = 0
        while position < end {
            current += read(&position)
            let count = read(&position)
            if current == UInt64(number) { return Int(count) }
            if current > UInt64(number) { return 0 }
        }
        return 0
    }

    private func read(_ position: inout Int) -> UInt64 {
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
