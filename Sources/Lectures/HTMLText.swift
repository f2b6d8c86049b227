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
    public static func lines(from html: String, file: String) -> (lines: [SourceLine], repairs: [Repair]) {
        var lines: [SourceLine] = []
        var current = ""
        var currentLine = 0
        var fileLine = 1
        var tags = 0
        var entities: [String: Int] = [:]
        var skipping: String? = nil

        func endLine() {
            let text = TextDecoding.foldSpaces(Substring(current)).split(separator: " ").joined(separator: " ")
            if !text.isEmpty { lines.append(SourceLine(number: currentLine, text: text)) }
            current = ""
            currentLine = 0
        }
        func appendText(_ s: String) {
            if currentLine == 0 && !s.allSatisfy({ $0.isWhitespace }) { currentLine = fileLine }
            current += s
        }

        let chars = Array(html)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "<", let end = chars[i...].firstIndex(of: ">") {
                let inner = String(chars[(i + 1)..<end])
                let newlines = inner.filter { $0 == "\n" }.count
                i = end + 1
                if inner.hasPrefix("!--") {
                    // A comment may hold '>' — skip to its real end.
                    if !inner.hasSuffix("--"), let close = find("-->", in: chars, from: i) {
                        fileLine += chars[i..<close].filter { $0 == "\n" }.count
                        i = close + 3
                    }
                    fileLine += newlines
                    continue
                }
                fileLine += newlines
                tags += 1
                let name = tagName(inner)
                let closing = inner.hasPrefix("/")
                if let skip = skipping {
                    if closing && name == skip { skipping = nil }
                    continue
                }
                if !closing && skippedElements.contains(name) && !inner.hasSuffix("/") {
                    skipping = name
                    continue
                }
                if blockElements.contains(name) { endLine() } else { appendText(" ") }
                continue
            }
            if c == "\n" { fileLine += 1 }
            if skipping != nil { i += 1; continue }
            if c == "&", let (decoded, length, name) = entity(at: i, in: chars) {
                entities[name, default: 0] += 1
                appendText(decoded)
                i += length
                continue
            }
            appendText(String(c))
            i += 1
        }
        endLine()
        let entityList = entities.sorted { $0.key < $1.key }.map { "&\($0.key); ×\($0.value)" }
        let reason = "\(tags) tags removed" + (entityList.isEmpty ? "" : "; entities decoded: " + entityList.joined(separator: ", "))
        let repair = Repair(
            kind: .html, file: file, line: 1, before: "HTML", after: "\(lines.count) lines of text", reason: reason)
        return (lines, [repair])
    }

    static func find(_ needle: String, in chars: [Character], from start: Int) -> Int? {
        let n = Array(needle)
        guard n.count <= chars.count else { return nil }
        var i = start
        while i + n.count <= chars.count {
            if Array(chars[i..<(i + n.count)]) == n { return i }
            i += 1
        }
        return nil
    }

    /// The element name of a tag's inside: `p align="right"` → `p`, `/div` → `div`.
    static func tagName(_ inner: String) -> String {
        var s = Substring(inner)
        if s.first == "/" { s = s.dropFirst() }
        return String(s.prefix { $0.isLetter || $0.isNumber }).lowercased()
    }

    /// A character reference at `start`: its text, its length, and its name
    /// for the log (`amp`, `#160`).
    static func entity(at start: Int, in chars: [Character]) -> (String, Int, String)? {
        var j = start + 1
        var name = ""
        while j < chars.count, j - start <= 12, chars[j] != ";" {
            guard chars[j].isLetter || chars[j].isNumber || chars[j] == "#" else { return nil }
            name.append(chars[j])
            j += 1
        }
        guard j < chars.count, chars[j] == ";", !name.isEmpty else { return nil }
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
        var s = self[...]
        while s.first == set { s = s.dropFirst() }
        while s.last == set { s = s.dropLast() }
        return String(s)
    }
}
