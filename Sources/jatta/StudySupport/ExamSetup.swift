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

    /// The student's exams as the store keeps them; a row whose date no
    /// longer reads (edited by hand) is left out rather than guessed.
    static func studentExams(store: ProgressStore?) throws -> [Exam] {
        guard let store else { return [] }
        return try store.exams().compactMap { row in
            CalendarDate(row.date).map {
                Exam(date: $0, paths: row.paths, workload: row.workload, source: .student(id: row.id))
            }
        }
    }

    /// `path` made absolute against the current folder, with `.`/`..`
    /// resolved and no trailing slash, so an exam set from one folder
    /// still covers the same decks when studying from another.
    static func absolutePath(_ path: String) -> String {
        var result = URL(fileURLWithPath: path).standardizedFileURL.path
        while result.count > 1, result.hasSuffix("/") { result.removeLast() }
        return result
    }

    /// Exam mode for `catalog` at `now`: `studentExams` first, deck headers
    /// where the student set none. Workloads default to `defaultWorkload`.
    static func make(
        catalog: StudyCatalog, studentExams: [Exam], base: Scheduler, defaultWorkload: Int, now: Date
    ) -> ExamSetup {
        let today = base.configuration.dayCounting.dayNumber(of: now)
        var paths: [String: String] = [:]
        for deck in catalog.decks { paths[deck.file] = absolutePath(deck.file) }
        let byDeck = Exam.assign(decks: catalog.decks, studentExams: studentExams, absolutePaths: paths, today: today)
        let scheduler = ExamOutlook.scheduler(base: base, catalog: catalog, examsByDeck: byDeck)
        let outlooks = ExamOutlook.make(
            catalog: catalog, examsByDeck: byDeck, scheduler: scheduler, defaultWorkload: defaultWorkload, now: now)
        return ExamSetup(examsByDeck: byDeck, scheduler: scheduler, outlooks: outlooks)
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
