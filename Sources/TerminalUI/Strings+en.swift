extension Strings {
    /// The English interface.
    public static let english = Strings(
        code: "en",
        again: "Again", hard: "Hard", good: "Good", easy: "Easy",
        minute: "m", hour: "h", day: "d", month: "mo", year: "y",
        spaceBeforeUnit: false, decimalSeparator: ".",
        appTitle: "jatta — memorise!", decksHeader: "Deck", allDecks: "All decks",
        newHeader: "New", learningHeader: "Learn", dueHeader: "Due",
        levelLabel: "Level", tagLabel: "Tag", anyValue: "any",
        noDecks: """
            No decks found. Put decks in ./decks or name them: \
            jatta study FILE.deck or jatta study FOLDER
            """,
        noCards: { files in
            let named = files.count == 1 ? files[0] + " has" : "The \(files.count) deck files found have"
            return "\(named) no cards yet. Add a card (Q: question / A: answer, see docs/deck-format.md), then run jatta check."
        },
        noAnswerableCards:
            "No card here can be asked: a multiple-choice question needs its correct option marked with * (jatta check says where).",
        noCardMatches: { filter, tags in
            guard let tags else { return "No card in these decks matches \(filter)." }
            let listed = Strings.shortList(tags)
            return "No card in these decks matches \(filter). " + (tags.isEmpty ? "They have no tags." : "Their tags: \(listed).")
        },
        // Short enough for 80 columns: cut there, it lost what Level counts.
        countsNote: "New, Learn, Due count faces (a term has 2); Level counts cards",
        newToday: { "today: \($0) of \($1) new" },
        homeKeys: "↑↓ select · Enter study · s stats · / search · c custom · x exam · a all · l level · t tag · ? help · q quit",
        nothingToStudy: "Nothing to study here right now",
        lastActionNotRecorded:
            "What you did last (an answer, an undo, a burial) was not recorded; everything before it is saved.",
        doneLabel: "done", leftLabel: "left",
        kindQuestion: "Question", kindTerm: "Term", kindDefinition: "Definition → term",
        kindCloze: "Fill in the gap", kindChoice: "Choose one answer",
        kindChoiceSeveral: "Choose every right answer", kindOpen: "Open question",
        yourAnswer: "Your answer: ", answerLabel: "Answer", modelAnswerLabel: "Model answer",
        keyPointsLabel: "Key points (tick those you covered)",
        verdictCorrect: "Correct!", verdictClose: "Accepted", verdictWrong: "Wrong",
        verdictBlank: "No answer given",
        questionKeys: "Space show answer · u undo · b bury · ! suspend · e edit · ? help · q end",
        typingKeys: "Enter check · Esc end · F1 help · F2 undo · F3 bury · F4 suspend",
        choiceKeys: "1–9 choose · ↑↓ Space mark · Enter check · u undo · ? help · q end",
        gradeKeys: "1–4 grade · u undo · b bury · ! suspend · e edit · ? help · q end",
        keyPointKeys: "↑↓ Space tick",
        more: "PgDn for more",
        tooSmall: "Terminal too small (need 40×10)",
        severalGaps: "Separate the answers of the gaps with “;”.",
        buried: "Card buried until tomorrow", suspended: "Card suspended",
        undone: "Last answer undone", nothingToUndo: "Nothing to undo",
        burialUndone: "Burial undone: the card is back", suspensionUndone: "Suspension undone: the card is back",
        reloaded: "Deck reloaded", cardRemoved: "The card as it was is gone from its file (removed or reworded)",
        summaryTitle: "Session finished", studiedLabel: "Cards studied",
        correctLabel: "Answered correctly", timeLabel: "Time", nextDueLabel: "Next cards due",
        dueTomorrowLabel: "Due by tomorrow", nothingDue: "nothing scheduled",
        summaryKeys: "Enter home · u undo · q quit", now: "now",
        helpTitle: "Keys",
        helpLines: [
            "Space, Enter     show answer / check / grade",
            "1 2 3 4          Again · Hard · Good · Easy",
            "← →  Enter       pick a button and grade",
            "↑ ↓  Space       mark an option / tick a key point",
            "u, F2            undo the last answer",
            "b, F3            bury until tomorrow",
            "!, F4            suspend",
            "e, F5            edit the card in $EDITOR",
            "/  c  (home)     search cards · custom study",
            "s                statistics (home screen)",
            "x                exam date of the row (home screen)",
            "a  l  t          study all · level · tag (home screen)",
            "?, F1            this help",
            "q, Esc           end the session; F10 quits",
            "",
            "On the Kazakh layout the digit keys work as typed:",
            "\" ә і ң = 1 2 3 4, and й г и у = q u b e.",
        ],
        helpKeys: "Esc, q, ? close · F10 quit",
        plainNotice: "jatta: not a terminal, using plain mode (--plain)",
        plainRevealPrompt: "[Enter shows the answer, q ends]",
        plainTypePrompt: "Type your answer:",
        plainChoicePrompt: "Type the number (several separated by spaces):",
        plainGradePrompt: "Grade: 1 Again · 2 Hard · 3 Good · 4 Easy (Enter takes the suggestion)",
        plainTickPrompt: "Numbers of the key points you covered (space separated), then the grade:",
        plainUnknownInput: "Not understood; ? for help",
        reloadErrorCount: { "\($0) error\($0 == 1 ? "" : "s")" },
        reloadRestHint: "jatta check shows the rest",
        reloadKeptCard: "This card keeps its last good version for this session",
        levelOutOfRange: "--level must be 1, 2 or 3",
        negativeLimits: "limits cannot be negative",
        moreDeckErrors: { "… \($0) more errors (jatta check)" },
        localeNotUTF8: { "jatta: the locale is not UTF-8 (\($0)); using C.UTF-8" },
        notATerminal: { "jatta: not a terminal; use \($0)" },
        termUnset: {
            "jatta: TERM is not set, so the full-screen interface cannot start. Set TERM (e.g. xterm-256color) or use \($0)"
        },
        termDumb: { "jatta: the terminal TERM=\($0) cannot move the cursor; use \($1)" },
        termUnknown: { "jatta: the terminal TERM=\($0) is not in the terminfo database; set TERM=xterm-256color or use \($1)" },
        cursesFailed: { "jatta: curses could not start; use \($0)" },
        allOrIDs: "give --all or ids, not both",
        allOrIDsNeeded: "give the ids to remove (as jatta exam shows them), or --all",
        noneSuspended: "No suspended cards.",
        suspendedHeading: "Suspended cards:",
        unsuspendHowTo: "Bring one back: jatta unsuspend ID · all of them: jatta unsuspend --all",
        unsuspendedCard: { "Unsuspended: \($0)" },
        notSuspended: { "\($0) is not suspended" },
        unknownCard: { "jatta: no card '\($0)' in the progress database" }
    )
}
