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

    /// `oneLine(text)` made scalar by scalar, when every scalar but
    /// the line breaks makes a character of its own
    /// (`DisplayWidth.isStandalone`: Kazakh, Russian and Latin text), so
    /// that its scalars are its characters: splitting each prompt into
    /// characters was a fifth of printing a long history. Nil for any
    /// other text.
    static func byScalars(_ text: String) -> String? {
        var kept: [UInt8] = []
        kept.reserveCapacity(min(text.utf8.count + 1, 4 * length))
        // Scalars of the line so far, and the bytes of its first
        // `length - 1` (where a longer line is cut).
        var count = 0
        var cut = 0
        func keep(_ scalar: Unicode.Scalar) {
            if count < length { kept.append(contentsOf: scalar.utf8) }
            count += 1
            if count == length - 1 { cut = kept.count }
        }
        var afterBreak = false
        for scalar in text.unicodeScalars {
            if isLineBreak(scalar) {
                afterBreak = count > 0
                continue
            }
            guard DisplayWidth.isStandalone(scalar) else { return nil }
            if afterBreak {
                keep(" ")
                afterBreak = false
            }
            keep(scalar)
        }
        guard count > length else { return String(decoding: kept, as: UTF8.self) }
        return String(decoding: kept[..<cut], as: UTF8.self) + "…"
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
