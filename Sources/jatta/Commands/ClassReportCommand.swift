import ArgumentParser
import ClassStore
import DeckFormat
import Foundation
import ReviewStore
import TerminalUI

/// `jatta class report`: what an instructor needs to fix decks and help
/// students — per card, per level, per student — from the class server or
/// from collected result files (docs/class.md).
struct ClassReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Show a class's results: hard cards, item analysis, students (instructors).",
        discussion: """
            Without files, reads the class joined with `jatta class join` (or --server URL \
            with class=). With files (quiz --json and stats --json results, one student per \
            file, the student named by the file name up to its first dot), reads those \
            instead, without a server. --deck limits the report to those decks and gives \
            each card's line. The report is in English; --lang sets the messages' language.
            """)

    @Argument(help: ArgumentHelp("Collected result files (quiz --json, stats --json).", valueName: "file"))
    var files: [String] = []

    @Option(name: .customLong("deck"), help: ArgumentHelp("Only these decks (files or folders); gives lines.", valueName: "deck"))
    var decks: [String] = []

    @Option(help: ArgumentHelp("The class server, instead of the class joined.", valueName: "url"))
    var server: String?

    @Option(name: .customLong("class"), help: "The class's id, when --server does not give class=.")
    var className: String?

    @Option(help: "How many of the hardest cards the text report lists (flagged cards are always listed).")
    var top = 10

    @Flag(help: "Print the report as JSON.")
    var json = false

    @Option(help: ArgumentHelp("Write the report as one HTML file with its charts.", valueName: "file"))
    var html: String?

    @Flag(help: "Replace the --html file even if it is not a class report written before.")
    var force = false

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var languageOptions: LanguageOptions

    func validate() throws {
        if json, html != nil { throw ValidationError("--json немесе --html / --json or --html, not both") }
    }

    func run() throws {
        let language = languageOptions.resolved(environment: ProcessEnvironment.variables)
        // Before the server is asked: a page that is not a class report
        // (notes, another page) is not replaced without --force.
        if let html,
            let refusal = OutputFile.unwritable(html, kazakh: language == .kk)
                ?? OutputFile.refusal(writing: .classReportPage, to: html, force: force, kazakh: language == .kk)
        {
            Console.errorLine(refusal)
            throw ExitCode(73)
        }
        var places: DeckPlaces?
        if !decks.isEmpty {
            let library = SessionHost.loadDecks(paths: decks)
            if library.hasUnreadablePaths {
                for d in library.diagnostics.filter({ $0.severity == .error }).prefix(5) {
                    Console.errorLine(DiagnosticFormatter.brief(d, language: language))
                }
                throw ExitCode(66)
            }
            places = Self.places(of: library.decks)
        }
        let report: ClassReport
        if !files.isEmpty {
            do {
                report = try CollectedResults.report(files: files, places: places)
            } catch {
                Console.errorLine("jatta: " + TerminalText.oneLine(error.message(kazakh: language == .kk)))
                throw ExitCode(error.isUnreadable ? 66 : 65)
            }
        } else {
            report = try serverReport(places: places, language: language)
        }
        try write(report, language: language)
    }

    /// Every face of `decks` at its card's file and line.
    static func places(of decks: [Deck]) -> DeckPlaces {
        var byKey: [String: DeckPlaces.Place] = [:]
        for deck in decks {
            for card in deck.cards {
                let place = DeckPlaces.Place(file: deck.file, line: card.location.line)
                for face in card.faces { byKey[face.key] = place }
            }
        }
        return DeckPlaces(byKey: byKey)
    }

    private func serverReport(places: DeckPlaces?, language: Language) throws -> ClassReport {
        ClassSettings.prepareEnvironment()
        do {
            let address: ClassAddress
            if let server {
                address = try ClassAddress.parse(server, classOption: className)
            } else {
                let stored: ClassAddress?
                do {
                    stored = try database.openExistingStore().flatMap { try ClassSettings.address(in: $0) }
                } catch {
                    throw StoreFailure.exit(error, language: language)
                }
                guard var stored else { throw ClassError(.notJoined) }
                if let className { stored.classID = className }
                address = stored
            }
            let connection = try PostgresConnection(connectionString: address.connectionString)
            return try ClassReportQuery.report(connection, classID: address.classID, places: places)
        } catch let error as ClassError {
            throw ClassFailure.exit(error, language: language)
        }
    }

    private func write(_ report: ClassReport, language: Language) throws {
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            encoder.dateEncodingStrategy = .iso8601
            let data = (try? encoder.encode(report)) ?? Data("{}".utf8)
            Console.line(String(decoding: data, as: UTF8.self))
        } else if let html {
            do {
                try OutputFile.write(Data(ClassReportHTML.render(report).utf8), to: html)
            } catch {
                Console.errorLine("jatta: \(TerminalText.oneLine(html)): " + error.message(kazakh: language == .kk))
                throw ExitCode(73)
            }
        } else {
            Console.out(TerminalText.visible(ClassReportText.render(report, hardest: max(0, top))))
        }
    }
}
