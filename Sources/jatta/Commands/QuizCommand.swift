import ArgumentParser
import DeckFormat
import FSRS
import Foundation
import KazakhText
import ReviewStore
import Study
import TerminalUI

/// `jatta quiz`: an exam rehearsal over decks, graded honestly, with a
/// report at the end; the answers teach the scheduler too.
struct QuizCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quiz",
        abstract: "Rehearse for an exam: a scored quiz made from decks.",
        discussion: """
            Multiple-choice questions are made from the glossary (the wrong options are other \
            definitions of the same deck and level), typed questions ask for terms, open level 2–3 \
            questions are graded by ticking their key points, and the decks' own multiple-choice \
            questions are asked as written. By default no verdict is shown until the report (as in \
            an exam); --practice shows each verdict at once. Answers are logged as kind "quiz"; a \
            card already reviewed on the same day is logged but not rescheduled.
            """
    )

    @Argument(help: "Deck files or folders (searched for *.deck). Default: decks")
    var paths: [String] = []

    @Option(help: "Only questions of this exam level (1, 2 or 3).")
    var level: Int?

    @Option(help: "Only cards with this tag (own or section tag); repeat for several.")
    var tag: [String] = []

    @Option(help: "Number of questions.")
    var count: Int = QuizSettings.defaultCount

    @Option(help: ArgumentHelp("Time allowed, in minutes; the quiz ends when it runs out.", valueName: "minutes"))
    var time: Double?

    @Option(help: ArgumentHelp("Seed of the question order and options; the same seed gives the same quiz.", valueName: "n"))
    var seed: UInt64?

    @Flag(help: "Show the verdict and the right answer after each question.")
    var practice = false

    @Option(help: ArgumentHelp("Write the result as JSON to this file ('-' for standard output).", valueName: "file"))
    var json: String?

    @Flag(help: "Replace the --json file even if it is not a previous quiz report.")
    var force = false

    @Flag(help: "Run line by line without the full-screen interface.")
    var plain = false

    @OptionGroup var languageOptions: LanguageOptions

    @OptionGroup var database: DatabaseOptions

    @OptionGroup var colorOptions: ColorOptions

    @Flag(help: "Do not record answers in the progress database (nor a study session started from the report).")
    var noRecord = false

    func validate() throws {
        if let level, !(1...3).contains(level) {
            throw ValidationError(Strings.bothLanguages(\.levelOutOfRange))
        }
        if count < 1 { throw ValidationError(QuizStrings.bothLanguages(\.countTooSmall)) }
        if let time, !(time > 0 && time <= 24 * 60) {
            throw ValidationError(QuizStrings.bothLanguages(\.timeOutOfRange))
        }
    }

    func run() throws {
        let environment = ProcessEnvironment.variables
        let language = languageOptions.resolved(environment: environment)
        let lang = language.rawValue
        let strings = QuizStrings(language: lang)
        let host = SessionHost(environment: environment, language: language, plainCommand: Self.plainCommand)
        let fail = host.fail
        let usePlain = try host.usesPlainMode(requested: plain)

        // Checked before the first question: a student never takes a quiz
        // whose report cannot be kept.
        if let json, json != "-",
            let refusal = OutputFile.unwritable(json, kazakh: lang.hasPrefix("kk"))
                ?? OutputFile.refusal(writing: .quizReport, to: json, force: force, kazakh: lang.hasPrefix("kk"))
        {
            throw fail(refusal, 73)
        }

        // Decks.
        let deckPaths = SessionHost.deckPaths(paths)
        let library = SessionHost.loadDecks(paths: deckPaths)
        // Freed by the system at exit, not card by card when the quiz
        // returns (a twentieth of a 20-question quiz at 200,000 cards).
        KeptUntilExit.keep(library)
        host.reportDeckErrors(library)
        if library.hasUnreadablePaths || library.decks.isEmpty {
            // No deck file at all is said as study says it ("check the level
            // or tag" sent the student to filters never given).
            if library.decks.isEmpty, !library.hasUnreadablePaths {
                SessionHost.warn(library.files.isEmpty ? host.strings.noDecks : strings.noQuestions)
            }
            throw ExitCode(66)
        }
        try host.exitIfNoCards(library)

        // Questions.
        let chosenSeed = seed ?? UInt64.random(in: 0...UInt64(Int64.max))
        let settings = QuizSettings(
            level: level, tags: tag, count: count, seed: chosenSeed, mode: practice ? .practice : .exam,
            timeLimit: time.map { $0 * 60 })
        let questions = QuizGenerator.generate(from: library.decks, settings: settings)
        guard !questions.isEmpty else {
            let onlyCorrect = QuizGenerator.choiceCardsWithoutWrongOption(in: library.decks, settings: settings)
            throw fail(onlyCorrect > 0 ? strings.noQuestionsOnlyCorrectOptions(onlyCorrect) : strings.noQuestions, 65)
        }

        // Progress: without --no-record the answers go to the student's
        // database; the quiz does not start if it cannot be opened, since
        // answers would be lost. With --no-record no store is opened or
        // made: nothing is read from one (an empty store would give the
        // default scheduler and keyboard rule, as no store does) and making
        // an empty one in memory runs every migration, a tenth of a quiz
        // of the bundled decks.
        let store = noRecord ? nil : try host.openStore(database)
        let zone = LocalTimeZone.current
        let scheduler = try StudySetup.scheduler(timeZone: zone, store: store)
        let recorder = QuizRecorder(store: store, sessionID: UUID().uuidString)
        // Prepared at the first typed answer, not before the first question.
        let checker = DeferredAnswerChecker(decks: library.decks)
        // The quiz reschedules from the cards' schedules as the store has
        // them now; with --no-record nothing is rescheduled.
        let schedules: [String: CardSchedule]
        do {
            schedules = try store?.schedules(for: questions.map(\.key)) ?? [:]
        } catch let error as StoreError {
            throw fail(host.storeMessage(error), 74)
        }
        // The keyboard rule is the student's, kept in the store between
        // sessions; a store that cannot say starts from nothing known.
        let keyboard = KeyboardProfile(stored: store.flatMap { try? $0.setting(KeyboardProfile.settingKey) })
        let session = QuizSession(
            questions: questions, settings: settings, judge: checker.quizJudge, startedAt: Date(), keyboard: keyboard,
            scheduling: store == nil ? nil : QuizScheduling(scheduler: scheduler), schedules: schedules)
        func remember(_ profile: KeyboardProfile) {
            guard let store, profile != keyboard, let value = profile.stored else { return }
            try? store.setSetting(KeyboardProfile.settingKey, value)
        }
        /// The store a study session started from the report writes to: the
        /// student's, or with --no-record an empty one in memory, made only
        /// when such a session starts.
        func studyStore() throws -> ProgressStore {
            if let store { return store }
            return try host.openStore(database, recording: false)
        }

        let jsonTarget = json
        // What was last written, and whether a write failed (exit 73).
        var writtenReport: Data?
        var reportFailed = false
        /// Writes the report when it differs from the one written already
        /// (the report screen's "I was right" changes it): a file is
        /// replaced by the newer one; a stream (a FIFO, a device, standard
        /// output) takes one report only, the first, as a second one after
        /// it is no JSON a reader can parse, and a FIFO whose reader left
        /// blocked the quiz's end for ever.
        func writeResult(_ session: QuizSession) {
            guard let jsonTarget, !reportFailed else { return }
            do {
                let data = try session.report.jsonData() + Data("\n".utf8)
                guard data != writtenReport else { return }
                if writtenReport != nil, !OutputFile.replacesWhole(jsonTarget) { return }
                if jsonTarget == "-" {
                    Console.out(String(decoding: data, as: UTF8.self))
                } else {
                    try OutputFile.write(data, to: jsonTarget)
                }
                writtenReport = data
            } catch let error as OutputFile.WriteFailure {
                reportFailed = true
                SessionHost.warn("jatta: \(TerminalText.oneLine(jsonTarget)): " + error.message(kazakh: lang.hasPrefix("kk")))
            } catch {
                reportFailed = true
                SessionHost.warn("jatta: \(TerminalText.oneLine(jsonTarget)): \(error.localizedDescription)")
            }
        }
        func handle(_ effect: QuizEffect, _ session: QuizSession) {
            switch effect {
            case .record(let record): recorder.handle(record)
            // Written as soon as the quiz ends, so a dropped connection on
            // the report screen loses nothing (standard output waits: it is
            // the screen until then).
            case .finished: if jsonTarget != "-" { writeResult(session) }
            case .studyMistakes, .exit: break
            }
        }
        /// The study trainer, opened on the quiz's mistakes.
        func studyState(keys: [String], store: ProgressStore) throws -> TrainerState {
            let now = Date()
            let day = StudySetup.day(of: now, timeZone: zone)
            let decks = library.decks.filter { !$0.cards.isEmpty }
            let snapshot = try StudySetup.snapshot(
                store: store, decks: decks, dayStart: day.start, now: now, contentHashes: library.contentHashes)
            var state = TrainerState(
                catalog: StudyCatalog(decks: decks, progress: snapshot), scheduler: scheduler, dayEnd: day.end, now: now)
            Trainer.startMistakes(&state, keys: keys, now: now)
            return state
        }
        let reload = { SessionHost.loadDecks(paths: deckPaths) }

        var studyFailure: Error? = nil
        /// The status a signal or a lost terminal calls for; the quiz still
        /// ends properly (report, JSON) first.
        var stopStatus: Int32? = nil
        if usePlain {
            let input = host.startPlain()
            let runner = QuizPlainRunner(
                strings: strings, output: jsonTarget == "-" ? STDERR_FILENO : STDOUT_FILENO,
                readLine: input.next)
            let final = runner.run(session, handle: handle)
            remember(final.keyboard)
            writeResult(final)
            stopStatus = input.exitStatus
            if stopStatus == nil, jsonTarget != "-", let keys = runner.askToStudy(final) {
                let store = try studyStore()
                var loop = PlainLoop(
                    state: try studyState(keys: keys, store: store), strings: language.strings,
                    performer: EffectPerformer(store: store, sessionID: UUID().uuidString),
                    reloadDecks: reload, environment: environment, input: input)
                studyFailure = loop.run()
            }
            stopStatus = stopStatus ?? input.exitStatus
        } else {
            let backend = try host.startFullScreen(
                colors: colorOptions.useColor(environment: environment, isTerminal: true))
            let outcome = QuizTerminalRunner.run(session, backend: backend, strings: strings, handle: handle)
            remember(outcome.session.keyboard)
            stopStatus = outcome.stopStatus
            if stopStatus == nil, let keys = outcome.studyKeys, let store = try? studyStore(),
                let state = try? studyState(keys: keys, store: store)
            {
                // The same terminal goes on into the study session, which
                // hands it back when the student leaves.
                var loop = CursesLoop(
                    state: state, strings: language.strings,
                    performer: EffectPerformer(store: store, sessionID: UUID().uuidString), reloadDecks: reload,
                    environment: environment)
                studyFailure = loop.run(backend: backend)
            } else {
                backend.end()
            }
            writeResult(outcome.session)
        }
        // Only the student's store can have joined a class.
        if let store { ClassSyncLauncher.afterSession(store: store, deckPaths: deckPaths) }
        if let failure = recorder.failure {
            throw fail(host.storeMessage(failure) + " " + strings.answersNotRecorded(recorder.notRecorded), 74)
        }
        if let stopStatus { throw ExitCode(stopStatus) }
        // The report could not be written (a full disk): said above, 73.
        if reportFailed { throw ExitCode(73) }
        try host.finish(studyFailure)
    }

    /// How the quiz runs without curses, as the terminal messages name it.
    static let plainCommand = "jatta quiz --plain"
}
