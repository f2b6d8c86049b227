import FSRS
import Foundation

/// Every text the trainer shows, in one language. Each language fills this
/// in one file (`Strings+kk.swift`, `Strings+en.swift`), so a missing string
/// is a compile error rather than a blank on screen.
public struct Strings: Sendable {
    /// The language code (`kk`, `en`).
    public var code: String
    /// The grade buttons, Again … Easy.
    public var again, hard, good, easy: String
    /// Interval units: minutes, hours, days, months, years, and the decimal
    /// separator.
    public var minute, hour, day, month, year: String
    /// Whether the unit follows the number after a space ("10 мин") or not ("10m").
    public var spaceBeforeUnit: Bool
    public var decimalSeparator: String

    // Home screen.
    public var appTitle, decksHeader, allDecks, newHeader, learningHeader, dueHeader: String
    public var levelLabel, tagLabel, anyValue: String
    public var noDecks: String
    /// The deck files found hold no card at all (a new, empty deck): they
    /// were found, so "no decks" would send the student looking for them.
    public var noCards: @Sendable (_ files: [String]) -> String
    /// The decks hold cards, none of which can be asked (multiple choice
    /// with no correct option).
    public var noAnswerableCards: String
    /// `study --level/--tag` that no card of the decks matches (`filter`:
    /// the options as given), with the tags the decks do have when a tag
    /// was given (nil otherwise): a mistyped tag read "nothing to study",
    /// as if the day's work were done.
    public var noCardMatches: @Sendable (_ filter: String, _ tags: [String]?) -> String
    /// Under the deck list: the counts are faces, the level columns cards.
    public var countsNote: String
    /// Beside the filters: today's new faces out of those waiting, e.g.
    /// "today: 20 of 196 new".
    public var newToday: @Sendable (_ allowed: Int, _ waiting: Int) -> String
    public var homeKeys: String
    public var nothingToStudy: String
    /// After the store's message when it failed to record what the student
    /// just did: that one thing is lost, nothing before it.
    public var lastActionNotRecorded: String

    // Study screen.
    public var doneLabel, leftLabel: String
    public var kindQuestion, kindTerm, kindDefinition, kindCloze, kindChoice, kindChoiceSeveral, kindOpen: String
    public var yourAnswer, answerLabel, modelAnswerLabel, keyPointsLabel: String
    public var verdictCorrect, verdictClose, verdictWrong, verdictBlank: String
    public var questionKeys, typingKeys, choiceKeys, gradeKeys, keyPointKeys: String
    public var more: String
    public var tooSmall: String
    /// Under a cloze with several gaps: how to separate their answers.
    public var severalGaps: String

    // Notices.
    public var buried, suspended, undone, nothingToUndo: String
    /// A burial, a suspension taken back by undo.
    public var burialUndone, suspensionUndone: String
    public var reloaded, cardRemoved: String

    // Summary.
    public var summaryTitle, studiedLabel, correctLabel, timeLabel, nextDueLabel, dueTomorrowLabel: String
    public var nothingDue, summaryKeys, now: String

    // Help.
    public var helpTitle: String
    public var helpLines: [String]
    /// The key hints while the help is open: how to close it.
    public var helpKeys: String

    // Plain mode.
    public var plainNotice, plainRevealPrompt, plainTypePrompt, plainChoicePrompt, plainGradePrompt: String
    public var plainTickPrompt, plainUnknownInput: String

    // Reload notice (see `reloadNotice(_:)`).
    /// How many errors the re-read decks have: "2 қате" / "2 errors".
    public var reloadErrorCount: @Sendable (_ count: Int) -> String
    /// Where the errors after the first are listed.
    public var reloadRestHint: String
    /// The card on screen stays as it was before the broken edit.
    public var reloadKeptCard: String

