/// Judges typed answers in the tiers of kazakh-text.md §3: exact, format,
/// keyboard, Latin, typo, wrong, with guards that are never lenient.
///
/// Build one per deck or session with every answer and term the student
/// might confuse with another (the answers of all cards, the terms of the
/// glossary, the options of multiple-choice questions); then call
/// `check(typed:accepted:profile:)` for each typed answer. Pure: the same
/// input gives the same verdict.
public struct AnswerChecker: Sendable {
    /// One known answer, prepared once.
    struct Known: Sendable {
        let form: AnswerForm
        let skeleton: [Character]
    }

    let known: [Known]
    let knownIndexByCompact: [String: Int]

    /// A checker that knows `knownAnswers`: other cards' answers and other
    /// terms, for the guard that refuses a typed answer which is (or is
    /// closer to) one of them. The accepted answers of the question being
    /// checked may be among them; they are skipped for that question.
    public init(knownAnswers: [String]) {
        var list: [Known] = []
        var index: [String: Int] = [:]
        for text in knownAnswers {
            let form = AnswerForm(text)
            guard !form.compact.isEmpty, index[form.compact] == nil else { continue }
            index[form.compact] = list.count
            list.append(Known(form: form, skeleton: LatinSkeleton.skeleton(ofCyrillic: form.compact)))
        }
        known = list
        knownIndexByCompact = index
    }

    /// Judges `typed` against the `accepted` answers (the first is the
    /// canonical one; the others are the deck's alternatives and count as
    /// exact) with nothing known about the student's keyboard yet.
    public func check(typed: String, accepted: [String]) -> Verdict {
        check(typed: typed, accepted: accepted, profile: .unknown)
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
        let canonical = first.exact
        let t = AnswerForm(typed)
        func wrong(_ g: Verdict.Guard? = nil, _ detail: GuardDetail = GuardDetail()) -> Verdict {
            Verdict(
                tier: .wrong, guard: g, typed: typed, canonical: canonical, conflictingAnswer: detail.other,
                reason: VerdictReasons.wrong(canonical: canonical, guard: g, detail: detail))
        }
        if t.compact.isEmpty && t.digitRuns.isEmpty {
            return Verdict(tier: .wrong, typed: typed, canonical: canonical, reason: VerdictReasons.noAnswer)
        }

        // Exact: the answer or an alternative, as written.
        if let a = answers.first(where: { $0.exact == t.exact }) {
            return Verdict(tier: .exact, typed: typed, canonical: canonical, matched: a.original, reason: VerdictReasons.exact)
        }

        // Format: only cosmetic differences.
        let typedKey = AnswerForm.fold(t.exact, .all)
        for a in answers where AnswerForm.fold(a.exact, .all) == typedKey && a.digitRuns == t.digitRuns {
            return formatVerdict(a, t, canonical: canonical)
        }

        let acceptedKeys = Set(answers.map(\.compact))
        let others = known.filter { !acceptedKeys.contains($0.form.compact) }

        // Another card's answer or another term, as such.
        if let i = knownIndexByCompact[t.compact], !acceptedKeys.contains(t.compact) {
            return wrong(.otherAnswer, GuardDetail(other: known[i].form.exact))
        }

        let hasLayout = profile.hasKazakhLayout || KeyboardFallback.containsKazakhLetter(t.exact)

        // Keyboard: Kazakh letters typed as their Russian-layout fallbacks.
        if !hasLayout {
            for a in answers where a.digitRuns == t.digitRuns {
                guard let pairs = KeyboardFallback.fallbackPairs(expected: a.compact, typed: t.compact) else { continue }
                if let other = others.first(where: {
                    KeyboardFallback.fallbackPairs(expected: $0.form.compact, typed: t.compact) != nil
                }) {
                    return wrong(.otherAnswer, GuardDetail(other: other.form.exact))
                }
                let changes = pairs.map { LetterChange(typed: $0.typed, expected: $0.expected) }
                return Verdict(
                    tier: .keyboard, typed: typed, canonical: canonical, matched: a.original,
                    letterChanges: t.lookalikeRepairs + changes,
                    reason: VerdictReasons.keyboard(canonical: canonical, changes: t.lookalikeRepairs + changes))
            }
        }

        // Digits where the Kazakh layout has letters: a layout mix-up.
        if !t.digitRuns.isEmpty, answers.contains(where: { Self.isNumberRowMixUp(expected: $0.exact, typed: t.exact) }) {
            return wrong(.keyboardLayout)
        }

        // Latin script, compared by sound classes.
        if LatinSkeleton.isMostlyLatin(t.exact) {
            for a in answers where !LatinSkeleton.isMostlyLatin(a.exact) && a.digitRuns == t.digitRuns {
                guard LatinSkeleton.matches(latin: t.compact, skeleton: LatinSkeleton.skeleton(ofCyrillic: a.compact))
                else { continue }
                if a.letterCount <= 4 { return wrong(.shortAnswer) }
                if let other = others.first(where: { LatinSkeleton.matches(latin: t.compact, skeleton: $0.skeleton) }) {
                    return wrong(.otherAnswer, GuardDetail(other: other.form.exact))
                }
                return Verdict(
                    tier: .latin, typed: typed, canonical: canonical, matched: a.original,
                    reason: VerdictReasons.latin(canonical: canonical))
            }
            if answers.contains(where: { !LatinSkeleton.isMostlyLatin($0.exact) }) { return wrong() }
        }

        // Numbers and years are never approximate.
        let candidates = answers.filter { $0.digitRuns == t.digitRuns }
        if candidates.isEmpty {
            return answers.contains(where: { !$0.digitRuns.isEmpty }) ? wrong(.number) : wrong()
        }

        // Typo, unless a guard refuses it.
        let outcomes = candidates.map { a in
            (outcome: typoOutcome(expected: a, typed: t, hasLayout: hasLayout, others: others), answer: a)
        }
        guard let (outcome, a) = outcomes.min(by: { $0.outcome.rank < $1.outcome.rank }) else { return wrong() }
        if outcome.accepted {
            return Verdict(
                tier: .typo, typed: typed, canonical: canonical, matched: a.original, letterChanges: outcome.fallbacks,
                reason: VerdictReasons.typo(canonical: canonical, fallbacks: outcome.fallbacks))
        }
        return wrong(outcome.guard, outcome.detail)
    }

