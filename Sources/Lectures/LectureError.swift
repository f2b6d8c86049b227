/// Why a lecture file could not be read, in both interface languages.
public struct LectureError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: String, Hashable, Sendable {
        /// The file could not be opened or read.
        case unreadable
        /// The bytes are not UTF-8 text (a PDF, a Word file, an image …).
        case notText
        /// The file holds no text at all.
        case empty
    }

    /// The file as it was named on the command line.
    public var file: String
    /// What went wrong.
    public var kind: Kind
    /// The message in Kazakh.
    public var messageKK: String
    /// The message in English.
    public var messageEN: String

    public init(file: String, kind: Kind, kk: String, en: String) {
        self.file = file
        self.kind = kind
        self.messageKK = kk
        self.messageEN = en
    }

    public var description: String { "\(file): \(messageEN)" }

    /// The message in `language` (`kk…` gives Kazakh, anything else English).
    public func message(language: String) -> String {
        "\(file): " + (language.hasPrefix("kk") ? messageKK : messageEN)
    }

    static func notText(_ file: String, kk: String, en: String) -> LectureError {
        LectureError(
            file: file, kind: .notText, kk: "мәтіндік файл емес (UTF-8 күтілді): \(kk)",
            en: "not a text file (UTF-8 expected): \(en)")
    }

    static func empty(_ file: String) -> LectureError {
        LectureError(file: file, kind: .empty, kk: "файлда мәтін жоқ", en: "the file holds no text")
    }
}
