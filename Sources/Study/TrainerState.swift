import DeckFormat
import FSRS
import Foundation
import KazakhText

/// Everything the trainer shows and remembers: the whole model of the
/// Elm-style loop. Views read it; only `Trainer.update` changes it.
public struct TrainerState: Sendable {
    /// Decks and progress (schedules are updated as answers are given).
    public var catalog: StudyCatalog
    /// The scheduler answers are graded with.
    public var scheduler: any StudyScheduler
    /// The checker typed answers are judged by, knowing every answer of the
    /// decks. Built when the first typed answer is checked: preparing every
    /// answer costs tens of milliseconds, which the trainer's start should
    /// not pay when the first cards are not typed.
    public var checker: AnswerChecker?
    /// Daily limits.
    public var limits: StudyLimits
    /// When the current study day ends (the next rollover); reviews due
    /// before it count as due today, and buried faces come back then.
    public var dayEnd: Date
    /// The screen shown.
    public var mode: Mode
    /// The home screen's selection and filters (kept while studying, so
    /// going home returns to the same place).
    public var home: HomeState
    /// Whether the help overlay is open.
    public var showsHelp = false
    /// The page of the help shown, counted without bound (the view takes it
    /// modulo its page count, so paging past the last page comes back to
    /// the first): a terminal of 10 rows cannot show the help whole.
    public var helpPage = 0
    /// A one-line notice for the status bar (e.g. "buried"), cleared by the
    /// next action.
    public var notice: Notice?
    /// The time of the latest event: what "now" means to the views (counts
    /// on the home screen, "next due in …").
    public var now: Date
    /// What is known of the student's keyboard across sessions: the one
    /// keyboard rule (kept in the store between runs). Every session starts
    /// from it and hands back what its answers showed.
    public var keyboard = KeyboardProfile.unknown
    /// The exams ahead, with plan and forecast as they stood when the home
    /// screen was last shown (recomputed on the way back home, not after
    /// each answer: the answer stays as fast as without an exam)
    /// (docs/exam.md); the home screen shows the selected deck's, or the
    /// soonest on the row of all decks.
    public var exams: [ExamOutlook] = []
    /// The faces first answered today: read from the review log when an
    /// exam is ahead, then each new face answered in this run (an undone
    /// answer takes it back). Each counts against its own exam's plan when
    /// the exam lines are recomputed.
    public var introducedToday: Set<String> = []

    public init(
        catalog: StudyCatalog, scheduler: any StudyScheduler, limits: StudyLimits = StudyLimits(), dayEnd: Date,
        mode: Mode = .home, now: Date
    ) {
        self.now = now
        self.catalog = catalog
        self.scheduler = scheduler
        self.limits = limits
        self.dayEnd = dayEnd
        self.mode = mode
        self.home = HomeState()
    }

    /// The screens.
    public enum Mode: Sendable {
        case home
        case study(SessionState)
        /// The summary, with the finished session kept so its last step
        /// can still be undone.
        case summary(SessionSummary, SessionState)
        /// The statistics of the home row's decks (docs/stats.md).
        case statistics(StatisticsScreen)
    }

    /// The running session, if any.
    public var session: SessionState? {
        if case .study(let s) = mode { return s }
        return nil
    }
}

/// Short messages the status bar shows after an action.
public enum Notice: Hashable, Sendable {
    case buried
    case suspended
    case undone
    /// A burial (or, `suspended`, a suspension) taken back: "Last answer
    /// undone" said so when nothing had been answered.
    case hidingUndone(suspended: Bool)
    case nothingToUndo
    case nothingToStudy
    /// Card info: its suspended faces were brought back.
    case unsuspended
    /// Card info: unsuspend asked of a card with no suspended face.
    case notSuspended
    case reloaded
    /// The decks were re-read but have errors (the student is shown the
    /// first and how many).
    case reloadedWithErrors(ReloadProblems)
    case cardRemoved
    /// An exam date was set or refused from the home screen.
    case exam(ExamNotice)
    /// An effect did not go as asked.
    case effectFailed(EffectOutcome)
}

/// What a re-read after editing found wrong, for the notice.
public struct ReloadProblems: Hashable, Sendable {
    /// How many errors the decks have now.
    public var errorCount: Int
    /// The first of them, by place.
    public var first: Diagnostic
    /// Whether the card being studied could not be read again and keeps its
    /// last good version for this session.
    public var keptLastGoodCard: Bool

    public init(errorCount: Int, first: Diagnostic, keptLastGoodCard: Bool) {
        self.errorCount = errorCount
        self.first = first
        self.keptLastGoodCard = keptLastGoodCard
    }
}

/// The home screen's selection: row 0 is "all decks", row N is deck N.
public struct HomeState: Hashable, Sendable {
    /// The selected row.
    public var selection = 0
    /// The level filter.
    public var level: Int?
    /// The tag filter.
    public var tag: String?
    /// The search, card info or custom-study menu open over the deck list.
    public var panel: HomePanel?
    /// The exam date being typed (`x`), nil when none is.
    public var examEntry: String?

