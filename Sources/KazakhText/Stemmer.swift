/// A light Kazakh suffix stripper for retrieval (docs: kazakh-text.md §4).
///
/// Kazakh is agglutinative: «саясаттың», «саясатында», «саясаттағы» are all
/// «саясат». No Snowball stemmer exists for Kazakh, so this strips the
/// nominal endings that matter in lecture notes — relative (-дағы), case,
/// possessive and plural — one class at a time, from the outside in, and
/// only when the ending fits the stem by vowel harmony and consonant
/// assimilation. The result is an index key, not a dictionary form: two
/// forms of one word should get the same key, and two different words
/// should rarely share one.
public enum KazakhStemmer {
    /// Back vowels: a stem whose last vowel is one of these takes а/ы endings.
    public static let backVowels: Set<Character> = ["а", "о", "ұ", "ы", "я", "ё", "ю"]
    /// Front vowels: a stem whose last vowel is one of these takes е/і endings.
    public static let frontVowels: Set<Character> = ["ә", "ө", "ү", "і", "е", "э"]
    /// All vowel letters, и and у included.
    public static let vowels: Set<Character> = backVowels.union(frontVowels).union(["и", "у"])
    /// Stem ends after which endings take their т-/қ-/к-/п- forms (voiceless,
    /// and б в г д, which devoice at the end of a word).
    static let voiceless: Set<Character> = ["к", "қ", "п", "с", "т", "ф", "х", "ц", "ч", "ш", "щ", "б", "в", "г", "д"]
    /// Stem ends after which the genitive and accusative take д-.
    static let sonorantD: Set<Character> = ["л", "р", "ж", "з", "й", "у"]
    static let nasals: Set<Character> = ["м", "н", "ң"]

    /// Words that look inflected but are not, or that lose their meaning
    /// when cut: postpositions, pronouns and frequent proper names.
    static let protected: Set<String> = [
        "туралы", "басқа", "өзге", "ретінде", "алматы", "астана", "арқылы", "бойынша", "сияқты", "секілді",
        "сондай", "мұндай", "осындай", "қазіргі", "кейін", "дейін", "бірге", "сонымен", "алайда", "бірақ",
        "немесе", "үшін", "арасында", "арасындағы", "ішінде", "сырты", "тағы", "яғни", "жөнінде", "жөніндегі",
    ]

    /// Vowel-elided stems restored to one key: «халқы» and «халық» meet.
    static let elision: [String: String] = [
        "халқ": "халық", "орн": "орын", "ауз": "ауыз", "мұрн": "мұрын", "ерн": "ерін",
        "қарн": "қарын", "нарқ": "нарық", "еркі": "ерік", "құлқ": "құлық", "ғұрп": "ғұрып",
    ]

    /// Loan-word clusters a stem may end in (-изм, -ист, -акт, -екс …).
    static let loanClusters: Set<String> = ["ст", "зм", "кт", "кс", "нк", "пт", "фт", "кл", "гр", "тр", "бр"]
    static let clusterFirstOK: Set<Character> = ["р", "л", "й", "у", "н"]

    /// One ending class: each entry is a set of allomorphs and the condition
    /// the stem must meet for them.
    typealias Rule = (suffixes: [String], fits: @Sendable (String) -> Bool)

    static func endsInVowel(_ s: String) -> Bool { s.last.map { vowels.contains($0) } ?? false }
    static func final(_ s: String, in set: Set<Character>) -> Bool { s.last.map { set.contains($0) } ?? false }
    static func endsInPossessive3(_ s: String) -> Bool {
        s.hasSuffix("сы") || s.hasSuffix("сі") || s.hasSuffix("ы") || s.hasSuffix("і")
    }

    static let relative: [Rule] = [
        (["дағы", "дегі"], { endsInVowel($0) || final($0, in: sonorantD.union(nasals)) }),
        (["тағы", "тегі"], { final($0, in: voiceless) }),
        (["ндағы", "ндегі"], { endsInPossessive3($0) }),
    ]
    static let cases: [Rule] = [
        (["ның", "нің"], { endsInVowel($0) || final($0, in: nasals) }),
        (["дың", "дің"], { final($0, in: sonorantD) }),
        (["тың", "тің"], { final($0, in: voiceless) }),
        (["нан", "нен"], { final($0, in: nasals) || endsInPossessive3($0) }),
        (["дан", "ден"], { endsInVowel($0) || final($0, in: sonorantD) }),
        (["тан", "тен"], { final($0, in: voiceless) }),
        (["нда", "нде"], { endsInPossessive3($0) }),
        (["да", "де"], { endsInVowel($0) || final($0, in: sonorantD.union(nasals)) }),
        (["та", "те"], { final($0, in: voiceless) }),
        (["на", "не"], { endsInPossessive3($0) }),
        (["ға", "ге"], { endsInVowel($0) || final($0, in: sonorantD.union(nasals)) }),
        (["қа", "ке"], { final($0, in: voiceless) }),
        (["мен"], { endsInVowel($0) || final($0, in: nasals.union(["л", "р", "й", "у"])) }),
        (["бен"], { final($0, in: ["ж", "з"]) }),
        (["пен"], { final($0, in: voiceless) }),
        (["ны", "ні"], { endsInVowel($0) }),
        (["ды", "ді"], { final($0, in: sonorantD.union(nasals)) }),
        (["ты", "ті"], { final($0, in: voiceless) }),
        (["н"], { $0.hasSuffix("сы") || $0.hasSuffix("сі") || ($0.count > 3 && final($0, in: ["ы", "і"])) }),
    ]
    static let possessive: [Rule] = [
        (["ымыз", "іміз"], { !endsInVowel($0) }),
        (["мыз", "міз"], { endsInVowel($0) }),
        (["сы", "сі"], { endsInVowel($0) }),
        (["ы", "і"], { !endsInVowel($0) && $0.count >= 3 }),
    ]
    static let plural: [Rule] = [
        (["лар", "лер"], { endsInVowel($0) || final($0, in: ["р", "й", "у"]) }),
        (["дар", "дер"], { final($0, in: nasals.union(["л", "ж", "з"])) }),
        (["тар", "тер"], { final($0, in: voiceless) }),
    ]
    static let derivational: [Rule] = [
        (["лық", "лік"], { $0.count >= 4 && (endsInVowel($0) || final($0, in: ["р", "й", "у"])) }),
        (["дық", "дік"], { $0.count >= 3 && final($0, in: nasals.union(["л", "ж", "з"])) }),
        (["тық", "тік"], { $0.count >= 3 && final($0, in: voiceless) }),
    ]

