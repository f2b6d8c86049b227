import Testing

@testable import KazakhText

/// Russian-layout fallbacks and the session's keyboard profile.
@Suite struct KeyboardTests {
    @Test func fallbackIsDirectional() {
        #expect(KeyboardFallback.fallbackPairs(expected: "қазақ", typed: "казак")?.count == 2)
        #expect(KeyboardFallback.fallbackPairs(expected: "казак", typed: "қазақ") == nil)
        #expect(KeyboardFallback.fallbackPairs(expected: "білім", typed: "билим")?.count == 2)
        #expect(KeyboardFallback.fallbackPairs(expected: "білім", typed: "былым")?.count == 2)
        #expect(KeyboardFallback.fallbackPairs(expected: "ыдыс", typed: "идис") == nil)
        #expect(KeyboardFallback.fallbackPairs(expected: "режим", typed: "режим") == nil)
        #expect(KeyboardFallback.fallbackPairs(expected: "режим", typed: "режи") == nil)
    }

    @Test func everyKazakhLetterHasAFallback() {
        for letter in KeyboardFallback.kazakhLetters where letter.isLowercase {
            #expect(KeyboardFallback.fallbacks[letter] != nil, "\(letter)")
        }
        #expect(KeyboardFallback.kazakhLetters.count == 18)
    }

    @Test func profileLearnsFromKazakhLettersOnly() {
        var profile = KeyboardProfile.unknown
        #expect(!profile.hasKazakhLayout)
        profile = profile.updated(afterTyping: "режим")
        #expect(!profile.hasKazakhLayout)
        profile = profile.updated(afterTyping: "biz")
        #expect(!profile.hasKazakhLayout)
        profile = profile.updated(afterTyping: "Тәуелсіздік")
        #expect(profile.hasKazakhLayout)
        profile = profile.updated(afterTyping: "режим")
        #expect(profile.hasKazakhLayout)
    }

    @Test func theProfileDecidesWhetherKIsForgiven() {
        let checker = AnswerChecker(knownAnswers: [])
        let fresh = checker.check(typed: "отаршылдык", accepted: ["Отаршылдық"], profile: .unknown)
        #expect(fresh.tier == .keyboard)
        #expect(fresh.letterChanges == [LetterChange(typed: "к", expected: "қ")])
        let seen = checker.check(
            typed: "отаршылдык", accepted: ["Отаршылдық"], profile: KeyboardProfile(hasKazakhLayout: true))
        #expect(seen.tier == .wrong)
        #expect(seen.guard == .kazakhLetter)
    }
}

/// A session checking answer after answer keeps its profile in and out.
@Suite struct SessionProfileTests {
    @Test func profileFollowsTheSession() {
        let checker = AnswerChecker(knownAnswers: [])
        var profile = KeyboardProfile.unknown
        let first = checker.check(typed: "кауипсиздик", accepted: ["Қауіпсіздік"], updating: &profile)
        #expect(first.tier == .keyboard)
        #expect(!profile.hasKazakhLayout)
        let second = checker.check(typed: "Тәуелсіздік", accepted: ["Тәуелсіздік"], updating: &profile)
        #expect(second.tier == .exact)
        #expect(profile.hasKazakhLayout)
        let third = checker.check(typed: "кауипсиздик", accepted: ["Қауіпсіздік"], updating: &profile)
        #expect(third.tier == .wrong)
    }
}