    public init(selection: Int = 0, level: Int? = nil, tag: String? = nil) {
        self.selection = selection
        self.level = level
        self.tag = tag
    }
}

/// A study session under way.
public struct SessionState: Hashable, Sendable {
    /// What it draws from.
    public var filter: StudyFilter
    /// Faces still to ask.
    public var queue: StudyQueue
    /// The face on screen; nil only when the session is over.
    public var current: Attempt?
    /// Answers given, latest last (for the summary).
    public var answers: [GivenAnswer] = []
    /// What undo takes back, latest last: answers, burials and suspensions,
    /// in the order the store logged them.
    public var undoStack: [UndoStep] = []
    /// The step undo took back last, until the store says whether it could:
    /// a refused undo leaves the answer standing, so it counts again.
    public var pendingUndo: UndoStep?
    /// When it began.
    public var startedAt: Date
    /// What the typed answers showed of the student's keyboard (a Kazakh
    /// layout makes к-for-қ a mistake rather than a fallback).
    public var keyboard = KeyboardProfile.unknown
    /// The custom study the session runs, nil for today's queue.
    public var custom: CustomStudy?

    public init(filter: StudyFilter, queue: StudyQueue, startedAt: Date, custom: CustomStudy? = nil) {
        self.filter = filter
        self.queue = queue
        self.startedAt = startedAt
        self.custom = custom
    }

    /// Whether answers leave the schedule alone (a practice session).
    public var practice: Bool { custom?.practice ?? false }

    /// Faces answered so far (each answer counts, as in the review log).
    public var done: Int { answers.count }
    /// Faces left to ask, the one on screen included.
    public var left: Int { queue.count + (current == nil ? 0 : 1) }
    /// The items of those faces: the one on screen, then those waiting and
    /// those in learning.
    var itemsLeft: [StudyItem] { (current.map { [$0.item] } ?? []) + queue.waiting + queue.learning }
}

/// One answer of the session, with what is needed to take it back.
public struct GivenAnswer: Hashable, Sendable {
    /// The face as it was before the answer.
    public var item: StudyItem
    /// The grade.
    public var rating: Rating
    /// The schedule it got.
    public var after: CardSchedule
    /// Whether it went back into the session's learning queue.
    public var requeued: Bool
    /// Seconds spent on it.
    public var duration: TimeInterval
    /// For an Again: the face's failure time before it (custom study's
    /// "failed"), restored when the answer is undone.
    public var previousFailure: Date?

    public init(item: StudyItem, rating: Rating, after: CardSchedule, requeued: Bool, duration: TimeInterval) {
        self.item = item
        self.rating = rating
        self.after = after
        self.requeued = requeued
        self.duration = duration
    }
}

/// One step undo can take back.
public enum UndoStep: Hashable, Sendable {
    /// An answer (the last of `answers`).
    case answer(GivenAnswer)
    /// A face buried or suspended, as it was before.
    case hidden(StudyItem, suspended: Bool)
}

/// The end-of-session numbers.
public struct SessionSummary: Hashable, Sendable {
    /// Distinct faces answered.
    public var facesStudied: Int
    /// Answers given (a face in learning steps may be answered several times).
    public var answers: Int
    /// Answers graded Hard, Good or Easy.
    public var correct: Int
    /// Seconds from the start to the end of the session.
    public var timeSpent: TimeInterval
    /// When the next face in the session's decks is due, if any.
    public var nextDue: Date?
    /// How many faces are due before the end of the next study day.
    public var dueTomorrow: Int

    public init(
        facesStudied: Int, answers: Int, correct: Int, timeSpent: TimeInterval, nextDue: Date?, dueTomorrow: Int
    ) {
        self.facesStudied = facesStudied
        self.answers = answers
        self.correct = correct
        self.timeSpent = timeSpent
        self.nextDue = nextDue
        self.dueTomorrow = dueTomorrow
    }

    /// The share of answers that were not Again, 0…1 (0 with no answers).
    public var shareCorrect: Double { answers == 0 ? 0 : Double(correct) / Double(answers) }
}

extension TrainerState {
    /// The new faces a session on `decks` (nil: every deck) may still bring
    /// today, as the queue applies it and the home screen says it. With
    /// exams pacing the new faces, a row gets what the plans of the exams
    /// covering its decks leave for today, plus the ordinary allowance when
    /// some of its decks have no exam: the row of one deck under an exam
    /// took the sum of every exam's pace and the ordinary 20 (24 instead of
    /// 4). The row of every deck keeps that sum.
    public func newRoom(decks: Set<String>?) -> Int {
        let studied = catalog.progress.newStudiedToday
        guard limits.pacedByExams, !exams.isEmpty, let decks else { return limits.newRoom(studiedToday: studied) }
        var room = 0
        var paced: Set<String> = []
        for outlook in exams {
            paced.formUnion(outlook.deckFiles)
            if !decks.isDisjoint(with: outlook.deckFiles) { room += outlook.plan.newToday }
        }
        let extra = max(0, limits.extraNewToday)
        guard decks.isSubset(of: paced) else {
            return room + max(0, StudyLimits.ordinaryNewPerDay + extra - studied)
        }
        return room + extra
    }
}
