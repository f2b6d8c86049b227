import Study

/// What keys may do while the terminal is below the views' minimum size and
/// the screen shows only "terminal too small": nothing that acts on a card
/// the student cannot see, and no help that cannot be drawn either (opened
/// unseen, it took the next q, which then only closed it). Resizing,
/// closing help and leaving still work.
public enum SmallScreen {
    /// Whether `size` can show the trainer.
    public static func fitsTrainer(_ size: TerminalSize) -> Bool {
        size.width >= TrainerView.minimumSize.width && size.height >= TrainerView.minimumSize.height
    }

    /// Whether `size` can show the quiz.
    public static func fitsQuiz(_ size: TerminalSize) -> Bool {
        size.width >= QuizView.minimumSize.width && size.height >= QuizView.minimumSize.height
    }

    /// The trainer action a key gives on a screen of `size`: the key map's,
    /// but only help, leave and quit when the screen is too small.
    public static func trainerAction(for key: Key, in context: KeyContext, size: TerminalSize) -> TrainerAction? {
        guard let action = KeyMap.action(for: key, in: context) else { return nil }
        if fitsTrainer(size) { return action }
        switch action {
        case .toggleHelp: return context == .help ? action : nil
        case .back, .quit: return action
        default: return nil
        }
    }

    /// The quiz input a key gives on a screen of `size`: the key map's, but
    /// only leaving when the screen is too small.
    public static func quizInput(for key: Key, in session: QuizSession, size: TerminalSize) -> QuizInput? {
        guard let input = QuizKeyMap.input(for: key, in: session) else { return nil }
        if fitsQuiz(size) { return input }
        switch input {
        case .quit, .requestStop: return input
        default: return nil
        }
    }

    /// How many pages the help takes on a screen of `size` (at least one).
    public static func helpPages(size: TerminalSize, strings: Strings) -> Int {
        HelpOverlay.pageCount(size: size, strings: strings)
    }
}
