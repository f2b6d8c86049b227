/// HTML to text lines (kazakh-text.md §5.4, rule 7): block elements end a
/// line, scripts and styles are dropped, entities are decoded, and every
/// text line keeps the line of the file where its first word stood.
public enum HTMLText {
    /// Elements that end a line of text.
    static let blockElements: Set<String> = [
        "p", "br", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "table",
        "blockquote", "section", "article", "header", "footer", "title", "hr", "dt", "dd", "pre",
    ]
    /// Elements whose content is not text for a reader.
    static let skippedElements: Set<String> = ["script", "style", "head", "noscript", "template"]

    static let namedEntities: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "laquo": "«", "raquo": "»",
        "ndash": "–", "mdash": "—", "hellip": "…", "rsquo": "’", "lsquo": "‘", "rdquo": "”", "ldquo": "“",
        "bull": "•", "shy": "", "copy": "©", "deg": "°", "numero": "№",
    ]

    /// The lines of text in `html`, with a summary of what was removed.
    ///
    /// The page is read once, byte by byte over its UTF-8 (every character
    /// of the markup is ASCII): a `<` with no `>` after it, or a comment
    /// never closed, is looked for once and remembered, so neither makes
    /// the reading quadratic, and no array of Characters (16 bytes each)
    /// is built for a page of many megabytes.
    public static func lines(from html: String, file: String) -> (lines: [SourceLine], repairs: [Repair]) {
        // The page's own UTF-8, read in place: a copy of it as an array
        // would be one more page-sized buffer.
        var html = html
        return html.withUTF8 { lines(fromUTF8: $0, file: file) }
    }

    static func lines(fromUTF8 bytes: UnsafeBufferPointer<UInt8>, file: String) -> (lines: [SourceLine], repairs: [Repair]) {
        var lines: [SourceLine] = []
        var current: [UInt8] = []
        var currentLine = 0
        var fileLine = 1
        var tags = 0
        var entities: [String: Int] = [:]
        var controls: [String: Int] = [:]
        var skipping: String? = nil
        // The next `>` at or after the reading position (bytes.count: none
        // left), and the same for the end of a comment.
        var nextClose = -1
        var nextCommentEnd = -1

        func endLine() {
            let decoded = String(decoding: current, as: UTF8.self)
            let joined = TextDecoding.foldSpaces(Substring(decoded)).split(separator: " ").joined(separator: " ")
            // `joined` grows its buffer by doubling; the line keeps a copy
            // of its own size, as the lines of a large page are its whole text.
            let text = String(unsafeUninitializedCapacity: joined.utf8.count) { buffer in
                buffer.initialize(fromContentsOf: joined.utf8)
            }
            if !text.isEmpty { lines.append(SourceLine(number: currentLine, text: text)) }
            current.removeAll(keepingCapacity: true)
            currentLine = 0
        }
        func append(_ piece: some Collection<UInt8>, visible: Bool) {
            if currentLine == 0 && visible { currentLine = fileLine }
            current.append(contentsOf: piece)
        }

        var i = 0
        while i < bytes.count {
            let c = bytes[i]
            // As in a browser, `<` opens a tag only before a letter, `/`, `!`
            // or `?`; `a < b` is text.
            if c == UInt8(ascii: "<"), i + 1 < bytes.count, opensTag(bytes[i + 1]) {
                if nextClose < i { nextClose = bytes[i...].firstIndex(of: UInt8(ascii: ">")) ?? bytes.count }
                if nextClose < bytes.count {
                    let end = nextClose
                    let inner = bytes[(i + 1)..<end]
                    let newlines = inner.reduce(0) { $1 == 10 ? $0 + 1 : $0 }
                    i = end + 1
                    if inner.starts(with: Array("!--".utf8)) {
                        // A comment may hold '>' — skip to its real end.
                        if !inner.reversed().starts(with: [45, 45]) {
                            if nextCommentEnd < i { nextCommentEnd = find([45, 45, 62], in: bytes, from: i) ?? bytes.count }
                            if nextCommentEnd < bytes.count {
                                fileLine += bytes[i..<nextCommentEnd].reduce(0) { $1 == 10 ? $0 + 1 : $0 }
                                i = nextCommentEnd + 3
                            }
                        }
                        fileLine += newlines
                        continue
                    }
                    fileLine += newlines
                    tags += 1
                    let name = tagName(inner)
                    let closing = inner.first == UInt8(ascii: "/")
                    if let skip = skipping {
                        if closing && name == skip { skipping = nil }
                        continue
                    }
                    if !closing && skippedElements.contains(name) && inner.last != UInt8(ascii: "/") {
                        skipping = name
                        continue
                    }
                    if blockElements.contains(name) { endLine() } else { append([32], visible: false) }
                    continue
                }
            }
            if c == 10 { fileLine += 1 }
            if skipping != nil { i += 1; continue }
            if c == UInt8(ascii: "&"), let (decoded, length, name) = entity(at: i, in: bytes) {
                if decoded.unicodeScalars.contains(where: TextDecoding.isControl) {
                    // `&#0;`, `&#27;`: a NUL or an escape sequence has no
                    // place in a deck or on a terminal.
                    controls[name, default: 0] += 1
                } else {
                    entities[name, default: 0] += 1
                    append(Array(decoded.utf8), visible: !decoded.allSatisfy(\.isWhitespace))
                }
                i += length
                continue
            }
            // A no-break space (C2 A0) is white space, as a line of its own.
            let nbsp = (c == 0xC2 && i + 1 < bytes.count && bytes[i + 1] == 0xA0) || (c == 0xA0 && i > 0 && bytes[i - 1] == 0xC2)
            append(CollectionOfOne(c), visible: !(c == 32 || c == 9 || c == 10 || c == 13 || nbsp))
            i += 1
        }
        endLine()
        let entityList = entities.sorted { $0.key < $1.key }.map { "&\($0.key); ×\($0.value)" }
        let controlList = controls.sorted { $0.key < $1.key }.map { "&\($0.key); ×\($0.value)" }
        let reason = "\(tags) tags removed" + (entityList.isEmpty ? "" : "; entities decoded: " + entityList.joined(separator: ", "))
            + (controlList.isEmpty ? "" : "; control characters dropped: " + controlList.joined(separator: ", "))
        let repair = Repair(
            kind: .html, file: file, line: 1, before: "HTML", after: "\(lines.count) lines of text", reason: reason)
        return (lines, [repair])
    }

    static func opensTag(_ byte: UInt8) -> Bool {
        (65...90).contains(byte) || (97...122).contains(byte) || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "!")
            || byte == UInt8(ascii: "?")
    }

    /// Where `needle` next occurs in `bytes` at or after `start`.
    static func find(_ needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let first = needle.first else { return nil }
        var i = start
        while i + needle.count <= bytes.count {
            guard let hit = bytes[i...].firstIndex(of: first), hit + needle.count <= bytes.count else { return nil }
            if bytes[hit..<(hit + needle.count)].elementsEqual(needle) { return hit }
            i = hit + 1
        }
        return nil
    }

    /// The element name of a tag's inside: `p align="right"` → `p`, `/div` → `div`.
    static func tagName(_ inner: Slice<UnsafeBufferPointer<UInt8>>) -> String {
        var s = inner
        if s.first == UInt8(ascii: "/") { s = s.dropFirst() }
        let name = s.prefix { (65...90).contains($0) || (97...122).contains($0) || (48...57).contains($0) }
        return String(decoding: name, as: UTF8.self).lowercased()
    }

    /// A character reference at `start`: its text, its length, and its name
    /// for the log (`amp`, `#160`).
    static func entity(at start: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (String, Int, String)? {
        var j = start + 1
        var name = ""
        while j < bytes.count, j - start <= 12, bytes[j] != UInt8(ascii: ";") {
            let b = bytes[j]
            guard (65...90).contains(b) || (97...122).contains(b) || (48...57).contains(b) || b == UInt8(ascii: "#") else { return nil }
            name.append(Character(Unicode.Scalar(b)))
            j += 1
        }
        guard j < bytes.count, bytes[j] == UInt8(ascii: ";"), !name.isEmpty else { return nil }
        let length = j - start + 1
        if name.hasPrefix("#") {
            let digits = name.dropFirst()
            let value: UInt32?
            if digits.first == "x" || digits.first == "X" {
                value = UInt32(digits.dropFirst(), radix: 16)
            } else {
                value = UInt32(digits)
            }
            guard let v = value, let scalar = Unicode.Scalar(v) else { return nil }
            return (String(Character(scalar)), length, name)
        }
        guard let text = namedEntities[name] else { return nil }
        return (text, length, name)
    }
}

extension String {
    func trimmingCharacters(in set: Character) -> String {
        // Most lines need nothing trimmed: no copy of them then.
        guard first == set || last == set else { return self }
        var s = self[...]
        while s.first == set { s = s.dropFirst() }
        while s.last == set { s = s.dropLast() }
        return String(s)
    }
}
