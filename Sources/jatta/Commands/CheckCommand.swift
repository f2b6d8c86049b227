import ArgumentParser
import DeckFormat
import Foundation
import ReviewStore
import TerminalUI

/// `jatta check PATH...`: reports every problem in the decks like a
/// compiler, for instructors and CI.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check deck files and report problems with their line and column.",
        discussion: """
            PATH is a deck file or a folder, searched recursively for *.deck files \
            (hidden files and folders are skipped). Problems are printed as \
            FILE:LINE:COLUMN: error|warning: MESSAGE [CODE], followed by the line and a \
            caret under the column. With --json, each problem is one JSON object per line: \
            file, line, column, severity, code, message, message_kk, message_en, fix \
            (the suggested fix, or null; line and column are 0 for a path that could not be read).

            Exit status:
              0  no errors (warnings may have been printed)
              1  errors found (or warnings, with --werror)
              2  a path could not be read, or a folder holds no deck
              64 wrong usage (an unknown option, no PATH, an --against that is no git revision)

            \(CheckCommand.codeList)

            docs/deck-format.md explains each code.
            """
    )

    @Argument(help: "Deck files or folders.")
    var paths: [String]

    @Flag(help: "Print one JSON object per problem, one per line.")
    var json = false

    @Flag(help: "Treat warnings as errors (exit status 1).")
    var werror = false

    @Option(
        help: ArgumentHelp(
            "Also list every card whose identity changed since this git revision (or this earlier copy of the one deck checked): its progress would be reset.",
            valueName: "rev"))
    var against: String?

    @OptionGroup var database: DatabaseOptions

    @OptionGroup var languageOptions: LanguageOptions

    @OptionGroup var colorOptions: ColorOptions

    func run() throws {
        let environment = ProcessEnvironment.variables
        let language = languageOptions.resolved(environment: environment)
        let color = !json && colorOptions.useColor(environment: environment, isTerminal: isatty(STDOUT_FILENO) == 1)
        // Only to count progress: a missing database is not created.
        let store = against == nil ? nil : try? database.openExistingStore()
        let report = DeckCheck.run(
            paths: paths, json: json, werror: werror, language: language, color: color, against: against, store: store)
        Console.out(report.output)
        if !report.errorOutput.isEmpty { Console.err(report.errorOutput) }
        if report.status != 0 { throw ExitCode(report.status) }
    }

    /// The diagnostic codes for `--help`: errors, then warnings.
    static var codeList: String {
        let codes = DeckIssue.codes.sorted { $0.code < $1.code }
        let errors = codes.filter { $0.severity == .error }.map(\.code).joined(separator: ", ")
        let warnings = codes.filter { $0.severity == .warning }.map(\.code).joined(separator: ", ")
        return "Error codes: \(errors).\n\nWarning codes: \(warnings)."
    }
}

/// What `jatta check` prints and the status it exits with.
struct CheckReport: Equatable {
    var output: String
    var status: Int32
    /// The diagnostics behind the output.
    var diagnostics: [Diagnostic]
    /// What goes to standard error: why the command could not check.
    var errorOutput = ""
}

/// The logic of `jatta check`, callable without a process.
enum DeckCheck {
    static let clean: Int32 = 0
    static let errorsFound: Int32 = 1
    static let unreadable: Int32 = 2
    static let usage: Int32 = 64

    static func run(
        paths: [String], json: Bool, werror: Bool, language: Language, color: Bool = false, against: String? = nil,
        store: ProgressStore? = nil
    ) -> CheckReport {
        var result = DeckLoading.load(paths: paths)
        if let against, !result.files.isEmpty,
            let problem = IdentityCheck.unusable(against, files: result.files, language: language)
        {
            return CheckReport(output: "", status: usage, diagnostics: [], errorOutput: "jatta: \(problem)\n")
        }
        if let against {
            result.diagnostics = DeckLibrary.stableSorted(
                result.diagnostics + IdentityCheck.diagnostics(files: result.files, against: against, store: store))
        }
        var formatter = DiagnosticFormatter(language: language, color: color)
        var output = ""
        for diagnostic in result.diagnostics {
            if json {
                output += formatter.json(diagnostic).compactText + "\n"
            } else {
                output += formatter.format(diagnostic)
            }
        }
        let errors = result.diagnostics.filter { $0.severity == .error }.count
        let warnings = result.diagnostics.count - errors
        if !json {
            output += summary(
                errors: errors, warnings: warnings, files: result.files.count,
                cards: result.decks.reduce(0) { $0 + $1.cards.count }, language: language) + "\n"
        }
        let status: Int32 =
            result.hasUnreadablePaths ? unreadable : errors > 0 || (werror && warnings > 0) ? errorsFound : clean
        return CheckReport(output: output, status: status, diagnostics: result.diagnostics)
    }

    static func summary(errors: Int, warnings: Int, files: Int, cards: Int, language: Language) -> String {
        if errors == 0 && warnings == 0 {
            return language.pick(
                kk: "\(files) файлда қате жоқ (\(cards) карта).",
                en: "No problems in \(files) \(files == 1 ? "file" : "files") (\(cards) \(cards == 1 ? "card" : "cards")).")
        }
        return language.pick(
            kk: "\(files) файлда \(errors) қате, \(warnings) ескерту (\(cards) карта).",
            en: "\(errors) \(errors == 1 ? "error" : "errors"), \(warnings) \(warnings == 1 ? "warning" : "warnings") in "
                + "\(files) \(files == 1 ? "file" : "files") (\(cards) \(cards == 1 ? "card" : "cards")).")
    }
}
