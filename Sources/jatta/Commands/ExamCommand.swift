import ArgumentParser
import DeckFormat
import FSRS
import Foundation
import ReviewStore
import Study
import TerminalUI

/// `jatta exam`: the exam dates a student studies toward, each exam's plan
/// and readiness forecast (docs/exam.md).
struct ExamCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exam",
        abstract: "Set an exam date, and see the plan and readiness for it.",
        discussion: """
            jatta exam set 2026-12-20 [DECK|DIR ...] sets an exam for those decks (all decks \
            when none are named); jatta exam shows every exam ahead with its plan (new cards \
            a day so that every card is seen in time) and how many cards you are predicted \
            to remember on the day; jatta exam clear ID (or --all) removes one. A deck's \
            header may carry exam: YYYY-MM-DD as the instructor's default.
            """,
        subcommands: [ExamShowCommand.self, ExamSetCommand.self, ExamClearCommand.self],
        defaultSubcommand: ExamShowCommand.self)
}

/// `jatta exam [show] [DECK|DIR ...]`.
struct ExamShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show each exam ahead with its plan and readiness (the default).")

    @Argument(help: "Deck files or folders (default: ./decks).")
    var paths: [String] = []

    @Option(help: "Reviews per day you accept when an exam sets none.")
    var reviewLimit: Int = StudyLimits().reviewsPerDay

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var languageOptions: LanguageOptions

    func run() throws {
        let environment = ProcessEnvironment.variables
        let language = languageOptions.resolved(environment: environment)
        let library = SessionHost.loadDecks(paths: SessionHost.deckPaths(paths))
        for d in library.diagnostics where d.severity == .error || d.code == "invalid-exam-date" {
            Console.errorLine(DiagnosticFormatter.brief(d, language: language))
        }
        if library.hasUnreadablePaths, !paths.isEmpty { throw ExitCode(66) }
        let text: String?
        do {
            let store = try database.openExistingStore()
            let now = Date()
            // The student's exams, read once for the plans and the list of others.
            let exams = try ExamSetup.studentExams(store: store)
            let outlooks = try ExamReport.outlooks(
                decks: library.decks, keysAreDistinct: library.idsAreDistinct, store: store,
                reviewLimit: reviewLimit, now: now, studentExams: exams)
            let others = try ExamReport.others(
                exams, store: store, language: language, now: now, planned: Set(outlooks.map(\.exam)))
            text = ExamReport.text(outlooks, language: language).map { $0 + (others ?? "") } ?? others
        } catch let exit as ExitCode {
            throw exit
        } catch {
            throw StoreFailure.exit(error, language: language)
        }
        Console.out(text ?? ExamWords.of(language).noExams + "\n")
    }
}

/// What `jatta exam` prints for each exam ahead (also under `jatta stats`).
enum ExamReport {
    /// Each exam ahead of `decks` with its decks, plan, workload and
    /// forecast; nil when there is none. Deck text passes through
    /// `TerminalText.visible`.
    static func text(decks: [Deck], store: ProgressStore?, language: Language, reviewLimit: Int, now: Date) throws
        -> String?
    {
        text(try outlooks(decks: decks, store: store, reviewLimit: reviewLimit, now: now), language: language)
    }

    /// The text of `outlooks`; nil when there is none.
    static func text(_ outlooks: [ExamOutlook], language: Language) -> String? {
        let words = ExamWords.of(language)
        guard !outlooks.isEmpty else { return nil }
        var text = ""
        for outlook in outlooks {
            text += words.heading(of: outlook) + "\n"
            for file in outlook.deckFiles { text += "  " + file + "\n" }
            for line in words.lines(outlook) { text += "  " + line + "\n" }
            if outlook.plan.fits { text += "  " + words.fits(outlook.plan.peak, outlook.plan.workload) + "\n" }
        }
        return TerminalText.visible(text)
    }

