import Foundation
import KazakhText

/// A stretch of lecture text that may answer a question: one sentence,
/// with where it came from.
public struct Passage: Hashable, Sendable {
    /// The sentence: a slice of its paragraph's text (see `Sentence`), or
    /// for a glossary entry its term and definition.
    public var text: Substring
    /// The lecture file it came from.
    public var file: String
    /// The 1-based line it starts on.
    public var line: Int
    /// The term this passage defines, when it is a glossary entry.
    public var definedTerm: String?
    /// Whether the sentence shares its paragraph with others. A heading
    /// or a caption stands alone on its line; a short statement of fact
    /// («БҰҰ 1945 жылы құрылды.») sits in running text.
    public var inRunningText: Bool

    public init(text: Substring, file: String, line: Int, definedTerm: String? = nil, inRunningText: Bool = false) {
        self.text = text
        self.file = file
        self.line = line
        self.definedTerm = definedTerm
        self.inRunningText = inRunningText
    }
}

/// A passage and how well it matches a question.
public struct RankedPassage: Hashable, Sendable {
    /// The passage found.
    public var passage: Passage
    /// BM25 over stem keys plus the boosts; higher is better.
    public var score: Double
    /// The share of the question's words (weighted by their rarity) that
    /// the passage holds, 0–1; words no lecture uses do not count.
    public var coverage: Double
}

/// Finds the passages of the given lectures that best answer a question
/// (kazakh-text.md §4.3, "Retrieval recipe"): every word is indexed by its
/// stem key, so «Дипломатия сөзіне» finds «Дипломатия: …» and
/// «дипломатияның»; ranking is BM25 with a boost for adjacent query words
/// found together, for the surface form matching exactly, and for a
/// glossary entry of a word the question asks about.
public struct PassageIndex: Sendable {
    /// The passages, in the order given.
    public let passages: [Passage]
    /// The number of indexed keys of each passage (its BM25 length). The
    /// keys themselves and the surface forms are found again from the
    /// text for the few passages a question scores, so the index of a
    /// large file holds counts, not copies of every word.
    let lengthOfPassage: [Int]
    /// The stem key of every word type seen.
    let keyOfWord: [String: String]
    /// A number for every stem key and prefix key of the lectures.
    let vocabulary: [String: UInt32]
    /// The term frequencies of each passage's keys and prefixes, by number.
    let postings: Postings
    /// The number of passages holding each key, by its number.
    let passagesHolding: [Int]
    let averageLength: Double
    /// What each passage may answer: nothing (headings and fragments),
    /// only a question it mostly holds (short statements), or anything.
    let answerability: [Answerability]
    /// The stem keys of the term a glossary passage defines.
    let termKeysOfPassage: [Set<String>]
    /// The stem keys of the expansion of each abbreviation the lectures
    /// spell out, by the abbreviation's key.
    let expansionKeys: [String: [String]]

    /// The weight of the prefix-5 match, the coarse fallback key that joins
    /// derivations the stemmer keeps apart (либерализм ~ либералдық,
    /// марксистік ~ марксистер).
    static let prefixWeight = 0.4

    static let k1 = 1.2
    static let b = 0.75

