import KazakhText

/// The answer checker's verdict on a typed answer, as the quiz needs it:
/// accepted or not, by which tier, and the reason shown to the student.
public struct TypedJudgement: Hashable, Sendable {
    /// Whether the answer counts as right.
    public var accepted: Bool
    /// The tier or guard that decided, e.g. `exact`, `keyboard`, `typo`,
    /// `wrong`, `short-answer`; printed in the JSON result.
    public var tier: String
    /// Accepted with a note the student should read (another keyboard
    /// layout or script, a typo), not as written.
    public var lenient: Bool
    /// Accepted as a small typo, which tells the scheduler the recall was
    /// harder than a clean answer.
    public var isTypo: Bool
    /// The reason in Kazakh, empty when there is nothing to say.
    public var reasonKK: String
    /// The reason in English.
    public var reasonEN: String

    public init(
        accepted: Bool, tier: String, lenient: Bool = false, isTypo: Bool = false, reasonKK: String = "",
        reasonEN: String = ""
    ) {
        self.accepted = accepted
        self.tier = tier
        self.lenient = lenient
        self.isTypo = isTypo
        self.reasonKK = reasonKK
        self.reasonEN = reasonEN
    }

    public func reason(language: String) -> String { language.hasPrefix("kk") ? reasonKK : reasonEN }
}

/// Judges one typed answer against the accepted answers of one blank.
/// The executable passes the full answer checker (with the decks' other
/// terms as guards); tests pass a plain one.
public typealias TypedAnswerJudge = @Sendable (_ typed: String, _ accepted: [String]) -> TypedJudgement

extension TypedJudgement {
    /// A judge that accepts only answers equal after the card-identity
    /// folding (case, spacing, dashes, quotes, look-alike letters). Never
    /// lenient about letters, so it errs on the side of "wrong".
    public static let formatOnly: TypedAnswerJudge = { typed, accepted in
        let key = Normalization.identityKey(typed)
        guard !key.isEmpty else {
            return TypedJudgement(accepted: false, tier: "empty", reasonKK: "Жауап жазылмады.", reasonEN: "No answer given.")
        }
        for answer in accepted {
            if answer == typed { return TypedJudgement(accepted: true, tier: "exact") }
            if Normalization.identityKey(answer) == key {
                return TypedJudgement(
                    accepted: true, tier: "format",
                    reasonKK: "Тек жазылу пішіні өзгеше (бас әріп, бос орын, тыныс белгісі).",
                    reasonEN: "Differs only in case, spacing or punctuation.")
            }
        }
        return TypedJudgement(accepted: false, tier: "wrong")
    }
}
