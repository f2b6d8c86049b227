import Foundation

/// The encoding rules of a deck file (docs/deck-format.md, "Encoding"),
/// for every reader of text files: a UTF-16 file, a binary one (a NUL near
/// the start), and bytes that are not UTF-8 at their line and column.
///
/// The deck parser reads on past bad bytes (as U+FFFD) so the rest of a
/// deck still loads; a reader that writes what it read somewhere else (an
/// import) must stop instead, or it writes the replacement characters into
/// a deck that then checks clean.
public enum TextEncoding {
    /// The byte that ends a line of `buffer`: LF, but CR in a file that
    /// has CR and no LF at all (old Mac files, and what some spreadsheet
    /// and quiz tools still save), which would otherwise be one long line.
    /// A CR before an LF (Windows) is the readers' to drop. Every reader of
    /// a text file splits its lines by this one rule, so a place reported
    /// in such a file is the line an editor shows.
    public static func lineTerminator(of buffer: UnsafeBufferPointer<UInt8>) -> UInt8 {
        guard let base = buffer.baseAddress, !buffer.isEmpty else { return .newline }
        return memchr(base, Int32(UInt8.newline), buffer.count) == nil
            && memchr(base, Int32(UInt8.carriageReturn), buffer.count) != nil ? .carriageReturn : .newline
    }

    /// `lineTerminator(of:)` of `bytes`.
    public static func lineTerminator(of bytes: [UInt8]) -> UInt8 {
        bytes.withUnsafeBufferPointer { lineTerminator(of: $0) }
    }

    /// One line of a text file, as `lines(of:)` cuts it.
    public struct TextLine: Hashable, Sendable {
        /// Where the line starts.
        public var start: Int
        /// Where its text ends: before its line end, and before a CR
        /// that comes before an LF.
        public var contentEnd: Int
        /// Just past its line end (the file's end for a last line without one).
        public var end: Int
    }

    /// The lines of `bytes` after a byte-order mark, numbered from 1 as
    /// the parser numbers them (`lineTerminator(of:)`): what the tools that
    /// write deck files (`fmt`, `pin-ids`, fixes) edit line by line. A file
    /// ending with a line end has no empty line after it.
    public static func lines(of bytes: [UInt8]) -> [TextLine] {
        let terminator = lineTerminator(of: bytes)
        var lines: [TextLine] = []
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while start < bytes.count {
            let found = bytes[start...].firstIndex(of: terminator)
            let end = found.map { $0 + 1 } ?? bytes.count
            var contentEnd = found ?? bytes.count
            if terminator == .newline, found != nil, contentEnd > start, bytes[contentEnd - 1] == .carriageReturn {
                contentEnd -= 1
            }
            lines.append(TextLine(start: start, contentEnd: contentEnd, end: end))
            start = end
        }
        return lines
    }

    /// Why a file cannot be read as text at all, or nil: UTF-16, or a NUL
    /// byte among the first `DeckParser.binaryProbeLength` bytes after a
    /// byte-order mark at `start`.
    static func wholeFileProblem(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int, file: String) -> Diagnostic? {
        if looksLikeUTF16(buffer) {
            return DeckIssue.utf16.at(SourceLocation(file: file, line: 1, column: 1))
        }
        let probeEnd = min(buffer.count, DeckParser.binaryProbeLength)
        guard start < probeEnd, let base = buffer.baseAddress, let hit = memchr(base + start, 0, probeEnd - start)
        else { return nil }
        let nul = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        var line = 1
        var lineBegin = start
        let terminator = lineTerminator(of: buffer)
        for i in start..<nul where buffer[i] == terminator {
            line += 1
            lineBegin = i + 1
        }
        let column = UTF8Scan.scalarCount(buffer, lineBegin, nul) + 1
        return DeckIssue.binaryFile.at(SourceLocation(file: file, line: line, column: column))
    }

    /// Every encoding problem of `bytes`, the file `file`, up to `limit`:
    /// the whole-file one alone, else the first bad sequence and the first
    /// NUL byte of each line. Empty for UTF-8 text (a byte-order mark and
    /// CRLF line ends are fine).
    public static func problems(in bytes: [UInt8], file: String, limit: Int = 20) -> [Diagnostic] {
        bytes.withUnsafeBufferPointer { buffer in
            let start = buffer.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            if let whole = wholeFileProblem(buffer, from: start, file: file) { return [whole] }
            var found: [Diagnostic] = []
            var lineStart = start
            var number = 1
            let terminator = lineTerminator(of: buffer)
            while lineStart <= buffer.count, found.count < limit {
                var end = lineStart
                while end < buffer.count, buffer[end] != terminator { end += 1 }
                let report = UTF8Scan.scan(buffer, lineStart, end)
                for (offset, issue) in [(report.firstInvalid, DeckIssue.invalidUTF8), (report.firstNUL, .nulByte)] {
                    guard let offset else { continue }
                    let column = UTF8Scan.scalarCount(buffer, lineStart, offset) + 1
                    found.append(issue.at(SourceLocation(file: file, line: number, column: column)))
                }
                lineStart = end + 1
                number += 1
            }
            return Array(found.prefix(limit))
        }
    }

    /// Whether the file is UTF-16: a byte-order mark, or NUL bytes at one
    /// parity only among the first 512 bytes (spaces, digits and Latin
    /// letters have a zero high byte; Cyrillic has 0x04), which would
    /// otherwise be reported as a binary file with a zero byte.
    static func looksLikeUTF16(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        guard buffer.count >= 2 else { return false }
        if (buffer[0] == 0xFF && buffer[1] == 0xFE) || (buffer[0] == 0xFE && buffer[1] == 0xFF) { return true }
        let probe = min(buffer.count, 512) & ~1
        guard probe >= 8 else { return false }
        let evenZeros = stride(from: 0, to: probe, by: 2).count { buffer[$0] == 0 }
        let oddZeros = stride(from: 1, to: probe, by: 2).count { buffer[$0] == 0 }
        let enough = max(2, probe / 16)
        return (evenZeros == 0 && oddZeros >= enough) || (oddZeros == 0 && evenZeros >= enough)
    }
}
