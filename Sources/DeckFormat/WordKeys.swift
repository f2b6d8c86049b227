import KazakhText

/// The words of texts and their retrieval keys (`KazakhStemmer.key`), kept
/// for one parse. A deck's definitions repeat a few thousand words over
/// and over, and stemming each occurrence afresh was most of the cost of
/// parsing a deck of terms (the giveaway check of `TermInDefinition`); a
/// word is stemmed once per parse here, and only when its key is asked: a
/// word whose first letter differs from the term's cannot give it away.
/// Each distinct key has a number, so that words are compared as numbers. Memory grows with the distinct words
/// of one file, never faster than its length.
struct WordKeys {
    /// The words of one text, each by its spelling's number.
    struct Words {
        /// The text the words are in: the text itself, or its lower-cased
        /// form when `isLowered`.
        var source: String
        /// Whether `source` is the lower-cased text.
        var isLowered: Bool
        /// Each word's UTF-8 offsets in `source`.
        var ranges: [Range<Int>]
        /// Each word's spelling number (`WordKeys.keyNumber(spelling:)`).
        var spellings: [Int32]

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
    /// split's words (`words(of:)`).
    private var byWritten = SpellingTable()
    /// The spelling number of each word met lower-cased: the general
    /// split's words.
    private var byLowered = SpellingTable()
    /// Each spelling lower-cased, by spelling number.
    private var spellingTexts: [String] = []
    /// The first letter of each spelling (`Self.lead`), by spelling number.
    private var spellingLeads: [UInt16] = []
    /// The key number of each spelling, by spelling number, or -1 while the
    /// spelling has not been stemmed.
    private var spellingKeyNumbers: [Int32] = []
    /// The key of each spelling stemmed, by spelling number.
    private var spellingKeys: [Int32: String] = [:]
    /// The number of each distinct key (`String` equality, as keys were
    /// compared before they had numbers).
    private var keyNumbers: [String: Int32] = [:]

    /// `KazakhStemmer.key` of the spelling numbered `spelling`, stemmed at
    /// the first asking.
    mutating func key(spelling: Int32) -> String {
        _ = keyNumber(spelling: spelling)
        return spellingKeys[spelling] ?? ""
    }

    /// The number of the key of the spelling numbered `spelling`: equal
    /// numbers for keys equal as text.
    mutating func keyNumber(spelling: Int32) -> Int32 {
        let known = spellingKeyNumbers[Int(spelling)]
        if known >= 0 { return known }
        let key = KazakhStemmer.key(spellingTexts[Int(spelling)])
        let number = keyNumbers[key] ?? {
            let made = Int32(keyNumbers.count)
            keyNumbers[key] = made
            return made
        }()
        spellingKeyNumbers[Int(spelling)] = number
        spellingKeys[spelling] = key
        return number
    }

    /// The first letter of the spelling numbered `spelling` as its two
    /// UTF-8 bytes, which its key starts with too, or 0 when that is not
    /// known without stemming it (`Self.lead`).
    func lead(spelling: Int32) -> UInt16 { spellingLeads[Int(spelling)] }

    /// The first letter of `text` as its two UTF-8 bytes when `text` is
    /// plain Cyrillic (`Homoglyphs.isPlainCyrillic`), else 0. For such a
    /// lower-cased word the key starts with the same letter: look-alike
    /// repair and lower-casing leave it as it is, an ending is cut only
    /// where two letters stay, a vowel-elided stem is restored with its
    /// first letter, and devoicing or -ст → -с change only the last letter
    /// of two or more. Plain Cyrillic is in NFC with no other spelling of
    /// it, so keys equal as text are equal as bytes.
    static func lead(_ text: String) -> UInt16 {
        guard Homoglyphs.isPlainCyrillic(text) else { return 0 }
        let utf8 = text.utf8
        guard utf8.count >= 2 else { return 0 }
        return UInt16(utf8[utf8.startIndex]) << 8 | UInt16(utf8[utf8.index(after: utf8.startIndex)])
    }

    /// `KazakhStemmer.key(word)` of a lower-cased word, stemmed at the first
    /// meeting only.
    mutating func key(_ word: Substring) -> String {
        // Numbered first: `key(spelling:)` would read the table as it was
        // before this word was added.
        let number = spelling(lowered: word)
        return key(spelling: number)
    }

    /// The words of `text` — the runs of `Character.isLetter` characters of
    /// `text.lowercased()` — each by its spelling's number.
    mutating func words(of text: String) -> Words {
        if let runs = Self.letterRuns(text) {
            var source = text
            let spellings = source.withUTF8 { bytes in
                runs.map { run in
                    let word = UnsafeBufferPointer(rebasing: bytes[run])
                    if let known = byWritten.value(word) { return known }
                    let made = spelling(String(decoding: word, as: UTF8.self).lowercased())
                    byWritten.insert(word, value: made)
                    return made
                }
            }
            return Words(source: source, isLowered: false, ranges: runs, spellings: spellings)
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
        return Words(source: lowered, isLowered: true, ranges: ranges, spellings: spellings)
    }

    /// The spelling number of a lower-cased word.
    private mutating func spelling(lowered word: Substring) -> Int32 {
        var text = String(word)
        return text.withUTF8 { bytes in
            if let known = byLowered.value(bytes) { return known }
            let made = spelling(String(word))
            byLowered.insert(bytes, value: made)
            return made
        }
    }

    /// A new spelling number for the lower-cased word `lowered`, not yet
    /// stemmed.
    private mutating func spelling(_ lowered: String) -> Int32 {
        spellingTexts.append(lowered)
        spellingLeads.append(Self.lead(lowered))
        spellingKeyNumbers.append(-1)
        return Int32(spellingTexts.count - 1)
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
