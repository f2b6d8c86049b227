import ArgumentParser
import DeckFormat
import Foundation
import Interchange
import ReviewStore
import TerminalUI

/// `jatta import gift|aiken|apkg FILE -o DECK`: Moodle questions or Anki
/// notes become a deck.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Make a deck from a Moodle GIFT or Aiken file, or an Anki package.",
        discussion: """
            See docs/interchange.md for what each format carries. Problems are reported \
            like a compiler's (FILE:LINE:COLUMN: error: …). A file with errors writes \
            nothing; warnings (feedback or partial credit not kept, a matching question \
            split, Cyrillic option letters, Anki media a card cannot show) do not stop \
            the import. An Anki package (.apkg, every layout Anki writes) is read \
            within limits: a zip bomb, a path that climbs out or a damaged collection \
            is an error and nothing is written.

            Exit status: 0 written, 1 errors in the file (nothing written), 2 the file \
            cannot be read, 73 the output exists (give --force) or cannot be written, \
            64 wrong usage.
            """
    )

    @Argument(help: "The format of FILE: gift, aiken or apkg.")
    var format: InterchangeFormat

    @Argument(help: "The file to import.")
    var file: String

    @Option(name: [.customShort("o"), .customLong("output")], help: "The deck file to write.")
    var output: String

    @Flag(help: "Overwrite the output file if it exists.")
    var force = false

    @Flag(help: "apkg: record Anki's review log in the progress database, so the cards keep their schedule.")
    var withProgress = false

    @OptionGroup var database: DatabaseOptions

    @OptionGroup var languageOptions: LanguageOptions

    func validate() throws {
        if withProgress, format != .apkg {
            throw ValidationError("--with-progress is for apkg / --with-progress тек apkg үшін")
        }
    }

    func run() throws {
        let language = languageOptions.resolved(environment: ProcessEnvironment.variables)
        var store: ProgressStore?
        if withProgress {
            do {
                store = try database.openStore()
            } catch {
                throw StoreFailure.exit(error, language: language)
            }
        }
        let outcome = DeckImport.run(
            format: format, file: file, output: output, force: force, language: language, store: store)
        Console.err(outcome.problems)
        if outcome.status != 0 { throw ExitCode(outcome.status) }
    }
}

/// The logic of `jatta import`, callable without a process.
enum DeckImport {
    struct Outcome: Equatable {
        /// Diagnostics and messages (standard error).
        var problems: String
        var status: Int32
    }

    /// The other Moodle text format (GIFT for Aiken, Aiken for GIFT) when
    /// it reads `bytes` without an error and with cards, and how many.
    static func otherTextFormat(_ format: InterchangeFormat, reads bytes: [UInt8], file: String, output: String)
        -> (format: InterchangeFormat, cards: Int)?
    {
        let other: (InterchangeFormat, ImportResult)
        switch format {
        case .gift: other = (.aiken, AikenImporter.read(bytes, file: file))
        case .aiken: other = (.gift, GIFTImporter.read(bytes, file: file, deckFile: output))
        case .apkg: return nil
        }
        guard !other.1.hasErrors, !other.1.deck.cards.isEmpty else { return nil }
        return (other.0, other.1.deck.cards.count)
    }