    /// The exams ahead the student set (`studentExams`) that no plan above is for, one line
    /// each (date, id, what they cover, as `exam set` was given them): with
    /// no plan, those of other decks; beside plans, also those a sooner exam
    /// of the same decks shadows, which no command showed. Nil when none.
    static func others(_ studentExams: [Exam], store: ProgressStore?, language: Language, now: Date, planned: Set<Exam>) throws
        -> String?
    {
        let today = try StudySetup.scheduler(timeZone: LocalTimeZone.current, store: store)
            .configuration.dayCounting.dayNumber(of: now)
        let ahead = Exam.ahead(studentExams, today: today).filter { !planned.contains($0) }
        guard !ahead.isEmpty else { return nil }
        let words = ExamWords.of(language)
        let lines = ahead.map { exam -> String in
            guard case .student(let id) = exam.source else { return "\(exam.date)" }
            let covers = exam.paths.isEmpty ? words.everyDeck : exam.paths.map(StoredDeckFile.shown).joined(separator: ", ")
            return "\(exam.date) (\(words.setByStudent(id))): \(covers)"
        }
        let heading = planned.isEmpty ? words.examsElsewhere : words.examsNotPlanned
        return TerminalText.visible(([heading] + lines.map { "  " + $0 }).joined(separator: "\n") + "\n")
    }

    /// The outlook of each exam ahead of `decks` (their plan and forecast),
    /// soonest first: what the text above and `jatta stats --json` give.
    /// `studentExams` replaces the store's exams. `keptDays`: whether the
    /// exam rule's days a study start kept are used and kept up to date
    /// (`KeptExamRuleDays`); not for a class's exam date, whose days are
    /// not the student's.
    static func outlooks(
        decks: [Deck], keysAreDistinct: Bool = false, store: ProgressStore?, reviewLimit: Int, now: Date,
        studentExams given: [Exam]? = nil, keptDays: Bool = true
    ) throws -> [ExamOutlook] {
        let decks = decks.filter { !$0.cards.isEmpty }
        let studentExams = try given ?? ExamSetup.studentExams(store: store)
        // No exam anywhere: nothing to plan, so the progress of every card
        // is not read (`jatta stats` asks this on every run).
        guard !studentExams.isEmpty || decks.contains(where: { $0.examDate != nil }) else { return [] }
        let zone = LocalTimeZone.current
        let day = StudySetup.day(of: now, timeZone: zone)
        let base = try StudySetup.scheduler(timeZone: zone, store: store)
        var snapshot =
            try store.map { try StudySetup.snapshot(store: $0, decks: decks, dayStart: day.start, now: now) }
            ?? ProgressSnapshot()
        let ruleDaysFile =
            keptDays ? store.flatMap { StudySetup.keptSchedules(of: $0.path) }.map(KeptExamRuleDays.init) : nil
        let setup = try ExamSetup.make(
            decks: decks, keysAreDistinct: keysAreDistinct, progress: &snapshot, studentExams: studentExams,
            store: store, base: base, defaultWorkload: reviewLimit, now: now,
            ruleDays: ruleDaysFile.flatMap { $0.exists ? $0.read() : nil }, ruleDaysFile: ruleDaysFile)
        return setup.outlooks
    }
}

