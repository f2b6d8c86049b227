import ArgumentParser
import DeckFormat
import FSRS
import Foundation
import ReviewStore
import Study
import TerminalUI

/// `jatta stats`: where the student stands — today, knowledge, what is
/// coming, the calendar, True Retention, the hardest cards and the quizzes —
/// as text or, with `--json`, for programs (docs/stats.md).
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Show study statistics.",
        discussion: """
            Without paths, the figures cover every card in the progress database; with decks \
            or folders, only theirs. The decks are read to filter by level or tag and to give \
            the hardest cards' lines. See docs/stats.md for the --json schema.
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var languageOptions: LanguageOptions

    @Argument(help: ArgumentHelp("Deck files or folders.", valueName: "deck|dir"))
    var paths: [String] = []

    @Option(help: "Only cards of this exam level (1-3).")
    var level: Int?

    @Option(help: "Only cards with this tag.")
    var tag: String?

    @Flag(help: "Print every figure as JSON.")
    var json = false

    @Flag(help: "Draw the charts with ASCII characters only.")
    var ascii = false

    /// The moment the figures are for, in milliseconds since 1970 (for tests).
    @Option(help: .hidden)
    var at: Int64?

    func validate() throws {
        if let level, !(1...3).contains(level) {
            throw ValidationError(Strings.bothLanguages(\.levelOutOfRange))
        }
    }

    func run() throws {
        let environment = ProcessEnvironment.variables
        let language = languageOptions.resolved(environment: environment)
        let now = at.map { Date(timeIntervalSince1970: Double($0) / 1000) } ?? Date()
        let timeZone = LocalTimeZone.current
        var stats: StudyStatistics
        var decks: [Deck]
        // Opened once for the figures and the exams: each opening reads
        // the whole schema again.
        let store: ProgressStore?
        do {
            let scope: StatisticsScope
            let oneByOne: [String]?
            (scope, decks, oneByOne) = try Self.scope(paths: paths, level: level, tag: tag, language: language)
            store = try database.openExistingStore()
            stats = try StatisticsLoading.figuresNamedAsStored(
                store: store, scope: scope, decks: decks, now: now, timeZone: timeZone)
            if let oneByOne {
                // The exams' plans need every card of the decks: only then are they all held at once.
                let read = try Self.readOneByOne(
                    oneByOne, hardest: stats.hardest, holdingAll: !ExamSetup.studentExams(store: store).isEmpty,
                    language: language)
                stats.hardest = read.hardest
                if let all = read.decks { decks = all }
            }
            stats = StatisticsLoading.shown(stats)
        } catch let exit as ExitCode {
            throw exit
        } catch {
            throw StoreFailure.exit(error, language: language)
        }
        // The exam readiness forecast, when an exam is ahead (docs/exam.md).
        let examStore = store
        if json {
            let outlooks =
                (try? ExamReport.outlooks(
                    decks: decks, store: examStore, reviewLimit: StudyLimits().reviewsPerDay, now: now)) ?? []
            Console.line(try StatsJSON.text(stats, exams: outlooks, paths: paths, level: level, tag: tag))
            return
        }
        let glyphs = ChartGlyphs.choose(
            asciiRequested: ascii, term: environment["TERM"],
            localeIsUTF8: Self.localeIsUTF8(environment))
        let width = Int(environment["COLUMNS"] ?? "") ?? 80
        for line in StatisticsReport.lines(stats, words: .of(language), glyphs: glyphs, width: width) {
            let text = String(repeating: " ", count: line.indent) + line.text
            Console.line(text.replacingOccurrences(of: " +$", with: "", options: .regularExpression))
        }
        if let exams = try? ExamReport.text(
            decks: decks, store: examStore, language: language, reviewLimit: StudyLimits().reviewsPerDay, now: now)
        {
            Console.out("\n" + exams)
        }
    }

    /// Whether LC_ALL, else LC_CTYPE, else LANG names UTF-8 (as the C library decides).
    static func localeIsUTF8(_ environment: [String: String]) -> Bool {
        let locale = [environment["LC_ALL"], environment["LC_CTYPE"], environment["LANG"]]
            .compactMap { $0 }.first { !$0.isEmpty } ?? ""
        let lower = locale.lowercased()
        return lower.contains("utf-8") || lower.contains("utf8")
    }

    /// Which cards the figures cover, the decks read (for the cards' lines
    /// and the exams), and the deck files to read one by one once the
    /// figures are known (nil: none, the decks are read). Decks are read
    /// only when named or filtered by level or tag; a deck that cannot be
    /// read is an error (exit 66), as in `study`.
    ///
    /// Named decks without a filter are only listed here: their cards are
    /// needed for nothing but the hardest cards' lines and the exams, so
    /// they are read one deck at a time afterwards (`readOneByOne`), not
    /// all held at once — 100,000 cards' decks were most of the memory of
    /// `jatta stats DECKS`.
    static func scope(paths: [String], level: Int?, tag: String?, language: Language) throws
        -> (StatisticsScope, [Deck], oneByOne: [String]?)
    {
        let filtered = level != nil || tag != nil
        guard !paths.isEmpty || filtered else {
            let library = SessionHost.loadDecks(paths: SessionHost.deckPaths([]))
            return (StatisticsScope(), library.decks, nil)
        }
        guard filtered else {
            // The files the paths name, none of them read yet.
            let listed = DeckLibrary.load(
                paths: paths, open: { file, _ in ParsedDeck(deck: Deck(file: file), diagnostics: []) }, lint: { _ in [] })
            try exitIfUnreadable(listed, language: language)
            return (StatisticsScope(deckFiles: listed.files.map(StoredDeckFile.of)), [], listed.files)
        }
        let library = SessionHost.loadDecks(paths: SessionHost.deckPaths(paths))
        try exitIfUnreadable(library, language: language)
        var scope = StatisticsLoading.scope(StudyFilter(level: level, tag: tag), decks: library.decks)
        // Without paths the store's every card counts, registered from any deck.
        if paths.isEmpty { scope.deckFiles = nil }
        return (scope, library.decks, nil)
    }

    /// Exits with 66 after the first errors when a path could not be read.
    static func exitIfUnreadable(_ library: DeckLibrary.Result, language: Language) throws {
        guard library.hasUnreadablePaths else { return }
        for d in library.diagnostics.filter({ $0.severity == .error }).prefix(5) {
            Console.errorLine(DiagnosticFormatter.brief(d, language: language))
        }
        throw ExitCode(66)
    }

    /// Reads `files` one deck at a time, each let go before the next:
    /// gives `hardest` their lines (the decks the store names for them
    /// first, the others only for keys still unplaced). Every file is
    /// read, for the exam dates and so that one that cannot be read is
    /// still an error (exit 66). When an exam is ahead — `holdingAll` (the
    /// student set one), or a deck names an exam date — its plan needs
    /// every deck at once: they are all returned, in `files`' order as
    /// `SessionHost.loadDecks` gives them, the decks read before the date
    /// was met read again, the others kept as read (nil: no exam).
    static func readOneByOne(
        _ files: [String], hardest: [StudyStatistics.HardCard], holdingAll: Bool, language: Language
    ) throws -> (hardest: [StudyStatistics.HardCard], decks: [Deck]?) {
        let named = Set(hardest.map(\.deckFile))
        var placed = hardest
        var holding = holdingAll
        var held: [Int: [Deck]] = [:]
        var diagnostics: [Diagnostic] = []
        // `hardest` names deck files as the store does, `files` as typed.
        let isNamed = { (file: Int) in named.contains(StoredDeckFile.of(files[file])) }
        for file in files.indices.filter(isNamed) + files.indices.filter({ !isNamed($0) }) {
            let library = SessionHost.loadDecks(paths: [files[file]])
            diagnostics += library.diagnostics
            for deck in library.decks {
                if deck.examDate != nil { holding = true }
                if placed.contains(where: { $0.line == nil }) {
                    placed = StatisticsLoading.withLines(placed, decks: [deck])
                }
            }
            if holding { held[file] = library.decks }
        }
        try exitIfUnreadable(
            DeckLibrary.Result(decks: [], diagnostics: DeckLibrary.stableSorted(diagnostics), files: files),
            language: language)
        guard holding else { return (placed, nil) }
        let decks = files.indices.flatMap { file in
            held[file] ?? SessionHost.loadDecks(paths: [files[file]]).decks
        }
        return (placed, decks)
    }
}

/// The `--json` document: a schema version, what was asked, and the figures.
enum StatsJSON {
    /// Bumped when a field changes meaning or goes away (docs/stats.md).
    static let schemaVersion = 1

    struct Document: Encodable {
        var schemaVersion: Int
        var paths: [String]
        var level: Int?
        var tag: String?
        var statistics: StudyStatistics
        /// Each exam ahead, soonest first (absent when there is none).
        var exams: [ExamJSON]?
    }

    /// One exam's plan and readiness forecast, as `jatta exam` prints them.
    struct ExamJSON: Encodable {
        /// The exam's day, `yyyy-MM-dd`.
        var date: String
        /// Who set it: the student's exam id, or the deck file whose header names it.
        var studentExamID: Int64?
        var deckHeader: String?
        /// The deck files studied for it.
        var deckFiles: [String]
        /// Study days left before the exam day.
        var daysLeft: Int
        /// Faces never seen, new faces to show today and per day.
        var unseen: Int
        var newToday: Int
        var newPerDay: Int
        /// How many days before the exam every face has been seen (absent: none left to show).
        var allSeenDaysBefore: Int?
        /// The busiest day's answers, the answers a day accepted, and whether it fits.
        var busiestDay: Int
        var workload: Int
        var fits: Bool
        /// Cards predicted at or above the target on the exam day: overall and per level.
        var readiness: Share
        var readinessPerLevel: [LevelShare]

        struct Share: Encodable {
            var cards: Int
            var readyToday: Int
            var readyWithPlan: Int
        }
        struct LevelShare: Encodable {
            var level: Int
            var cards: Int
            var readyToday: Int
            var readyWithPlan: Int
        }

        init(_ outlook: ExamOutlook) {
            date = outlook.exam.date.description
            switch outlook.exam.source {
            case .student(let id): studentExamID = id
            case .deckHeader(let file): deckHeader = file
            }
            deckFiles = outlook.deckFiles
            let plan = outlook.plan
            daysLeft = plan.daysLeft
            unseen = plan.unseen
            newToday = plan.newToday
            newPerDay = plan.newPerDay
            allSeenDaysBefore = plan.daysSeenBefore
            busiestDay = plan.peak
            workload = plan.workload
            fits = plan.fits
            let overall = outlook.readiness.overall
            readiness = Share(
                cards: overall.cards, readyToday: overall.readyToday, readyWithPlan: overall.readyWithPlan)
            readinessPerLevel = outlook.readiness.perLevel.sorted { $0.key < $1.key }.map {
                LevelShare(
                    level: $0.key, cards: $0.value.cards, readyToday: $0.value.readyToday,
                    readyWithPlan: $0.value.readyWithPlan)
            }
        }
    }

    static func text(
        _ stats: StudyStatistics, exams: [ExamOutlook] = [], paths: [String], level: Int?, tag: String?
    ) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(HistoryFormat.isoTime(date))
        }
        let document = Document(
            schemaVersion: schemaVersion, paths: paths, level: level, tag: tag, statistics: stats,
            exams: exams.isEmpty ? nil : exams.map(ExamJSON.init))
        return String(decoding: try encoder.encode(document), as: UTF8.self)
    }
}
