import ArgumentParser
import DeckFormat
import Foundation
import TerminalUI

/// `jatta fmt DECK...`: makes the repairs `check` can make safely, in
/// place, and says what it changed; `--check` for CI.
struct FormatCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fmt",
        abstract: "Repair deck files in place where it is safe, and say what changed.",
        discussion: """
            Repairs letters (ӛ→ө and the other never-Kazakh letters, Latin look-alikes \
            inside Cyrillic words), markers jatta already reads as meant (Q; A : С: \
            *1949 – төрт), the space after a marker, mark or field name, trailing white \
            space, and the order of a card's closing fields (alt, level, tags, source, \
            id). Comments, blank lines and the order of cards stay. No repair changes a \
            card's identity: a file whose ids would change is left alone and reported. \
            A whole word in Latin look-alikes (HATO) is left to the author: see check.

            With --check nothing is written: the changes are listed and the exit status \
            says whether any was needed.

            Exit status: 0 nothing to change (or changed), 1 changes needed (--check) \
            or a file left alone, 2 a path could not be read or written, 64 wrong usage.
            """,
        // The word instructors type first; `fmt` stays the name shown.
        aliases: ["format"])

    @Argument(help: "Deck files or folders.")
    var paths: [String]

    @Flag(help: "Change nothing; exit with status 1 when a file needs formatting.")
    var check = false

    @OptionGroup var languageOptions: LanguageOptions

    func run() throws {
        let language = languageOptions.resolved(environment: ProcessEnvironment.variables)
        try DeckFormatting.run(paths: paths, check: check, language: language).finish()
    }
}

/// The logic of `jatta fmt`, callable without a process.
enum DeckFormatting {
    static func run(paths: [String], check: Bool, language: Language) -> DeckRewriteOutcome {
        let loaded = DeckLibrary.load(paths: paths)
        var outcome = DeckRewriteOutcome()
        var formatter = DiagnosticFormatter(language: language)
        for diagnostic in loaded.diagnostics where diagnostic.code == "unreadable" || diagnostic.code == "no-decks" {
            outcome.problems += formatter.format(diagnostic)
            outcome.status = DeckCheck.unreadable
        }
        for file in loaded.files {
            guard let data = FileManager.default.contents(atPath: file) else { continue }
            let result = DeckFormatter.format([UInt8](data), file: file)
            if result.refused {
                outcome.problems += language.pick(
                    kk: "\(file): өзгертілмеді: түзетулер карта идентификаторын өзгертер еді",
                    en: "\(file): left alone: the repairs would change a card's identity") + "\n"
                outcome.status = max(outcome.status, DeckCheck.errorsFound)
                continue
            }
            for change in result.changes {
                outcome.output += "\(file):\(change.line): \(language == .kk ? change.kk : change.en)\n"
            }
            if result.changes.isEmpty { continue }
            if check {
                outcome.status = max(outcome.status, DeckCheck.errorsFound)
                continue
            }
            outcome.write(result.bytes, to: file, language: language)
        }
        return outcome
    }
}
