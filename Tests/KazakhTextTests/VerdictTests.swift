import Foundation
import Testing

@testable import KazakhText

/// What a verdict carries to the student and to the review log.
@Suite struct VerdictTests {
    let checker = AnswerChecker(knownAnswers: ["Реализм", "Реалист", "Тәуелділік", "Тәуелсіздік", "он"])

    @Test func tiersAreOrderedFromStrictToLenient() {
        #expect(Verdict.Tier.allCases.sorted() == [.exact, .format, .keyboard, .latin, .typo, .form, .wrong])
        #expect(Verdict.Tier.format < .typo)
    }

    @Test func overrulingKeepsWhatWasOverruled() {
        let verdict = checker.check(typed: "реалист", accepted: ["Реализм"])
        #expect(!verdict.isAccepted)
        #expect(verdict.code == "wrong/other-answer")
        let overruled = verdict.overruled()
        #expect(overruled.isAccepted)
        #expect(overruled.isOverruled)
        #expect(overruled.tier == .wrong)
        #expect(overruled.guard == .otherAnswer)
        #expect(overruled.code == "wrong/other-answer+overruled")
        #expect(overruled.typed == "реалист")
        #expect(overruled.canonical == "Реализм")
    }

    @Test func otherAnswerNamesTheOtherTerm() {
        let verdict = checker.check(typed: "тәуелділік", accepted: ["Тәуелсіздік"])
        #expect(verdict.conflictingAnswer == "Тәуелділік")
        #expect(verdict.reason.en.contains("«Тәуелділік» is another answer"))
        #expect(verdict.reason.kk.contains("«Тәуелділік» — басқа жауап"))
        #expect(verdict.reason.en.hasPrefix("Wrong. The answer is «Тәуелсіздік»."))
    }

    @Test func reasonsComeInBothLanguages() {
        let verdict = checker.check(typed: "кауипсиздик", accepted: ["Қауіпсіздік"])
        #expect(verdict.tier == .keyboard)
        #expect(verdict.reason.text(language: "kk") == verdict.reason.kk)
        #expect(verdict.reason.text(language: "kk_KZ.UTF-8") == verdict.reason.kk)
        #expect(verdict.reason.text(language: "en") == verdict.reason.en)
        #expect(verdict.reason.text(language: "ru") == verdict.reason.en)
        #expect(verdict.reason.en.contains("к→қ, и→і"))
        #expect(verdict.reason.kk.contains("қазақ әріптерін"))
        #expect(verdict.reason.en.contains("«Қауіпсіздік»"))
    }

    @Test func formatReasonSaysWhatDiffered() {
        let hyphen = checker.check(typed: "іс шара", accepted: ["іс-шара"])
        #expect(hyphen.tier == .format)
        #expect(hyphen.reason.en.contains("«іс-шара» is written with a hyphen"))
        let letterCase = checker.check(typed: "режим", accepted: ["Режим"])
        #expect(letterCase.reason.en.contains("Only capital letters differ"))
        #expect(!letterCase.reason.en.contains("hyphen"))
        let lookalike = checker.check(typed: "cыртқы саясат", accepted: ["сыртқы саясат"])
        #expect(lookalike.tier == .format)
        #expect(lookalike.letterChanges == [LetterChange(typed: "c", expected: "с")])
        #expect(lookalike.reason.en.contains("Latin letters inside a Cyrillic word: c→с"))
    }

    @Test func matchedNamesTheAlternative() {
        let verdict = checker.check(typed: "Неоколонолизм", accepted: ["Неоколониализм", "Неоколонолизм"])
        #expect(verdict.tier == .exact)
        #expect(verdict.matched == "Неоколонолизм")
        #expect(verdict.canonical == "Неоколониализм")
    }

    @Test func nothingAcceptedIsWrongNotACrash() {
        let verdict = checker.check(typed: "режим", accepted: [])
        #expect(verdict.tier == .wrong)
        let blank = checker.check(typed: "режим", accepted: ["", "  "])
        #expect(blank.tier == .wrong)
    }

    @Test func letterChangesEncodeAsText() throws {
        let change = LetterChange(typed: "к", expected: "қ")
        let data = try JSONEncoder().encode(change)
        #expect(String(decoding: data, as: UTF8.self).contains("\"typed\":\"к\""))
        #expect(try JSONDecoder().decode(LetterChange.self, from: data) == change)
        #expect(change.description == "к→қ")
    }

    @Test func sameInputSameVerdict() {
        let a = checker.check(typed: "тәжірбие", accepted: ["Тәжірибе"])
        let b = checker.check(typed: "тәжірбие", accepted: ["Тәжірибе"])
        #expect(a == b)
        #expect(a.tier == .typo)
    }
}

/// A relaxed verdict spells out the accepted answer it matched.
@Suite struct MatchedAlternativeTests {
    @Test func reasonShowsTheMatchedAlternative() {
        let checker = AnswerChecker(knownAnswers: [])
        let verdict = checker.check(typed: "утилитаризм", accepted: ["Утилитарлар", "Утилитаризм"])
        #expect(verdict.tier == .format)
        #expect(verdict.matched == "Утилитаризм")
        #expect(verdict.canonical == "Утилитарлар")
        #expect(verdict.reason.en.contains("«Утилитаризм»"))
        let typo = checker.check(typed: "неоколонолизмм", accepted: ["Неоколониализм", "Неоколонолизм"])
        #expect(typo.tier == .typo)
        #expect(typo.reason.en.contains("«Неоколонолизм»"))
    }
}

/// The NFC shortcut must not change what NFC would give.
@Suite struct ComposedTextTests {
    @Test(arguments: [
        "Қауіпсіздік", "бейбітшілік", "ХХІ ғасыр", "«Режим» – 1991", "qauıpsızdık", "täuelsızdık", "№ 40",
    ])
    func shortcutAgreesWithNFC(_ text: String) {
        #expect(AnswerForm.isComposedAlready(text))
        #expect(Array(text.unicodeScalars) == Array(Normalization.nfc(text).unicodeScalars))
    }

    @Test func combiningMarksTakeTheSlowPath() {
        let decomposed = "бейбітші\u{0438}\u{0306}"  // й as и + breve
        #expect(!AnswerForm.isComposedAlready(decomposed))
        #expect(AnswerForm.exactForm(decomposed) == "бейбітшій")
        #expect(!AnswerForm.isComposedAlready("A\u{030A}"))
    }
}
