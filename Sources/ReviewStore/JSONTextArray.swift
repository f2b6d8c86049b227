/// A JSON array of texts, written for SQLite's `json_each` (a scope of
/// 100,000 card keys is bound as one argument). Written here byte by byte:
/// Foundation's `JSONEncoder` spent a third of a `--level` filter's time
/// on the four arrays of its keys.
enum JSONTextArray {
    /// `strings` as a JSON array: each text in quotes, with the quote, the
    /// backslash and the control characters U+0000…U+001F escaped (what
    /// JSON requires); every other character as its own UTF-8.
    static func of(_ strings: [String]) -> String {
        var bytes: [UInt8] = [UInt8(ascii: "[")]
        bytes.reserveCapacity(strings.reduce(2) { $0 + $1.utf8.count + 3 })
        let hex = Array("0123456789abcdef".utf8)
        for (index, string) in strings.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(UInt8(ascii: "\""))
            for byte in string.utf8 {
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                    bytes += [UInt8(ascii: "\\"), byte]
                case 0..<0x20:
                    bytes += Array(#"\u00"#.utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
                default:
                    bytes.append(byte)
                }
            }
            bytes.append(UInt8(ascii: "\""))
        }
        bytes.append(UInt8(ascii: "]"))
        return String(decoding: bytes, as: UTF8.self)
    }
}
