import KazakhText

/// The words of texts and their retrieval keys (`KazakhStemmer.key`), kept
/// for one parse. A deck's definitions repeat a few thousand words over
/// and over, and stemming each occurrence afresh was most of the cost of
/// parsing a deck of terms (the giveaway check of `TermInDefinition`); a
/// word is stemmed once per parse here. Memory grows with the distinct
/// words of one file, never faster than its length.
struct WordKeys {
    /// A word compared and hashed by its exact UTF-8 bytes. `String`
    /// equality folds canonically equivalent spellings (`й` and `и` with a
    /// combining breve), which the stemmer's look-alike repair can tell
    /// apart, so it would hand one spelling the other's key.
    struct Spelling: Hashable {
        /// The word's text.
        var text: Substring

        static func == (a: Spelling, b: Spelling) -> Bool {
            let x = a.text.utf8, y = b.text.utf8
            guard x.count == y.count else { return false }
            // Over the stored bytes where there are some: the generic
            // comparison of two UTF-8 views was a tenth of a parse.
            let compared = x.withContiguousStorageIfAvailable { xs in
                y.withContiguousStorageIfAvailable { ys in xs.elementsEqual(ys) }
            }
            return (compared ?? nil) ?? x.elementsEqual(y)
        }

        func hash(into hasher: inout Hasher) {
            let hashed: Void? = text.utf8.withContiguousStorageIfAvailable { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
            // The same bytes hashed the same way when the text is not stored
            // contiguously.
            if hashed == nil { Array(text.utf8).withUnsafeBytes { hasher.combine(bytes: $0) } }
            hasher.combine(text.utf8.count)
        }
    }

    /// One word of a text: a run of letters, lower-cased before it is
    /// keyed.
    struct Word {
        /// The run as written in the text, or already lower-cased.
        var text: Substring
        /// Whether `text` is the lower-cased run.
        var isLowered: Bool
        /// `KazakhStemmer.key` of the lower-cased run.
        var key: String

        /// The lower-cased run.
        var lowered: String { isLowered ? String(text) : text.lowercased() }
    }

    /// The key of each lower-cased word met as written: the bytes-level
    /// split's words (`words(of:)`).
    private var byWritten: [Spelling: String] = [:]
    /// The key of each word met lower-cased: the general split's words.
    private var byLowered: [Spelling: String] = [:]

    /// `KazakhStemmer.key(word)`, stemmed at the first meeting only.
    mutating func key(_ word: Substring) -> String {
        Self.remembered(word, in: &byLowered) { KazakhStemmer.key(String($0)) }
    }

    /// The words of `text` — the runs of `Character.isLetter` characters of
    /// `text.lowercased()` — each with its key.
    mutating func words(of text: String) -> [Word] {
        if let runs = Self.letterRuns(text) {
            let utf8 = text.utf8
            return runs.map { run in
                let word = Substring(
                    utf8[utf8.index(utf8.startIndex, offsetBy: run.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: run.upperBound)])
                let key = Self.remembered(word, in: &byWritten) { KazakhStemmer.key($0.lowercased()) }
                return Word(text: word, isLowered: false, key: key)
            }
        }
        return text.lowercased().split(whereSeparator: { !$0.isLetter }).map {
            Word(text: $0, isLowered: true, key: key($0))
        }
    }

    /// The value kept for `word` in `table`, made by `make` at the first
    /// meeting.
    private static func remembered(
        _ word: Substring, in table: inout [Spelling: String], _ make: (Substring) -> String
    ) -> String {
        if let key = table[Spelling(text: word)] { return key }
        let key = make(word)
        // Kept as its own small string: the word is part of a whole text,
        // which the table should not hold alive.
        table[Spelling(text: Substring(String(word)))] = key
        return key
    }

    /// The letter runs of `text`, found over its bytes, or nil when `text`
    /// holds a character outside the set where that is exact: ASCII, the
    /// Cyrillic letters (U+0400–U+04FF less U+0482–U+0489, whose lower
    /// case is again a letter), « », no-break space and the punctuation
    /// U+2010–U+2027. Each of these is a character of one scalar (CR LF
    /// aside, two non-letters), so the runs of letter bytes are the runs of
    /// `Character.isLetter`, and lower-casing keeps every run in place.
    static func letterRuns(_ text: String) -> [Range<Int>]? {
        var text = text
        return text.withUTF8 { bytes -> [Range<Int>]? in
            var runs: [Range<Int>] = []
            var runStart = -1
            var i = 0
            let n = bytes.count
            while i < n {
                let b = bytes[i]
                let length: Int
                let isLetter: Bool
                if b < 0x80 {
                    length = 1
                    isLetter = Line.isASCIILetter(b)
                } else {
                    guard i + 1 < n else { return nil }
                    let b1 = bytes[i + 1]
                    let continued = b1 & 0xC0 == 0x80
                    switch b {
                    case 0xD0 where continued, 0xD1 where continued, 0xD3 where continued:
                        (length, isLetter) = (2, true)
                    case 0xD2 where continued && !(0x82...0x89).contains(b1):
                        (length, isLetter) = (2, true)
                    case 0xC2 where b1 == 0xA0 || b1 == 0xAB || b1 == 0xBB:
                        (length, isLetter) = (2, false)
                    case 0xE2 where b1 == 0x80 && i + 2 < n && (0x90...0xA7).contains(bytes[i + 2]):
                        (length, isLetter) = (3, false)
                    default:
                        return nil
                    }
                }
                if isLetter {
                    if runStart < 0 { runStart = i }
                } else if runStart >= 0 {
                    runs.append(runStart..<i)
                    runStart = -1
                }
                i += length
            }
            if runStart >= 0 { runs.append(runStart..<n) }
            return runs
        }
    }
}
