/// Judges typed answers in the tiers of kazakh-text.md §3: exact, format,
/// keyboard, Latin, typo, wrong, with guards that are never lenient.
///
/// Build one per deck or session with every answer and term the student
/// might confuse with another (the answers of all cards, the terms of the
/// glossary, the options of multiple-choice questions); then call
/// `check(typed:accepted:profile:)` for each typed answer. Pure: the same
/// input gives the same verdict.
public struct AnswerChecker: Sendable {
    /// The known answers, prepared as the guards ask for them.
    let known: KnownAnswers

    /// A checker that knows `knownAnswers`: other cards' answers and other
    /// terms, for the guard that refuses a typed answer which is (or is
    /// closer to) one of them. The accepted answers of the question being
    /// checked may be among them; they are skipped for that question.
    public init(knownAnswers: [String]) {
        self.init(knownAnswers: knownAnswers, lookup: .byLength)
    }

    init(knownAnswers: [String], lookup: Lookup) {
        known = KnownAnswers(knownAnswers, lookup: lookup)
    }

    /// How many distinct answers and terms the checker knows (this
    /// prepares every one of them).
    public var knownCount: Int { known.count }

    /// Judges `typed` against the `accepted` answers (the first is the
    /// canonical one; the others are the deck's alternatives and count as
    /// exact) with nothing known about the student's keyboard yet.
    public func check(typed: String, accepted: [String]) -> Verdict {
        check(typed: typed, accepted: accepted, profile: .unknown)
    }

    /// Judges `typed` and then updates the session's `profile` with what it
    /// showed: the convenient form for a session that checks answer after
    /// answer.
    public func check(typed: String, accepted: [String], updating profile: inout KeyboardProfile) -> Verdict {
        let verdict = check(typed: typed, accepted: accepted, profile: profile)
        profile = profile.updated(afterTyping: typed)
        return verdict
    }

    /// Judges `typed` against the `accepted` answers. `profile` says
    /// whether the student has shown a Kazakh layout this session; the typed
    /// text itself counts too. Keep the session's profile with
    /// `profile.updated(afterTyping:)`.
    public func check(typed: String, accepted: [String], profile: KeyboardProfile) -> Verdict {
        let answers = accepted.map(AnswerForm.init).filter { !$0.exact.isEmpty }
        guard let first = answers.first else {
            return Verdict(tier: .wrong, typed: typed, canonical: "", reason: VerdictReasons.nothingAccepted)
        }
        let judging = Judging(
            checker: self, typed: AnswerForm(typed), answers: answers, canonical: first.exact,
            acceptedKeys: Set(answers.map(\.compact)))
        let t = judging.typed
        if t.compact.isEmpty && t.digitRuns.isEmpty {
            return Verdict(tier: .wrong, typed: typed, canonical: judging.canonical, reason: VerdictReasons.noAnswer)
        }

        // Exact: the answer or an alternative, as written.
        if let a = answers.first(where: { $0.exact == t.exact }) {
            return judging.accepted(.exact, a, reason: VerdictReasons.exact)
        }
        // Format: only cosmetic differences.
        if let a = answers.first(where: { $0.compact == t.compact && $0.digitRuns == t.digitRuns }) {
            return formatVerdict(judging, a)
        }
        // Digits where the Kazakh layout has letters: a layout mix-up.
        if answers.contains(where: { Self.isNumberRowMixUp(expected: $0.exact, typed: t.exact) }) {
            return judging.wrong(.keyboardLayout)
        }
        // A number in words, or in digits with a Kazakh ending.
        if let verdict = numberVerdict(judging, answers) { return verdict }
        // Numbers and years are never approximate.
        let candidates = answers.filter { $0.digitRuns == t.digitRuns }
        if candidates.isEmpty && answers.contains(where: { !$0.digitRuns.isEmpty }) {
            return judging.wrong(.number)
        }
        // Another card's answer or another term, as such, is never
        // accepted. The guard is named only when it decided: when the answer
        // was near enough to pass otherwise. Far from the right one, it is
        // wrong for the reason the other tiers give, or simply wrong.
        let rest = ruledVerdict(judging, candidates, profile: profile)
        guard !judging.acceptedKeys.contains(t.compact),
            let other = known.exact(ofCompact: t.compact, letterCount: t.letterCount)
        else { return rest }
        let near = candidates.contains { a in
            let reach = EditDistance.typoTolerance(forLength: a.letterCount) + 1
            return EditDistance.distance(
                a.codes, t.codes, limit: reach, same: { LetterCode.isSameOrFallback(expected: $0, typed: $1) }) <= reach
        }
        if near || rest.isAccepted { return judging.wrong(.otherAnswer, GuardDetail(other: other)) }
        return rest
    }

