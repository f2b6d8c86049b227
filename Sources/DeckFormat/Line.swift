/// One physical line of a deck file, classified from its bytes alone.
///
/// Offsets are byte offsets into the whole file buffer. Classification
/// never looks past the line and never builds a `String`, so it costs a
/// few byte comparisons per line however long the line is.
enum Line: Equatable {
    /// Empty, or only spaces and tabs.
    case blank
    /// `// …` at the start of the line.
    case comment
    /// Starts with a space or tab: continues the text above. `text` starts
    /// at the first byte that is not a space or tab.
    case continuation(text: Int)
    /// `#`, `##`, … followed by a space; `level` is the number of `#`.
    case heading(level: Int, text: Int)
    /// `Q:`, `T:`, `C:`, `A:`, `D:`; `cyrillic` when written with a
    /// Cyrillic look-alike letter (`С:`, `Т:`, `А:`).
    case marker(Marker, text: Int, cyrillic: Bool)
    /// `* …` (correct) or `- …` (wrong option or key point).
    case option(correct: Bool, text: Int)
    /// `name: value`: an ASCII name followed by a colon.
    case field(nameEnd: Int, value: Int)
    /// A marker written wrongly, `Q;`, `A :`, `Q ;`: read as the marker
    /// (with an error) so the card is not lost; `separatorEnd` is the byte
    /// after the `:` or `;`.
    case malformedMarker(Marker, text: Int, separatorEnd: Int)
    /// `*1949`, `-төрт`: an option mark with no space after it.
    case optionWithoutSpace(correct: Bool, text: Int)
    /// `– төрт`, `— төрт`: an option started with an en or em dash.
    case dashOption(text: Int, dashEnd: Int)
    /// Anything else at the start of a line: prose that is not indented.
    case text

    /// The single-letter line markers.
    enum Marker: UInt8, Equatable {
        case question = 0x51  // Q
        case term = 0x54  // T
        case cloze = 0x43  // C
        case answer = 0x41  // A
        case definition = 0x44  // D

        /// How the marker is written in the canonical form.
        var latin: String { String(UnicodeScalar(rawValue)) }
    }

    /// Classifies the bytes `buffer[start..<end]` (without the line end).
    static func classify(_ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Line {
        if start == end { return .blank }
        let b0 = buffer[start]
        if b0 == .space || b0 == .tab {
            let first = skipSpaces(buffer, start, end)
            return first == end ? .blank : .continuation(text: first)
        }
        let b1: UInt8 = start + 1 < end ? buffer[start + 1] : 0
        switch b0 {
        case UInt8(ascii: "/") where b1 == UInt8(ascii: "/"):
            return .comment
        case UInt8(ascii: "#"):
            var i = start
            while i < end, buffer[i] == UInt8(ascii: "#") { i += 1 }
            guard i == end || buffer[i] == .space || buffer[i] == .tab else { return .text }
            return .heading(level: i - start, text: skipSpaces(buffer, i, end))
        case UInt8(ascii: "*"), UInt8(ascii: "-"):
            if start + 1 == end || b1 == .space || b1 == .tab {
                return .option(correct: b0 == UInt8(ascii: "*"), text: skipSpaces(buffer, start + 1, end))
            }
            // `**bold**`, `---`: a run of marks is not an option.
            if b1 != b0 { return .optionWithoutSpace(correct: b0 == UInt8(ascii: "*"), text: start + 1) }
            return .text
        case 0xE2 where start + 2 < end && buffer[start + 1] == 0x80 && (buffer[start + 2] == 0x93 || buffer[start + 2] == 0x94):
            // U+2013 en dash, U+2014 em dash, then a space or the line end.
            let after = start + 3
            if after == end || buffer[after] == .space || buffer[after] == .tab {
                return .dashOption(text: skipSpaces(buffer, after, end), dashEnd: after)
            }
            return .text
        case 0xD0:
            // С (D0 A1), Т (D0 A2), А (D0 90) typed on a Kazakh keyboard.
            if start + 2 < end, buffer[start + 2] == UInt8(ascii: ":") {
                let marker: Marker? =
                    switch b1 {
                    case 0xA1: .cloze
                    case 0xA2: .term
                    case 0x90: .answer
                    default: nil
                    }
                if let marker { return .marker(marker, text: skipSpaces(buffer, start + 3, end), cyrillic: true) }
            }
            return .text
        default:
            break
        }
        if b1 == UInt8(ascii: ":"), let marker = Marker(rawValue: b0) {
            return .marker(marker, text: skipSpaces(buffer, start + 2, end), cyrillic: false)
        }
        if let marker = Marker(rawValue: b0) {
            // `Q;`, `Q ;`, `A :`: spaces, then `:` or `;`.
            let separator = skipSpaces(buffer, start + 1, end)
            if separator < end, buffer[separator] == UInt8(ascii: ";") || buffer[separator] == UInt8(ascii: ":") {
                return .malformedMarker(marker, text: skipSpaces(buffer, separator + 1, end), separatorEnd: separator + 1)
            }
        }
        guard isASCIILetter(b0) else { return .text }
        var i = start + 1
        while i < end, isNameByte(buffer[i]) { i += 1 }
        guard i < end, buffer[i] == UInt8(ascii: ":") else { return .text }
        return .field(nameEnd: i, value: skipSpaces(buffer, i + 1, end))
    }

    /// Where the content of the line `buffer[start..<end]` ends: the CR of
    /// a CRLF and trailing white space are not content (a stray CR before
    /// it neither, or printing could not keep it).
    static func contentEnd(_ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        var contentEnd = end
        while contentEnd > start,
            buffer[contentEnd - 1] == .space || buffer[contentEnd - 1] == .tab || buffer[contentEnd - 1] == .carriageReturn
        {
            contentEnd -= 1
        }
        return contentEnd
    }

    static func skipSpaces(_ buffer: UnsafeBufferPointer<UInt8>, _ from: Int, _ end: Int) -> Int {
        var i = from
        while i < end, buffer[i] == .space || buffer[i] == .tab { i += 1 }
        return i
    }

    static func isASCIILetter(_ b: UInt8) -> Bool {
        (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z")
    }

    static func isNameByte(_ b: UInt8) -> Bool {
        isASCIILetter(b) || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: "_")
            || b == UInt8(ascii: "-")
    }
}

extension UInt8 {
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")
    static let newline = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
}
