/// The one rule for text from outside (decks, lectures, file names, the
/// progress store) on its way to a terminal: no control character reaches
/// it. ESC, CSI and OSC sequences in a deck could otherwise retitle the
/// window, clear the screen or (OSC 52) write the clipboard.
///
/// C0 controls become their visible Control Pictures (ESC is shown as ␛,
/// CR as ␍), DEL as ␡, and C1 controls (0x80–0x9F, which some terminals
/// read as ESC sequences) and the bidirectional controls (U+202A–U+202E,
/// U+2066–U+2069, the marks U+200E, U+200F, U+061C: an override left open
/// reverses the rest of a line on a terminal that orders text) as U+FFFD.
/// Tab stays: it only moves the cursor right. Line feeds stay where the
/// caller prints several lines.
public enum TerminalText {
    /// `text` with every control character made visible.
    public static func visible(_ text: some StringProtocol, keepingLineBreaks: Bool = true) -> String {
        // Most text has no control character at all: give it back as is.
        // Looked for in the UTF-8 bytes, without decoding each scalar.
        let controls =
            text.utf8.withContiguousStorageIfAvailable { hasControl($0, keepingLineBreaks: keepingLineBreaks) }
            ?? text.unicodeScalars.contains { needsReplacing($0, keepingLineBreaks: keepingLineBreaks) }
        guard controls else { return String(text) }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            out.append(needsReplacing(scalar, keepingLineBreaks: keepingLineBreaks) ? shown(scalar) : scalar)
        }
        return String(out)
    }

    /// `text` made visible to be shown on one line (a file name, a
    /// message): its line breaks are made visible too.
    public static func oneLine(_ text: some StringProtocol) -> String {
        visible(text, keepingLineBreaks: false)
    }

    /// Whether the UTF-8 bytes `utf8` hold a scalar `needsReplacing`
    /// replaces: a byte below 0x20 (a tab, or a line break kept, apart),
    /// 0x7F, or U+0080–U+009F, which UTF-8 writes as 0xC2 then 0x80–0x9F.
    static func hasControl(_ utf8: UnsafeBufferPointer<UInt8>, keepingLineBreaks: Bool) -> Bool {
        // The byte before, and the one before it: a bidirectional control
        // is E2 80 8E/8F/AA–AE, E2 81 A6–A9 or D8 9C.
        var previous: UInt8 = 0
        var beforePrevious: UInt8 = 0
        for byte in utf8 {
            switch byte {
            case 0x09: break
            case 0x0A: if !keepingLineBreaks { return true }
            case 0x00..<0x20, 0x7F: return true
            case 0x80..<0xA0 where previous == 0xC2: return true
            case 0x8E...0x8F where previous == 0x80 && beforePrevious == 0xE2: return true
            case 0xAA...0xAE where previous == 0x80 && beforePrevious == 0xE2: return true
            case 0xA6...0xA9 where previous == 0x81 && beforePrevious == 0xE2: return true
            case 0x9C where previous == 0xD8: return true
            default: break
            }
            beforePrevious = previous
            previous = byte
        }
        return false
    }

    /// Whether `scalar` must not be written to a terminal as it is.
    public static func needsReplacing(_ scalar: Unicode.Scalar, keepingLineBreaks: Bool = false) -> Bool {
        switch scalar.value {
        case 0x09: false
        case 0x0A: !keepingLineBreaks
        case 0x00..<0x20, 0x7F, 0x80..<0xA0: true
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// The visible stand-in of a control character.
    public static func shown(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0x00..<0x20: Unicode.Scalar(0x2400 + scalar.value)!
        case 0x7F: "\u{2421}"
        default: "\u{FFFD}"
        }
    }
}
