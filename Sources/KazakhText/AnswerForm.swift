/// The folds the checker compares answers under, from strict to loose
/// (kazakh-text.md §3.1). Each can be switched off on its own so that the
/// checker can tell the student which difference it forgave.
struct AnswerFolds: OptionSet, Hashable, Sendable {
    let rawValue: Int
    /// Latin look-alike letters inside Cyrillic words made Cyrillic.
    static let lookalikes = AnswerFolds(rawValue: 1 << 0)
    /// Lower case.
    static let letterCase = AnswerFolds(rawValue: 1 << 1)
    /// Every dash to `-`, quote marks dropped.
    static let dashesAndQuotes = AnswerFolds(rawValue: 1 << 2)
    /// Other punctuation turned into word breaks.
    static let punctuation = AnswerFolds(rawValue: 1 << 3)
    /// Spaces and hyphens between words dropped: іс-шара = іс шара = ісшара.
    static let spacing = AnswerFolds(rawValue: 1 << 4)

    static let all: AnswerFolds = [.lookalikes, .letterCase, .dashesAndQuotes, .punctuation, .spacing]
}

/// One answer text in the forms the checker compares, computed once.
struct AnswerForm: Hashable, Sendable {
    /// The text as given.
    let original: String
    /// NFC, never-Kazakh letters repaired (ӛ→ө, ə→ә …), invisible
    /// characters dropped, white space folded and trimmed. Two answers equal
    /// in this form are exactly the same answer.
    let exact: String
    /// Lower case, look-alikes repaired, punctuation dropped, split into
    /// words at spaces and hyphens.
    let words: [String]
    /// The same words in their original case (for abbreviations).
    let casedWords: [String]
    /// The Latin letters repaired inside Cyrillic words (found, replacement).
    let lookalikeRepairs: [LetterChange]
    /// Runs of digits in order: 1724-1804 → ["1724", "1804"].
    let digitRuns: [String]
    /// All words joined: the key under which spacing does not matter. The
    /// same as `fold(exact, .all)`.
    let compact: String
    /// The letters of `compact` as numbers, for edit distances.
    let codes: [UInt64]

    init(_ text: String) {
        original = text
        exact = AnswerForm.exactForm(text)
        let repaired = AnswerForm.repairLookalikes(exact)
        lookalikeRepairs = repaired.changes
        let cased = AnswerForm.fold(repaired.text, AnswerFolds.all.subtracting([.lookalikes, .letterCase, .spacing]))
        casedWords = AnswerForm.splitWords(cased)
        let romans = casedWords.map(AnswerForm.romanNumeral)
        words = zip(casedWords, romans).map { word, roman in roman ?? word.lowercased() }
        digitRuns = AnswerForm.digitRuns(exact) + romans.compactMap { $0 }
        compact = words.joined()
        codes = LetterCode.codes(compact)
    }

    /// Length in Characters of the compact form.
    var letterCount: Int { codes.count }

    // MARK: - Folding steps

    static func exactForm(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        let composed = isComposedAlready(text) ? text : Normalization.nfc(text)
        for s in composed.unicodeScalars {
            scalars.append(Homoglyphs.repairAlwaysWrong(s))
        }
        return Normalization.foldSpace(String(scalars))
    }

    /// True when NFC cannot change `text`: every scalar is ASCII, Latin-1,
    /// Cyrillic or common punctuation, none of which combines or has a
    /// singleton decomposition. Typed answers almost always are; NFC through
    /// Foundation is the slowest step otherwise.
    static func isComposedAlready(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { s in
            let v = s.value
            return v < 0x300 || (0x400...0x482).contains(v) || (0x48A...0x52F).contains(v)
                || (0x2010...0x203A).contains(v) || v == 0x2116
        }
    }

    /// `exact` under the chosen folds.
    static func fold(_ exact: String, _ folds: AnswerFolds) -> String {
        var text = exact
        if folds.contains(.lookalikes) { text = repairLookalikes(text).text }
        if folds.contains(.letterCase) { text = text.lowercased() }
        if folds.contains(.dashesAndQuotes) { text = Normalization.foldPunctuation(text) }
        if folds.contains(.punctuation) { text = Normalization.foldSpace(dropPunctuation(text)) }
        if folds.contains(.spacing) { text = String(text.filter { $0 != " " && $0 != "-" }) }
        return text
    }