    // Starting from the command line (`jatta study`, `jatta quiz`).
    /// `--level` outside 1…3.
    public var levelOutOfRange: String
    /// `--new-limit` or `--review-limit` below zero.
    public var negativeLimits: String
    /// The deck errors beyond the few printed before the trainer starts.
    public var moreDeckErrors: @Sendable (_ count: Int) -> String
    /// The locale's codeset is not UTF-8, so C.UTF-8 is used instead.
    public var localeNotUTF8: @Sendable (_ codeset: String) -> String
    /// Why the full-screen mode cannot start (see `terminalProblem(_:plainCommand:)`);
    /// `plain` is the command line that runs without it.
    public var notATerminal: @Sendable (_ plain: String) -> String
    public var termUnset: @Sendable (_ plain: String) -> String
    public var termDumb: @Sendable (_ term: String, _ plain: String) -> String
    public var termUnknown: @Sendable (_ term: String, _ plain: String) -> String
    public var cursesFailed: @Sendable (_ plain: String) -> String

    // `jatta unsuspend`.
    /// Both `--all` and ids were given.
    public var allOrIDs: String
    /// Neither `--all` nor ids given where one is needed (`exam clear`).
    public var allOrIDsNeeded: String
    public var noneSuspended, suspendedHeading, unsuspendHowTo: String
    public var unsuspendedCard: @Sendable (_ key: String) -> String
    public var notSuspended: @Sendable (_ id: String) -> String
    /// An id that names no card in the progress database.
    public var unknownCard: @Sendable (_ id: String) -> String

    /// A message that must be read before the interface language is known
    /// (argument errors): Kazakh first, then English.
    public static func bothLanguages(_ text: KeyPath<Strings, String>) -> String {
        bothLanguages(kk: kazakh[keyPath: text], en: english[keyPath: text])
    }

    /// Two wordings of one message in the order every bilingual message uses.
    public static func bothLanguages(kk: String, en: String) -> String { "\(kk) / \(en)" }

    /// The first `limit` of `items`, comma-separated, "…" after them when
    /// there are more: a list a message names without filling the screen.
    static func shortList(_ items: [String], limit: Int = 12) -> String {
        items.prefix(limit).joined(separator: ", ") + (items.count > limit ? ", …" : "")
    }

    /// The button label for a grade.
    public func label(_ rating: Rating) -> String {
        switch rating {
        case .again: again
        case .hard: hard
        case .good: good
        case .easy: easy
        }
    }

    /// A duration as the buttons show it: "10 мин", "1 күн", "1,5 ай" /
    /// "10m", "1d", "1.5mo". Under a minute shows as one minute: a button
    /// promising "0" would read as "never".
    public func interval(_ seconds: TimeInterval) -> String {
        let s = max(0, seconds)
        let (value, unit): (Double, String)
        if s < 3600 {
            (value, unit) = (max(1, (s / 60).rounded()), minute)
        } else if s < 86_400 {
            (value, unit) = ((s / 3600).rounded(), hour)
        } else if s < 30 * 86_400 {
            (value, unit) = ((s / 86_400).rounded(), day)
        } else if s < 365 * 86_400 {
            (value, unit) = (s / (30 * 86_400), month)
        } else {
            (value, unit) = (s / (365 * 86_400), year)
        }
        return number(value) + (spaceBeforeUnit ? " " : "") + unit
    }

    /// A number with at most one decimal, without a trailing ".0".
    func number(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        if tenths % 10 == 0 || value >= 10 { return String(Int(value.rounded())) }
        return String(tenths / 10) + decimalSeparator + String(tenths % 10)
    }

    /// Time spent, as "4 мин 10 с" / "4m 10s".
    public func duration(_ seconds: TimeInterval) -> String {
        let total = Int(max(0, seconds).rounded())
        let m = total / 60
        let s = total % 60
        let sec = code == "kk" ? "с" : "s"
        let sep = spaceBeforeUnit ? " " : ""
        if m == 0 { return "\(s)\(sep)\(sec)" }
        if m >= 60 { return "\(m / 60)\(sep)\(hour) \(m % 60)\(sep)\(minute)" }
        return "\(m)\(sep)\(minute) \(s)\(sep)\(sec)"
    }
}
