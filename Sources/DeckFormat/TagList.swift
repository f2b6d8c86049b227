/// The comma-separated tags of a `tags:` line.
enum TagList {
    /// The tags in `buffer[from..<to]`, each trimmed of spaces and tabs,
    /// empty ones left out; `firstEmpty` is the offset of an empty tag
    /// between commas (`a,,b`), if any. A trailing comma is harmless.
    static func parse(_ buffer: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int, mayHoldNUL: Bool) -> (
        tags: [String], firstEmpty: Int?
    ) {
        var tags: [String] = []
        var firstEmpty: Int? = nil
        var start = from
        while start <= to {
            var end = start
            while end < to, buffer[end] != UInt8(ascii: ",") { end += 1 }
            var a = start
            var b = end
            while a < b, buffer[a] == .space || buffer[a] == .tab { a += 1 }
            while b > a, buffer[b - 1] == .space || buffer[b - 1] == .tab { b -= 1 }
            if a < b {
                tags.append(UTF8Scan.string(UnsafeBufferPointer(rebasing: buffer[a..<b]), mayHoldNUL: mayHoldNUL))
            } else if end < to, firstEmpty == nil, from < to {
                firstEmpty = a
            }
            start = end + 1
        }
        return (tags, firstEmpty)
    }

    /// The tags in a string, read as `parse` reads them.
    static func parse(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { parse($0, 0, $0.count, mayHoldNUL: false).tags }
    }
}
