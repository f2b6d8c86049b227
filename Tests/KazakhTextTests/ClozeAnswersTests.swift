import Testing

@testable import KazakhText

/// Typed answers of a cloze with several gaps.
@Suite struct ClozeAnswersTests {
    let checker = AnswerChecker(knownAnswers: ["жағымды", "жағымсыз", "16", "1991"])

    @Test func eachGapIsJudgedOnItsOwn() {
        // C: Қызметіне байланысты қайта байланыстың {жағымды} және {жағымсыз} …
        let result = checker.checkGaps(
            typed: ["жағымды", "жагымсыз"], gaps: [["жағымды"], ["жағымсыз"]], profile: .unknown)
        // The first gap showed the Kazakh layout, so г for ғ in the second
        // is a different letter, not a fallback (kazakh-text.md §3.4, 2).
        #expect(result.gaps.map(\.tier) == [.exact, .wrong])
        #expect(result.gaps[1].guard == .kazakhLetter)
        #expect(!result.isAccepted)
        #expect(result.tier == .wrong)
    }

    @Test func theProfileCarriesFromGapToGap() {
        let withoutLayout = checker.checkGaps(
            typed: ["16", "жагымсыз"], gaps: [["16"], ["жағымсыз"]], profile: .unknown)
        #expect(withoutLayout.gaps.map(\.tier) == [.exact, .keyboard])
    }

    @Test func oneWrongGapMakesTheClozeWrong() {
        let result = checker.checkGaps(
            typed: ["жағымсыз", "жағымды"], gaps: [["жағымды"], ["жағымсыз"]], profile: .unknown)
        #expect(!result.isAccepted)
        #expect(result.gaps.map(\.guard) == [.otherAnswer, .otherAnswer])
        #expect(result.tier == .wrong)
    }

    @Test func missingAnswersAreWrong() {
        let result = checker.checkGaps(typed: ["1991"], gaps: [["1991"], ["16"]], profile: .unknown)
        #expect(result.gaps.count == 2)
        #expect(result.gaps[0].tier == .exact)
        #expect(result.gaps[1].tier == .wrong)
        #expect(!result.isAccepted)
        #expect(!ClozeVerdict(gaps: []).isAccepted)
    }

    @Test func gapAlternativesCount() {
        let result = checker.checkGaps(typed: ["10"], gaps: [["он", "10"]], profile: .unknown)
        #expect(result.tier == .exact)
    }

    @Test func splittingTypedLine() {
        #expect(AnswerChecker.splitGapAnswers("жағымды; жағымсыз", gapCount: 2) == ["жағымды", "жағымсыз"])
        #expect(AnswerChecker.splitGapAnswers(" 1991 ;16;", gapCount: 2) == ["1991", "16", ""])
        #expect(AnswerChecker.splitGapAnswers("a; b", gapCount: 1) == ["a; b"])
    }
}
