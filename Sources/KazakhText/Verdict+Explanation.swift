extension Verdict {
    /// The letters that differ, marked as in `AnswerDiff.marked`, for a
    /// typo, another form or a wrong answer; nil when the letters say
    /// nothing more than the reason (exact, format, keyboard and Latin
    /// spellings, an empty answer).
    public var markedDifference: String? {
        guard [.typo, .form, .wrong].contains(tier), !Normalization.foldSpace(typed).isEmpty, !canonical.isEmpty
        else { return nil }
        return AnswerDiff.marked(expected: matched ?? canonical, typed: typed)
    }

    /// The reason followed by the letter difference: what the study
    /// screen, the quiz report and `jatta judge` show alike.
    public var explanation: BilingualText {
        guard let diff = markedDifference else { return reason }
        return reason + BilingualText(kk: "Айырмашылығы: \(diff)", en: "Difference: \(diff)")
    }
}

extension ClozeVerdict {
    /// Every gap that was not typed exactly, each explained, numbered as
    /// the cloze shows them: two wrong gaps are two explanations.
    public var explanation: BilingualText {
        var text = BilingualText(kk: "", en: "")
        let numbered = gaps.count > 1
        for (index, gap) in gaps.enumerated() where gap.tier != .exact {
            let head = numbered ? BilingualText(kk: "\(index + 1)-бос орын:", en: "Gap \(index + 1):") : BilingualText(kk: "", en: "")
            text = text + head + gap.explanation
        }
        return text
    }
}
