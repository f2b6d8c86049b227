import ArgumentParser
import ClassStore
import DeckFormat
import Foundation
import ReviewStore
import Study
import TerminalUI

/// `jatta sync`: sends the answers the class server does not have yet.
/// Studying never waits for it: sessions start it in the background when
/// they end (`ClassSyncLauncher`), and a server that cannot be reached costs
/// one line and nothing else — the next sync sends what this one could not.
struct SyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Send your new answers to the class you joined.",
        discussion: """
            Exit status: 0 sent or nothing to send; 75 the server cannot be reached \
            (try again later; nothing is lost); 69 libpq is not installed; 1 the \
            server refused, this database joined no class, or it cannot be read.
            """)

    /// Print nothing unless something went wrong (the background sync).
    @Flag(help: "Print only problems.")
    var quiet = false

    /// The decks studied: with them the sync also sends where each card
    /// sits (`FILE:LINE`) and the readiness for the class's exam date.
    @Option(
        name: .customLong("deck"),
        help: ArgumentHelp("Decks studied (files or folders): also send card lines and exam readiness.", valueName: "deck"))
    var decks: [String] = []

    /// Rows per transaction (for tests of a sync cut in the middle).
    @Option(help: .hidden)
    var batchSize = ClassSync.batchSize

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var languageOptions: LanguageOptions

    func run() throws {
        let language = languageOptions.resolved(environment: ProcessEnvironment.variables)
        let store: ProgressStore
        let address: ClassAddress
        do {
            guard let opened = try database.openExistingStore(), let joined = try ClassSettings.address(in: opened) else {
                if quiet { return }
                throw ClassFailure.exit(ClassError(.notJoined), language: language)
            }
            store = opened
            address = joined
        } catch let exit as ExitCode {
            throw exit
        } catch {
            throw StoreFailure.exit(error, language: language)
        }
        ClassSettings.prepareEnvironment()
        let connection: PostgresConnection
        do {
            connection = try PostgresConnection(connectionString: address.connectionString)
        } catch {
            throw ClassFailure.exit(error, language: language, syncing: true)
        }
        try Self.sync(
            connection: connection, address: address, store: store, quiet: quiet, language: language, batchSize: batchSize)
        guard !decks.isEmpty else { return }
        // Deck problems are the session's to report; a sync sends what reads.
        // But a --deck typed by hand that cannot be read sent no lines and
        // no readiness under "nothing new to send", status 0: said, 66.
        let library = SessionHost.loadDecks(paths: decks)
        let loaded = library.decks
        if !quiet, library.hasUnreadablePaths {
            for d in library.diagnostics.filter({ $0.code == "unreadable" || $0.code == "no-decks" }).prefix(5) {
                Console.errorLine(DiagnosticFormatter.brief(d, language: language))
            }
            throw ExitCode(66)
        }
        do {
            try ClassSync.publishLines(
                connection, classID: address.classID, lines: StatisticsLoading.lines(loaded))
            if let readiness = try Self.readiness(connection: connection, address: address, store: store, decks: loaded) {
                try ClassSync.publishReadiness(connection, classID: address.classID, readiness)
            }
        } catch let error as ClassError {
            throw ClassFailure.exit(error, language: language, syncing: true)
        } catch {
            throw StoreFailure.exit(error, language: language)
        }
    }

    /// The student's forecast for the class's exam date over `decks`, by the
    /// exam planner (`ExamReport.outlooks`, as `jatta exam` and `stats
    /// --json` give it), with the workload of the student's own exam on that
    /// day if they set one. Nil when the class has no exam date ahead. It is
    /// computed here, not on the server: it needs the student's FSRS
    /// parameters, plan and unseen cards, and one forecast rule.
    static func readiness(connection: PostgresConnection, address: ClassAddress, store: ProgressStore, decks: [Deck])
        throws -> StudentReadiness?
    {
        guard let text = try ClassSync.examDate(connection, classID: address.classID), let date = CalendarDate(text)
        else { return nil }
        let now = Date()
        let own = try ExamSetup.studentExams(store: store).first { $0.date == date }
        // Every deck studied, toward the class's day; the source only names
        // who set a date on screens, which this never reaches.
        let exam = Exam(date: date, paths: [], workload: own?.workload, source: .student(id: 0))
        let outlooks = try ExamReport.outlooks(
            decks: decks, store: store, reviewLimit: StudyLimits().reviewsPerDay, now: now, studentExams: [exam],
            keptDays: false)
        guard let share = outlooks.first(where: { $0.exam.date == date })?.readiness.overall else { return nil }
        return StudentReadiness(
            examDate: date.description, computedAt: now, cards: share.cards, readyToday: share.readyToday,
            readyWithPlan: share.readyWithPlan)
    }

    /// Pushes and says how many answers went.
    static func sync(
        connection: PostgresConnection, address: ClassAddress, store: ProgressStore, quiet: Bool, language: Language,
        batchSize: Int = ClassSync.batchSize
    ) throws {
        let outcome: ClassSync.Outcome
        do {
            outcome = try ClassSync.push(connection, classID: address.classID, batchSize: batchSize) { after, limit in
                // Deck files as the student reads them (relative to the
                // course folder), as the instructor's `class report --deck`
                // names them, not each student's own absolute path.
                try store.answers(after: after, limit: limit).map { answer in
                    var answer = answer
                    answer.entry.deckFile = StoredDeckFile.shown(answer.entry.deckFile)
                    return answer
                }
            }
        } catch let error as ClassError {
            throw ClassFailure.exit(error, language: language, syncing: true)
        } catch {
            throw StoreFailure.exit(error, language: language)
        }
        guard !quiet else { return }
        let name = TerminalText.oneLine(address.classID)
        if outcome.sent == 0 {
            Console.line(language == .kk ? "\(name): жіберетін жаңа жауап жоқ." : "\(name): nothing new to send.")
        } else {
            Console.line(
                language == .kk
                    ? "\(name): \(outcome.sent) жауап жіберілді." : "\(name): sent \(outcome.sent) \(outcome.sent == 1 ? "answer" : "answers").")
        }
    }
}
