import DeckFormat

/// The text of one GIFT block as one byte buffer (its lines joined by LF),
/// with the way back from an offset to a place in the file.
struct GIFTBlockText {
    /// The block's lines joined by LF.
    var bytes: [UInt8] = []
    /// Where each line starts in `bytes`, with the line it came from.
    var starts: [(offset: Int, line: GIFTSource.SourceLine)] = []

    init(_ block: GIFTSource.Block, in source: GIFTSource) {
        for line in block.lines {
            if !bytes.isEmpty { bytes.append(0x0A) }
            starts.append((bytes.count, line))
            bytes.append(contentsOf: source.bytes[line.start..<line.end])
        }
    }

    /// The place in the file of byte `offset`.
    func location(_ offset: Int, in source: GIFTSource) -> SourceLocation {
        var low = 0
        var high = starts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if starts[mid].offset <= offset { low = mid } else { high = mid - 1 }
        }
        let entry = starts[low]
        return source.location(line: entry.line, offset: entry.line.start + (offset - entry.offset))
    }

    /// Whether the byte at `i` is a backslash that escapes the byte after it.
    func isEscape(_ i: Int, end: Int) -> Bool { GIFTEscaping.isEscape(bytes, i, end: end) }

    /// The first unescaped `byte` in `from..<end`, in one pass.
    func find(_ byte: UInt8, from: Int, end: Int) -> Int? {
        var i = from
        while i < end {
            if isEscape(i, end: end) {
                i += 2
                continue
            }
            if bytes[i] == byte { return i }
            i += 1
        }
        return nil
    }

    /// The first unescaped run of `pattern` in `from..<end`.
    func find(_ pattern: [UInt8], from: Int, end: Int) -> Int? {
        var i = from
        while i < end {
            if isEscape(i, end: end) {
                i += 2
                continue
            }
            if i + pattern.count <= end, bytes[i] == pattern[0], bytes[i..<(i + pattern.count)].elementsEqual(pattern) {
                return i
            }
            i += 1
        }
        return nil
    }

    /// The bytes `from..<to` with GIFT escapes resolved, trimmed.
    func unescaped(_ from: Int, _ to: Int) -> String { GIFTEscaping.unescape(bytes, from, to) }

    /// Whether `from..<to` holds only spaces, tabs and line ends.
    func isBlank(_ from: Int, _ to: Int) -> Bool {
        bytes[from..<to].allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A }
    }
}
