/// A short text for the student in both interface languages, ready to show.
public struct BilingualText: Hashable, Sendable, Codable {
    /// The text in Kazakh.
    public var kk: String
    /// The text in English.
    public var en: String

    public init(kk: String, en: String) {
        self.kk = kk
        self.en = en
    }

    /// The text for an interface language code (`kk`, `kk_KZ`, `en` …):
    /// Kazakh for any `kk*` code, English otherwise.
    public func text(language: String) -> String {
        language.lowercased().hasPrefix("kk") ? kk : en
    }

    /// Both texts joined, each part followed by the next (used to build a
    /// reason from pieces).
    static func + (a: BilingualText, b: BilingualText) -> BilingualText {
        BilingualText(kk: join(a.kk, b.kk), en: join(a.en, b.en))
    }

    private static func join(_ a: String, _ b: String) -> String {
        if a.isEmpty { return b }
        if b.isEmpty { return a }
        return a + " " + b
    }
}
