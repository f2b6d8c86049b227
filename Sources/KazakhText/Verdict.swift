/// How a typed answer was judged: the tier it was accepted at (or wrong),
/// the guard that refused leniency, and a reason ready to show.
public struct Verdict: Hashable, Sendable {
    /// The tiers of kazakh-text.md §3.2, from strict to lenient. The order
    /// matters: a cloze is judged by its worst gap.
    public enum Tier: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
        /// The answer or one of the deck's accepted alternatives, as written.
        case exact
        /// Differs only in case, spacing, hyphens, punctuation, dash or
        /// quote style, or a Latin look-alike letter inside a Cyrillic word.
        case format
        /// Kazakh letters typed as their Russian-layout fallbacks (к for қ).
        case keyboard
        /// Kazakh written in Latin script.
        case latin
        /// A small misspelling, within the tolerance for the word's length.
        case typo
        /// The right word in another form: other inflectional endings
        /// (plural, case, possessive, person), as «республика» for
        /// «республикалар», or a number with a Kazakh ending (16-сы).
        case form
        /// Not accepted.
        case wrong

        public static func < (a: Tier, b: Tier) -> Bool { a.rank < b.rank }

        private var rank: Int {
            switch self {
            case .exact: 0
            case .format: 1
            case .keyboard: 2
            case .latin: 3
            case .typo: 4
            case .form: 5
            case .wrong: 6
            }
        }
    }

    /// A rule that refused to be lenient (kazakh-text.md §3.4). A guard is
    /// only reported when it decided the verdict: the answer was close
    /// enough to pass as a typo, keyboard fallback or Latin spelling
    /// otherwise.
    public enum Guard: String, Hashable, Sendable, Codable, CaseIterable {
        /// Four letters or fewer: one letter makes another word (құл/күл).
        case shortAnswer = "short-answer"
        /// The typed text is another card's answer or another known term,
        /// or is at least as close to one as to the expected answer.
        case otherAnswer = "other-answer"
        /// Only a meaning-changing prefix differs (дез-, нео-, би-/уни- …).
        case prefix
        /// A derivational suffix was dropped, added or swapped: another word
        /// from the same root (-сыз/-сіз, -изм/-ист, демократ/демократия).
        case suffix
        /// Numbers and years must be exact.
        case number
        /// The first letter differs: another word, not a typo.
        case firstLetter = "first-letter"
        /// ұ/ү, і/ы, қ/к, ғ/г confused by a student who has the Kazakh
        /// layout: different letters, not a slip.
        case kazakhLetter = "kazakh-letter"
        /// Abbreviations (БҰҰ, ТМД) must be exact up to case.
        case abbreviation
        /// Digits typed where Kazakh letters belong: the keyboard layout is
        /// not the one the student thinks.
        case keyboardLayout = "keyboard-layout"
    }

    /// The tier the answer was judged at.
    public var tier: Verdict.Tier
    /// The guard that refused leniency, if one did.
    public var `guard`: Verdict.Guard?
    /// What the student typed, as typed.
    public var typed: String
    /// The right answer to show: the first accepted answer, as written.
    public var canonical: String
    /// The accepted answer the typed text was matched against (may be an
    /// alternative of the deck); nil when wrong.
    public var matched: String?
    /// For `otherAnswer`: the other answer or term the typed text is.
    public var conflictingAnswer: String?
    /// Letters typed in place of the right ones, for the keyboard and
    /// look-alike notes (typed→expected).
    public var letterChanges: [LetterChange]
    /// The reason shown to the student, in both languages.
    public var reason: BilingualText
    /// True when the student overruled a wrong verdict ("I was right"); the
    /// caller logs it as an override.
    public var isOverruled: Bool
    /// The keyboard rule, when it decided the verdict (a Russian-layout
    /// letter forgiven, or not forgiven because the student has the Kazakh
    /// layout); its explanation ends the reason.
    public var keyboardRule: KeyboardRule?

    public init(
        tier: Verdict.Tier, guard: Verdict.Guard? = nil, typed: String, canonical: String, matched: String? = nil,
        conflictingAnswer: String? = nil, letterChanges: [LetterChange] = [], reason: BilingualText,
        isOverruled: Bool = false
    ) {
        self.tier = tier
        self.guard = `guard`
        self.typed = typed
        self.canonical = canonical
        self.matched = matched
        self.conflictingAnswer = conflictingAnswer
        self.letterChanges = letterChanges
        self.reason = reason
        self.isOverruled = isOverruled
    }

    /// This verdict with `rule` named as what decided it.
    func naming(_ rule: KeyboardRule) -> Verdict {
        var v = self
        v.keyboardRule = rule
        v.reason = reason + rule.explanation
        return v
    }

    /// Whether the answer counts as right: any tier but `wrong`, or
    /// overruled by the student.
    public var isAccepted: Bool { tier != .wrong || isOverruled }

    /// The verdict after the student said "I was right": accepted, with tier
    /// and guard kept so the log shows what was overruled.
    public func overruled() -> Verdict {
        var v = self
        v.isOverruled = true
        return v
    }

    /// A short stable code for logs and scripts: `typo`, `wrong`,
    /// `wrong/suffix`, `wrong/number+overruled`.
    public var code: String {
        var c = tier.rawValue
        if let g = self.guard { c += "/" + g.rawValue }
        if isOverruled { c += "+overruled" }
        return c
    }
}
