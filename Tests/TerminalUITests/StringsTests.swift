import Testing

@testable import TerminalUI

@Suite struct StringsTests {
    static let cases: [(Double, String, String)] = [
        (30.0, "1 мин", "1m"), (600, "10 мин", "10m"), (3 * 3600, "3 сағ", "3h"), (86_400, "1 күн", "1d"),
        (3 * 86_400, "3 күн", "3d"), (45 * 86_400, "1,5 ай", "1.5mo"), (400 * 86_400, "1,1 жыл", "1.1y"),
        (20 * 365 * 86_400, "20 жыл", "20y"),
    ]

    @Test(arguments: cases)
    func intervals(_ seconds: Double, _ kk: String, _ en: String) {
        #expect(Strings.kazakh.interval(seconds) == kk)
        #expect(Strings.english.interval(seconds) == en)
    }

    @Test func buttonsInKazakhFollowAnki() {
        #expect([Strings.kazakh.again, Strings.kazakh.hard, Strings.kazakh.good, Strings.kazakh.easy]
            == ["Қайтадан", "Қиын", "Жақсы", "Оңай"])
    }

    @Test func durations() {
        #expect(Strings.english.duration(250) == "4m 10s")
        #expect(Strings.kazakh.duration(250) == "4 мин 10 с")
        #expect(Strings.english.duration(9) == "9s")
    }

    @Test func languageComesFromTheOptionThenTheEnvironmentThenTheLocale() {
        #expect(Language.resolve(option: "en", environment: ["JATTA_LANG": "kk"]) == .en)
        #expect(Language.resolve(option: nil, environment: ["JATTA_LANG": "kk", "LANG": "en_US.UTF-8"]) == .kk)
        #expect(Language.resolve(option: nil, environment: ["LANG": "kk_KZ.UTF-8"]) == .kk)
        #expect(Language.resolve(option: nil, environment: ["LC_ALL": "en_GB.UTF-8", "LANG": "kk_KZ.UTF-8"]) == .en)
        #expect(Language.resolve(option: "xx", environment: ["LANG": "kk_KZ"]) == .kk)
        #expect(Language.resolve(option: nil, environment: [:]) == .en)
    }

    /// Argument errors come before the language is known, so they carry
    /// both wordings, always Kazakh first.
    @Test func bilingualMessagesPutKazakhFirst() {
        #expect(Strings.bothLanguages(\.levelOutOfRange) == "--level 1, 2 немесе 3 болуы керек / --level must be 1, 2 or 3")
        #expect(QuizStrings.bothLanguages(\.countTooSmall) == "--count кемінде 1 / --count must be at least 1")
    }

    @Test func errorCountsAgreeInNumber() {
        #expect(Strings.english.reloadErrorCount(1) == "1 error")
        #expect(Strings.english.reloadErrorCount(3) == "3 errors")
        #expect(Strings.kazakh.reloadErrorCount(3) == "3 қате")
    }
}