    /// Back or front, by the last vowel of `stem` (и counts as front).
    static func lastVowelIsBack(_ stem: String) -> Bool? {
        for ch in stem.reversed() {
            if backVowels.contains(ch) { return true }
            if frontVowels.contains(ch) || ch == "и" { return false }
        }
        return nil
    }

    /// An ending's first vowel must agree with the stem's last vowel.
    static func harmonyFits(stem: String, suffix: String) -> Bool {
        guard let suffixVowel = suffix.first(where: { vowels.contains($0) }) else { return true }
        guard let back = lastVowelIsBack(stem) else { return false }
        return backVowels.contains(suffixVowel) == back
    }

    /// Kazakh words do not end in two consonants unless the first is a
    /// sonorant (ұлт, жұрт) or the pair is a loan cluster (реалист); no word
    /// ends in a double consonant. This stops «Қазақстан» → «Қазақс».
    static func clusterFits(_ stem: String) -> Bool {
        let chars = Array(stem)
        guard chars.count >= 2 else { return true }
        let a = chars[chars.count - 2], b = chars[chars.count - 1]
        if vowels.contains(a) || vowels.contains(b) { return true }
        if a == b { return false }
        return clusterFirstOK.contains(a) || loanClusters.contains(String([a, b]))
    }

    /// The longest ending of one class that `word` may lose, with the stem.
    /// `harmonyFree` lists endings taken without the vowel-harmony check.
    static func stripOnce(_ word: String, rules: [Rule], harmonyFree: Set<String> = []) -> String? {
        var best: (stem: String, length: Int)? = nil
        let plain = Homoglyphs.isPlainCyrillic(word)
        for rule in rules {
            for suffix in rule.suffixes where endsWith(word, suffix, plain: plain) {
                let stem = String(word.dropLast(suffix.count))
                guard stem.count >= 2, stem.contains(where: { vowels.contains($0) }),
                    rule.fits(stem), harmonyFree.contains(suffix) || harmonyFits(stem: stem, suffix: suffix),
                    clusterFits(stem)
                else { continue }
                if best.map({ suffix.count > $0.length }) ?? true { best = (stem, suffix.count) }
            }
        }
        return best?.stem
    }

    /// `word.hasSuffix(suffix)`, where `plain` tells whether `word` is
    /// `Homoglyphs.isPlainCyrillic`. Between two plain texts the characters
    /// compare as their bytes, which costs a small part of comparing them
    /// as characters (most of the stemmer's time went there).
    static func endsWith(_ word: String, _ suffix: String, plain: Bool) -> Bool {
        guard plain, Homoglyphs.isPlainCyrillic(suffix) else { return word.hasSuffix(suffix) }
        let count = suffix.utf8.count
        return word.utf8.count >= count && word.utf8.suffix(count).elementsEqual(suffix.utf8)
    }

    /// The word without its inflectional endings, lower-cased, before the
    /// key folds. `aggressive` also strips -лық/-лік (ұлттық → ұлт).
    public static func stem(_ word: String, aggressive: Bool = false) -> String {
        var w = Homoglyphs.repaired(word).lowercased()
        if w.count <= 3 || protected.contains(w) { return w }
        var classes = [relative, cases, possessive, plural, possessive]
        if aggressive { classes.append(derivational) }
        for rules in classes {
            if let stripped = stripOnce(w, rules: rules) { w = stripped }
        }
        return elision[w] ?? w
    }

    /// The retrieval key of a word: its stem with the final voiced
    /// consonant devoiced (кітабы ~ кітап, ынтымақтастығы ~ ынтымақтастық)
    /// and a loan-word final -ст cut to -с (реалист ~ реалистер, where the
    /// т drops before some endings).
    public static func key(_ word: String, aggressive: Bool = false) -> String {
        stemAndKey(word, aggressive: aggressive).key
    }

    /// `stem(word)` and `key(word)` at the cost of one stemming.
    public static func stemAndKey(_ word: String, aggressive: Bool = false) -> (stem: String, key: String) {
        let lowered = Homoglyphs.repaired(word).lowercased()
        if lowered.count <= 3 || protected.contains(lowered) { return (lowered, lowered) }
        let stem = stem(lowered, aggressive: aggressive)
        var w = stem
        if let last = w.last {
            let devoiced: [Character: Character] = ["б": "п", "г": "к", "ғ": "қ"]
            if let d = devoiced[last] { w = String(w.dropLast()) + String(d) }
        }
        if w.hasSuffix("ст") { w = String(w.dropLast()) }
        return (stem, w)
    }
}
