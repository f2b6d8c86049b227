import ArgumentParser
import DeckFormat
import FSRS
import Foundation
import ReviewStore
import Study
import TerminalUI

/// `jatta study [DECK|DIR ...]`, also what `jatta` alone runs: the trainer.
struct StudyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "study",
        abstract: "Study decks with spaced repetition (the default command).",
        discussion: """
            Without paths, studies ./decks when it exists, else the decks installed with jatta. \
            In a terminal it opens the full-screen trainer; with --plain, or when input or output \
            is not a terminal, it asks line by line. Every answer is saved as it is given.
            """
    )

    @Argument(help: "Deck files or folders searched for *.deck (default: ./decks).")
    var paths: [String] = []

    @OptionGroup var languageOptions: LanguageOptions

    @OptionGroup var database: DatabaseOptions

    @Flag(help: "Line-by-line mode without curses (for screen readers, pipes and scripts).")
    var plain = false

    @Option(help: "New cards per day.")
    var newLimit: Int = 20

    @Option(help: "Reviews per day.")
    var reviewLimit: Int = 200

    @Option(help: "Only cards of this exam level (1-3).")
    var level: Int?

    @Option(help: "Only cards with this tag.")
    var tag: String?

    func validate() throws {
        if let level, !(1...3).contains(level) {
            throw ValidationError(Strings.bothLanguages(\.levelOutOfRange))
        }
        if newLimit < 0 || reviewLimit < 0 {
            throw ValidationError(Strings.bothLanguages(\.negativeLimits))
        }
    }

    mutating func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let language = languageOptions.resolved(environment: environment)
        let strings = language.strings
        let fail = { (message: String, code: Int32) -> ExitCode in
            Self.warn(message)
            return ExitCode(code)
        }
        let storeFailure = { (error: StoreError) -> String in "jatta: " + error.message(language: language.rawValue) }

        if let codeset = TerminalCheck.ensureUTF8Locale() {
            Self.warn(strings.localeNotUTF8(codeset))
        }
        var usePlain = plain
        if !usePlain, !TerminalCheck.isInteractive {
            Self.warn(strings.plainNotice)
            usePlain = true
        }
        if !usePlain, let problem = TerminalCheck.check(term: environment["TERM"]) {
            switch problem {
            case .notATerminal:
                usePlain = true
            case .termUnset, .termDumb, .termUnknown:
                throw fail(strings.terminalProblem(problem, plainCommand: Self.plainCommand), 64)
            }
        }

        // Decks.
        let executable = Bundle.main.executablePath ?? CommandLine.arguments.first ?? "jatta"
        let deckPaths = paths.isEmpty
            ? DeckLocation.defaults(currentDirectory: FileManager.default.currentDirectoryPath, executable: executable)
            : paths
        let library = DeckLibrary.load(paths: deckPaths)
        let errors = library.diagnostics.filter { $0.severity == .error }
        for d in errors.prefix(5) {
            Self.warn(DiagnosticFormatter.brief(d, language: language))
        }
        if errors.count > 5 {
            Self.warn(strings.moreDeckErrors(errors.count - 5))
        }
        if library.hasUnreadablePaths, !paths.isEmpty {
            throw ExitCode(66)
        }
        let decks = library.decks.filter { !$0.cards.isEmpty }
        if decks.isEmpty, !paths.isEmpty, !errors.isEmpty {
            // The decks named hold nothing usable: say so rather than open an
            // empty trainer (EX_DATAERR).
            throw ExitCode(65)
        }

        // Progress.
        let store: ProgressStore
        do {
            store = try database.openStore()
        } catch let error as StoreError {
            throw fail(storeFailure(error), 74)
        } catch {
            throw fail("jatta: \(error)", 74)
        }
        let now = Date()
        let zone = TimeZone.current
        let day = StudySetup.day(of: now, timeZone: zone)
        let scheduler = try StudySetup.scheduler(timeZone: zone)
        let snapshot: ProgressSnapshot
        do {
            snapshot = try StudySetup.snapshot(store: store, decks: decks, dayStart: day.start, now: now)
        } catch let error as StoreError {
            throw fail(storeFailure(error), 74)
        }

        var state = TrainerState(
            catalog: StudyCatalog(decks: decks, progress: snapshot), scheduler: scheduler,
            limits: StudyLimits(newPerDay: newLimit, reviewsPerDay: reviewLimit), dayEnd: day.end, now: now)
        state.home.level = level
        state.home.tag = tag
        let performer = EffectPerformer(store: store, sessionID: UUID().uuidString, decks: decks)
        let reload = { DeckLibrary.load(paths: deckPaths) }

        let failure: Error?
        if usePlain {
            var loop = PlainLoop(state: state, strings: strings, performer: performer, reloadDecks: reload, environment: environment)
            failure = loop.run()
        } else {
            guard let backend = NcursesBackend(term: environment["TERM"] ?? "") else {
                throw fail(strings.cursesFailed(Self.plainCommand), 64)
            }
            if environment["JATTA_EXIT_AFTER_FIRST_CARD"] == "1", !paths.isEmpty || !decks.isEmpty {
                // Start timing runs straight on the first card.
                state = Trainer.update(state, TrainerEvent(.startAll, at: Date())).0
            }
            var loop = CursesLoop(state: state, strings: strings, performer: performer, reloadDecks: reload, environment: environment)
            failure = loop.run(backend: backend)
        }
        if let exit = failure as? ExitCode {
            // A signal stopped the trainer; answers are saved by now.
            throw exit
        }
        if let error = failure as? StoreError {
            throw fail(storeFailure(error), 74)
        } else if let failure {
            throw fail("jatta: \(failure)", 70)
        }
    }

    /// How the trainer runs without curses, as the terminal messages name it.
    static let plainCommand = "--plain"

    static func warn(_ message: String) {
        Console.errorLine(message)
    }
}
