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

/// Properties over the table's answers: what the checker learns about the
/// student or the deck can only make it stricter.
@Suite struct StrictnessTests {
    static let withKnown = AnswerChecker(knownAnswers: JudgementTable.knownTerms)
    static let withoutKnown = AnswerChecker(knownAnswers: [])

    @Test(arguments: JudgementTable.rows)
    func knowingTheLayoutNeverLoosens(_ row: JudgementRow) {
        let unknown = Self.withKnown.check(typed: row.typed, accepted: row.accepted, profile: .unknown)
        let layout = Self.withKnown.check(
            typed: row.typed, accepted: row.accepted, profile: KeyboardProfile(hasKazakhLayout: true))
        if layout.isAccepted { #expect(unknown.isAccepted) }
        #expect(layout.tier >= unknown.tier || !unknown.isAccepted)
    }

    @Test(arguments: JudgementTable.rows)
    func knownAnswersOnlyAddGuards(_ row: JudgementRow) {
        let profile = KeyboardProfile(hasKazakhLayout: row.hasKazakhLayout)
        let with = Self.withKnown.check(typed: row.typed, accepted: row.accepted, profile: profile)
        let without = Self.withoutKnown.check(typed: row.typed, accepted: row.accepted, profile: profile)
        if with.isAccepted { #expect(without.isAccepted && without.tier == with.tier) }
        if with.guard == .otherAnswer { #expect(with.conflictingAnswer != nil) }
    }
}
