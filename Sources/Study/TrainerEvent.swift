import DeckFormat
import FSRS
import Foundation

/// Something the student did (or the world did), in terms of the trainer
/// rather than of keys: the key mapping turns key presses into these.
public enum TrainerAction: Hashable, Sendable {
    // Home screen.
    /// Moves the deck selection by this many rows.
    case moveSelection(Int)
    /// Cycles the level filter: all, 1, 2, 3.
    case cycleLevel
    /// Cycles the tag filter through the tags of the selected decks.
    case cycleTag
    /// Starts a session on the selected row.
    case start
    /// Starts a session on every deck.
    case startAll
    /// Opens the search (`/`), or goes back to typing its query.
    case openSearch
    /// Opens the custom-study menu.
    case openCustomStudy
    /// Opens the highlighted search match's card info.
    case showInfo
    /// Brings the suspended faces of the card shown in card info back.
    case unsuspend
    /// Starts a session on the cards found: a practice, or real study.
    case studyFound(practice: Bool)
    /// Turns the custom-study menu's practice on or off.
    case togglePractice
    /// Changes the highlighted custom-study choice's number (days ahead,
    /// extra new faces) by this much.
    case adjust(Int)
    /// The store's history of a card's faces, newest first (answering
    /// `loadHistory`).
    case historyLoaded(keys: [String], [CardHistoryEntry])
    /// Opens the statistics of the selected row, with the level and tag filters.
    case openStatistics

    // Statistics screen.
    /// The store's figures for the statistics screen (the answer to
    /// `TrainerEffect.loadStatistics`).
    case showStatistics(StudyStatistics)
    /// Starts a session on the hardest cards listed.
    case studyHardest

    // Study screen.
    /// Shows the answer (self-graded and open faces) or submits what was
    /// typed or picked.
    case reveal
    /// Adds a character to the typed answer.
    case type(Character)
    /// Removes the last typed character.
    case deleteBackward
    /// Picks option N (1-based) of a choice face; a face with one right
    /// option is submitted at once.
    case pickOption(Int)
    /// Ticks or unticks key point N (1-based) of an open question.
    case toggleKeyPoint(Int)
    /// Moves the option or key-point cursor.
    case moveCursor(Int)
    /// Picks or ticks the item under the cursor.
    case toggleAtCursor
    /// Moves the highlighted grade button.
    case moveRating(Int)
    /// Grades the face.
    case grade(Rating)
    /// Gives the highlighted grade.
    case acceptRating
    /// Scrolls a long card (or turns the statistics' pages) by this many pages.
    case scroll(Int)
    /// Takes back the last answer.
    case undo
    /// Hides the face until tomorrow.
    case bury
    /// Hides the face until unsuspended.
    case suspend
    /// Opens the card in the editor.
    case edit
    /// The decks were read again (after editing), with the errors the
    /// re-read found: the student is told, and a card the edit lost keeps
    /// its last good version for the rest of the session.
    case reload([Deck], errors: [Diagnostic] = [])
    /// The clock passed the study day's rollover (4 a.m.): the day ends at
    /// this new time, today's counts start again, faces buried until the
    /// rollover come back and a running session's queue is rebuilt.
    case newDay(dayEnd: Date)
    /// An effect did not go as asked (the editor was missing or failed, an
    /// undo was refused): the student is told and the session goes on.
    case effectFailed(EffectOutcome)

    // Anywhere.
    /// Shows or hides the help overlay.
    case toggleHelp
    /// Leaves the current screen: closes help, ends a session (to its
    /// summary), goes home from the summary.
    case back
    /// Ends the program (answers are already saved).
    case quit
    /// Home: start typing an exam date for the selected row's decks.
    case beginExamDate
    /// The executable checked and stored (or refused) an exam date.
    case examChanged(ExamUpdate)
}

/// An action and when it happened. The clock is read by the caller, so the
/// trainer stays a pure function of its inputs.
public struct TrainerEvent: Hashable, Sendable {
    /// What happened.
    public var action: TrainerAction
    /// When.
    public var time: Date

    public init(_ action: TrainerAction, at time: Date) {
        self.action = action
        self.time = time
    }
}

/// An answer to store: everything the review log keeps.
public struct ReviewRecord: Hashable, Sendable {
    /// The progress key.
    public var key: String
    /// The deck file of the card.
    public var deckFile: String
    /// The prompt as shown, for the registry of keys seen.
    public var prompt: String
    /// The grade given.
    public var rating: Rating
    /// When it was given.
    public var reviewedAt: Date
    /// Seconds from showing the face to grading it.
    public var duration: TimeInterval
    /// The schedule before and after.
    public var before: CardSchedule
    public var after: CardSchedule
    /// The card's exam level.
    public var level: Int
    /// True when the student graded a face the checker found wrong as
    /// right ("I was right"): logged as an override.
    public var overruled: Bool

    public init(
        key: String, deckFile: String, prompt: String, rating: Rating, reviewedAt: Date, duration: TimeInterval,
        before: CardSchedule, after: CardSchedule, level: Int = 1, overruled: Bool = false
    ) {
        self.level = level
        self.overruled = overruled
        self.key = key
        self.deckFile = deckFile
        self.prompt = prompt
        self.rating = rating
        self.reviewedAt = reviewedAt
        self.duration = duration
        self.before = before
        self.after = after
    }
}

/// What the trainer asks the outside world to do. The executable carries
/// these out (store, editor); the trainer never does I/O.
public enum TrainerEffect: Hashable, Sendable {
    /// Store an answer.
    case record(ReviewRecord)
    /// Take back the last stored answer, which was for this key.
    case undoLast(key: String)
    /// Hide a face until a time.
    case bury(key: String, until: Date)
    /// Hide a face until unsuspended.
    case suspend(key: String)
    /// Open the editor at this place, then send `.reload`.
    case edit(SourceLocation)
    /// Bring a suspended face back.
    case unsuspend(key: String)
    /// Read these faces' history from the store, then send `.historyLoaded`.
    case loadHistory(keys: [String])
    /// Compute the statistics of these cards from the store, then send
    /// `.showStatistics` (or `.effectFailed` when the store cannot).
    case loadStatistics(StudyFilter)
    /// Leave the program.
    case quit
    /// Check and store an exam date (`YYYY-MM-DD` as typed) for these deck
    /// files (nil: every deck), then send `.examChanged`.
    case setExam(date: String, deckFiles: [String]?)
    /// Keep today's extra new faces in the store, so they last until the
    /// study day ends even if the trainer is started again.
    case keepExtraNew(ExtraNewToday)
}
