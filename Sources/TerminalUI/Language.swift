/// The interface languages.
public enum Language: String, CaseIterable, Sendable {
    case kk
    case en

    /// The language to use: the `--lang` option wins, then `JATTA_LANG`, then
    /// the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`: kk* is Kazakh); English
    /// otherwise. Unknown values are skipped, not errors, so a stray
    /// variable cannot stop the trainer.
    public static func resolve(option: String?, environment: [String: String]) -> Language {
        for candidate in [option, environment["JATTA_LANG"]] {
            if let value = candidate, let lang = parse(value) { return lang }
        }
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment[name], !value.isEmpty {
                return value.lowercased().hasPrefix("kk") ? .kk : .en
            }
        }
        return .en
    }

    /// `kk`, `kk_KZ.UTF-8`, `kaz`, `en`, `en_US` … → a language.
    public static func parse(_ value: String) -> Language? {
        let v = value.lowercased()
        if v.hasPrefix("kk") || v.hasPrefix("kaz") || v == "қаз" { return .kk }
        if v.hasPrefix("en") { return .en }
        return nil
    }

    /// The strings of this language.
    public var strings: Strings { self == .kk ? .kazakh : .english }

    /// The text in this language.
    public func pick<Text>(kk: Text, en: Text) -> Text { self == .kk ? kk : en }
}
