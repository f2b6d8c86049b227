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
        /// The scalars to replace (offsets from the start of the text) and
        /// what with: the repair `jatta check` suggests and `jatta fmt` makes.
        var replace: Range<Int>
        var with: String
    }

    /// Letters that write Roman numerals: `XX ғасыр` is right as it is.
    static let romanNumerals: Set<Unicode.Scalar> = ["I", "V", "X", "L", "C", "D", "M"]

    /// Words of two or more upper-case Latin letters that all have
    /// Cyrillic look-alikes (`HATO`, `KCPO`), in a text that holds
    /// Cyrillic: most likely a Cyrillic abbreviation pasted from a PDF or
    /// typed on the wrong layout. An English word (`Peace`, mixed case) and
    /// Roman numerals (`XX ғасыр`) are left alone.
    static func latinWords(in scalars: [Unicode.Scalar]) -> [Report] {
        guard scalars.contains(where: { $0.value >= 0x400 && $0.value <= 0x4FF }) else { return [] }
        var reports: [Report] = []
        var i = 0
        while i < scalars.count {
            guard scalars[i].properties.isAlphabetic else {
                i += 1
                continue
            }
            var end = i
            while end < scalars.count, scalars[end].properties.isAlphabetic { end += 1 }
            let word = scalars[i..<end]
            if word.count >= 2,
                word.allSatisfy({ $0.isASCII && $0.properties.isUppercase && Homoglyphs.latinToCyrillic[$0] != nil }),
                !word.allSatisfy(romanNumerals.contains)
            {
                var latin = String.UnicodeScalarView()
                latin.append(contentsOf: word)
                var cyrillic = String.UnicodeScalarView()
                cyrillic.append(contentsOf: word.compactMap { Homoglyphs.latinToCyrillic[$0] })
                reports.append(
                    Report(
                        scalarOffset: i, issue: .latinWord(word: String(latin), meant: String(cyrillic)), replace: i..<end,
                        with: String(cyrillic)))
            }
            i = end
        }
        return reports
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
        let scalars = Array(text.unicodeScalars)
        var reports: [Report] = latinWords(in: scalars)
        let findings = Homoglyphs.findings(in: text)
        if findings.isEmpty { return Array(reports.prefix(limit)) }
        var index = 0
        while index < findings.count, reports.count < limit {
            let finding = findings[index]
            if !finding.isLatinInCyrillicWord {
                reports.append(
                    Report(
                        scalarOffset: finding.scalarOffset,
                        issue: .wrongLetter(found: String(finding.found), meant: String(finding.replacement)),
                        replace: finding.scalarOffset..<finding.scalarOffset + 1, with: String(finding.replacement)))
                index += 1
                continue
            }
            var start = finding.scalarOffset
            while start > 0, scalars[start - 1].properties.isAlphabetic { start -= 1 }
            var end = finding.scalarOffset
            while end < scalars.count, scalars[end].properties.isAlphabetic { end += 1 }
            var letters: [String] = []
            var repaired = Array(scalars[start..<end])
            while index < findings.count, findings[index].scalarOffset < end {
                let f = findings[index]
                if f.isLatinInCyrillicWord {
                    let pair = "\(f.found)→\(f.replacement)"
                    if !letters.contains(pair) { letters.append(pair) }
                    repaired[f.scalarOffset - start] = f.replacement
                } else {
                    reports.append(
                        Report(
                            scalarOffset: f.scalarOffset, issue: .wrongLetter(found: String(f.found), meant: String(f.replacement)),
                            replace: f.scalarOffset..<f.scalarOffset + 1, with: String(f.replacement)))
                }
                index += 1
            }
            var word = String.UnicodeScalarView()
            word.append(contentsOf: scalars[start..<end])
            var fixed = String.UnicodeScalarView()
            fixed.append(contentsOf: repaired)
            // The whole word is replaced, so a ӛ inside it is fixed by its
            // own report only once (the word's replacement keeps it).
            reports.append(
                Report(
                    scalarOffset: finding.scalarOffset,
                    issue: .latinInCyrillicWord(word: String(word), letters: letters.joined(separator: ", ")),
                    replace: start..<end, with: String(fixed)))
        }
        return Array(reports.sorted { $0.scalarOffset < $1.scalarOffset }.prefix(limit))
    }
}
