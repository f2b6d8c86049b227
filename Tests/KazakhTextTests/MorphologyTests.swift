import Testing

@testable import KazakhText

/// Issue 12: inflection versus derivation, loanword stems, numbers.
@Suite struct MorphologyTests {
    let checker = AnswerChecker(knownAnswers: [])

    @Test func aTypoInsideALoanSuffixIsATypo() {
        // «капиталзм» was refused with "a suffix differs": the letters of
        // -изм inside a loanword are no Kazakh privative -сыз/-сіз.
        let v = checker.check(typed: "капиталзм", accepted: ["Капитализм"])
        #expect(v.tier == .typo)
    }

    @Test(arguments: [("Демократия", "демократ", "-ия"), ("Гегемония", "гегемон", "-ия"), ("Тәуелсіздік", "тәуелсіз", "-лық/-лік")])
    func aTruncationThatLeavesAnotherWordIsWrong(_ answer: String, _ typed: String, _ suffix: String) {
        let v = checker.check(typed: typed, accepted: [answer])
        #expect(v.tier == .wrong)
        #expect(v.guard == .suffix)
        #expect(v.reason.en.contains(suffix))
        #expect(v.reason.en.contains("left out"))
    }

    @Test func swappedSuffixesAreNamed() {
        let v = checker.check(typed: "реалист", accepted: ["Реализм"])
        #expect(v.guard == .suffix)
        #expect(v.reason.en.contains("-изм is replaced by -ист"))
    }

    @Test func anotherInflectionIsTheFormTier() {
        let plural = checker.check(typed: "республика", accepted: ["республикалар"])
        #expect(plural.tier == .form)
        #expect(plural.isAccepted)
        #expect(plural.reason.en.hasPrefix("Right word, other form"))
        #expect(checker.check(typed: "мемлекеттердің", accepted: ["Мемлекет"]).tier == .form)
        #expect(checker.check(typed: "Ұлттар Лигасының", accepted: ["Ұлттар Лигасы"]).tier == .form)
    }

    @Test func numbersInWordsAndWithEndings() {
        #expect(checker.check(typed: "он алты", accepted: ["16"]).tier == .format)
        #expect(checker.check(typed: "16-сы", accepted: ["16"]).tier == .form)
        #expect(checker.check(typed: "бір мың тоғыз жүз тоқсан бір", accepted: ["1991"]).tier == .format)
        // Vowel harmony: алты takes -сы, not -сі; and a wrong number stays wrong.
        #expect(checker.check(typed: "16-сі", accepted: ["16"]).tier == .wrong)
        #expect(checker.check(typed: "он жеті", accepted: ["16"]).tier == .wrong)
    }

    @Test(arguments: [
        (["он", "алты"], 16), (["жүз"], 100), (["бір", "мың", "тоғыз", "жүз", "тоқсан", "бір"], 1991),
        (["екі", "мың", "он", "төрт"], 2014), (["алты", "он"], nil), (["он", "он"], nil),
    ] as [([String], Int?)])
    func readsNumberWords(_ words: [String], _ value: Int?) {
        #expect(NumberWords.value(of: words) == value)
        if let value { #expect(NumberWords.words(for: value).flatMap { NumberWords.value(of: $0) } == value) }
    }

    @Test func analysisNamesStemEndingsAndSuffixes() {
        let a = WordAnalysis("тәуелсіздіктің")
        #expect(a.stem == "тәуелсіздік")
        #expect(a.endings == ["тің"])
        #expect(a.root == "тәуел")
        #expect(a.derivations == ["сіз", "дік"])
        #expect(WordAnalysis("капиталзм").derivations == [])
    }

    /// Issue 12: a cloze with two wrong gaps explains both.
    @Test func everyWrongGapIsExplained() {
        let result = checker.checkGaps(typed: ["1992", "демократ"], gaps: [["1991"], ["Демократия"]], profile: .unknown)
        let text = result.explanation.en
        #expect(text.contains("Gap 1:"))
        #expect(text.contains("Gap 2:"))
        #expect(text.contains("Numbers and years must be exact"))
        #expect(text.contains("-ия is left out"))
        #expect(text.contains("Difference: демократ[+ия]"))
    }
}
