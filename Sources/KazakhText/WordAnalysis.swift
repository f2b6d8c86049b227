/// One word taken apart the way the checker needs it: its inflection
/// (plural, case, possessive, person endings, which change the form but not
/// the word) and its derivation (suffixes that make another word).
///
/// Kazakh word order inside a word is root + derivation + plural +
/// possessive + case + person (kazakh-text.md §4.2), so the inflection is
/// peeled from the outside first, with the vowel-harmony and assimilation
/// checks of `KazakhStemmer`, and the derivational suffixes after it. A
/// loanword's own letters (the -из- of капитализм, the -ия of стратегия)
/// are a suffix only when a whole suffix of `DerivationalSuffix.all` stands
/// at the end of the stem with a root of three letters before it: a typo
/// inside a loan (капиталзм) leaves no suffix behind and stays a typo.
public struct WordAnalysis: Hashable, Sendable {
    /// The word, lower-cased, look-alikes repaired.
    public let word: String
    /// The word without its inflectional endings: the dictionary form.
    public let stem: String
    /// The inflectional endings peeled off, outermost last (`лар`, `ы`,
    /// `ның`); empty for a word in its dictionary form.
    public let endings: [String]
    /// The stem without its derivational suffixes.
    public let root: String
    /// The derivational suffixes from the root outward, as spelt.
    public let derivations: [String]
    /// Their families, in the same order.
    public let families: [DerivationalSuffix]

    /// Person endings (predicative "I am / we are / you are"): the form of
    /// a word used as a predicate, not another word.
    static let person: [KazakhStemmer.Rule] = [
        (["мын", "мін", "бын", "бін", "пын", "пін"], { _ in true }),
        (["мыз", "міз", "быз", "біз", "пыз", "піз"], { _ in true }),
        (["сың", "сің"], { _ in true }),
    ]

    /// Possessive endings of the first and second person singular and the
    /// polite second person. The one-letter forms after a vowel (-м, -ң)
    /// are left alone: too many stems end so.
    static let personalPossessive: [KazakhStemmer.Rule] = [
        (["ыңыз", "іңіз"], { !KazakhStemmer.endsInVowel($0) }),
        (["ңыз", "ңіз"], { KazakhStemmer.endsInVowel($0) }),
        (["ым", "ім", "ың", "ің"], { !KazakhStemmer.endsInVowel($0) && $0.count >= 4 }),
    ]

    /// Endings that spell an accusative (-ды/-ті) and equally the adjective
    /// suffix -лы/-лі (мемлекетті: "the state" or "having a state"). Read
    /// alone, they are taken for the suffix: accepting an adjective as a
    /// mere form of its noun would accept another word.
    static let ambiguousAlone: Set<String> = ["ды", "ді", "ты", "ті"]

    public init(_ word: String) {
        let lowered = Homoglyphs.repaired(word).lowercased()
        self.word = lowered
        var w = lowered
        var peeled: [String] = []
        if w.count > 3 && !KazakhStemmer.protected.contains(w) {
            for rules in Self.inflectionClasses {
                guard let stripped = KazakhStemmer.stripOnce(w, rules: rules, harmonyFree: Self.instrumental)
                else { continue }
                peeled.insert(String(w.dropFirst(stripped.count)), at: 0)
                w = stripped
            }
        }
        if peeled.count == 1, let only = peeled.first, Self.ambiguousAlone.contains(only) {
            w = lowered
            peeled = []
        }
        // A lone possessive -ы/-і after ш is the agent suffix -шы/-ші
        // (бітімгерші "peacekeeper", not "his бітімгерш").
        if peeled.count == 1, let only = peeled.first, only.count == 1, w.hasSuffix("ш") {
            w = lowered
            peeled = []
        }
        stem = KazakhStemmer.elision[w] ?? w
        endings = peeled
        var root = stem
        var spelt: [String] = []
        var families: [DerivationalSuffix] = []
        while let found = DerivationalSuffix.trailing(root) {
            spelt.insert(found.spelling, at: 0)
            families.insert(found.suffix, at: 0)
            root = found.root
        }
        self.root = root
        derivations = spelt
        self.families = families
    }

    /// The inflection classes from the outside in (person, relative, case,
    /// possessive, plural, possessive again after a plural).
    static let inflectionClasses: [[KazakhStemmer.Rule]] = [
        person, KazakhStemmer.relative, KazakhStemmer.cases, personalPossessive,
        KazakhStemmer.possessive + possessiveAfterU, KazakhStemmer.plural, KazakhStemmer.possessive + possessiveAfterU,
    ]

    /// The instrumental has one vowel after back and front stems alike
    /// (саясатпен, елмен). The retrieval stemmer follows its validated
    /// prototype and checks harmony; judging answers must not.
    static let instrumental: Set<String> = ["мен", "бен", "пен"]

    /// After у (даму, тау) the possessive is -ы/-і, as after a consonant
    /// (дамуы, тауы); the retrieval stemmer, like its prototype, counts у
    /// as a vowel there.
    static let possessiveAfterU: [KazakhStemmer.Rule] = [(["ы", "і"], { $0.hasSuffix("у") && $0.count >= 3 })]