    // MARK: - Format tier

    private func formatVerdict(_ a: AnswerForm, _ t: AnswerForm, canonical: String) -> Verdict {
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
            return Verdict(
                tier: .keyboard, typed: t.original, canonical: canonical, matched: a.original, letterChanges: lookalikes,
                reason: VerdictReasons.keyboard(canonical: canonical, changes: lookalikes))
        }
        return Verdict(
            tier: .format, typed: t.original, canonical: canonical, matched: a.original, letterChanges: lookalikes,
            reason: VerdictReasons.format(canonical: canonical, differences: differences, lookalikes: lookalikes))
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

    private func typoOutcome(expected a: AnswerForm, typed t: AnswerForm, hasLayout: Bool, others: [Known]) -> TypoOutcome {
        let same: (Character, Character) -> Bool =
            hasLayout ? { $0 == $1 } : { KeyboardFallback.isSameOrFallback(expected: $0, typed: $1) }
        var outcome = TypoOutcome()
        guard a.words.count == t.words.count else {
            outcome.distance = EditDistance.distance(Array(a.compact), Array(t.compact), same: same)
            return outcome
        }
        var far = false
        var overTolerance = false
        var firstGuard: (Verdict.Guard, GuardDetail)? = nil
        for (i, (ew, tw)) in zip(a.words, t.words).enumerated() {
            let e = Array(ew)
            let x = Array(tw)
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
            let tolerance = EditDistance.typoTolerance(forLength: e.count)
            if d > tolerance + 1 { far = true; continue }
            if d > tolerance { overTolerance = true }
            if firstGuard == nil {
                firstGuard = wordGuard(
                    expected: ew, cased: a.casedWords[i], typed: tw, edits: edits, hasLayout: hasLayout, same: same)
            }
        }
        if far { return outcome }
        // A near miss that is at least as close to another answer is that answer.
        let toExpected = EditDistance.distance(Array(a.compact), Array(t.compact), same: same)
        let typedCount = t.compact.count
        for other in others where abs(other.form.compact.count - typedCount) <= toExpected {
            if EditDistance.distance(Array(other.form.compact), Array(t.compact), same: same) <= toExpected {
                outcome.guard = .otherAnswer
                outcome.detail = GuardDetail(other: other.form.exact)
                return outcome
            }
        }
        if let (g, detail) = firstGuard {
            outcome.guard = g
            outcome.detail = detail
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
        let flips = MeaningMorphemes.suffixFlips(expected: e, typed: t)
        if !flips.isEmpty { return (.suffix, GuardDetail(morphemes: flips.joined(separator: " / "))) }
        if let ef = e.first, let tf = t.first, !same(ef, tf) { return (.firstLetter, GuardDetail()) }
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
