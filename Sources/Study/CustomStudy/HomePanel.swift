import FSRS
import Foundation

/// What can open over the home screen's deck list.
public enum HomePanel: Hashable, Sendable {
    /// Searching cards by a word (`/`).
    case search(SearchPanel)
    /// One found card: where its faces stand and its review history.
    case cardInfo(CardInfoPanel)
    /// The custom-study menu (`c`).
    case custom(CustomMenu)
}

/// The search: the query, and once run, the cards found.
public struct SearchPanel: Hashable, Sendable {
    /// The word being looked for.
    public var query = ""
    /// Whether the query is being typed (letters are text) rather than the
    /// matches browsed.
    public var editing = true
    /// The cards found by the last search run.
    public var matches: [SearchMatch] = []
    /// The highlighted match.
    public var selection = 0
    /// Whether a search was run (so "nothing found" can be said).
    public var searched = false

    public init() {}

    /// The highlighted match, if any.
    public var selected: SearchMatch? { matches.indices.contains(selection) ? matches[selection] : nil }
}

/// One card's information, opened from the search.
public struct CardInfoPanel: Hashable, Sendable {
    /// The search it was opened from, where leaving returns.
    public var search: SearchPanel
    /// The card, with where its faces stand.
    public var match: SearchMatch
    /// Its review history, newest first; nil until the store has answered.
    public var history: [CardHistoryEntry]?

    public init(search: SearchPanel, match: SearchMatch, history: [CardHistoryEntry]? = nil) {
        self.search = search
        self.match = match
        self.history = history
    }
}

/// The custom-study menu: the choices, the highlighted one, their numbers.
public struct CustomMenu: Hashable, Sendable {
    /// The highlighted choice.
    public var selection = 0
    /// How many days ahead "study ahead" reaches.
    public var aheadDays = 3
    /// How many new faces "extra new cards" adds today.
    public var extraNew = 10
    /// Whether the session will be a practice (no rescheduling).
    public var practice = false

    public init() {}

    /// The choices, in the menu's order.
    public enum Choice: Int, Hashable, Sendable, CaseIterable {
        case failedToday, failedThisWeek, ahead, extraNew, everything
    }

    /// The custom study the highlighted choice starts.
    public var study: CustomStudy {
        let choice = Choice(rawValue: selection) ?? .failedToday
        let selection: CustomStudy.Selection =
            switch choice {
            case .failedToday: .failedToday
            case .failedThisWeek: .failedThisWeek
            case .ahead: .ahead(days: aheadDays)
            case .extraNew: .extraNew(extraNew)
            case .everything: .everything
            }
        // New cards added to today's queue are real study, never practice.
        return CustomStudy(selection, practice: practice && choice != .extraNew)
    }
}

/// One entry of a card's review history, as the card info shows it.
public struct CardHistoryEntry: Hashable, Sendable {
    /// The face it belongs to.
    public var key: String
    /// When it happened.
    public var time: Date
    /// What happened, in the interface language (study, quiz, suspend, …).
    public var kind: String
    /// The grade, for answers.
    public var rating: Rating?
    /// Whether a later undo took it back.
    public var undone: Bool
    /// The face's stage after it (in the interface language), when it has
    /// a schedule.
    public var stageAfter: String?
    /// The face's due date after it, when it has a schedule.
    public var dueAfter: Date?

    public init(
        key: String, time: Date, kind: String, rating: Rating?, undone: Bool, stageAfter: String?, dueAfter: Date?
    ) {
        self.key = key
        self.time = time
        self.kind = kind
        self.rating = rating
        self.undone = undone
        self.stageAfter = stageAfter
        self.dueAfter = dueAfter
    }
}
