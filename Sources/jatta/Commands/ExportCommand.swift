import ArgumentParser
import DeckFormat
import Foundation
import Interchange
import ReviewStore
import TerminalUI

/// `jatta export --to gift|aiken|apkg DECK|DIR... -o FILE`: decks become a
/// file Moodle or Anki imports.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write decks as a Moodle GIFT or Aiken file, or an Anki package.",
        discussion: """
            GIFT holds every card kind (a cloze with several gaps only as a description \
            Moodle does not score); Aiken holds only multiple choice with one right \
            option: every card it cannot hold is named in a warning. An Anki package \
            (.apkg) holds every kind, one note type per kind; exporting an edited deck \
            again updates the notes in Anki instead of adding copies. See \
            docs/interchange.md.

            Exit status: 0 written, 1 errors in a deck (nothing written), 2 a path \
            cannot be read, 73 the output exists (give --force) or cannot be written, \
            64 wrong usage.
            """
    )

    @Option(help: "The format to write: gift, aiken or apkg.")
    var to: InterchangeFormat

    @Argument(help: "Deck files or folders.")
    var paths: [String]

    @Option(name: [.customShort("o"), .customLong("output")], help: "The file to write.")
    var output: String

    @Flag(help: "Overwrite the output file if it exists.")
    var force = false

    @Flag(help: "apkg: add the student's review log and FSRS memory state, so Anki goes on with the same schedule.")
    var withProgress = false

    @OptionGroup var database: DatabaseOptions

    @OptionGroup var languageOptions: LanguageOptions

    func validate() throws {
        if paths.isEmpty { throw ValidationError("give at least one deck / кемінде бір дестені беріңіз") }
        if withProgress, to != .apkg {
            throw ValidationError("--with-progress is for --to apkg / --with-progress тек --to apkg үшін")
        }
    }

    func run() throws {
        let language = languageOptions.resolved(environment: ProcessEnvironment.variables)
        let now = Int64((Date().timeIntervalSince1970 * 1000).rounded())
        var store: ProgressStore?
        if withProgress {
            do {
                store = try database.openExistingStore()
            } catch {
                throw StoreFailure.exit(error, language: language)
            }
            if store == nil {
                Console.errorLine(
                    language.pick(
                        kk: "jatta: үлгерім дерекқоры жоқ; карточкалар жаңа ретінде жазылады",
                        en: "jatta: there is no progress database yet; the cards are written as new"))
            }
        }
        let outcome = DeckExport.run(
            format: to, paths: paths, output: output, force: force, language: language, now: now, store: store)
        Console.err(outcome.problems)
        if outcome.status != 0 { throw ExitCode(outcome.status) }
    }
}

/// The logic of `jatta export`, callable without a process.
enum DeckExport {
    static func run(
        format: InterchangeFormat, paths: [String], output: String, force: Bool, language: Language,
        now: Int64 = 0, store: ProgressStore? = nil
    ) -> DeckImport.Outcome {
        let library = DeckLibrary.load(paths: paths)
        var formatter = DiagnosticFormatter(language: language)
        var problems = library.diagnostics.map { formatter.format($0) }.joined()
        if library.hasUnreadablePaths { return .init(problems: problems, status: InterchangeExit.unreadable) }
        if library.diagnostics.contains(where: { $0.severity == .error }) {
            return .init(problems: problems, status: InterchangeExit.inputErrors)
        }
        let total = library.decks.reduce(0) { $0 + $1.cards.count }
        let written: Int
        switch format {
        case .gift, .aiken:
            let result = format == .gift ? GIFTExporter.write(library.decks) : AikenExporter.write(library.decks)
            problems += result.diagnostics.map { formatter.format($0) }.joined()
            if let failure = InterchangeOutput.write(result.text, to: output, force: force, language: language) {
                return .init(problems: problems + failure, status: InterchangeExit.cannotCreate)
            }
            written = result.written
        case .apkg:
            // Refused before any work, like every output jatta writes.
            if let refusal = InterchangeOutput.refusal(output, force: force, language: language) {
                return .init(problems: problems + refusal, status: InterchangeExit.cannotCreate)
            }
            var progress = AnkiProgress()
            if let store {
                do {
                    progress = try AnkiProgressExport.progress(of: library.decks, store: store)
                } catch {
                    let reason = (error as? StoreError)?.description ?? "jatta: \(error)"
                    return .init(problems: problems + reason + "\n", status: InterchangeExit.unreadable)
                }
            }
            let (tables, diagnostics) = AnkiExporter.tables(library.decks, now: now, progress: progress)
            problems += diagnostics.map { formatter.format($0) }.joined()
            let package: Data
            do {
                package = try AnkiPackage.write(tables, temporaryDirectory: NSTemporaryDirectory())
            } catch {
                return .init(
                    problems: problems + "\(InterchangeOutput.shown(output)): error: \(language.pick(kk: error.kk, en: error.en))\n",
                    status: InterchangeExit.cannotCreate)
            }
            if let failure = InterchangeOutput.write(package, to: output, force: force, language: language) {
                return .init(problems: problems + failure, status: InterchangeExit.cannotCreate)
            }
            written = total - diagnostics.count
        }
        problems += language.pick(
            kk: "\(InterchangeOutput.shown(output)): \(total) карточканың \(written) жазылды\n",
            en: "\(InterchangeOutput.shown(output)): \(written) of \(total) cards written\n")
        return .init(problems: problems, status: InterchangeExit.done)
    }
}
