import KazakhText

/// The answer checker's verdict on one typed blank, as the quiz needs it:
/// accepted or not, by which tier, and the reason shown to the student.
public struct TypedJudgement: Hashable, Sendable {
    /// Whether the answer counts as right.
    public var accepted: Bool
    /// The tier and the guard that decided, as the checker's code:
    /// `exact`, `keyboard`, `typo`, `wrong/other-answer`…; printed in the
    /// JSON result.
    public var tier: String
    /// Accepted with a note the student should read (another keyboard
    /// layout or script, a typo), not as written.
    public var lenient: Bool
    /// Accepted as a small typo or as the right word in another form,
    /// which tells the scheduler the recall was harder than a clean answer.
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

    /// The quiz's view of the checker's verdict, explained with the letter
    /// difference as `jatta judge` shows it. The "Correct." of a clean
    /// answer is left out: the outcome already says it.
    public init(_ verdict: Verdict) {
        let lenient = [.keyboard, .latin, .typo, .form].contains(verdict.tier)
        let silent = verdict.tier == .exact
        self.init(
            accepted: verdict.isAccepted, tier: verdict.code, lenient: lenient, isTypo: [.typo, .form].contains(verdict.tier),
            reasonKK: silent ? "" : verdict.explanation.kk, reasonEN: silent ? "" : verdict.explanation.en)
    }

    public func reason(language: String) -> String { language.hasPrefix("kk") ? reasonKK : reasonEN }
}

/// Judges one typed answer against the accepted answers of one blank,
/// knowing what the session learnt about the student's keyboard.
public typealias TypedAnswerJudge =
    @Sendable (_ typed: String, _ accepted: [String], _ profile: KeyboardProfile) -> TypedJudgement

extension AnswerChecker {
    /// This checker as the quiz's judge.
    public var quizJudge: TypedAnswerJudge {
        { typed, accepted, profile in TypedJudgement(self.check(typed: typed, accepted: accepted, profile: profile)) }
    }
}
