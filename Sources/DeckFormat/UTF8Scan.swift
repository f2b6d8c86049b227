/// Byte-level UTF-8 checks, done once per line so that the rest of the
/// parser can build `String`s with `String(decoding:as:)`, which replaces
/// bad sequences with U+FFFD instead of failing.
enum UTF8Scan {
    /// What a line's bytes hold besides valid UTF-8 text.
    struct Report {
        /// Byte offset of the first malformed sequence, if any.
        var firstInvalid: Int?
        /// Byte offset of the first NUL byte, if any.
        var firstNUL: Int?
        /// False when no text on the line can hold a look-alike finding:
        /// `LookalikeScan.mayHoldFindings` over the whole line, worked out
        /// in the same pass. The parts of a line before its text (a marker,
        /// a field name, `#`, `-`, indentation) are ASCII and end in a
        /// separator, so the answer holds for the text alone as well.
        var mayHoldLookalikes = false
    }

    /// Scans `buffer[start..<end]`: its UTF-8 and, in the same pass, the
    /// look-alike pre-filter, since every text line needs both.
    static func scan(_ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Report {
        LookalikeScan.withTables { pairs, lookalike in scan(buffer, start, end, pairs: pairs, lookalike: lookalike) }
    }

    private static func scan(
        _ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, pairs: UnsafeBufferPointer<Bool>,
        lookalike: UnsafeBufferPointer<Bool>
    ) -> Report {
        var report = Report()
        // The word being read: whether it has a Latin look-alike letter and
        // a Cyrillic letter (as in `LookalikeScan.mayHoldFindings`).
        var latin = false
        var cyrillic = false
        var mayHold = false
        // A whole word of Latin look-alikes (`HATO`) on a line that holds
        // Cyrillic: the word's length so far, whether all its letters are
        // look-alikes, and whether such a word and a Cyrillic letter were seen.
        var latinRun = 0
        var allLookalike = true
        var lookalikeWord = false
        var lineCyrillic = false
        guard let base = buffer.baseAddress else { return report }
        var i = start
        while i < end {
            let b = buffer[i]
            // Fast path: four letters of U+0400–U+047F (lead byte D0 or D1,
            // most of Russian and Kazakh text) at once. They are valid UTF-8
            // and Cyrillic, and none is a never-Kazakh letter but ѳ Ѳ (D1 B3,
            // D1 B2), which go the general way.
            if b >= 0xD0, end - i >= 8 {
                let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                if word & 0xC0FE_C0FE_C0FE_C0FE == 0x80D0_80D0_80D0_80D0 {
                    let fita = (word & 0xFEFF_FEFF_FEFF_FEFF) ^ 0xB2D1_B2D1_B2D1_B2D1
                    let hasFita = (fita &- 0x0001_0001_0001_0001) & ~fita & 0x8000_8000_8000_8000 != 0
                    if !hasFita {
                        cyrillic = true
                        lineCyrillic = true
                        i += 8
                        continue
                    }
                }
            }
            if b < 0x80 {
                if Line.isASCIILetter(b) {
                    if lookalike[Int(b)] { latin = true } else { allLookalike = false }
                    latinRun += 1
                } else {
                    if latin && cyrillic { mayHold = true }
                    if latinRun >= 2 && allLookalike && !cyrillic { lookalikeWord = true }
                    latinRun = 0
                    allLookalike = true
                    latin = false
                    cyrillic = false
                    if b == 0, report.firstNUL == nil { report.firstNUL = i }
                }
                i += 1
                continue
            }
            // Two-byte letters (all of Cyrillic) without the general check.
            if b >= 0xC2, b <= 0xDF, i + 1 < end, buffer[i + 1] & 0xC0 == 0x80 {
                if pairs[Int(b) << 8 | Int(buffer[i + 1])] { mayHold = true }
                if b >= 0xD0 && b <= 0xD4 {
                    cyrillic = true
                    lineCyrillic = true
                }
                i += 2
                continue
            }
            let length = sequenceLength(buffer, i, end)
            if length == 0 {
                if report.firstInvalid == nil { report.firstInvalid = i }
                i += 1
            } else {
                i += length
            }
            if report.firstInvalid != nil, report.firstNUL != nil {
                // Nothing more to learn about the bytes; the look-alike
                // check is left to the exact scan.
                mayHold = true
                break
            }
        }
        if latinRun >= 2 && allLookalike && !cyrillic { lookalikeWord = true }
        report.mayHoldLookalikes = mayHold || (latin && cyrillic) || (lookalikeWord && lineCyrillic)
        return report
    }

    /// The length of the well-formed sequence starting at `i` (RFC 3629:
    /// no overlongs, no surrogates, nothing above U+10FFFF), or 0.
    static func sequenceLength(_ buffer: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Int {
        let b0 = buffer[i]
        func cont(_ k: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> Bool {
            i + k < end && buffer[i + k] >= low && buffer[i + k] <= high
        }
        switch b0 {
        case 0xC2...0xDF: return cont(1) ? 2 : 0
        case 0xE0: return cont(1, 0xA0) && cont(2) ? 3 : 0
        case 0xE1...0xEC, 0xEE...0xEF: return cont(1) && cont(2) ? 3 : 0
        case 0xED: return cont(1, 0x80, 0x9F) && cont(2) ? 3 : 0
        case 0xF0: return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0
        case 0xF1...0xF3: return cont(1) && cont(2) && cont(3) ? 4 : 0
        case 0xF4: return cont(1, 0x80, 0x8F) && cont(2) && cont(3) ? 4 : 0
        default: return 0
        }
    }

    /// Counts the Unicode scalars in `buffer[from..<to]` (lead bytes; a
    /// stray continuation byte counts as one, as its replacement would).
    static func scalarCount(_ buffer: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Int {
        var count = 0
        var i = from
        while i < to {
            let b = buffer[i]
            if b & 0xC0 != 0x80 {
                count += 1
            } else if i == from || !isContinuationOfSequence(buffer, i, from) {
                count += 1
            }
            i += 1
        }
        return count
    }

    /// Whether the continuation byte at `i` belongs to a lead byte before it.
    private static func isContinuationOfSequence(_ buffer: UnsafeBufferPointer<UInt8>, _ i: Int, _ from: Int) -> Bool {
        var j = i - 1
        var seen = 1
        while j >= from, seen < 4 {
            let b = buffer[j]
            if b & 0xC0 != 0x80 {
                let needed = b >= 0xF0 ? 3 : b >= 0xE0 ? 2 : b >= 0xC0 ? 1 : 0
                return needed >= seen
            }
            seen += 1
            j -= 1
        }
        return false
    }

    /// A string from bytes, with malformed sequences and NUL bytes shown as
    /// U+FFFD.
    static func string(_ bytes: UnsafeBufferPointer<UInt8>, mayHoldNUL: Bool) -> String {
        if mayHoldNUL, bytes.contains(0) {
            return String(decoding: bytes.map { $0 == 0 ? 0xFF : $0 }, as: UTF8.self)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
