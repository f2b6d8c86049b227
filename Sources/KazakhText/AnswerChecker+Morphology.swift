extension AnswerChecker {
    /// The form tier and the derivation and prefix guards: word by word,
    /// the typed answer is the right words in other forms (accepted, «right
    /// word, other form»), or one word is another word made from the same
    /// root (wrong, the suffix or prefix named). Any word the morphology cannot relate
    /// leaves the answer to the typo tier.
    func morphologyVerdict(_ j: Judging, _ candidates: [AnswerForm]) -> Verdict? {
        let t = j.typed
        for a in candidates where a.words.count == t.words.count {
            var forms: [FormChange] = []
            var derivations: [DerivationDetail] = []
            var related = true
            for (ew, tw) in zip(a.words, t.words) where ew != tw {
                if ew.contains(where: \.isNumber) || tw.contains(where: \.isNumber) { related = false; break }
                if let flip = MeaningMorphemes.prefixFlip(expected: ew, typed: tw) {
                    let label = { (p: String) in p.isEmpty ? "—" : p + "-" }
                    return j.wrong(.prefix, GuardDetail(morphemes: "\(label(flip.expected)) / \(label(flip.typed))"))
                }
                let e = WordAnalysis(ew)
                let x = WordAnalysis(tw)
                switch WordAnalysis.relation(expected: e, typed: x) {
                case .same: continue
                case .otherForm: forms.append(FormChange(typed: tw, expected: ew, stem: e.stem))
                case .otherDerivation(let missing, let extra):
                    derivations.append(DerivationDetail(word: tw, missing: missing, extra: extra))
                case .unrelated: related = false
                }
                if !related { break }
            }
            guard related else { continue }
            if let first = derivations.first {
                // Each word made with another suffix is explained.
                var detail = GuardDetail(derivation: first)
                detail.further = derivations.dropFirst().map(VerdictReasons.derivation)
                return j.wrong(.suffix, detail)
            }
            if !forms.isEmpty {
                return j.accepted(.form, a, reason: VerdictReasons.form(canonical: a.exact, changes: forms))
            }
        }
        return nil
    }

    /// A number typed in words («он алты» for 16: the same number, another
    /// script) or in digits with a Kazakh ending («16-сы»: the same number,
    /// another form). The ending must be one the number's last word takes
    /// by vowel harmony (алты → алтысы), so «16-сі» is not forgiven.
    func numberVerdict(_ j: Judging, _ answers: [AnswerForm]) -> Verdict? {
        let t = j.typed
        for a in answers where a.digitRuns.count == 1 && a.compact == a.digitRuns[0] {
            guard let value = Int(a.digitRuns[0]), let spelt = NumberWords.words(for: value) else { continue }
            if t.digitRuns.isEmpty, NumberWords.value(of: t.words) == value {
                return j.accepted(.format, a, reason: VerdictReasons.numberInWords(canonical: a.exact))
            }
            guard t.digitRuns == a.digitRuns, t.words.count >= 2, t.words[0] == a.digitRuns[0],
                let last = spelt.last
            else { continue }
            let ending = t.words.dropFirst().joined()
            let analysis = WordAnalysis(last + ending)
            if analysis.stem == WordAnalysis(last).stem && analysis.word != last && !analysis.endings.isEmpty {
                return j.accepted(
                    .form, a,
                    reason: VerdictReasons.form(
                        canonical: a.exact, changes: [FormChange(typed: t.original, expected: a.exact, stem: a.exact)]))
            }
        }
        return nil
    }
}

/// One word typed in another form than the answer's.
struct FormChange: Hashable, Sendable {
    /// The word as typed (lower case).
    var typed: String
    /// The answer's word.
    var expected: String
    /// Their common dictionary form.
    var stem: String
}

/// A word made from the right root with other derivational suffixes.
struct DerivationDetail: Hashable, Sendable {
    /// The typed word.
    var word: String
    /// Suffixes of the answer the typed word lacks.
    var missing: [DerivationalSuffix]
    /// Suffixes the typed word has and the answer lacks.
    var extra: [DerivationalSuffix]
}
