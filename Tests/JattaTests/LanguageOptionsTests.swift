@testable import jatta
import TerminalUI
import Testing

/// Every command takes `--lang` through `LanguageOptions`, so these hold
/// for `check`, `list`, `extract`, `judge`, `study` and `quiz` alike.
@Suite struct LanguageOptionsTests {
    /// The language `jatta … ARGS` speaks in `environment`.
    static func language(_ arguments: [String], _ environment: [String: String]) throws -> Language {
        try LanguageOptions.parse(arguments).resolved(environment: environment)
    }

    @Test func explicitChoiceWins() throws {
        #expect(try Self.language(["--lang", "en"], ["JATTA_LANG": "kk"]) == .en)
        #expect(try Self.language(["--lang", "kk"], [:]) == .kk)
    }

    @Test func environmentOrder() throws {
        #expect(try Self.language([], ["JATTA_LANG": "kk", "LANG": "en_US.UTF-8"]) == .kk)
        #expect(try Self.language([], ["JATTA_LANG": "kk"]) == .kk)
        #expect(try Self.language([], ["LC_ALL": "kk_KZ.UTF-8", "LANG": "en_US.UTF-8"]) == .kk)
        #expect(try Self.language([], ["LC_MESSAGES": "ru_RU.UTF-8", "LANG": "kk_KZ"]) == .en)
        #expect(try Self.language([], ["LC_ALL": "C.UTF-8", "LANG": "kk_KZ.UTF-8"]) == .en)
        #expect(try Self.language([], ["LANG": "kk_KZ.UTF-8"]) == .kk)
        #expect(try Self.language([], ["LANG": ""]) == .en)
        #expect(try Self.language([], [:]) == .en)
    }

    @Test func unknownLanguageIsAUsageError() {
        #expect(throws: (any Error).self) { try LanguageOptions.parse(["--lang", "xx"]) }
    }
}
