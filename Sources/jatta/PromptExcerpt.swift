import TerminalUI

/// A card's prompt as the history and the suspended cards' list show it:
/// on one line (each run of line breaks a space), at most 60 characters,
/// the 60th an ellipsis when it is longer.
enum PromptExcerpt {
    /// The longest excerpt, in characters.
    static let length = 60

    static func oneLine(_ text: String) -> String {
        if let line = byScalars(text) { return line }
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return flat.count <= length ? flat : String(flat.prefix(length - 1)) + "…"
    }

    /// `oneLine(text)` made from the UTF-8 bytes, when every scalar but
    /// the line breaks makes a character of its own
    /// (`DisplayWidth.isStandalone`: Kazakh, Russian and Latin text), so
    /// that its scalars are its characters: splitting each prompt into
    /// characters was a fifth of printing a long history. Nil for any
    /// other text.
    static func byScalars(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { utf8 -> String? in
            var kept: [UInt8] = []
            kept.reserveCapacity(min(utf8.count + 1, 4 * length))
            // Scalars of the line so far, and the bytes of its first
            // `length - 1` (where a longer line is cut).
            var count = 0
            var cut = 0
            func keep(_ bytes: UnsafeBufferPointer<UInt8>.SubSequence) {
                if count < length { kept.append(contentsOf: bytes) }
                count += 1
                if count == length - 1 { cut = kept.count }
            }
            let space: [UInt8] = [0x20]
            var afterBreak = false
            var i = 0
            while i < utf8.count {
                let lead = utf8[i]
                let n = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
                guard n < 4, i + n <= utf8.count else { return nil }
                var v = n == 1 ? UInt32(lead) : UInt32(lead & (n == 2 ? 0x1F : 0x0F))
                for k in 1..<n { v = v << 6 | UInt32(utf8[i + k] & 0x3F) }
                guard let scalar = Unicode.Scalar(v) else { return nil }
                if isLineBreak(scalar) {
                    afterBreak = count > 0
                } else {
                    guard DisplayWidth.isStandalone(scalar) else { return nil }
                    if afterBreak {
                        space.withUnsafeBufferPointer { keep($0[...]) }
                        afterBreak = false
                    }
                    keep(utf8[i..<(i + n)])
                }
                i += n
            }
            guard count > length else { return String(decoding: kept, as: UTF8.self) }
            return String(decoding: kept[..<cut], as: UTF8.self) + "…"
        }
    }

    /// Whether `scalar` is or begins a line break character
    /// (`Character.isNewline`): U+000A–U+000D, U+0085, U+2028, U+2029;
    /// "\r\n", one character, is two of them in a row, which the runs of
    /// breaks fold as they fold it.
    static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A...0x0D, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }
}
