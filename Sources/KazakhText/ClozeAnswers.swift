/// The verdict on a cloze with several gaps: one verdict per gap.
public struct ClozeVerdict: Hashable, Sendable {
    /// The verdict on each gap, in order.
    public var gaps: [Verdict]

    public init(gaps: [Verdict]) { self.gaps = gaps }

    /// True when every gap is accepted.
    public var isAccepted: Bool { !gaps.isEmpty && gaps.allSatisfy(\.isAccepted) }

    /// The loosest tier among the gaps: the cloze is as good as its worst
    /// gap.
    public var tier: Verdict.Tier { gaps.map(\.tier).max() ?? .wrong }
}

extension AnswerChecker {
    /// Judges the typed answers of a cloze gap by gap. `gaps` holds the
    /// accepted answers of each gap (`{1992|тоқсан екі}` → ["1992",
    /// "тоқсан екі"]); a missing typed answer counts as empty. The profile
    /// learns from every gap before the next one is judged, as it would
    /// from separate answers.
    public func checkGaps(typed: [String], gaps: [[String]], profile: KeyboardProfile) -> ClozeVerdict {
        var profile = profile
        var verdicts: [Verdict] = []
        for (index, accepted) in gaps.enumerated() {
            let answer = index < typed.count ? typed[index] : ""
            verdicts.append(check(typed: answer, accepted: accepted, profile: profile))
            profile = profile.updated(afterTyping: answer)
        }
        return ClozeVerdict(gaps: verdicts)
    }

    /// Splits one typed line into the answers of `gapCount` gaps. The
    /// answers are separated by `;` (as the card's answer is shown); with a
    /// single gap the whole line is its answer.
    public static func splitGapAnswers(_ line: String, gapCount: Int) -> [String] {
        guard gapCount > 1 else { return [line] }
        return line.split(separator: ";", omittingEmptySubsequences: false).map {
            Normalization.foldSpace(String($0))
        }
    }
}