    /// The lenient tiers under the student's keyboard rule. Where the rule
    /// decided — the answer was forgiven its Russian-layout letters, or
    /// would have been forgiven them without the Kazakh layout — the verdict
    /// names the rule and why, so a habit is never judged two ways in
    /// silence.
    private func ruledVerdict(_ judging: Judging, _ candidates: [AnswerForm], profile: KeyboardProfile) -> Verdict {
        let rule = profile.rule(forTyping: judging.typed.exact)
        let hasLayout = rule != .forgiving
        let verdict = lenientVerdict(judging, candidates, hasLayout: hasLayout)
        if !hasLayout {
            let forgiven = verdict.tier == .keyboard || (verdict.tier == .typo && !verdict.letterChanges.isEmpty)
            return forgiven ? verdict.naming(rule) : verdict
        }
        let lax = lenientVerdict(judging, candidates, hasLayout: false)
        if lax.isAccepted && (!verdict.isAccepted || lax.tier < verdict.tier) { return verdict.naming(rule) }
        return verdict
    }

    /// The keyboard, Latin, form and typo tiers, with their guards.
    private func lenientVerdict(_ judging: Judging, _ candidates: [AnswerForm], hasLayout: Bool) -> Verdict {
        let t = judging.typed
        if !hasLayout, let verdict = keyboardVerdict(judging, candidates) { return verdict }
        let typedIsLatin = LatinSkeleton.isMostlyLatin(t.exact)
        if typedIsLatin, let verdict = latinVerdict(judging, candidates) { return verdict }
        // Letters are compared only within one script: a Latin spelling that
        // missed every skeleton is wrong.
        let sameScript = candidates.filter { LatinSkeleton.isMostlyLatin($0.exact) == typedIsLatin }
        if let verdict = morphologyVerdict(judging, sameScript) { return verdict }
        return typoVerdict(judging, sameScript, hasLayout: hasLayout)
    }

    /// One check in progress: the typed answer, the accepted ones, and the
    /// verdicts built from them.
    struct Judging {
        let checker: AnswerChecker
        let typed: AnswerForm
        let answers: [AnswerForm]
        let canonical: String
        let acceptedKeys: Set<String>

        var others: OtherAnswers { OtherAnswers(known: checker.known, acceptedKeys: acceptedKeys) }

        func accepted(
            _ tier: Verdict.Tier, _ a: AnswerForm, changes: [LetterChange] = [], reason: BilingualText
        ) -> Verdict {
            Verdict(
                tier: tier, typed: typed.original, canonical: canonical, matched: a.original, letterChanges: changes,
                reason: reason)
        }

        func wrong(_ g: Verdict.Guard? = nil, _ detail: GuardDetail = GuardDetail()) -> Verdict {
            Verdict(
                tier: .wrong, guard: g, typed: typed.original, canonical: canonical, conflictingAnswer: detail.other,
                reason: VerdictReasons.wrong(canonical: canonical, guard: g, detail: detail))
        }
    }

    // MARK: - Keyboard tier

    /// Kazakh letters typed as their Russian-layout fallbacks, unless the
    /// typed text fits another answer the same way (кул: құл or күл).
    private func keyboardVerdict(_ j: Judging, _ candidates: [AnswerForm]) -> Verdict? {
        let t = j.typed
        for a in candidates {
            guard let pairs = KeyboardFallback.fallbackPairs(expected: a.compact, typed: t.compact) else { continue }
            if let other = j.others.first(letterCounts: t.letterCount...t.letterCount, where: {
                $0.codes.count == t.letterCount
                    && KeyboardFallback.fallbackPairs(expected: $0.compact, typed: t.compact) != nil
            }) {
                return j.wrong(.otherAnswer, GuardDetail(other: other))
            }
            let changes = t.lookalikeRepairs + pairs.map { LetterChange(typed: $0.typed, expected: $0.expected) }
            return j.accepted(.keyboard, a, changes: changes, reason: VerdictReasons.keyboard(canonical: a.exact, changes: changes))
        }
        return nil
    }

    // MARK: - Latin tier

