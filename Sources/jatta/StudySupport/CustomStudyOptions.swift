import ArgumentParser
import Study
import TerminalUI

/// `jatta study`'s custom-study options: what to study instead of today's
/// queue, and whether as a practice. The same choices as `c` and `/` on the
/// home screen.
struct CustomStudyOptions: ParsableArguments {
    /// Which failures `--failed` takes.
    enum Period: String, ExpressibleByArgument, CaseIterable {
        case today, week
    }

    /// `--failed today|week`: the faces answered Again then.
    @Option(help: "Custom study: the cards answered Again today or in the last 7 days (today|week).")
    var failed: Period?

    /// `--ahead N`: faces due within N days.
    @Option(help: ArgumentHelp("Custom study: study ahead, the cards due in the next N days.", valueName: "days"))
    var ahead: Int?

    /// `--extra-new N`: N more new faces today.
    @Option(help: ArgumentHelp("Custom study: N more new cards today, on top of --new-limit.", valueName: "n"))
    var extraNew: Int?

    /// `--all-cards`: every face of the decks, level and tag.
    @Flag(help: "Custom study: every card of the decks, --level and --tag given, new or not.")
    var allCards = false

    /// `--search WORD`: the faces of the cards holding WORD.
    @Option(help: ArgumentHelp("Custom study: the cards whose prompt or answer holds WORD.", valueName: "word"))
    var search: String?

    /// `--practice`: a session that reschedules nothing.
    @Flag(help: "Practice: answers are checked, but no schedule changes and nothing is recorded (alone: every card).")
    var practice = false

    /// How many selections were given.
    private var selections: Int {
        [failed != nil, ahead != nil, extraNew != nil, allCards, search != nil].filter { $0 }.count
    }

    func validate() throws {
        let words = CustomStudyStrings.self
        if selections > 1 { throw ValidationError(words.bothLanguages(\.oneSelection)) }
        if let ahead, !(1...3650).contains(ahead) { throw ValidationError(words.bothLanguages(\.aheadRange)) }
        if let extraNew, extraNew < 1 { throw ValidationError(words.bothLanguages(\.extraNewRange)) }
        if extraNew != nil, practice { throw ValidationError(words.bothLanguages(\.extraNewNotPractice)) }
        if let search, CardSearch.fold(search).isEmpty { throw ValidationError(words.bothLanguages(\.emptySearch)) }
    }

    /// The custom study asked for, nil for today's queue.
    func study(in catalog: StudyCatalog) -> CustomStudy? {
        let selection: CustomStudy.Selection
        if let failed {
            selection = failed == .today ? .failedToday : .failedThisWeek
        } else if let ahead {
            selection = .ahead(days: ahead)
        } else if let extraNew {
            selection = .extraNew(extraNew)
        } else if let search {
            selection = .faces(CardSearch.matches(search, in: catalog).flatMap { $0.faces.map(\.key) })
        } else if allCards || practice {
            selection = .everything
        } else {
            return nil
        }
        return CustomStudy(selection, practice: practice)
    }
}
