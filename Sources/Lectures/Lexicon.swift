import KazakhText

/// The words of all the lectures given to one extraction: the evidence the
/// de-hyphenation and split-word rules ask for ("is `ұлттық-мемлекеттік`
/// written with a hyphen anywhere else?", "is `тоғысында` a word here?").
/// Built from the text after look-alike repair and before any joining.
public struct Lexicon: Sendable {
    /// How often each lower-cased word occurs on its own (hyphenated
    /// compounds count as their parts too).
    public private(set) var wordCounts: [String: Int] = [:]
    /// Lower-cased `x-y` compounds written with a hyphen inside a line.
    public private(set) var compounds: Set<String> = []
    /// How often each stem key occurs.
    public private(set) var keyCounts: [String: Int] = [:]
    /// Words seen written with a capital in the middle of a sentence, and
    /// how often: proper names (Грамши, Кант) as opposed to common nouns.
    public private(set) var capitalisedInside: [String: Int] = [:]
    /// Words seen in lower case, and how often.
    public private(set) var lowercaseCounts: [String: Int] = [:]
    /// The stem of every word (the stemmer is the costly part; each word
    /// type is stemmed once).
    public private(set) var stems: [String: String] = [:] {
        didSet { sortedStemsCache = nil }
    }
    /// `stems` sorted by word, for scans that must be deterministic.
    var sortedStems: [(word: String, stem: String)] {
        sortedStemsCache ?? stems.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }
    var sortedStemsCache: [(word: String, stem: String)]? = nil

    /// Sorts `stems` once, before many scans.
    mutating func prepareSortedStems() {
        sortedStemsCache = stems.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }
    /// Capitalised-inside and lower-case counts by stem key, so that all
    /// forms of a name count together.
    var capitalisedByKey: [String: Int] = [:]
    var lowercaseByKey: [String: Int] = [:]
    /// The stem key of every lower-case word seen.
    public private(set) var keyCache: [String: String] = [:]

    public init() {}

    public init(lines: [SourceLine]) {
        for line in lines { add(line.text) }
    }

    /// Adds the words of one line of text.
    public mutating func add(_ text: String) {
        let tokens = Lexicon.tokens(text)
        for (index, token) in tokens.enumerated() {
            // A hyphen at the end of the line is the question, not the evidence.
            let isLineFinal = index == tokens.count - 1 && token.endsWithHyphen
            // Most words have no hyphen: no split, no copy.
            let parts = token.word.utf8.contains(UInt8(ascii: "-"))
                ? token.word.split(separator: "-").map(String.init).filter { !$0.isEmpty } : [token.word]
            if parts.count >= 2 && !isLineFinal && !token.word.hasPrefix("-") {
                compounds.insert(token.word.lowercased())
            }
            for part in parts {
                let lower = part.lowercased()
                wordCounts[lower, default: 0] += 1
                let key = keyOf(lower)
                keyCounts[key, default: 0] += 1
                if part.first?.isUppercase == true, !token.startsSentence, !part.allSatisfy({ $0.isUppercase }) {
                    capitalisedInside[lower, default: 0] += 1
                    capitalisedByKey[key, default: 0] += 1
                } else if part.first?.isLowercase == true {
                    lowercaseCounts[lower, default: 0] += 1
                    lowercaseByKey[key, default: 0] += 1
                }
            }
        }
    }

    /// How often `word` occurs on its own.
    public func count(_ word: String) -> Int { wordCounts[word.lowercased()] ?? 0 }
    /// How often a word with the same stem key as `word` occurs. The
    /// fragments being judged are in the lexicon themselves, so "attested
    /// elsewhere" means a count of two or more.
    public func keyCount(_ word: String) -> Int { keyCounts[KazakhStemmer.key(word.lowercased())] ?? 0 }
    /// Whether `x-y` is written with a hyphen inside a line somewhere.
    public func hasCompound(_ x: String, _ y: String) -> Bool {
        compounds.contains((x + "-" + y).lowercased())
    }
    /// Whether `word` looks like a proper name: written with a capital in
    /// the middle of sentences, never in lower case.
    public func isProperName(_ word: String) -> Bool {
        let key = KazakhStemmer.key(word.lowercased())
        return (capitalisedByKey[key] ?? 0) > 0 && (lowercaseByKey[key] ?? 0) == 0
    }

    /// The stem key of a lower-case word; each word type is stemmed once.
    mutating func keyOf(_ lower: String) -> String {
        if let known = keyCache[lower] { return known }
        let (stem, key) = KazakhStemmer.stemAndKey(lower)
        keyCache[lower] = key
        stems[lower] = stem
        return key
    }

    /// A word of a line: letters, digits and inner hyphens.
    struct Token {
        var word: String
        var endsWithHyphen: Bool
        var startsSentence: Bool
    }

    /// The words of `text`, with whether each starts a sentence. Read
    /// scalar by scalar and each word cut out of the text in one piece
    /// (see `WordScalar`): this runs over every line and every passage.
    static func tokens(_ text: String) -> [Token] { tokens(Substring(text)) }

    /// The same over a slice (a sentence of its paragraph), without copying it.
    static func tokens(_ text: Substring) -> [Token] {
        var result: [Token] = []
        let scalars = text.unicodeScalars
        var wordStart: String.Index? = nil
        var sentenceStart = true
        var pendingStart = true
        func flush(at end: String.Index) {
            if let start = wordStart {
                var w = Substring(scalars[start..<end])
                var endsWithHyphen = false
                while w.last == "-" { w.removeLast(); endsWithHyphen = true }
                if !w.isEmpty {
                    result.append(Token(word: String(w), endsWithHyphen: endsWithHyphen, startsSentence: sentenceStart))
                }
                // The word after a list's number opens its sentence (`2)
                // Квота – …`, `№2 Квота`, `II) Квота`), as it does after
                // `2.`: its capital is no evidence of a name.
                if sentenceStart, !w.isEmpty, w.unicodeScalars.allSatisfy(WordScalar.isNumber) || ListMark.roman(w) != nil {
                    pendingStart = true
                }
                sentenceStart = false
            }
            wordStart = nil
        }
        var i = scalars.startIndex
        while i < scalars.endIndex {
            let s = scalars[i]
            if WordScalar.extendsCharacter(s) {
                // Part of the Character before: of the word if that was.
                i = scalars.index(after: i)
                continue
            }
            if WordScalar.isLetter(s) || WordScalar.isNumber(s) || (s == "-" && wordStart != nil) {
                if wordStart == nil { sentenceStart = pendingStart; pendingStart = false; wordStart = i }
            } else {
                flush(at: i)
                if s == "." || s == "!" || s == "?" || s == ":" || s == "•" { pendingStart = true }
            }
            i = scalars.index(after: i)
        }
        flush(at: scalars.endIndex)
        return result
    }
}
