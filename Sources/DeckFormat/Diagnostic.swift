/// A problem found in a deck, at a place, in both interface languages.
public struct Diagnostic: Hashable, Sendable, Comparable {
    public enum Severity: String, Hashable, Sendable, Codable, Comparable {
        /// The deck does not mean what the author wrote; `jatta check` fails.
        case error
        /// Probably a mistake (a look-alike letter, a duplicate prompt);
        /// the deck still loads.
        case warning

        public static func < (a: Severity, b: Severity) -> Bool { a == .error && b == .warning }
    }

    public var location: SourceLocation
    public var severity: Severity
    /// A short stable name for tools and tests, e.g. `unknown-field`.
    public var code: String
    /// The message in Kazakh.
    public var messageKK: String
    /// The message in English.
    public var messageEN: String
    /// A repair that, applied, makes this problem go away (nil when the
    /// right text cannot be known, e.g. a missing answer).
    public var fix: FixIt?

    public init(location: SourceLocation, severity: Severity, code: String, kk: String, en: String, fix: FixIt? = nil) {
        self.fix = fix
        self.location = location
        self.severity = severity
        self.code = code
        self.messageKK = kk
        self.messageEN = en
    }

    public func message(language: String) -> String {
        language.hasPrefix("kk") ? messageKK : messageEN
    }

    public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        (a.location, a.severity) < (b.location, b.severity)
    }
}
