import Testing

@testable import KazakhText

/// Issue 12, "the keyboard rule flips without a word": the rule for к for
/// қ is one per student, and every verdict it decides names it and why.
@Suite struct KeyboardRuleTests {
    let checker = AnswerChecker(knownAnswers: [])

    @Test func theSameHabitIsJudgedWithTheRuleNamedBothTimes() {
        var profile = KeyboardProfile.unknown
        let first = checker.check(typed: "динамикалык", accepted: ["Динамикалық"], updating: &profile)
        #expect(first.tier == .keyboard)
        #expect(first.keyboardRule == .forgiving)
        #expect(first.reason.en.contains("no Kazakh letter has been typed yet"))

        _ = checker.check(typed: "Тәуелсіздік", accepted: ["Тәуелсіздік"], updating: &profile)
        #expect(profile.evidence == "Тәуелсіздік")

        let later = checker.check(typed: "Сырткы саяси катынастар", accepted: ["Сыртқы саяси қатынастар"], profile: profile)
        #expect(!later.isAccepted)
        #expect(later.keyboardRule == .strictSeenEarlier("Тәуелсіздік"))
        #expect(later.reason.en.contains("you typed Kazakh letters earlier («Тәуелсіздік»)"))
        #expect(later.reason.kk.contains("«Тәуелсіздік»"))
    }

    @Test func aRuleThatDecidedNothingIsNotNamed() {
        let profile = KeyboardProfile(hasKazakhLayout: true)
        let v = checker.check(typed: "режмм", accepted: ["Режим"], profile: profile)
        #expect(v.keyboardRule == nil)
        #expect(!v.reason.en.contains("Rule in force"))
        let declared = checker.check(typed: "кауипсиздик", accepted: ["Қауіпсіздік"], profile: profile)
        #expect(declared.keyboardRule == .strictDeclared)
    }
}