    /// `knownKeys` maps lower-case words to their stem keys where they are
    /// already known (from the `Lexicon`), to save stemming them again.
    public init(passages: [Passage], knownKeys: [String: String] = [:], abbreviations: Abbreviations = Abbreviations()) {
        self.passages = passages
        var expansions: [String: [String]] = [:]
        for (abbreviation, words) in abbreviations.expansions {
            expansions[KazakhStemmer.key(abbreviation)] = words.flatMap(PassageIndex.words).map { KazakhStemmer.key($0) }
                .filter { !StopWords.contains($0) }
        }
        expansionKeys = expansions
        var lengths: [Int] = []
        var vocabulary: [String: UInt32] = [:]
        var postings = Postings()
        var numbers: [UInt32] = []
        var answerable: [Answerability] = []
        var df: [Int] = []
        var keyOfWord = knownKeys
        // Each passage is cut into words once, for its keys and its outline;
        // of the outline only a hash is kept (see `repeated`).
        var outlineHashes: [Int] = []
        // The tables of one entry a passage are made at their size: grown
        // by doubling they would hold up to twice that.
        outlineHashes.reserveCapacity(passages.count)
        lengths.reserveCapacity(passages.count)
        answerable.reserveCapacity(passages.count)
        postings.reserve(passages: passages.count)
        for passage in passages {
            let tokens = Lexicon.tokens(passage.text)
            outlineHashes.append(PassageIndex.outline(of: tokens).hashValue)
            let words = PassageIndex.words(of: tokens)
            let k = words.map { word in
                if let known = keyOfWord[word] { return known }
                let key = KazakhStemmer.key(word)
                keyOfWord[word] = key
                return key
            }.filter { !StopWords.contains($0) }
            let p = k.map(PassageIndex.prefix)
            lengths.append(k.count)
            numbers.removeAll(keepingCapacity: true)
            for key in [k, p].joined() {
                if let known = vocabulary[key] {
                    numbers.append(known)
                } else {
                    numbers.append(UInt32(vocabulary.count))
                    vocabulary[key] = UInt32(vocabulary.count)
                    df.append(0)
                }
            }
            numbers.sort()
            postings.append(sortedNumbers: numbers) { df[Int($0)] += 1 }
            answerable.append(Answerability(passage.text, inRunningText: passage.inRunningText))
        }
        // A sentence written twice is a heading repeated by the lesson plan
        // («2. Халықаралық қатынастардың … тұжырымдары.»), not an answer.
        for i in PassageIndex.repeated(passages, outlineHashes: outlineHashes) { answerable[i] = .nothing }
        lengthOfPassage = lengths
        self.vocabulary = vocabulary
        self.postings = postings
        self.keyOfWord = keyOfWord
        termKeysOfPassage = passages.map { passage in
            Set((passage.definedTerm.map(PassageIndex.words) ?? []).map { KazakhStemmer.key($0) })
        }
        answerability = answerable
        passagesHolding = df
        let total = lengths.reduce(0, +)
        averageLength = passages.isEmpty ? 1 : max(1, Double(total) / Double(passages.count))
    }

    /// A sentence reduced to its words: numbering, punctuation and case
    /// dropped, so a plan item and its heading compare equal.
    /// The passages whose outline another passage shares. Only passages
    /// with equal hashes are compared, by their outlines made again: the
    /// outlines of a large lecture kept side by side were one more copy
    /// of its text, and a hash alone might join two different sentences.
    static func repeated(_ passages: [Passage], outlineHashes: [Int]) -> [Int] {
        let order = outlineHashes.indices.sorted { (outlineHashes[$0], $0) < (outlineHashes[$1], $1) }
        var result: [Int] = []
        var start = 0
        while start < order.count {
            var end = start + 1
            while end < order.count, outlineHashes[order[end]] == outlineHashes[order[start]] { end += 1 }
            // Within a group of equal hashes, the members equal to the
            // first one's outline are taken out, and the rest compared
            // again: one outline is held at a time, where a lecture of
            // one sentence written many times once held them all.
            var members = Array(order[start..<end])
            while members.count > 1 {
                let first = outline(of: Lexicon.tokens(passages[members[0]].text))
                var same = [members[0]]
                var others: [Int] = []
                for member in members.dropFirst() {
                    if outline(of: Lexicon.tokens(passages[member].text)) == first { same.append(member) } else { others.append(member) }
                }
                if same.count > 1 { result += same }
                members = others
            }
            start = end
        }
        return result
    }

    static func outline(of tokens: [Lexicon.Token]) -> String {
        tokens.map { $0.word.lowercased() }.filter { !$0.allSatisfy(\.isNumber) }.joined(separator: " ")
    }

    /// The coarse key: the first five letters of the stem key, marked so it
    /// never equals a whole key.
    static func prefix(_ key: String) -> String { "~" + key.prefix(5) }