    /// Kazakh in Latin script, by sound classes; refused for abbreviations,
    /// short words and spellings that fit another answer as well.
    private func latinVerdict(_ j: Judging, _ candidates: [AnswerForm]) -> Verdict? {
        let cyrillic = candidates.filter { !LatinSkeleton.isMostlyLatin($0.exact) }
        let skeletons = cyrillic.map { LatinSkeleton.skeleton(ofCyrillic: $0.compact) }
        // Read the typed text only when it could spell one of the answers:
        // the shortest skeleton its letters can spell is
        // `LatinSkeleton.skeletonLengths`'s, the rule `matches` applies.
        let shortest = LatinSkeleton.skeletonLengths(forReading: max(1, j.typed.letterCount))?.lowerBound ?? 1
        guard skeletons.contains(where: { $0.count >= shortest }) else { return nil }
        let reading = LatinSkeleton.Reading(j.typed.compact)
        for (a, skeleton) in zip(cyrillic, skeletons) {
            guard LatinSkeleton.matches(reading, skeleton: skeleton) else { continue }
            if a.casedWords.contains(where: AnswerForm.isAbbreviation) { return j.wrong(.abbreviation) }
            if a.letterCount <= 4 { return j.wrong(.shortAnswer) }
            if let lengths = LatinSkeleton.skeletonLengths(forReading: reading.count),
                let other = j.others.first(skeletonLengths: lengths, where: {
                    LatinSkeleton.matches(reading, skeleton: $0)
                })
            {
                return j.wrong(.otherAnswer, GuardDetail(other: other))
            }
            return j.accepted(.latin, a, reason: VerdictReasons.latin(canonical: a.exact))
        }
        return nil
    }

    // MARK: - Typo tier

    /// The closest accepted answer as a typo, unless a guard refuses it.
    private func typoVerdict(_ j: Judging, _ candidates: [AnswerForm], hasLayout: Bool) -> Verdict {
        let outcomes = candidates.map { a in
            (outcome: typoOutcome(expected: a, typed: j.typed, hasLayout: hasLayout, others: j.others), answer: a)
        }
        guard let (outcome, a) = outcomes.min(by: { $0.outcome.rank < $1.outcome.rank }) else { return j.wrong() }
        guard outcome.accepted else { return j.wrong(outcome.guard, outcome.detail) }
        return j.accepted(
            .typo, a, changes: outcome.fallbacks, reason: VerdictReasons.typo(canonical: a.exact, fallbacks: outcome.fallbacks))
    }

    // MARK: - Format tier

    /// The reasons of the relaxed tiers spell out the accepted answer that
    /// was matched (an alternative, perhaps), not the canonical one, so that
    /// "only capital letters differ" is true of what is shown.
    private func formatVerdict(_ j: Judging, _ a: AnswerForm) -> Verdict {
        let t = j.typed
        var differences: FormatDifferences = []
        let steps: [(AnswerFolds, FormatDifferences)] = [
            (.letterCase, .letterCase), (.spacing, .spacing), (.punctuation, .punctuation),
            (.dashesAndQuotes, .dashesAndQuotes), (.lookalikes, .lookalikes),
        ]
        for (fold, difference) in steps {
            let folds = AnswerFolds.all.subtracting(fold)
            if AnswerForm.fold(a.exact, folds) != AnswerForm.fold(t.exact, folds) { differences.insert(difference) }
        }
        if differences.contains(.spacing) {
            let dashed: AnswerFolds = [.dashesAndQuotes]
            if AnswerForm.fold(a.exact, dashed).contains("-") && !AnswerForm.fold(t.exact, dashed).contains("-") {
                differences.insert(.hyphenMissing)
            }
        }
        let lookalikes = differences.contains(.lookalikes) ? t.lookalikeRepairs : []
        if lookalikes.contains(where: { KeyboardFallback.kazakhLetters.contains($0.expected) }) {
            return j.accepted(
                .keyboard, a, changes: lookalikes, reason: VerdictReasons.keyboard(canonical: a.exact, changes: lookalikes))
        }
        return j.accepted(
            .format, a, changes: lookalikes,
            reason: VerdictReasons.format(canonical: a.exact, differences: differences, lookalikes: lookalikes))
    }

    /// True when `typed` is `expected` with some Kazakh letters replaced by
    /// what a Russian layout gives on the same keys of the Kazakh layout.
    static func isNumberRowMixUp(expected: String, typed: String) -> Bool {
        let e = Array(expected.lowercased())
        let t = Array(typed.lowercased())
        guard e.count == t.count else { return false }
        var found = false
        for (x, y) in zip(e, t) where x != y {
            guard KeyboardFallback.numberRow[x] == y else { return false }
            found = true
        }
        return found
    }

    // MARK: - Typo tier

    /// Letters that are different phonemes although a student may think of
    /// them as the same: never a typo once the student has the layout.
    static let phonemicPairs: Set<Set<Character>> = [["ұ", "ү"], ["і", "ы"], ["қ", "к"], ["ғ", "г"]]

    struct TypoOutcome {
        var accepted = false
        var `guard`: Verdict.Guard? = nil
        var detail = GuardDetail()
        /// Total edit distance over the words.
        var distance = 0
        var fallbacks: [LetterChange] = []

        /// Lower is better: accepted first, then a near miss a guard
        /// explains, then the closest.
        var rank: (Int, Int) {
            (accepted ? 0 : self.guard != nil ? 1 : 2, distance)
        }
    }

