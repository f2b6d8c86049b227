import ArgumentParser
import TerminalUI

/// `--lang`, shared by every command that speaks to the user; the choice
/// itself is `Language.resolve`, so all commands agree on it.
struct LanguageOptions: ParsableArguments {
    @Option(
        name: .customLong("lang"),
        help: ArgumentHelp("Interface language: kk or en (default: JATTA_LANG, else the locale).", valueName: "kk|en"))
    var language: String?

    func validate() throws {
        // A mistyped --lang is refused rather than silently ignored: the
        // user asked for something specific.
        if let language, Language.parse(language) == nil {
            throw ValidationError("--lang kk немесе en / --lang must be kk or en")
        }
    }

    /// The language: `--lang`, then `JATTA_LANG`, then the locale.
    func resolved(environment: [String: String]) -> Language {
        Language.resolve(option: language, environment: environment)
    }
}
