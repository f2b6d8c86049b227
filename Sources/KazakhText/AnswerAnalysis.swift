/// The checker's view of an answer word by word, for instructors who want
/// to know why (`jatta judge --explain`): each word of the answer and of
/// the typed text taken apart, and how the two relate.
public struct WordComparison: Hashable, Sendable {
    /// The answer's word.
    public let expected: WordAnalysis
    /// The typed word in the same place.
    public let typed: WordAnalysis
    /// How they relate.
    public let relation: WordAnalysis.Relation

    /// The words of `expected` and `typed` (as the checker splits them:
    /// lower case, at spaces and hyphens, punctuation dropped) paired in
    /// order; extra words on either side are left out.
    public static func compare(expected: String, typed: String) -> [WordComparison] {
        let e = AnswerForm(expected).words
        let t = AnswerForm(typed).words
        return zip(e, t).map { ew, tw in
            let a = WordAnalysis(ew)
            let b = WordAnalysis(tw)
            return WordComparison(expected: a, typed: b, relation: WordAnalysis.relation(expected: a, typed: b))
        }
    }

    /// The number of words the checker sees in `text`.
    public static func wordCount(_ text: String) -> Int { AnswerForm(text).words.count }
}

extension WordAnalysis.Relation {
    /// A short description in English (the `--explain` output is for
    /// instructors and keeps the checker's terms).
    public var summary: String {
        switch self {
        case .same: "same word, same form"
        case .otherForm: "same word, other form (inflection)"
        case .otherDerivation(let missing, let extra):
            "another word from the same root"
                + (missing.isEmpty ? "" : "; missing " + missing.map(\.label).joined(separator: ", "))
                + (extra.isEmpty ? "" : "; extra " + extra.map(\.label).joined(separator: ", "))
        case .unrelated: "no morphological relation (compared letter by letter)"
        }
    }
}
