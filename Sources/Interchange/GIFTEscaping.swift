/// GIFT's backslash escapes, both ways: `\~ \= \# \{ \} \:` stand for the
/// character, `\\` for a backslash, `\n` for a line break. Moodle's own
/// exporter escapes the same set.
enum GIFTEscaping {
    /// The characters written with a backslash before them.
    static let escapable: Set<UInt8> = Set("~=#{}:\\".utf8)

    /// Whether the byte at `i` is a backslash that escapes the byte after it.
    static func isEscape(_ bytes: [UInt8], _ i: Int, end: Int) -> Bool {
        bytes[i] == 0x5C && i + 1 < end && (escapable.contains(bytes[i + 1]) || bytes[i + 1] == UInt8(ascii: "n"))
    }

    /// `bytes[from..<to]` with the escapes resolved, trimmed. A backslash
    /// before any other character is kept, as Moodle keeps it.
    static func unescape(_ bytes: [UInt8], _ from: Int, _ to: Int) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(max(0, to - from))
        var i = from
        while i < to {
            if isEscape(bytes, i, end: to) {
                out.append(bytes[i + 1] == UInt8(ascii: "n") ? 0x0A : bytes[i + 1])
                i += 2
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self).withoutControls().trimmedSpaces()
    }

    /// `text` unescaped (for values read from comments).
    static func unescape(_ text: String) -> String {
        let bytes = Array(text.utf8)
        return unescape(bytes, 0, bytes.count)
    }

    /// `text` escaped to stand anywhere in a GIFT question: every special
    /// character gets its backslash and a line break becomes `\n`, so a
    /// question is always one line.
    static func escape(_ text: String) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                out += "\\n"
            } else {
                if scalar.isASCII, escapable.contains(UInt8(scalar.value)) { out.unicodeScalars.append("\\") }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
