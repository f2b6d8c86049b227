import KazakhText

/// Finds look-alike letters in a line of deck text: Latin letters inside
/// Cyrillic words and letters that are never Kazakh (ӛ for ө, …).
///
/// `Homoglyphs.findings` decides; a byte pre-filter keeps it off the lines
/// that cannot hold a finding, which are nearly all of them, so checking
/// every line costs one pass over its bytes.
enum LookalikeScan {
    /// One problem word or letter, ready to report.
    struct Report: Equatable {
        /// Scalar offset from the start of the scanned text (0-based).
        var scalarOffset: Int
        var issue: DeckIssue
    }

    /// Two-byte UTF-8 sequences of the never-Kazakh letters, indexed by
    /// `lead << 8 | second`.
    private static let alwaysWrongPairs: [Bool] = {
        var table = [Bool](repeating: false, count: 65536)
        for scalar in Homoglyphs.alwaysWrong.keys {
            let bytes = Array(String(Character(scalar)).utf8)
            if bytes.count == 2 { table[Int(bytes[0]) << 8 | Int(bytes[1])] = true }
        }
        return table
    }()

    /// ASCII letters that pass for Cyrillic ones.
    private static let latinLookalike: [Bool] = {
        var table = [Bool](repeating: false, count: 128)
        for scalar in Homoglyphs.latinToCyrillic.keys where scalar.isASCII { table[Int(scalar.value)] = true }
        return table
    }()

    /// Whether `buffer[from..<to]` may hold a finding: a never-Kazakh letter,
    /// or a run of letters holding both a Latin look-alike and a Cyrillic
    /// letter. A superset of what `Homoglyphs.findings` reports.
    static func mayHoldFindings(_ buffer: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Bool {
        withTables { pairs, lookalike in mayHoldFindings(buffer, from, to, pairs: pairs, lookalike: lookalike) }
    }

    /// The never-Kazakh pair table and the Latin look-alike table, for a
    /// scan that runs this filter inside its own pass (`UTF8Scan.scan`).
    static func withTables<R>(_ body: (UnsafeBufferPointer<Bool>, UnsafeBufferPointer<Bool>) -> R) -> R {
        alwaysWrongPairs.withUnsafeBufferPointer { pairs in
            latinLookalike.withUnsafeBufferPointer { lookalike in body(pairs, lookalike) }
        }
    }

    private static func mayHoldFindings(
        _ buffer: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int, pairs: UnsafeBufferPointer<Bool>,
        lookalike: UnsafeBufferPointer<Bool>
    ) -> Bool {
        var latin = false
        var cyrillic = false
        var i = from
        while i < to {
            let b = buffer[i]
            if b < 0x80 {
                if Line.isASCIILetter(b) {
                    if lookalike[Int(b)] { latin = true }
                } else {
                    if latin && cyrillic { return true }
                    latin = false
                    cyrillic = false
                }
                i += 1
            } else if b >= 0xC0, i + 1 < to, buffer[i + 1] & 0xC0 == 0x80 {
                // A lead byte and its second byte at once: one step per
                // Cyrillic letter.
                if pairs[Int(b) << 8 | Int(buffer[i + 1])] { return true }
                if b >= 0xD0 && b <= 0xD4 { cyrillic = true }
                i += 2
            } else {
                i += 1
            }
        }
        return latin && cyrillic
    }

    /// The findings in `text`, one report per word with Latin letters and
    /// one per never-Kazakh letter, at most `limit`.
    static func reports(in text: String, limit: Int) -> [Report] {
        let findings = Homoglyphs.findings(in: text)
        if findings.isEmpty { return [] }
        let scalars = Array(text.unicodeScalars)
        var reports: [Report] = []
        var index = 0
        while index < findings.count, reports.count < limit {
            let finding = findings[index]
            if !finding.isLatinInCyrillicWord {
                reports.append(
                    Report(
                        scalarOffset: finding.scalarOffset,
                        issue: .wrongLetter(found: String(finding.found), meant: String(finding.replacement))))
                index += 1
                continue
            }
            var start = finding.scalarOffset
            while start > 0, scalars[start - 1].properties.isAlphabetic { start -= 1 }
            var end = finding.scalarOffset
            while end < scalars.count, scalars[end].properties.isAlphabetic { end += 1 }
            var letters: [String] = []
            while index < findings.count, findings[index].scalarOffset < end {
                let f = findings[index]
                if f.isLatinInCyrillicWord {
                    let pair = "\(f.found)→\(f.replacement)"
                    if !letters.contains(pair) { letters.append(pair) }
                } else {
                    reports.append(
                        Report(scalarOffset: f.scalarOffset, issue: .wrongLetter(found: String(f.found), meant: String(f.replacement))))
                }
                index += 1
            }
            var word = String.UnicodeScalarView()
            word.append(contentsOf: scalars[start..<end])
            reports.append(
                Report(
                    scalarOffset: finding.scalarOffset,
                    issue: .latinInCyrillicWord(word: String(word), letters: letters.joined(separator: ", "))))
        }
        return reports.sorted { $0.scalarOffset < $1.scalarOffset }
    }
}