    private func typoOutcome(expected a: AnswerForm, typed t: AnswerForm, hasLayout: Bool, others: OtherAnswers) -> TypoOutcome {
        let same: (Character, Character) -> Bool =
            hasLayout ? { $0 == $1 } : { KeyboardFallback.isSameOrFallback(expected: $0, typed: $1) }
        let sameCode: (UInt64, UInt64) -> Bool =
            hasLayout ? { $0 == $1 } : { LetterCode.isSameOrFallback(expected: $0, typed: $1) }
        var outcome = TypoOutcome()
        guard a.words.count == t.words.count else {
            // Only the rank among refused candidates needs this distance:
            // beyond the tolerance of the whole answer it is "far" anyway.
            let limit = EditDistance.typoTolerance(forLength: a.letterCount) + 1
            outcome.distance = EditDistance.distance(a.codes, t.codes, limit: limit, same: sameCode)
            return outcome
        }
        var far = false
        var overTolerance = false
        // Every word a guard refuses, so each wrong part is explained.
        var guards: [(Verdict.Guard, GuardDetail)] = []
        for (i, (ew, tw)) in zip(a.words, t.words).enumerated() {
            let e = Array(ew)
            let x = Array(tw)
            let tolerance = EditDistance.typoTolerance(forLength: e.count)
            // The banded distance first: the letter-by-letter edits are only
            // worth finding for a word within reach of a typo.
            let bounded = EditDistance.distance(e, x, limit: tolerance + 1, same: same)
            if bounded > tolerance + 1 {
                outcome.distance += bounded
                far = true
                continue
            }
            let edits = EditDistance.edits(e, x, same: same)
            var d = 0
            for edit in edits {
                if case .equivalent(let exp, let typ) = edit {
                    outcome.fallbacks.append(LetterChange(typed: typ, expected: exp))
                } else {
                    d += 1
                }
            }
            outcome.distance += d
            guard d > 0 else { continue }
            if d > tolerance { overTolerance = true }
            if let found = wordGuard(
                expected: ew, cased: a.casedWords[i], typed: tw, edits: edits, hasLayout: hasLayout, same: same)
            {
                guards.append(found)
            }
        }
        if far { return outcome }
        // A near miss that is at least as close to another answer is that answer.
        let toExpected = EditDistance.distance(a.codes, t.codes, limit: outcome.distance, same: sameCode)
        // A distance of at most toExpected needs lengths within toExpected.
        let lengths = max(0, t.codes.count - toExpected)...(t.codes.count + toExpected)
        if let other = others.first(letterCounts: lengths, where: {
            EditDistance.distance($0.codes, t.codes, limit: toExpected, same: sameCode) <= toExpected
        }) {
            outcome.guard = .otherAnswer
            outcome.detail = GuardDetail(other: other)
            return outcome
        }
        if let (g, detail) = guards.first {
            outcome.guard = g
            outcome.detail = detail
            outcome.detail.further = guards.dropFirst().map { VerdictReasons.explanation($0.0, detail: $0.1) }
            return outcome
        }
        outcome.accepted = !overTolerance
        return outcome
    }

    /// The first guard that refuses a near miss in one word.
    private func wordGuard(
        expected e: String, cased: String, typed t: String, edits: [EditDistance.Edit], hasLayout: Bool,
        same: (Character, Character) -> Bool
    ) -> (Verdict.Guard, GuardDetail)? {
        if AnswerForm.isAbbreviation(cased) { return (.abbreviation, GuardDetail()) }
        if e.count <= 4 { return (.shortAnswer, GuardDetail()) }
        if let flip = MeaningMorphemes.prefixFlip(expected: e, typed: t) {
            let label = { (p: String) in p.isEmpty ? "—" : p + "-" }
            return (.prefix, GuardDetail(morphemes: "\(label(flip.expected)) / \(label(flip.typed))"))
        }
        if case .otherDerivation(let missing, let extra) = WordAnalysis.relation(
            expected: WordAnalysis(e), typed: WordAnalysis(t))
        {
            return (.suffix, GuardDetail(derivation: DerivationDetail(word: t, missing: missing, extra: extra)))
        }
        // A first letter that is a Kazakh-letter confusion (к for қ with the
        // layout) is reported as that, the more precise reason.
        if let ef = e.first, let tf = t.first, !same(ef, tf), !(hasLayout && Self.phonemicPairs.contains([ef, tf])) {
            return (.firstLetter, GuardDetail())
        }
        if hasLayout {
            for edit in edits {
                if case .substitution(let x, let y) = edit, Self.phonemicPairs.contains([x, y]) {
                    return (.kazakhLetter, GuardDetail(morphemes: "\(x)/\(y)"))
                }
            }
        }
        return nil
    }
}
