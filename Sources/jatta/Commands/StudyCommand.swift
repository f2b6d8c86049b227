import ArgumentParser
import DeckFormat
import FSRS
import Foundation
import KazakhText
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

    /// Studies into an empty store in memory instead of the real one.
    @Flag(help: "Try jatta without touching your progress: answers are kept in memory only and forgotten at the end.")
    var demo = false

    @OptionGroup var colorOptions: ColorOptions

    @Flag(help: "Line-by-line mode without curses (for screen readers, pipes and scripts).")
    var plain = false

    @Option(help: "New cards per day (default 20; with an exam ahead, as its plan paces them).")
    var newLimit: Int?

    @Option(help: "Reviews per day.")
    var reviewLimit: Int = 200

    @Option(help: "Only cards of this exam level (1-3).")
    var level: Int?

    @Option(help: "Only cards with this tag.")
    var tag: String?

    @OptionGroup var custom: CustomStudyOptions

    func validate() throws {
        if let level, !(1...3).contains(level) {
            throw ValidationError(Strings.bothLanguages(\.levelOutOfRange))
        }
        if (newLimit ?? 0) < 0 || reviewLimit < 0 {
            throw ValidationError(Strings.bothLanguages(\.negativeLimits))
        }
        if demo, database.path != nil {
            throw ValidationError("--demo мен --db бірге берілмейді / --demo and --db cannot be used together")
        }
    }

    /// Ends the command (65, no usable card) when `--level` or `--tag`
    /// matches no card of `decks` at all, naming the tags there are; cards
    /// that match but are not due today still open the session.
    func exitIfNoCardMatches(_ decks: [Deck], host: SessionHost) throws {
        guard level != nil || tag != nil, !decks.isEmpty else { return }
        let filter = StudyFilter(level: level, tag: tag)
        guard !decks.contains(where: { $0.cards.contains(where: filter.includes(card:)) }) else { return }
        let given = [level.map { "--level \($0)" }, tag.map { "--tag \($0)" }].compactMap { $0 }.joined(separator: " ")
        let tags = tag == nil ? nil : StudyCatalog(decks: decks).tags()
        throw host.fail(TerminalText.oneLine(host.strings.noCardMatches(given, tags)), 65)
    }

    mutating func run() throws {
        let environment = ProcessEnvironment.variables
        let host = SessionHost(
            environment: environment, language: languageOptions.resolved(environment: environment),
            plainCommand: Self.plainCommand)
        let usePlain = try host.usesPlainMode(requested: plain)

        // The schedules the last start kept are read while the decks are.
        // A start on deck files named one by one reads their sections only,
        // when the kept table has them (`KeptSchedules.readingAhead(files:)`).
        let namedFiles = KeptSchedules.namedFiles(paths)
        var kept =
            demo
            ? nil
            : (try? database.resolvedPath()).flatMap { StudySetup.keptSchedules(of: $0) }?
                .readingAhead(files: namedFiles)
        // And the queue kept with them (`KeptQueueFile`), on a thread of its
        // own only when there is one: a small collection keeps none, and
        // the thread was a few per cent of its start.
        let deckPaths = SessionHost.deckPaths(paths)
        let queueFile = kept.map { KeptQueueFile($0, selection: deckPaths) }
        let queueAhead = queueFile.flatMap { file in access(file.path, R_OK) == 0 ? BackgroundWork { file.read() } : nil }
        // And the exam rule's days a start with an exam found
        // (`KeptExamRuleDays`), when it left some.
        let ruleDaysFile = kept.map(KeptExamRuleDays.init)
        let ruleDaysAhead = ruleDaysFile.flatMap { file in file.exists ? BackgroundWork { file.read() } : nil }

        // Decks.
        let library = SessionHost.loadDecks(paths: deckPaths, indexed: !demo)
        KeptUntilExit.keep(library)
        let errors = host.reportDeckErrors(library)
        if library.hasUnreadablePaths, !paths.isEmpty {
            // Study is the default command: `jatta chek` lands here.
            if let hint = CommandNameHint.hint(for: paths[0], language: host.language) { SessionHost.warn(hint) }
            throw ExitCode(66)
        }
        try host.exitIfNoCards(library)
        let decks = library.decks.filter { !$0.cards.isEmpty }
        // Cards, but none that can be asked: not "nothing to study right
        // now" (status 0), which promises cards later.
        if !decks.isEmpty, decks.allSatisfy({ $0.cards.allSatisfy { !$0.isAnswerable } }) {
            throw host.fail(host.strings.noAnswerableCards, 65)
        }
        try exitIfNoCardMatches(decks, host: host)
        if decks.isEmpty, !paths.isEmpty, !errors.isEmpty {
            // The decks named hold nothing usable: say so rather than open an
            // empty trainer (EX_DATAERR).
            throw ExitCode(65)
        }

        // Progress.
        if demo { SessionHost.warn(DemoMode.notice(language: host.language)) }
        defer { if demo { SessionHost.warn(DemoMode.notice(language: host.language)) } }
        let store = try host.openStore(database, recording: !demo)
        let now = Date()
        let zone = LocalTimeZone.current
        let day = StudySetup.day(of: now, timeZone: zone)
        let scheduler = try StudySetup.scheduler(timeZone: zone, store: store)
        var snapshot: ProgressSnapshot
        var basis: StudySetup.KeptBasis?
        let exams: ExamSetup
        do {
            snapshot = try StudySetup.snapshot(
                store: store, decks: decks, dayStart: day.start, now: now, kept: kept,
                contentHashes: library.contentHashes, basis: &basis)
            // A read ahead that was not used is freed once it ends, not held
            // for the session.
            kept = nil
            // With an exam ahead, reviews the rule brings before it are due
            // now and new faces come at the plan's pace (docs/exam.md).
            // Told, as the session's catalog is, whether keys are distinct:
            // else the outlook's walk kept a set of every face's key.
            // Today's queue from the kept queue, when it was made for these
            // decks, these kept schedules and the same exam (or none); the
            // exams' outlooks read it too.
            let keptBasis = basis
            let queueRead = queueAhead?.take() ?? nil
            exams = try ExamSetup.make(
                decks: decks, keysAreDistinct: library.idsAreDistinct, progress: &snapshot,
                studentExams: try ExamSetup.studentExams(store: store), store: store, base: scheduler,
                defaultWorkload: reviewLimit, now: now, ruleDays: ruleDaysAhead?.take() ?? nil,
                ruleDaysFile: ruleDaysFile
            ) { catalog, examScheduler, byDeck in
                guard let queueFile, let keptBasis,
                    let stamp = KeptQueueFile.decksStamp(
                        decks, contentHashes: library.contentHashes, exams: (examScheduler, byDeck))
                else { return }
                KeptQueueFile.take(
                    queueRead, basis: keptBasis, decks: stamp, into: &catalog, file: queueFile, today: day.start,
                    exams: (examScheduler, byDeck), now: now)
            }
        } catch let error as StoreError {
            throw host.fail(host.storeMessage(error), 74)
        }
        KeptUntilExit.keep(snapshot)
        let newPerDay = newLimit ?? exams.newPerDay(ordinary: StudyLimits.ordinaryNewPerDay, decks: decks)

        let catalog = exams.catalog
        var state = TrainerState(
            catalog: catalog, scheduler: exams.scheduler,
            limits: StudyLimits(newPerDay: newPerDay, reviewsPerDay: reviewLimit), dayEnd: day.end, now: now)
        state.exams = exams.outlooks
        state.limits.pacedByExams = newLimit == nil && !exams.outlooks.isEmpty
        state.introducedToday = exams.introducedToday
        // Extra new faces allowed earlier today still hold (Anki keeps them
        // for the day); from an earlier day they are gone.
        state.limits.extraNewToday =
            ExtraNewToday(stored: try? store.setting(ExtraNewToday.settingKey))?.count(at: now) ?? 0
        state.home.level = level
        state.home.tag = tag
        // The keyboard rule is the student's, kept in the store between
        // sessions; a store that cannot say starts from nothing known.
        state.keyboard = KeyboardProfile(stored: try? store.setting(KeyboardProfile.settingKey))
        let keyboardAtStart = state.keyboard
        func remember(_ profile: KeyboardProfile) {
            guard profile != keyboardAtStart, let value = profile.stored else { return }
            try? store.setSetting(KeyboardProfile.settingKey, value)
        }
        let performer = EffectPerformer(store: store, sessionID: UUID().uuidString, decks: decks)
        if let study = custom.study(in: state.catalog) {
            // Custom study opens straight on its cards; with none, it says so.
            let effects = Trainer.start(&state, filter: Trainer.selectedFilter(state), now: now, custom: study)
            do {
                for effect in effects { _ = try performer.perform(effect, at: now) }
            } catch let error as StoreError {
                throw host.fail(host.storeMessage(error), 74)
            }
            if case .home = state.mode {
                SessionHost.warn(host.strings.nothingToStudy)
                return
            }
        }
        let reload = { [demo] in SessionHost.loadDecks(paths: deckPaths, indexed: !demo) }

        let failure: Error?
        if usePlain {
            var loop = PlainLoop(
                state: state, strings: host.strings, performer: performer, reloadDecks: reload,
                environment: environment, input: host.startPlain())
            failure = loop.run()
            remember(loop.state.keyboard)
        } else {
            let backend = try host.startFullScreen(
                colors: colorOptions.useColor(environment: environment, isTerminal: true))
            if environment["JATTA_EXIT_AFTER_FIRST_CARD"] == "1", !paths.isEmpty || !decks.isEmpty {
                // Start timing runs straight on the first card.
                state = Trainer.update(state, TrainerEvent(.startAll, at: Date())).0
            }
            var loop = CursesLoop(
                state: state, strings: host.strings, performer: performer, reloadDecks: reload,
                environment: environment)
            failure = loop.run(backend: backend)
            remember(loop.state.keyboard)
        }
        ClassSyncLauncher.afterSession(store: store, deckPaths: deckPaths)
        try host.finish(failure)
    }

    /// How the trainer runs without curses, as the terminal messages name it.
    static let plainCommand = "--plain"
}