    /// True when `word` is `stem` with inflectional endings, each fitting
    /// the stem by harmony and assimilation, in Kazakh order. With the stem
    /// known (the answer's), no guess about where it ends is needed: the
    /// cluster rule that keeps the stripper from cutting «Қазақстан» is not
    /// applied, so «Локктың» and «Гоббсқа» are forms of Локк and Гоббс, and
    /// «амині» is the possessive of Амин rather than an accusative of «ами».
    /// A lone -ды/-ті or an -ы/-і after ш is read as a derivation, as in
    /// `init`.
    static func isInflection(_ word: String, of stem: String) -> Bool {
        guard word.count > stem.count, word.hasPrefix(stem), stem.count >= 2 else { return false }
        let ending = String(word.dropFirst(stem.count))
        if ambiguousAlone.contains(ending) { return false }
        if stem.hasSuffix("ш") && (ending == "ы" || ending == "і") { return false }
        func peel(_ w: String, from classIndex: Int) -> Bool {
            if w == stem { return true }
            guard classIndex < inflectionClasses.count, w.count > stem.count else { return false }
            for rule in inflectionClasses[classIndex] {
                for suffix in rule.suffixes where w.hasSuffix(suffix) && w.count - suffix.count >= stem.count {
                    let rest = String(w.dropLast(suffix.count))
                    guard rule.fits(rest),
                        instrumental.contains(suffix) || KazakhStemmer.harmonyFits(stem: rest, suffix: suffix)
                    else { continue }
                    if peel(rest, from: classIndex + 1) { return true }
                }
            }
            return peel(w, from: classIndex + 1)
        }
        return peel(word, from: 0)
    }

    /// Abstract nouns in -шылдық/-шілдік and -шылық/-шілік are used for one
    /// another.
    static let abstractNounSpellings: [(String, String)] = [("шылдық", "шылық"), ("шілдік", "шілік")]

    static func sameAbstractNoun(_ a: String, _ b: String) -> Bool {
        abstractNounSpellings.contains { long, short in
            (a.hasSuffix(long) && b.hasSuffix(short) && a.dropLast(long.count) == b.dropLast(short.count))
                || (b.hasSuffix(long) && a.hasSuffix(short) && b.dropLast(long.count) == a.dropLast(short.count))
        }
    }

    /// The stems on the way from the root to the full stem: root, root +
    /// first suffix, … (the full stem last).
    public var derivedStems: [String] {
        var stems = [root]
        var current = root
        for s in derivations {
            current += s
            stems.append(current)
        }
        return stems
    }

    /// How two words of one answer relate.
    public enum Relation: Hashable, Sendable {
        /// The same word in the same form.
        case same
        /// The same word (stem) in another form: other endings.
        case otherForm
        /// Another word made from the same root: a derivational suffix was
        /// dropped, added or swapped. `missing` and `extra` name them.
        case otherDerivation(missing: [DerivationalSuffix], extra: [DerivationalSuffix])
        /// Nothing the morphology can tell.
        case unrelated
    }

    /// How `typed` relates to `expected`.
    public static func relation(expected e: WordAnalysis, typed t: WordAnalysis) -> Relation {
        if e.word == t.word { return .same }
        if e.stem == t.stem || isInflection(t.word, of: e.stem) || isInflection(t.word, of: e.word) {
            return .otherForm
        }
        // -шылдық and -шылық are two spellings of one abstract noun
        // (отаршылдық ~ отаршылық): not another word.
        if Self.sameAbstractNoun(e.stem, t.stem) { return .unrelated }
        // Dropped suffixes: the typed stem is one of the stems the
        // expected one is built through (демократ ← демократия).
        // The typed word is compared whole as well: «егемен» is not «еге»
        // with the instrumental -мен.
        if let k = e.derivedStems.dropLast().firstIndex(where: { $0 == t.stem || $0 == t.word }) {
            return .otherDerivation(missing: Array(e.families[k...]), extra: [])
        }
        // Added suffixes: the expected stem is on the way to the typed one.
        if let k = t.derivedStems.dropLast().firstIndex(where: { $0 == e.stem || $0 == e.word }) {
            return .otherDerivation(missing: [], extra: Array(t.families[k...]))
        }
        // The same root, other suffixes (тәуелсіздік / тәуелділік).
        if e.root == t.root, e.families != t.families {
            var common = 0
            while common < min(e.families.count, t.families.count), e.families[common] == t.families[common] {
                common += 1
            }
            var missing = Array(e.families[common...])
            var extra = Array(t.families[common...])
            while let a = missing.last, let b = extra.last, a == b {
                missing.removeLast()
                extra.removeLast()
            }
            return .otherDerivation(missing: missing, extra: extra)
        }
        // Both end in a suffix, and not the same one (реализм / реалист,
        // even with a slip in the root).
        if let a = e.families.last, let b = t.families.last, a != b,
            e.root.count >= 3, EditDistance.distance(Array(e.root), Array(t.root), limit: 1) <= 1
        {
            return .otherDerivation(missing: [a], extra: [b])
        }
        return .unrelated
    }
}
