import DeckFormat

/// Turns the bytes of a lecture file into lines of text, refusing what is
/// not text (a PDF or a Word file passed by mistake) with a clear message.
public enum TextDecoding {
    /// The file's text: UTF-8 without a byte-order mark, CRLF read as LF,
    /// every kind of space folded to a plain space.
    public static func decode(_ bytes: [UInt8], file: String) throws(LectureError) -> String {
        if bytes.starts(with: Array("%PDF".utf8)) {
            throw .notText(file, kk: "PDF файлы; алдымен мәтін ретінде сақтаңыз", en: "a PDF file; save it as text first")
        }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            throw .notText(file, kk: "ZIP немесе Word (.docx) файлы", en: "a ZIP or Word (.docx) file")
        }
        // The deck format's encoding rules (UTF-16, a zero byte, bytes that
        // are not UTF-8), each said in its own language at its line and
        // column, with what to do.
        if let problem = TextEncoding.problems(in: bytes, file: file, limit: 1).first {
            let at = "\(problem.location.line):\(problem.location.column)"
            switch problem.code {
            case "utf16":
                throw .notText(file, kk: problem.messageKK, en: problem.messageEN)
            case "invalid-utf8":
                throw .notText(
                    file,
                    kk: "\(at): UTF-8 емес байт; файлды UTF-8 ретінде сақтаңыз (Windows-1251 болса: iconv -f CP1251 -t UTF-8)",
                    en: "\(at): a byte that is not UTF-8; save the file as UTF-8 (from Windows-1251: iconv -f CP1251 -t UTF-8)")
            default:
                throw .notText(file, kk: "\(at): нөл байт; бұл мәтін емес сияқты", en: "\(at): a zero byte; this does not look like text")
            }
        }
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        let text = String(decoding: body, as: UTF8.self).replacingCRLF()
        if text.allSatisfy({ $0.isWhitespace }) { throw .empty(file) }
        return text
    }

    /// Whether `text` is an HTML page or fragment rather than plain text:
    /// the file is named .html/.htm, or it opens with a tag and holds
    /// closing tags of text blocks.
    public static func looksLikeHTML(_ text: String, file: String) -> Bool {
        let lower = file.lowercased()
        if lower.hasSuffix(".html") || lower.hasSuffix(".htm") { return true }
        let head = text.drop(while: { $0.isWhitespace })
        guard head.first == "<" else { return false }
        let sample = text.prefix(20_000).lowercased()
        return ["</p>", "</div>", "</h1>", "</li>", "<br"].contains { sample.contains($0) }
    }

    /// The text's lines, numbered from 1, with every kind of space (NBSP,
    /// tabs, thin spaces) made a plain space and trailing spaces dropped.
    /// Leading spaces are kept: an indented line starts a paragraph.
    public static func lines(of text: String) -> [SourceLine] {
        var result: [SourceLine] = []
        var number = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            result.append(SourceLine(number: number, text: foldSpaces(raw)))
        }
        while let last = result.last, last.text.isEmpty { result.removeLast() }
        return result
    }

    /// Unicode white space and invisible characters folded within a line,
    /// control characters dropped; trailing white space dropped.
    static func foldSpaces(_ line: Substring) -> String {
        var out = String.UnicodeScalarView()
        for s in line.unicodeScalars {
            // Printable ASCII and the Cyrillic letters (nearly every scalar of
            // a lecture) are neither space, control nor invisible: kept
            // without looking up their properties.
            if (0x21...0x7E).contains(s.value) || (0x0400...0x04FF).contains(s.value) {
                out.append(s)
                continue
            }
            if invisible.contains(s) { continue }
            if s.properties.isWhitespace {
                out.append(" ")
            } else if !isControl(s) {
                out.append(s)
            }
        }
        var text = String(out)
        while text.last == " " { text.removeLast() }
        return text
    }

    /// A control character that is no white space (ESC, DEL, the C1
    /// range): never text, and on a terminal the start of a command.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .control && !scalar.properties.isWhitespace
    }

    static let invisible: Set<Unicode.Scalar> = [
        "\u{00AD}", "\u{200B}", "\u{200C}", "\u{200D}", "\u{2060}", "\u{FEFF}", "\u{200E}", "\u{200F}",
    ]
}

extension String {
    func replacingCRLF() -> String {
        guard utf8.contains(13) else { return self }
        var out = String.UnicodeScalarView()
        var pendingCR = false
        for s in unicodeScalars {
            if pendingCR && s != "\n" { out.append("\n") }
            pendingCR = s == "\r"
            if !pendingCR { out.append(s) }
        }
        if pendingCR { out.append("\n") }
        return String(out)
    }
}
