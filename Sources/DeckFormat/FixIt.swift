/// A repair a diagnostic suggests, as edits that can be applied to the
/// file: `jatta check` prints it, and tests apply it and check the file
/// again, so every suggested fix is known to work.
public struct FixIt: Hashable, Sendable {
    /// One change to the file's lines. Lines count from 1, columns count
    /// Unicode scalars from 1, as in diagnostics.
    public enum Edit: Hashable, Sendable {
        /// Replaces the text of `line` (not its line end) with `text`.
        case replaceLine(Int, with: String)
        /// Removes `line` with its line end.
        case deleteLine(Int)
        /// Adds `text` as a new line after `line` (0: before the first).
        case insertLine(after: Int, text: String)
        /// Replaces the scalars in columns `from..<to` of `line` with `text`.
        case replaceColumns(line: Int, from: Int, to: Int, with: String)
    }

    /// The edits, applied together (line numbers are those of the file
    /// before any of them).
    public var edits: [Edit]
    /// What the fix does, in Kazakh.
    public var kk: String
    /// What the fix does, in English.
    public var en: String

    public init(_ edits: [Edit], kk: String, en: String) {
        self.edits = edits
        self.kk = kk
        self.en = en
    }

    /// `bytes` with the edits made. Every byte outside the edited lines is
    /// kept; inserted lines end like the file's first line (LF or CRLF).
    public func apply(to bytes: [UInt8]) -> [UInt8] {
        LineEdits.apply(edits, to: bytes)
    }
}

/// Applying `FixIt.Edit`s to a file's bytes.
enum LineEdits {
    static func apply(_ edits: [FixIt.Edit], to bytes: [UInt8]) -> [UInt8] {
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let bom = bytes[0..<start]
        // Lines as the parser numbers them (a file of lone CRs included):
        // a fix's line is the parser's.
        let lines = TextEncoding.lines(of: bytes).map { (content: bytes[$0.start..<$0.contentEnd], end: bytes[$0.contentEnd..<$0.end]) }
        let newline: [UInt8] =
            lines.first.map { Array($0.end) }.flatMap { $0.isEmpty ? nil : $0 } ?? [TextEncoding.lineTerminator(of: bytes)]

        var replaced: [Int: [UInt8]] = [:]
        var deleted = Set<Int>()
        var inserted: [Int: [[UInt8]]] = [:]
        for edit in edits {
            switch edit {
            case .replaceLine(let line, let text):
                replaced[line] = Array(text.utf8)
            case .deleteLine(let line):
                deleted.insert(line)
            case .insertLine(let after, let text):
                inserted[after, default: []].append(Array(text.utf8))
            case .replaceColumns(let line, let from, let to, let text):
                guard line >= 1, line <= lines.count else { continue }
                let scalars = Array(String(decoding: replaced[line] ?? Array(lines[line - 1].content), as: UTF8.self).unicodeScalars)
                let lower = max(0, min(scalars.count, from - 1))
                let upper = max(lower, min(scalars.count, to - 1))
                var out = String.UnicodeScalarView()
                out.append(contentsOf: scalars[..<lower])
                out.append(contentsOf: text.unicodeScalars)
                out.append(contentsOf: scalars[upper...])
                replaced[line] = Array(String(out).utf8)
            }
        }
        var out = Array(bom)
        out.reserveCapacity(bytes.count + 64)
        for text in inserted[0] ?? [] { out += text + newline }
        for (index, line) in lines.enumerated() {
            let number = index + 1
            let more = inserted[number] ?? []
            if !deleted.contains(number) {
                out += replaced[number] ?? Array(line.content)
                if line.end.isEmpty && !more.isEmpty { out += newline } else { out += line.end }
            }
            for (k, text) in more.enumerated() {
                out += text
                if k < more.count - 1 || !line.end.isEmpty { out += newline }
            }
        }
        // Lines inserted after the last line of a file with no lines.
        if lines.isEmpty { for (after, texts) in inserted where after > 0 { for t in texts { out += t + newline } } }
        return out
    }
}