    static func splitWords(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == " " || $0 == "-" }).map(String.init)
    }

    /// Punctuation other than the hyphen becomes a space: «т.б.» → «т б».
    static func dropPunctuation(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            // A letter is not punctuation; asking Unicode is the slow part.
            if s != "-", !Normalization.isPlainLetter(s), isPunctuation(s) { out.append(" ") } else { out.append(s) }
        }
        return String(out)
    }

    static func isPunctuation(_ s: Unicode.Scalar) -> Bool {
        switch s.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
            .initialPunctuation, .finalPunctuation, .otherPunctuation:
            true
        default:
            false
        }
    }

    /// Latin look-alikes made Cyrillic, only inside words that also have
    /// Cyrillic letters (English words keep their letters).
    static func repairLookalikes(_ text: String) -> (text: String, changes: [LetterChange]) {
        var out = String.UnicodeScalarView()
        var changes: [LetterChange] = []
        var word: [Unicode.Scalar] = []
        func flush() {
            let mixed = word.contains(where: Homoglyphs.isCyrillic) && word.contains(where: Homoglyphs.isLatinLetter)
            for s in word {
                if mixed, let r = Homoglyphs.latinToCyrillic[s] {
                    out.append(r)
                    changes.append(LetterChange(typed: Character(s), expected: Character(r)))
                } else {
                    out.append(s)
                }
            }
            word.removeAll(keepingCapacity: true)
        }
        for s in text.unicodeScalars {
            if Normalization.isAlphabetic(s) {
                word.append(s)
            } else {
                flush()
                out.append(s)
            }
        }
        flush()
        return (String(out), changes)
    }

    static func digitRuns(_ text: String) -> [String] {
        var runs: [String] = []
        var current = ""
        for ch in text {
            if ch.isASCII, ch.isNumber {
                current.append(ch)
            } else if !current.isEmpty {
                runs.append(current)
                current = ""
            }
        }
        if !current.isEmpty { runs.append(current) }
        return runs
    }

    /// The letters a Roman numeral is written with, in Latin or Cyrillic
    /// capitals, and the lower-case Latin digit each stands for.
    static let romanDigits: [Character: Character] = ["I": "i", "V": "v", "X": "x", "І": "i", "Х": "x"]

    /// A Roman numeral written in capitals, in Latin or Cyrillic letters
    /// (ХХІ, II, XXI, ІІІ), as lower-case Latin; nil for any other word. A
    /// numeral is a number: it must match exactly.
    static func romanNumeral(_ casedWord: String) -> String? {
        guard !casedWord.isEmpty, casedWord.count <= 8 else { return nil }
        var out = ""
        for ch in casedWord {
            guard let r = romanDigits[ch] else { return nil }
            out.append(r)
        }
        return out
    }

    /// Whether a word is an abbreviation as written: two or more letters,
    /// all capitals (БҰҰ, ТМД, ЮНЕСКО).
    static func isAbbreviation(_ casedWord: String) -> Bool {
        let letters = casedWord.filter(\.isLetter)
        return letters.count >= 2 && letters.allSatisfy(\.isUppercase)
    }
}

/// A letter the student typed in place of the expected one.
public struct LetterChange: Hashable, Sendable, Codable {
    /// What was typed.
    public var typed: Character
    /// What the answer has.
    public var expected: Character

    public init(typed: Character, expected: Character) {
        self.typed = typed
        self.expected = expected
    }

    enum CodingKeys: String, CodingKey { case typed, expected }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let t = try c.decode(String.self, forKey: .typed)
        let e = try c.decode(String.self, forKey: .expected)
        guard let tc = t.first, t.count == 1, let ec = e.first, e.count == 1 else {
            throw DecodingError.dataCorruptedError(forKey: .typed, in: c, debugDescription: "one letter expected")
        }
        typed = tc
        expected = ec
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(String(typed), forKey: .typed)
        try c.encode(String(expected), forKey: .expected)
    }

    /// `к→қ`: what was typed, then what to type.
    public var description: String { "\(typed)→\(expected)" }
}
