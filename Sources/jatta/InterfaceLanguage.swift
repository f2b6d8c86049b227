import ArgumentParser

/// The language jatta speaks to the user: Kazakh or English.
///
/// Chosen, first match wins, by `--lang`, then `JATTA_LANG`, then the
/// locale (`LC_ALL`, `LC_MESSAGES`, `LANG`): a value starting with `kk`
/// means Kazakh, anything else English.
enum InterfaceLanguage: String, CaseIterable, ExpressibleByArgument, Sendable {
    case kk
    case en

    /// The language for an explicit choice (or none) and an environment.
    static func resolve(_ explicit: InterfaceLanguage?, environment: [String: String]) -> InterfaceLanguage {
        if let explicit { return explicit }
        for name in ["JATTA_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[name], !value.isEmpty else { continue }
            return value.lowercased().hasPrefix("kk") ? .kk : .en
        }
        return .en
    }

    /// The text in this language.
    func pick<Text>(kk: Text, en: Text) -> Text { self == .kk ? kk : en }
}

/// `--lang`, shared by every command that prints messages.
struct LanguageOptions: ParsableArguments {
    @Option(
        name: .customLong("lang"),
        help: "Message language: kk or en (default: JATTA_LANG, then the locale).")
    var language: InterfaceLanguage?
}
