/// A derivational suffix: one that makes a new word with another meaning
/// (ұлт "nation" → ұлтшыл "nationalist" → ұлтшылдық "nationalism";
/// демократ "democrat" → демократия "democracy"). Unlike an inflection
/// (plural, case, possessive, person), adding, dropping or swapping one is
/// never a slip of the fingers: it names another thing. The list is the
/// one in docs/answer-checking.md, from Kazakh school grammar and the
/// suffixes of the international vocabulary in the course decks.
public struct DerivationalSuffix: Hashable, Sendable {
    /// How the suffix is named to the student: `-сыз/-сіз`, `-ия`.
    public let label: String
    /// Its spellings (allomorphs), longest first within the family.
    public let spellings: [String]
    /// True for Kazakh suffixes, whose vowel follows the stem's vowel
    /// harmony; loan suffixes (-изм, -ия) do not.
    public let harmonises: Bool

    /// The suffixes recognised at the end of a word's inflection stem.
    public static let all: [DerivationalSuffix] = [
        // Kazakh: agent, abstract noun, privative, "having", inclination,
        // profession, partner, relative adjective, manner, tendency.
        DerivationalSuffix(label: "-шы/-ші", spellings: ["шы", "ші"], harmonises: true),
        DerivationalSuffix(
            label: "-лық/-лік", spellings: ["лық", "лік", "дық", "дік", "тық", "тік"], harmonises: true),
        DerivationalSuffix(label: "-сыз/-сіз", spellings: ["сыз", "сіз"], harmonises: true),
        DerivationalSuffix(label: "-лы/-лі", spellings: ["лы", "лі", "ды", "ді", "ты", "ті"], harmonises: true),
        DerivationalSuffix(label: "-шыл/-шіл", spellings: ["шыл", "шіл"], harmonises: true),
        DerivationalSuffix(label: "-гер/-кер", spellings: ["гер", "кер"], harmonises: false),
        DerivationalSuffix(
            label: "-лас/-лес", spellings: ["лас", "лес", "дас", "дес", "тас", "тес"], harmonises: true),
        DerivationalSuffix(label: "-ғы/-гі", spellings: ["ғы", "гі", "қы", "кі"], harmonises: true),
        DerivationalSuffix(label: "-ша/-ше", spellings: ["ша", "ше"], harmonises: true),
        DerivationalSuffix(label: "-ғыш/-гіш", spellings: ["ғыш", "гіш", "қыш", "кіш"], harmonises: true),
        // International (Russian and Latin) suffixes.
        DerivationalSuffix(label: "-изм", spellings: ["изм"], harmonises: false),
        DerivationalSuffix(label: "-ист", spellings: ["ист"], harmonises: false),
        DerivationalSuffix(label: "-изация", spellings: ["изация"], harmonises: false),
        // -ия, -ция and -ация are one Latin suffix (-ia, -tio): a slip from
        // one spelling to another (франия for Франция) is no other word.
        DerivationalSuffix(label: "-ия", spellings: ["ация", "ция", "ия"], harmonises: false),
        DerivationalSuffix(label: "-тор", spellings: ["атор", "тор"], harmonises: false),
        DerivationalSuffix(label: "-лог", spellings: ["лог"], harmonises: false),
        DerivationalSuffix(label: "-ика", spellings: ["ика"], harmonises: false),
    ]

    /// The suffix that `stem` ends in and the root before it: the longest
    /// spelling that leaves a root of three or more letters with a vowel
    /// and, for a Kazakh suffix, agrees with the root's last vowel.
    static func trailing(_ stem: String) -> (suffix: DerivationalSuffix, spelling: String, root: String)? {
        var best: (suffix: DerivationalSuffix, spelling: String, root: String)? = nil
        for suffix in all {
            for spelling in suffix.spellings where stem.hasSuffix(spelling) {
                let root = String(stem.dropLast(spelling.count))
                guard root.count >= 3, root.contains(where: KazakhStemmer.vowels.contains) else { continue }
                if suffix.harmonises && !KazakhStemmer.harmonyFits(stem: root, suffix: spelling) { continue }
                if best.map({ spelling.count > $0.spelling.count }) ?? true { best = (suffix, spelling, root) }
            }
        }
        return best
    }
}
