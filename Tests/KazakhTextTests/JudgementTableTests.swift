import KazakhText
import Testing

/// The judging table: at least 200 typed answers from the course's terms,
/// each with the tier it must be accepted at or the guard that must refuse
/// it. Each row was derived from the rules, not from the checker's output.
@Suite struct JudgementTableTests {
    static let checker = AnswerChecker(knownAnswers: JudgementTable.knownTerms)

    @Test func tableReadsCompletely() {
        #expect(JudgementTable.parsed.errors == [])
        #expect(JudgementTable.rows.count >= 200)
        #expect(JudgementTable.knownTerms.count >= 50)
    }

    @Test func tableCoversEveryTierAndEveryGuard() {
        let tiers = Set(JudgementTable.rows.map(\.tier))
        let guards = Set(JudgementTable.rows.compactMap(\.guard))
        #expect(tiers == Set(Verdict.Tier.allCases))
        #expect(guards == Set(Verdict.Guard.allCases))
    }

    @Test(arguments: JudgementTable.rows)
    func judged(_ row: JudgementRow) {
        let profile = KeyboardProfile(hasKazakhLayout: row.hasKazakhLayout)
        let verdict = Self.checker.check(typed: row.typed, accepted: row.accepted, profile: profile)
        #expect(verdict.tier == row.tier, "\(row.note) — \(verdict.reason.en)")
        #expect(verdict.guard == row.guard, "\(row.note) — \(verdict.reason.en)")
        #expect(verdict.isAccepted == (row.tier != .wrong))
        #expect(verdict.canonical == row.accepted.first.map { Normalization.foldSpace($0) })
        #expect(!verdict.reason.kk.isEmpty && !verdict.reason.en.isEmpty)
    }
}