/// `jatta exam set DATE [DECK|DIR ...] [--workload N]`.
struct ExamSetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "Set an exam date for decks (all decks when none are named).",
        discussion: "Setting a date again for the same decks moves the exam.")

    @Argument(help: ArgumentHelp("The exam's day.", valueName: "YYYY-MM-DD"))
    var date: String

    @Argument(help: "Deck files or folders the exam covers (default: every deck).")
    var paths: [String] = []

    @Option(help: "Answers a day you accept (default: the review limit, 200).")
    var workload: Int?

    @Option(help: "Minutes a day you accept, counted in answers at your own pace (your recent answers' mean time; 10 s an answer before you have any).")
    var minutes: Int?

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var languageOptions: LanguageOptions

    /// Wrong usage (64), said in both languages as every usage error is.
    func refuse(_ message: (ExamWords) -> String) throws -> Never {
        Console.errorLine("jatta: " + Strings.bothLanguages(kk: message(.of(.kk)), en: message(.of(.en))))
        throw ExitCode(64)
    }

    func run() throws {
        let language = languageOptions.resolved(environment: ProcessEnvironment.variables)
        let words = ExamWords.of(language)
        guard let day = CalendarDate(date) else { try refuse { $0.badDate(date) } }
        let today = DayCounting.anki(timeZone: LocalTimeZone.current).dayNumber(of: Date())
        guard day.dayNumber > today else { try refuse { $0.datePast(day.description) } }
        if let workload, workload < 1 { try refuse(\.badWorkload) }
        if let minutes, minutes < 1 || workload != nil { try refuse(\.badMinutes) }
        for path in paths where !FileManager.default.fileExists(atPath: path) {
            Console.errorLine(words.noSuchPath(TerminalText.oneLine(path)))
            throw ExitCode(66)
        }
        // A path that holds no card (README.md, an empty folder) would make
        // an exam of nothing, and `jatta exam` would then read it as a deck.
        for path in paths where SessionHost.loadDecks(paths: [path]).decks.allSatisfy({ $0.cards.isEmpty }) {
            Console.errorLine(words.noCardsIn(TerminalText.oneLine(path)))
            throw ExitCode(65)
        }
        let id: Int64
        var accepted = workload
        var pace: Double?
        do {
            let store = try database.openStore()
            if let minutes {
                pace = try store.recentSecondsPerAnswer()
                accepted = ExamWorkload.answers(minutes: minutes, secondsPerAnswer: pace)
            }
            id = try store.setExam(
                StoredExam(date: day.description, paths: paths.map(ExamSetup.absolutePath), workload: accepted))
        } catch {
            throw StoreFailure.exit(error, language: language)
        }
        Console.line(words.examSet(day.description, id))
        if let minutes, let accepted {
            Console.line(words.minutesAsAnswers(minutes, accepted, pace ?? ExamWorkload.defaultSeconds))
        }
    }
}

/// `jatta exam clear ID ... | --all`.
struct ExamClearCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clear", abstract: "Remove exams set with jatta exam set (by id, or --all).")

    @Argument(help: ArgumentHelp("Exams to remove (ids as jatta exam shows them).", valueName: "id"))
    var ids: [String] = []

    @Flag(help: "Remove every exam you set.")
    var all = false

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var languageOptions: LanguageOptions

    func validate() throws {
        if all, !ids.isEmpty { throw ValidationError(Strings.bothLanguages(\.allOrIDs)) }
        if !all, ids.isEmpty { throw ValidationError(Strings.bothLanguages(\.allOrIDsNeeded)) }
    }

    func run() throws {
        let language = languageOptions.resolved(environment: ProcessEnvironment.variables)
        let words = ExamWords.of(language)
        var removed = 0
        var unknown: [String] = []
        do {
            guard let store = try database.openExistingStore() else {
                for id in ids { Console.errorLine(words.noSuchExam(TerminalText.visible(id))) }
                if !ids.isEmpty { throw ExitCode.failure }
                Console.line(words.cleared(0))
                return
            }
            if all {
                removed = try store.removeAllExams()
            } else {
                for id in ids {
                    if let number = Int64(id), try store.removeExam(id: number) {
                        removed += 1
                    } else {
                        unknown.append(id)
                    }
                }
            }
        } catch let exit as ExitCode {
            throw exit
        } catch {
            throw StoreFailure.exit(error, language: language)
        }
        for id in unknown { Console.errorLine(words.noSuchExam(TerminalText.visible(id))) }
        Console.line(words.cleared(removed))
        if !unknown.isEmpty { throw ExitCode.failure }
    }
}
