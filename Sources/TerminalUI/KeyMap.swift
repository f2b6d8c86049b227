import FSRS
import Study

/// What the keys mean on the screen being shown.
public enum KeyContext: Hashable, Sendable, CaseIterable {
    /// The deck list.
    case home
    /// A face waiting for Space/Enter (self-graded or open question).
    case question
    /// A face whose answer is being typed: letters are text, not commands.
    case typing
    /// The exam date being typed on the home screen: digits and `-`, the
    /// Kazakh digit row counting as digits (`әқәі` is 2023, `ө` is `-`).
    case examDate
    /// A multiple-choice face before checking.
    case choosing
    /// The answer is shown; grading.
    case grading
    /// An open question's answer is shown; ticking key points and grading.
    case keyPoints
    /// The end-of-session summary.
    case summary
    /// The help overlay.
    case help
    /// The search's query being typed: letters are text.
    case searchTyping
    /// The cards a search found.
    case searchResults
    /// One found card's information.
    case cardInfo
    /// The custom-study menu.
    case customMenu
    /// The statistics screen.
    case statistics

    /// The context of a trainer state.
    public init(_ state: TrainerState) {
        if state.showsHelp {
            self = .help
            return
        }
        switch state.mode {
        case .home:
            // Typing an exam date: digits are text, Enter sets, Esc gives up.
            if state.home.examEntry != nil { self = .examDate; break }
            switch state.home.panel {
            case .search(let panel)?: self = panel.editing ? .searchTyping : .searchResults
            case .cardInfo?: self = .cardInfo
            case .custom?: self = .customMenu
            case nil: self = .home
            }
        case .summary: self = .summary
        case .statistics: self = .statistics
        case .study(let session):
            guard let a = session.current else {
                self = .summary
                return
            }
            switch (a.style, a.revealed) {
            case (.typed, false): self = .typing
            case (.choice, false): self = .choosing
            case (.selfGraded, false), (.keyPoints, false): self = .question
            case (.keyPoints, true): self = .keyPoints
            default: self = .grading
            }
        }
    }
}

/// Turns keys into trainer actions, on any keyboard layout.
///
/// Bindings are written in Latin; a character from the Russian or Kazakh
/// layout is first folded to the Latin character of the same physical key
/// (`й` → `q`), and where a digit is wanted the Kazakh digit row counts as
/// digits (`ә` → 2). Arrows, Space, Enter, Esc and the F-keys mean the same
/// on every layout, and are the only commands while an answer is typed.
public enum KeyMap {
    public static func action(for key: Key, in context: KeyContext) -> TrainerAction? {
        if let global = functionKey(key, context) { return global }
        switch context {
        case .typing: return typing(key)
        case .examDate: return examDate(key)
        case .help: return help(key)
        case .home: return home(key)
        case .summary: return summary(key)
        case .statistics: return statistics(key)
        case .question: return question(key)
        case .choosing: return choosing(key)
        case .grading: return grading(key, keyPoints: false)
        case .keyPoints: return grading(key, keyPoints: true)
        case .searchTyping: return searchTyping(key)
        case .searchResults: return searchResults(key)
        case .cardInfo: return cardInfo(key)
        case .customMenu: return customMenu(key)
        }
    }

    /// F-keys: the same everywhere.
    static func functionKey(_ key: Key, _ context: KeyContext) -> TrainerAction? {
        guard case .function(let n) = key else { return nil }
        let inSession = [.question, .typing, .choosing, .grading, .keyPoints].contains(context)
        switch n {
        case 1: return .toggleHelp
        case 2: return inSession || context == .summary ? .undo : nil
        case 3: return inSession ? .bury : nil
        case 4: return inSession ? .suspend : nil
        case 5: return inSession ? .edit : nil
        case 10: return .quit
        default: return nil
        }
    }

    /// The Latin letter (lower case) on the physical key of `key`.
    static func letter(_ key: Key) -> Character? {
        guard case .character(let ch) = key else { return nil }
        let physical = KeyboardLayout.physical(ch)
        return Character(physical.lowercased())
    }

    static func digit(_ key: Key) -> Int? {
        guard case .character(let ch) = key else { return nil }
        return KeyboardLayout.digit(ch)
    }

    static func typing(_ key: Key) -> TrainerAction? {
        switch key {
        case .enter: return .reveal
        case .escape: return .back
        case .backspace, .delete: return .deleteBackward
        case .pageUp: return .scroll(-1)
        case .pageDown: return .scroll(1)
        case .character(let ch): return .type(ch)
        default: return nil
        }
    }

    /// Only what a date holds is typed: a digit on any layout (the Kazakh
    /// digit row types letters there, which were dropped) and `-`
    /// (`ө` on the Kazakh layout's key).
    static func examDate(_ key: Key) -> TrainerAction? {
        switch key {
        case .enter: return .reveal
        case .escape: return .back
        case .backspace, .delete: return .deleteBackward
        case .character(let ch):
            if let d = KeyboardLayout.digit(ch) { return .type(Character(String(d))) }
            if ch == "-" || KeyboardLayout.kazakh.toLatin[ch] == "-" { return .type("-") }
            return nil
        default: return nil
        }
    }

