import KazakhText

/// The words of texts and their retrieval keys (`KazakhStemmer.key`), kept
/// for one parse. A deck's definitions repeat a few thousand words over
/// and over, and stemming each occurrence afresh was most of the cost of
/// parsing a deck of terms (the giveaway check of `TermInDefinition`); a
/// word is stemmed once per parse here. Each distinct key has a number, so
/// that words are compared as numbers. Memory grows with the distinct words
/// of one file, never faster than its length.
struct WordKeys {
    /// The words of one text, each with its key's number.
    struct Words {
        /// The text the words are in: the text itself, or its lower-cased
        /// form when `isLowered`.
        var source: String
        /// Whether `source` is the lower-cased text.
        var isLowered: Bool
        /// Each word's UTF-8 offsets in `source`.
        var ranges: [Range<Int>]
        /// Each word's spelling number (`WordKeys.key(spelling:)`).
        var spellings: [Int32]
        /// Each word's key number: equal numbers for equal keys.
        var keys: [Int32]

        /// The `i`th word, lower-cased.
        func lowered(_ i: Int) -> String {
            let utf8 = source.utf8
            let word = Substring(
                utf8[utf8.index(utf8.startIndex, offsetBy: ranges[i].lowerBound)..<utf8.index(
                    utf8.startIndex, offsetBy: ranges[i].upperBound)])
            return isLowered ? String(word) : word.lowercased()
        }
    }

    /// The spelling number of each word met as written: the byte-level
    /// split's words (`words(of:)`), lower-cased before they are stemmed.
    private var byWritten = SpellingTable()
    /// The spelling number of each word met lower-cased: the general
    /// split's words.
    private var byLowered = SpellingTable()
    /// The key of each spelling, by spelling number, as the stemmer gave it.
    private var spellingKeys: [String] = []
    /// The key number of each spelling, by spelling number.
    private var spellingKeyNumbers: [Int32] = []
    /// The number of each distinct key (`String` equality, as keys were
    /// compared before they had numbers).
    private var keyNumbers: [String: Int32] = [:]

    /// The key of the spelling numbered `spelling`.
    func key(spelling: Int32) -> String { spellingKeys[Int(spelling)] }

    /// `KazakhStemmer.key(word)` of a lower-cased word, stemmed at the first
    /// meeting only.
    mutating func key(_ word: Substring) -> String {
        // Numbered first: `key(spelling:)` would read the table as it was
        // before this word was added.
        let number = spelling(lowered: word)
        return key(spelling: number)
    }

    /// The words of `text` — the runs of `Character.isLetter` characters of
    /// `text.lowercased()` — each with its key's number.
    mutating func words(of text: String) -> Words {
        if let runs = Self.letterRuns(text) {
            var source = text
            let spellings = source.withUTF8 { bytes in
                runs.map { run in
                    let word = UnsafeBufferPointer(rebasing: bytes[run])
                    if let known = byWritten.value(word) { return known }
                    let made = spelling(keyed: KazakhStemmer.key(String(decoding: word, as: UTF8.self).lowercased()))
                    byWritten.insert(word, value: made)
                    return made
                }
            }
            return Words(
                source: source, isLowered: false, ranges: runs, spellings: spellings,
                keys: spellings.map { spellingKeyNumbers[Int($0)] })
        }
        let lowered = text.lowercased()
        var ranges: [Range<Int>] = []
        var spellings: [Int32] = []
        let utf8 = lowered.utf8
        for word in lowered.split(whereSeparator: { !$0.isLetter }) {
            ranges.append(
                utf8.distance(from: utf8.startIndex, to: word.startIndex)..<utf8.distance(
                    from: utf8.startIndex, to: word.endIndex))
            spellings.append(spelling(lowered: word))
        }
        return Words(
            source: lowered, isLowered: true, ranges: ranges, spellings: spellings,
            keys: spellings.map { spellingKeyNumbers[Int($0)] })
    }

    /// The spelling number of a lower-cased word.
    private mutating func spelling(lowered word: Substring) -> Int32 {
        var text = String(word)
        return text.withUTF8 { bytes in
            if let known = byLowered.value(bytes) { return known }
            let made = spelling(keyed: KazakhStemmer.key(String(word)))
            byLowered.insert(bytes, value: made)
            return made
        }
    }

    /// A new spelling number for a word whose key is `key`.
    private mutating func spelling(keyed key: String) -> Int32 {
        let number = keyNumbers[key] ?? {
            let made = Int32(keyNumbers.count)
            keyNumbers[key] = made
            return made
        }()
        spellingKeys.append(key)
        spellingKeyNumbers.append(number)
        return Int32(spellingKeys.count - 1)
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
