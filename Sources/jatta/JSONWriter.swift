/// JSON text being written as UTF-8 bytes: the one place where jatta
/// escapes a string for JSON. `JSONValue` writes through it, and so does
/// `CardJSON`, which writes each card of `list --json` straight into the
/// bytes: building a `JSONValue` tree per card and appending to a `String`
/// scalar by scalar took most of a listing of 200,000 cards (issue 20).
struct JSONWriter {
    /// The text written so far, as UTF-8.
    var bytes: [UInt8] = []
    /// How strings are escaped and separators spaced.
    let style: JSONValue.Style

    init(style: JSONValue.Style, capacity: Int = 0) {
        self.style = style
        bytes.reserveCapacity(capacity)
    }

    /// Appends `text` as it is: punctuation and literals, never data.
    @inline(__always)
    mutating func raw(_ text: StaticString) {
        // A single byte (most punctuation) is appended as one element: the
        // length is known where this is inlined, and a call to copy a
        // buffer costs more than the byte.
        if text.utf8CodeUnitCount == 1 {
            bytes.append(text.utf8Start.pointee)
        } else {
            bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
        }
    }

    /// The separator between array elements and object members.
    @inline(__always)
    mutating func separator() { style == .compact ? raw(",") : raw(", ") }

    /// The separator between a member's name and its value.
    @inline(__always)
    mutating func colon() { style == .compact ? raw(":") : raw(": ") }

    /// The separator (unless `first`) and the name of an object member.
    /// Names are literals of jatta's formats, plain ASCII that needs no
    /// escape, so they are written as they are.
    @inline(__always)
    mutating func key(_ name: StaticString, first: Bool = false) {
        if !first { separator() }
        raw("\"")
        raw(name)
        raw("\"")
        colon()
    }

    /// `true` or `false`.
    mutating func bool(_ value: Bool) { value ? raw("true") : raw("false") }

    /// An integer.
    mutating func int(_ value: Int) { bytes.append(contentsOf: String(value).utf8) }

    /// A string, or `null` when `value` is nil.
    mutating func optional(_ value: String?) {
        if let value { string(value) } else { raw("null") }
    }

    /// An array whose elements `element` writes.
    mutating func array<Element>(_ elements: [Element], _ element: (inout JSONWriter, Element) -> Void) {
        raw("[")
        for (index, value) in elements.enumerated() {
            if index > 0 { separator() }
            element(&self, value)
        }
        raw("]")
    }

    /// An array of strings.
    mutating func strings(_ values: [String]) { array(values) { $0.string($1) } }

    /// A JSON string literal: quotes, backslashes and control characters
    /// escaped, everything else as UTF-8. The compact style also escapes
    /// DEL and the C1 controls, so a `--json` line is safe in a terminal
    /// (U+009B is CSI to some); the Python style escapes exactly what
    /// Python's `json.dumps(ensure_ascii=False)` does, with its short forms
    /// `\b` and `\f`.
    mutating func string(_ value: String) {
        raw("\"")
        var value = value
        value.withUTF8 { appendEscaped($0) }
        raw("\"")
    }

    /// Appends UTF-8 text with what must be escaped escaped. Runs that need
    /// no escape (almost all text) are copied whole. Every character to
    /// escape is ASCII except the C1 controls, U+0080–U+009F, which UTF-8
    /// writes as 0xC2 followed by 0x80–0x9F.
    private mutating func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>) {
        let compact = style == .compact
        var runStart = 0
        var index = 0
        while index < utf8.count {
            // Eight bytes at a time while none of them may need an escape.
            while index + 8 <= utf8.count,
                !Self.mayNeedEscape(UnsafeRawPointer(utf8.baseAddress! + index).loadUnaligned(as: UInt64.self), compact: compact)
            {
                index += 8
            }
            guard index < utf8.count else { break }
            let byte = utf8[index]
            let scalar: UInt8
            let length: Int
            if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || (compact && byte == 0x7F) {
                scalar = byte
                length = 1
            } else if compact, byte == 0xC2, index + 1 < utf8.count, (0x80...0x9F).contains(utf8[index + 1]) {
                scalar = utf8[index + 1]
                length = 2
            } else {
                index += 1
                continue
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
            appendEscape(of: scalar)
            index += length
            runStart = index
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
    }

    /// Whether any of the eight bytes in `word` is one that starts an
    /// escape: below 0x20, a quote, a backslash, and in the compact style
    /// DEL or 0xC2 (the lead byte of the C1 controls). Never false when one
    /// is there; true at times when none is (the bytes are then looked at
    /// one by one).
    @inline(__always)
    private static func mayNeedEscape(_ word: UInt64, compact: Bool) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        // A byte below `n` (n ≤ 0x80) leaves its high bit set in
        // (byte - n) & ~byte; a byte equal to `c` is a zero in word ^ c.
        func below(_ n: UInt8) -> UInt64 { (word &- ones &* UInt64(n)) & ~word & highs }
        func equal(_ c: UInt8) -> UInt64 {
            let v = word ^ (ones &* UInt64(c))
            return (v &- ones) & ~v & highs
        }
        var found = below(0x20) | equal(UInt8(ascii: "\"")) | equal(UInt8(ascii: "\\"))
        if compact { found |= equal(0x7F) | equal(0xC2) }
        return found != 0
    }

    /// The escape of one scalar below U+00A0.
    private mutating func appendEscape(of scalar: UInt8) {
        switch scalar {
        case UInt8(ascii: "\""): raw("\\\"")
        case UInt8(ascii: "\\"): raw("\\\\")
        case UInt8(ascii: "\n"): raw("\\n")
        case UInt8(ascii: "\r"): raw("\\r")
        case UInt8(ascii: "\t"): raw("\\t")
        case 0x08 where style == .python: raw("\\b")
        case 0x0C where style == .python: raw("\\f")
        default:
            let hex: StaticString = "0123456789abcdef"
            raw("\\u00")
            bytes.append(hex.utf8Start[Int(scalar >> 4)])
            bytes.append(hex.utf8Start[Int(scalar & 0x0F)])
        }
    }
}
