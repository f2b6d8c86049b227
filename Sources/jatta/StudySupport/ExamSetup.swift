import DeckFormat
import FSRS
import Foundation
import ReviewStore
import Study

/// Exam mode for a set of decks: the student's exams from the store, the
/// deck headers' dates, which exam each deck is studied for, the scheduler
/// with the exam rule and each exam's plan and forecast. Read once, the same
/// way for `study` and `jatta exam`.
struct ExamSetup {
    /// The exam each deck file is studied for (decks without one are absent).
    var examsByDeck: [String: Exam]
    /// The scheduler with the exam rule for every face of those decks.
    var scheduler: ExamScheduler
    /// The outlook of each exam ahead, soonest first.
    var outlooks: [ExamOutlook]
    /// The faces first answered today, from the review log (read only
    /// when some deck has an exam ahead; empty otherwise).
    var introducedToday: Set<String>
    /// The decks with the progress brought to the exams, and the kept
    /// queue `make` was asked to give it, if any.
    var catalog: StudyCatalog

    /// The student's exams as the store keeps them; a row whose date no
    /// longer reads (edited by hand) is left out rather than guessed.
    static func studentExams(store: ProgressStore?) throws -> [Exam] {
        guard let store else { return [] }
        return try store.exams().compactMap { row in
            // Paths stored by 0.7 and older were made absolute lexically;
            // resolved now, they compare with the decks' resolved names.
            CalendarDate(row.date).map {
                Exam(date: $0, paths: row.paths.map(absolutePath), workload: row.workload, source: .student(id: row.id))
            }
        }
    }

    /// `path` as the store names a deck file or folder (absolute, links
    /// resolved: `StoredDeckFile`), so an exam set from one folder, or
    /// through a symbolic link, still covers the same decks when studying
    /// from another spelling.
    static func absolutePath(_ path: String) -> String { StoredDeckFile.of(path) }

    /// Exam mode for `decks` at `now`: `studentExams` first, deck headers
    /// where the student set none. Workloads default to `defaultWorkload`;
    /// `store` says which faces were introduced today. `progress` is
    /// brought to the exams in place (`ExamScheduler.adjust`): reviews the
    /// rule brings before an exam are due on their new day.
    ///
    /// The outlooks are made from the progress so brought: they are the
    /// same as from the progress before (a moved review is counted and
    /// forecast on the day the rule gives it either way), but the rule's
    /// search for each review's day is then made once, by `adjust`, not
    /// again by the outlook's count and by its forecast.
    /// `keysAreDistinct`: whether no two faces of the decks share a key
    /// (`DeckLibrary.Result.idsAreDistinct`), which spares the outlook a
    /// set of every key. `ruleDays`: the exam rule's days a start before
    /// found, read from `ruleDaysFile` (`KeptExamRuleDays`), which spare
    /// it most of its searches; the file is kept up to date (or removed
    /// when no exam is set) once the schedules are brought to the exams,
    /// and the days are let go before the outlooks are made. `keepQueue`
    /// gives the catalog of the progress so brought its kept queue
    /// (`KeptQueueFile.take`), with the exams' scheduler and the exam of
    /// each deck, before the outlooks are made: they read it too.
    static func make(
        decks: [Deck], keysAreDistinct: Bool = false, progress: inout ProgressSnapshot, studentExams: [Exam],
        store: ProgressStore?, base: Scheduler, defaultWorkload: Int, now: Date,
        ruleDays: consuming ExamRuleDays? = nil, ruleDaysFile: KeptExamRuleDays? = nil,
        keepQueue: ((inout StudyCatalog, ExamScheduler, [String: Exam]) -> Void)? = nil
    ) throws -> ExamSetup {
        let today = base.configuration.dayCounting.dayNumber(of: now)
        var paths: [String: String] = [:]
        for deck in decks { paths[deck.file] = absolutePath(deck.file) }
        let byDeck = Exam.assign(decks: decks, studentExams: studentExams, absolutePaths: paths, today: today)
        let scheduler = ExamOutlook.scheduler(base: base, decks: decks, examsByDeck: byDeck)
        var introduced: Set<String> = []
        if !byDeck.isEmpty, let store {
            let day = StudySetup.day(of: now, timeZone: LocalTimeZone.current)
            introduced = try store.keysIntroduced(from: day.start, to: now.addingTimeInterval(1))
        }
        do {
            let kept = consume ruleDays
            let asked = scheduler.adjust(&progress, at: now, kept: kept)
            ruleDaysFile?.update(
                asked: asked, over: kept, rule: scheduler.rule, examAhead: !byDeck.isEmpty,
                examsSet: !studentExams.isEmpty || decks.contains { $0.examDate != nil })
        }
        var catalog = StudyCatalog(decks: decks, progress: progress)
        catalog.keysAreDistinct = keysAreDistinct
        keepQueue?(&catalog, scheduler, byDeck)
        let outlooks = ExamOutlook.make(
            catalog: catalog, examsByDeck: byDeck, scheduler: scheduler, defaultWorkload: defaultWorkload,
            introducedToday: introduced, now: now)
        return ExamSetup(
            examsByDeck: byDeck, scheduler: scheduler, outlooks: outlooks, introducedToday: introduced, catalog: catalog)
    }

    /// The new faces a day a session allows: with an exam ahead, the sum of
    /// the exams' paces (plus `ordinary` when some decks have no exam), so
    /// new faces come as the plans need; else `ordinary`.
    func newPerDay(ordinary: Int, decks: [Deck]) -> Int {
        guard !outlooks.isEmpty else { return ordinary }
        let paced = outlooks.reduce(0) { $0 + $1.plan.newPerDay }
        let someWithout = decks.contains { examsByDeck[$0.file] == nil }
        return paced + (someWithout ? ordinary : 0)
    }
}

extension ExamSetup {
    /// Checks and stores an exam date typed on the home screen for
    /// `deckFiles` (nil: every deck), as `jatta exam set` would, and gives
    /// the trainer the new plan. A text that is not a date after today is
    /// refused and nothing is stored.
    static func set(
        date text: String, deckFiles: [String]?, store: ProgressStore, catalog: StudyCatalog,
        scheduler: any StudyScheduler, limits: StudyLimits, now: Date
    ) throws -> ExamUpdate {
        guard let current = scheduler as? ExamScheduler, let date = CalendarDate(text),
            date.dayNumber > current.base.configuration.dayCounting.dayNumber(of: now)
        else { return .refused(text) }
        try store.setExam(StoredExam(date: date.description, paths: (deckFiles ?? []).map(absolutePath)))
        // A copy: the trainer brings its own progress to the new plan.
        var progress = catalog.progress
        let setup = try make(
            decks: catalog.decks, keysAreDistinct: catalog.keysAreDistinct, progress: &progress,
            studentExams: try studentExams(store: store), store: store, base: current.base,
            defaultWorkload: limits.reviewsPerDay, now: now)
        return .set(
            date: date.description, outlooks: setup.outlooks, examDays: setup.scheduler.examDays,
            newPerDay: setup.newPerDay(ordinary: StudyLimits.ordinaryNewPerDay, decks: catalog.decks),
            introducedToday: setup.introducedToday)
    }
}