    static func run(
        format: InterchangeFormat, file: String, output: String, force: Bool, language: Language,
        store: ProgressStore? = nil
    ) -> Outcome {
        if format == .apkg, let refusal = InterchangeOutput.refusal(output, force: force, language: language) {
            return Outcome(problems: refusal, status: InterchangeExit.cannotCreate)
        }
        guard format != .apkg || FileManager.default.isReadableFile(atPath: file),
            let data = format == .apkg ? Data() : FileManager.default.contents(atPath: file)
        else {
            let message = language.pick(kk: "файлды оқу мүмкін емес", en: "cannot read the file")
            return Outcome(problems: "\(InterchangeOutput.shown(file)): error: \(message)\n", status: InterchangeExit.unreadable)
        }
        let bytes = [UInt8](data)
        // The output's name scopes the ids of a GIFT file that names no namespace.
        var result: ImportResult
        var histories: [AnkiFaceHistory] = []
        switch format {
        case .gift: result = GIFTImporter.read(bytes, file: file, deckFile: output)
        case .aiken: result = AikenImporter.read(bytes, file: file)
        case .apkg:
            do {
                // The review log is read only for the progress.
                let tables = try AnkiPackage.read(
                    path: file, temporaryDirectory: NSTemporaryDirectory(), reviews: store != nil)
                (result, histories) = AnkiImporter.read(tables, file: file, deckFile: output, histories: store != nil)
            } catch {
                let message = language.pick(kk: error.kk, en: error.en)
                return Outcome(
                    problems: "\(InterchangeOutput.shown(file)): error: \(message) [\(error.code)]\n",
                    status: InterchangeExit.inputErrors)
            }
        }
        result.deck.file = output
        if result.deck.cards.isEmpty, let other = otherTextFormat(format, reads: bytes, file: file, output: output) {
            // No card in the format named (every line an error, or, for
            // GIFT, all of it skipped as a description) when the file is
            // the other Moodle format: one line that says so, rather than
            // a screenful of errors or an empty deck written.
            let shown = InterchangeOutput.shown(file)
            let command = "jatta import \(other.format.rawValue) \(shown) -o \(InterchangeOutput.shown(output))"
            return Outcome(
                problems: language.pick(
                    kk: "\(shown): error: бұл \(format.name) емес, Moodle \(other.format.name) файлы (\(other.cards) сұрақ оқылады); былай жүктеңіз: \(command)\n",
                    en: "\(shown): error: this is not \(format.name) but a Moodle \(other.format.name) file (\(other.cards) question\(other.cards == 1 ? "" : "s") read as such); import it with: \(command)\n"),
                status: InterchangeExit.inputErrors)
        }
        var formatter = DiagnosticFormatter(language: language)
        var problems = result.diagnostics.map { formatter.format($0) }.joined()
        if result.hasErrors { return Outcome(problems: problems, status: InterchangeExit.inputErrors) }
        if result.deck.cards.isEmpty {
            // An empty file, or one of descriptions and skipped questions
            // only: an empty deck written with status 0 looked like a
            // successful import.
            let shown = InterchangeOutput.shown(file)
            return Outcome(
                problems: problems + language.pick(
                    kk: "\(shown): error: файлда jatta карточкаға айналдыра алатын сұрақ жоқ; ештеңе жазылмады\n",
                    en: "\(shown): error: the file holds no question jatta can make a card of; nothing written\n"),
                status: InterchangeExit.inputErrors)
        }
        let text = DeckPrinter.print(result.deck)
        // What is written must read back as a deck: text the deck format
        // cannot hold (an empty option, a NUL) is reported, not written.
        let check = DeckParser.parse(text, file: output).diagnostics.filter { $0.severity == .error }
        if !check.isEmpty {
            problems += language.pick(
                kk: "\(InterchangeOutput.shown(output)): error: жазылатын десте қайта оқылмайды; ештеңе жазылмады:\n",
                en: "\(InterchangeOutput.shown(output)): error: the deck to be written would not read back; nothing written:\n")
            problems += check.map { "  " + DiagnosticFormatter.brief($0, language: language) + "\n" }.joined()
            return Outcome(problems: problems, status: InterchangeExit.inputErrors)
        }
        if let failure = InterchangeOutput.write(text, to: output, force: force, language: language) {
            return Outcome(problems: problems + failure, status: InterchangeExit.cannotCreate)
        }
        problems += language.pick(
            kk: "\(InterchangeOutput.shown(output)): \(result.deck.cards.count) карточка жазылды\n",
            en: "\(InterchangeOutput.shown(output)): \(result.deck.cards.count) cards written\n")
        if let store {
            do {
                let scheduler = try StudySetup.scheduler(timeZone: LocalTimeZone.current, store: store)
                let done = try AnkiProgressImport.record(histories, deckFile: StoredDeckFile.of(output), store: store, scheduler: scheduler)
                problems += language.pick(
                    kk: "\(InterchangeOutput.shown(store.path)): \(done.faces) карточкаға \(done.answers) жауап жазылды"
                        + (done.skipped > 0 ? "; үлгерімі бар \(done.skipped) карточка өзгертілмеді" : "") + "\n",
                    en: "\(InterchangeOutput.shown(store.path)): \(done.answers) answers recorded for \(done.faces) cards"
                        + (done.skipped > 0 ? "; \(done.skipped) cards that already had progress left alone" : "") + "\n")
            } catch {
                let reason = (error as? StoreError)?.description ?? "jatta: \(error)"
                return Outcome(problems: problems + reason + "\n", status: InterchangeExit.cannotCreate)
            }
        }
        return Outcome(problems: problems, status: InterchangeExit.done)
    }
}
