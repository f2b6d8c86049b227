import Foundation
import TerminalUI
import ArgumentParser

/// The formats `jatta import` reads and `jatta export --to` writes.
enum InterchangeFormat: String, ExpressibleByArgument, CaseIterable {
    /// Moodle GIFT.
    case gift
    /// Moodle Aiken.
    case aiken
    /// An Anki package (.apkg).
    case apkg

    /// The format's name as people write it.
    var name: String {
        switch self {
        case .gift: "GIFT"
        case .aiken: "Aiken"
        case .apkg: "Anki package"
        }
    }
}

/// Exit statuses shared by `import` and `export`.
enum InterchangeExit {
    static let done: Int32 = 0
    /// The input has errors: nothing is written.
    static let inputErrors: Int32 = 1
    /// The input could not be read.
    static let unreadable: Int32 = 2
    /// The output file exists and `--force` was not given, or it cannot be
    /// written (EX_CANTCREAT).
    static let cannotCreate: Int32 = 73
}

/// Writing the output of `import` and `export`: an existing file is kept
/// unless `--force` is given.
enum InterchangeOutput {
    /// Writes `text` to `path`, or says why not (in both languages' pick).
    static func write(_ text: String, to path: String, force: Bool, language: Language) -> String? {
        write(Data(text.utf8), to: path, force: force, language: language)
    }

    /// Writes `data` to `path`, or says why not.
    static func write(_ data: Data, to path: String, force: Bool, language: Language) -> String? {
        if let refusal = refusal(path, force: force, language: language) { return refusal }
        do {
            try OutputFile.write(data, to: path)
            return nil
        } catch {
            // The reason in the student's words ("disk full"), as every other
            // output says it; Foundation's description names only the type.
            return InterchangeOutput.shown(path) + ": "
                + language.pick(kk: error.message(kazakh: true), en: error.message(kazakh: false)) + "\n"
        }
    }

    /// Why `path` may not be written (it exists and `--force` was not
    /// given), or nil: checked before work that takes time, and again
    /// when writing.
    static func refusal(_ path: String, force: Bool, language: Language) -> String? {
        guard !force, FileManager.default.fileExists(atPath: path) else { return nil }
        return language.pick(
            kk: "\(InterchangeOutput.shown(path)): файл бар; үстінен жазу үшін --force беріңіз\n",
            en: "\(InterchangeOutput.shown(path)): the file exists; give --force to overwrite it\n")
    }

    /// A path as printed: control characters (a terminal would act on
    /// them) made visible by the one rule every printed path follows.
    static func shown(_ path: String) -> String {
        TerminalText.oneLine(path)
    }
}