    /// The content words of `text`, lower-cased, stop words removed;
    /// hyphenated compounds give the whole and each part.
    static func words(_ text: String) -> [String] { words(of: Lexicon.tokens(text)) }

    static func words(_ text: Substring) -> [String] { words(of: Lexicon.tokens(text)) }

    static func words(of tokens: [Lexicon.Token]) -> [String] {
        var result: [String] = []
        for token in tokens {
            let lower = token.word.lowercased()
            // Most words have no hyphen: no split, no copy.
            let parts = lower.utf8.contains(UInt8(ascii: "-")) ? lower.split(separator: "-").map(String.init).filter { !$0.isEmpty } : [lower]
            let candidates = parts.count > 1 ? [lower] + parts : parts
            for word in candidates
            where word.unicodeScalars.contains(where: WordScalar.isLetter) && word.dropFirst().isEmpty == false
                && !StopWords.contains(word)
            {
                result.append(word)
            }
        }
        return result
    }

    /// The number of passages holding `key`.
    func documentFrequency(_ key: String) -> Int {
        vocabulary[key].map { passagesHolding[Int($0)] } ?? 0
    }

    func idf(_ key: String) -> Double {
        let n = Double(passages.count)
        let df = Double(documentFrequency(key))
        return log(1 + (n - df + 0.5) / (df + 0.5))
    }

    /// How often the key numbered `number` occurs in passage `index`.
    func frequency(_ number: UInt32?, in index: Int) -> Int {
        guard let number else { return 0 }
        return postings.frequency(of: number, in: index)
    }

    /// BM25 of the keys numbered `terms` (with their `idfs`) over passage
    /// `index`.
    func bm25(_ terms: [UInt32?], idfs: [Double], in index: Int, length: Double) -> Double {
        var score = 0.0
        for (term, idf) in zip(terms, idfs) {
            let f = frequency(term, in: index)
            guard f > 0 else { continue }
            let freq = Double(f)
            score += idf * freq * (PassageIndex.k1 + 1)
                / (freq + PassageIndex.k1 * (1 - PassageIndex.b + PassageIndex.b * length / averageLength))
        }
        return score
    }

    /// The `limit` best passages for `question`, best first; passages with
    /// no query word are never returned.
    /// How many passages, at most, a search reads again for its bonuses
    /// besides the definitions of a word asked (`search`).
    static let rereadAtMost = 300

