import DeckFormat

/// A GIFT file cut into blocks: runs of lines separated by blank lines, as
/// Moodle reads it. Comment lines (`//`) are kept apart from the text.
struct GIFTSource {
    /// One line of the file: its bytes (without the line end) and where it
    /// stands.
    struct SourceLine {
        /// Offset of the line's first byte in the file.
        var start: Int
        /// Offset just past its last byte (a CR before the LF excluded).
        var end: Int
        /// Line number, from 1.
        var number: Int
    }

    /// One question's (or a category's) lines.
    struct Block {
        /// The lines that are not comments.
        var lines: [SourceLine] = []
        /// The comment lines' text after `//`, trimmed.
        var comments: [String] = []
    }

    /// The whole file.
    let bytes: [UInt8]
    /// The file's path, for diagnostics.
    let file: String

    /// The file's lines, in one pass: LF ends a line (CR in a file
    /// without LF: `TextEncoding.lineTerminator`), a CR before it is
    /// dropped, a byte-order mark at the start is skipped.
    func lines() -> [SourceLine] {
        var result: [SourceLine] = []
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var number = 1
        let terminator = TextEncoding.lineTerminator(of: bytes)
        while start <= bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != terminator { end += 1 }
            let next = end + 1
            if end > start, bytes[end - 1] == 0x0D { end -= 1 }
            result.append(SourceLine(start: start, end: end, number: number))
            start = next
            number += 1
        }
        return result
    }

    /// Splits the file into blocks at blank lines, in one pass.
    func blocks() -> [Block] {
        var result: [Block] = []
        var current = Block()
        for line in lines() {
            var first = line.start
            while first < line.end, bytes[first] == 0x20 || bytes[first] == 0x09 { first += 1 }
            if first == line.end {
                if !current.lines.isEmpty || !current.comments.isEmpty { result.append(current) }
                current = Block()
            } else if line.end - first >= 2, bytes[first] == 0x2F, bytes[first + 1] == 0x2F {
                current.comments.append(text(first + 2, line.end).trimmedSpaces())
            } else {
                current.lines.append(line)
            }
        }
        if !current.lines.isEmpty || !current.comments.isEmpty { result.append(current) }
        return result
    }

    /// The bytes `from..<to` as text (invalid UTF-8 read as U+FFFD).
    func text(_ from: Int, _ to: Int) -> String {
        String(decoding: bytes[from..<to], as: UTF8.self).withoutControls()
    }

    /// The place of byte `offset` of `line`: columns count Unicode scalars.
    func location(line: SourceLine, offset: Int) -> SourceLocation {
        var column = 1
        var i = line.start
        while i < offset, i < line.end {
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return SourceLocation(file: file, line: line.number, column: column)
    }
}

extension String {
    /// Control characters (ESC, BEL, DEL, the C1 range; not tab or line
    /// feed) as spaces, as an Anki field's are (`HTMLPlainText`): written
    /// into the deck file, they reached the terminal of anyone who printed
    /// it with `cat`.
    func withoutControls() -> String {
        func replaced(_ scalar: Unicode.Scalar) -> Bool {
            String.isControl(scalar) && scalar != "\t" && scalar != "\n" && scalar != "\r"
        }
        guard unicodeScalars.contains(where: replaced) else { return self }
        return String(String.UnicodeScalarView(unicodeScalars.map { replaced($0) ? " " : $0 }))
    }

    /// A control character (C0, DEL, C1), which a terminal may act on: the
    /// one test of the formats read here.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value)
    }

    /// Without spaces, tabs and line ends at either end.
    func trimmedSpaces() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" || f == "\n" || f == "\r" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\n" || l == "\r" { s = s.dropLast() }
        return String(s)
    }
}