    static func help(_ key: Key) -> TrainerAction? {
        switch key {
        case .escape, .enter, .space: return .back
        case .down, .pageDown: return .scroll(1)
        case .up, .pageUp: return .scroll(-1)
        default:
            switch letter(key) {
            case "?": return .toggleHelp
            // Closes the overlay, as q closes a pager: pressed to leave the
            // help, it must not skip the session's summary and quit.
            case "q": return .back
            default: return nil
            }
        }
    }

    static func home(_ key: Key) -> TrainerAction? {
        switch key {
        case .up: return .moveSelection(-1)
        case .down: return .moveSelection(1)
        case .pageUp: return .moveSelection(-10)
        case .pageDown: return .moveSelection(10)
        case .home: return .moveSelection(-1_000_000)
        case .end: return .moveSelection(1_000_000)
        case .enter, .space: return .start
        case .escape: return .quit
        // The Russian layout types "." on the key of "/" (ASCII, so not
        // folded): search opens there too; "." means nothing else here.
        case .character("."): return .openSearch
        default:
            switch letter(key) {
            case "k": return .moveSelection(-1)
            case "j": return .moveSelection(1)
            case "a": return .startAll
            case "/": return .openSearch
            case "c": return .openCustomStudy
            case "l": return .cycleLevel
            case "t": return .cycleTag
            case "x": return .beginExamDate
            case "s": return .openStatistics
            case "?": return .toggleHelp
            case "q": return .quit
            default: return nil
            }
        }
    }

    /// Pages, as in the help; `h` studies the hardest cards listed; `q`
    /// goes back home, as it closes a pager.
    static func statistics(_ key: Key) -> TrainerAction? {
        switch key {
        case .escape, .backspace: return .back
        case .down, .pageDown, .space, .enter: return .scroll(1)
        case .up, .pageUp: return .scroll(-1)
        case .home: return .scroll(-1_000_000)
        case .end: return .scroll(1_000_000)
        default:
            switch letter(key) {
            case "j": return .scroll(1)
            case "k": return .scroll(-1)
            case "h": return .studyHardest
            case "?": return .toggleHelp
            case "q": return .back
            default: return nil
            }
        }
    }

    static func summary(_ key: Key) -> TrainerAction? {
        switch key {
        case .enter, .space, .escape: return .back
        default:
            switch letter(key) {
            case "q": return .quit
            case "u": return .undo
            case "?": return .toggleHelp
            default: return nil
            }
        }
    }

    /// Shortcuts shared by every study context except typing.
    static func sessionLetter(_ key: Key) -> TrainerAction? {
        switch key {
        case .escape: return .back
        case .pageUp: return .scroll(-1)
        case .pageDown: return .scroll(1)
        default: break
        }
        guard case .character(let ch) = key else { return nil }
        if ch == "!" { return .suspend }
        switch letter(key) {
        case "u": return .undo
        case "b": return .bury
        case "e": return .edit
        case "q": return .back
        case "?": return .toggleHelp
        default: return nil
        }
    }

    static func question(_ key: Key) -> TrainerAction? {
        switch key {
        case .enter, .space: return .reveal
        default: return sessionLetter(key)
        }
    }

    static func choosing(_ key: Key) -> TrainerAction? {
        switch key {
        case .enter: return .reveal
        case .space: return .toggleAtCursor
        case .up: return .moveCursor(-1)
        case .down: return .moveCursor(1)
        default: break
        }
        // Digits first: on the Kazakh layout the digit keys type letters
        // that are shortcuts nowhere, but `"`, `,` and `.` must be digits here.
        if let d = digit(key), d >= 1 { return .pickOption(d) }
        switch letter(key) {
        case "k": return .moveCursor(-1)
        case "j": return .moveCursor(1)
        default: return sessionLetter(key)
        }
    }

    static func grading(_ key: Key, keyPoints: Bool) -> TrainerAction? {
        switch key {
        case .enter: return .acceptRating
        case .space: return keyPoints ? .toggleAtCursor : .acceptRating
        case .left: return .moveRating(-1)
        case .right: return .moveRating(1)
        case .up: return keyPoints ? .moveCursor(-1) : .scroll(-1)
        case .down: return keyPoints ? .moveCursor(1) : .scroll(1)
        default: break
        }
        if let d = digit(key), let rating = Rating(rawValue: d) { return .grade(rating) }
        switch letter(key) {
        case "h": return .moveRating(-1)
        case "l": return .moveRating(1)
        case "k" where keyPoints: return .moveCursor(-1)
        case "j" where keyPoints: return .moveCursor(1)
        case "x" where keyPoints: return .toggleAtCursor
        default: return sessionLetter(key)
        }
    }
}