    public func search(_ question: String, limit: Int) -> [RankedPassage] {
        // Each word stemmed once: a long question repeats its words.
        var stems: [String: String] = [:]
        func key(_ word: String) -> String {
            if let known = stems[word] ?? keyOfWord[word] { return known }
            let made = KazakhStemmer.key(word)
            stems[word] = made
            return made
        }
        let queryWords = PassageIndex.words(question).filter { !StopWords.contains(key($0)) }
        let queryKeys = queryWords.map(key)
        let asked = Set(queryKeys)
        // An abbreviation asks for its expansion too, and an expansion for
        // its abbreviation (ЕАЭО ↔ Еуразиялық экономикалық одақ).
        var alternatives: [String: [String]] = [:]
        var expanded = asked
        for (abbreviation, words) in expansionKeys where !words.isEmpty {
            if asked.contains(abbreviation) {
                expanded.formUnion(words)
                alternatives[abbreviation] = words
            } else if words.allSatisfy(asked.contains) {
                expanded.insert(abbreviation)
                for word in words { alternatives[word, default: []].append(abbreviation) }
            }
        }
        let uniqueKeys = Array(expanded).sorted()
        guard !uniqueKeys.isEmpty else { return [] }
        // What coverage counts: the asked words some lecture uses.
        let countable = asked.sorted().filter { key in
            documentFrequency(key) > 0 || documentFrequency(PassageIndex.prefix(key)) > 0
                || (alternatives[key] ?? []).contains { documentFrequency($0) > 0 }
        }
        let countableWeight = countable.reduce(0) { $0 + idf($1) }
        var ranked: [RankedPassage] = []
        let uniquePrefixes = Array(Set(uniqueKeys.map(PassageIndex.prefix))).sorted()
        let keyIDFs = uniqueKeys.map(idf)
        let keyNumbers = uniqueKeys.map { vocabulary[$0] }
        let prefixNumbers = uniquePrefixes.map { vocabulary[$0] }
        let prefixIDFs = uniquePrefixes.map(idf)
        // The passage's words are read again (the bonuses below) only for
        // the best by BM25, and for the definitions of a word asked: a
        // lecture of thousands of passages whose every one shares a word
        // with every question was read whole for each question (time
        // quadratic in the lecture). Below `rereadAtMost` passages, all.
        var first: [(index: Int, score: Double)] = []
        for index in passages.indices where answerability[index] != .nothing {
            let length = Double(lengthOfPassage[index])
            let score = bm25(keyNumbers, idfs: keyIDFs, in: index, length: length)
                + PassageIndex.prefixWeight * bm25(prefixNumbers, idfs: prefixIDFs, in: index, length: length)
            if score > 0 { first.append((index, score)) }
        }
        if first.count > PassageIndex.rereadAtMost {
            let defines = { (index: Int) in
                self.passages[index].definedTerm != nil && !self.termKeysOfPassage[index].isDisjoint(with: uniqueKeys)
            }
            let best = first.sorted { $0.score != $1.score ? $0.score > $1.score : $0.index < $1.index }
            first = (Array(best.prefix(PassageIndex.rereadAtMost)) + best.dropFirst(PassageIndex.rereadAtMost).filter { defines($0.index) })
                .sorted { $0.index < $1.index }
        }
        for (index, bm25Score) in first {
            let passage = passages[index]
            var score = bm25Score
            // Exact surface forms: the question's own word form is a little better evidence.
            let words = PassageIndex.words(passage.text)
            let keys = words.map { keyOfWord[$0] ?? KazakhStemmer.key($0) }.filter { !StopWords.contains($0) }
            let surfaces = Set(words)
            for word in Set(queryWords).sorted() where surfaces.contains(word) {
                score += 0.25 * idf(key(word))
            }
            // Adjacent query words found adjacent in the passage.
            if queryKeys.count >= 2 {
                var pairs = Set<String>()
                if keys.count >= 2 {
                    for i in 0..<(keys.count - 1) { pairs.insert(keys[i] + " " + keys[i + 1]) }
                }
                for i in 0..<(queryKeys.count - 1) where pairs.contains(queryKeys[i] + " " + queryKeys[i + 1]) {
                    score += 0.5 * (idf(queryKeys[i]) + idf(queryKeys[i + 1]))
                }
            }
            // A definition of a word the question asks about.
            if passage.definedTerm != nil {
                let termKeys = termKeysOfPassage[index]
                let matched = termKeys.intersection(uniqueKeys)
                if !matched.isEmpty && matched.count == termKeys.count {
                    score += 2 * matched.sorted().reduce(0) { $0 + idf($1) }
                }
            }
            let holds = { (key: String) in
                self.frequency(self.vocabulary[key], in: index) > 0
                    || self.frequency(self.vocabulary[PassageIndex.prefix(key)], in: index) > 0
            }
            let held = countable.filter { key in holds(key) || (alternatives[key] ?? []).contains(where: holds) }
            let coverage = countableWeight > 0 ? held.reduce(0) { $0 + idf($1) } / countableWeight : 0
            if answerability[index] == .questionsItHolds && coverage < Answerability.shortStatementCoverage { continue }
            ranked.append(RankedPassage(passage: passage, score: score, coverage: coverage))
        }
        ranked.sort { a, b in
            if a.score != b.score { return a.score > b.score }
            if a.passage.file != b.passage.file { return a.passage.file < b.passage.file }
            return a.passage.line < b.passage.line
        }
        return Array(ranked.prefix(limit))
    }
}
