import DeckFormat
import Foundation
import TerminalUI

/// Writes diagnostics as a compiler does:
///
///     decks/x.deck:12:3: error: unknown field 'levl:' [unknown-field]
///     levl: 2
///       ^
///
/// The keywords `error` and `warning` stay in English so that editors
/// and CI problem matchers recognise them; the message is in the chosen
/// language.
struct DiagnosticFormatter {
    var language: Language
    /// Whether to colour `error:` and `warning:` (a terminal that wants it).
    var color = false
    /// The text of a source line, for the excerpt under a diagnostic.
    var sourceLines = SourceLines()

    /// How many columns of a long line to show around the caret.
    static let window = 100

    mutating func format(_ diagnostic: Diagnostic) -> String {
        let place = diagnostic.location
        let severity = diagnostic.severity == .error ? "error" : "warning"
        let painted = color ? (diagnostic.severity == .error ? "\u{1B}[1;31m" : "\u{1B}[1;35m") + severity + "\u{1B}[0m" : severity
        // File names and messages quoting deck text come from outside.
        let message = TerminalText.oneLine(diagnostic.message(language: language.rawValue))
        let file = TerminalText.oneLine(place.file)
        guard place.line > 0 else {
            return "\(file): \(painted): \(message) [\(diagnostic.code)]\n"
        }
        var out = "\(file):\(place.line):\(place.column): \(painted): \(message) [\(diagnostic.code)]\n"
        // A binary or UTF-16 file's "line" is noise.
        if diagnostic.code != "binary-file", diagnostic.code != "utf16",
            let excerpt = sourceLines.excerpt(file: place.file, line: place.line, column: place.column, window: Self.window) {
            out += excerpt.text + "\n" + excerpt.caretLine + "\n"
        }
        if let fix = diagnostic.fix {
            out += language.pick(kk: "  түзету: ", en: "  fix: ") + (language == .kk ? fix.kk : fix.en) + "\n"
        }
        return out
    }

    /// One line for a command that only warns (study, quiz): the place, with
    /// no line and column for a path that could not be read, and the message.
    static func brief(_ diagnostic: Diagnostic, language: Language) -> String {
        let place = diagnostic.location.line > 0 ? diagnostic.location.description : diagnostic.location.file
        return TerminalText.oneLine("\(place): \(diagnostic.message(language: language.rawValue))")
    }

    /// A diagnostic as one JSON object.
    func json(_ diagnostic: Diagnostic) -> JSONValue {
        let fix: JSONValue = diagnostic.fix.map { JSONValue.string(language == .kk ? $0.kk : $0.en) } ?? .null
        return .object([
            ("file", .string(diagnostic.location.file)),
            ("line", .int(diagnostic.location.line)),
            ("column", .int(diagnostic.location.column)),
            ("severity", .string(diagnostic.severity.rawValue)),
            ("code", .string(diagnostic.code)),
            ("message", .string(diagnostic.message(language: language.rawValue))),
            ("message_kk", .string(diagnostic.messageKK)),
            ("message_en", .string(diagnostic.messageEN)),
            ("fix", fix),
        ])
    }
}

/// Source lines read back from deck files for diagnostics, each file read
/// once and indexed by line.
struct SourceLines {
    /// A line to show and the caret under the diagnostic's column.
    struct Excerpt: Equatable {
        var text: String
        var caretLine: String
    }

    /// Each file read so far (kept as read: copying ten 7 MB decks into
    /// arrays was a twentieth of `list` on 200,000 cards with warnings)
    /// and where its lines start.
    private var files: [String: (bytes: Data, lineStarts: [Int])] = [:]

    mutating func excerpt(file: String, line: Int, column: Int, window: Int) -> Excerpt? {
        if files[file] == nil {
            guard let bytes = FileManager.default.contents(atPath: file) else { return nil }
            // memchr finds the line breaks: a byte loop over ten 7 MB decks
            // was another twentieth.
            var starts = [0]
            bytes.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
                guard let base = buffer.baseAddress else { return }
                // Lines end as the parser ended them (a file of lone CRs).
                let terminator = TextEncoding.lineTerminator(of: buffer.assumingMemoryBound(to: UInt8.self))
                var offset = 0
                while offset < buffer.count, let hit = memchr(base + offset, Int32(terminator), buffer.count - offset) {
                    offset = UnsafeRawPointer(hit) - UnsafeRawPointer(base) + 1
                    starts.append(offset)
                }
            }
            files[file] = (bytes, starts)
        }
        guard let entry = files[file], line >= 1, line <= entry.lineStarts.count else { return nil }
        var start = entry.lineStarts[line - 1]
        var end = line < entry.lineStarts.count ? entry.lineStarts[line] - 1 : entry.bytes.count
        if line == 1, entry.bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start += 3 }
        if end > start, entry.bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return Self.excerpt(ArraySlice(entry.bytes[start..<max(start, end)]), column: column, window: window)
    }

    /// The line (a window of it around `column` when it is long) and a
    /// caret placed by display width; tabs are copied into the caret line
    /// so it lines up whatever the tab width.
    static func excerpt(_ bytes: ArraySlice<UInt8>, column: Int, window: Int) -> Excerpt {
        // Scalars are counted on bytes, so a 10 MB line costs a pass or two.
        let total = bytes.reduce(0) { $0 + ($1 & 0xC0 != 0x80 ? 1 : 0) }
        let firstShown = total <= window ? 1 : max(1, min(column - window / 2, total - window + 1))
        var scalarIndex = 0
        var from = bytes.startIndex
        var to = bytes.endIndex
        for i in bytes.indices where bytes[i] & 0xC0 != 0x80 {
            scalarIndex += 1
            if scalarIndex == firstShown { from = i }
            if scalarIndex == firstShown + window {
                to = i
                break
            }
        }
        let cutFront = from != bytes.startIndex
        let cutBack = to != bytes.endIndex
        var text = cutFront ? "…" : ""
        var caret = cutFront ? " " : ""
        var columnHere = firstShown
        for scalar in String(decoding: bytes[from..<to], as: UTF8.self).unicodeScalars {
            let shown = TerminalText.needsReplacing(scalar) ? TerminalText.shown(scalar) : scalar
            text.unicodeScalars.append(shown)
            if columnHere < column {
                caret += shown == "\t" ? "\t" : String(repeating: " ", count: DisplayWidth.of(shown))
            }
            columnHere += 1
        }
        if columnHere < column { caret += String(repeating: " ", count: column - columnHere) }
        if cutBack { text += "…" }
        return Excerpt(text: text, caretLine: caret + "^")
    }
}
