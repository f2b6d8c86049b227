import ArgumentParser
import DeckFormat
import Foundation
import ReviewStore
import Study
import TerminalUI

/// What `study` and `quiz` do around their sessions, done one way for both:
/// find and load the decks, report their errors, open the progress store
/// (refusing one that cannot be written before the first question), check
/// the locale and `TERM`, choose plain or full screen, start curses, catch
/// the stop signals, and turn how a session ended into the exit status.
struct SessionHost {
    /// The process environment (read here, never by the sessions).
    let environment: [String: String]
    /// The interface language.
    let language: Language
    /// How this command runs without curses, as messages name it.
    let plainCommand: String

    /// The interface strings.
    var strings: Strings { language.strings }

    // MARK: Decks

    /// The deck paths of a command: those given, else the default places.
    static func deckPaths(_ given: [String]) -> [String] {
        guard given.isEmpty else { return given }
        return DeckLocation.defaults(currentDirectory: FileManager.default.currentDirectoryPath, executable: RunningExecutable.path)
    }

    /// Reads the decks at `paths`, with every problem found. The one place
    /// sessions load decks, at start and after editing a card. Without
    /// `indexed` (a demo, which leaves no file behind) no deck index is read
    /// or written: every file is parsed.
    static func loadDecks(paths: [String], indexed: Bool = true) -> DeckLibrary.Result {
        guard indexed else { return DeckLoading.load(paths: paths, index: nil) }
        return DeckLoading.load(paths: paths)
    }

    /// Prints the first deck errors (and how many more there are) to
    /// standard error; returns all of them.
    @discardableResult
    func reportDeckErrors(_ library: DeckLibrary.Result) -> [Diagnostic] {
        let errors = library.diagnostics.filter { $0.severity == .error }
        for d in errors.prefix(5) {
            Self.warn(DiagnosticFormatter.brief(d, language: language))
        }
        if errors.count > 5 {
            Self.warn(strings.moreDeckErrors(errors.count - 5))
        }
        return errors
    }

    /// Ends the command (65, no usable card) when deck files were found
    /// but none holds a card and no error says why: a new, empty deck.
    /// Left to the session, study said no decks were found and quiz that no
    /// question matched a level or tag nobody chose.
    func exitIfNoCards(_ library: DeckLibrary.Result) throws {
        guard !library.files.isEmpty, library.decks.allSatisfy({ $0.cards.isEmpty }),
            !library.diagnostics.contains(where: { $0.severity == .error })
        else { return }
        throw fail(strings.noCards(library.files), 65)
    }

    // MARK: Store

    /// Opens the student's store, or an empty one in memory when nothing is
    /// to be recorded. A store that cannot be written is refused here, before
    /// the first question, rather than at the first answer.
    func openStore(_ database: DatabaseOptions, recording: Bool = true) throws -> ProgressStore {
        do {
            guard recording else { return try ProgressStore() }
            let store = try database.openStore()
            try store.checkWritable()
            return store
        } catch let error as StoreError {
            throw fail(storeMessage(error), 74)
        } catch {
            throw fail("jatta: \(error)", 74)
        }
    }

    /// A store error as the sessions report it.
    /// The store's message in the session's language, with the place it
    /// concerns (the database, or the folder that could not be made): the
    /// student must know which file to look at.
    func storeMessage(_ error: StoreError) -> String {
        "jatta: \(TerminalText.oneLine(error.path)): " + error.message(language: language.rawValue)
    }

    // MARK: Terminal

    /// Checks the locale, then decides between the full screen and plain
    /// mode: plain when asked for or when input or output is not a terminal
    /// (said once on standard error); a terminal `TERM` cannot drive is an
    /// error naming the plain command.
    func usesPlainMode(requested: Bool) throws -> Bool {
        if let codeset = TerminalCheck.ensureUTF8Locale() {
            Self.warn(strings.localeNotUTF8(codeset))
        }
        if requested { return true }
        if !TerminalCheck.isInteractive {
            Self.warn(strings.plainNotice)
            return true
        }
        if let problem = TerminalCheck.check(term: environment["TERM"]) {
            switch problem {
            case .notATerminal:
                return true
            case .termUnset, .termDumb, .termUnknown:
                throw fail(strings.terminalProblem(problem, plainCommand: plainCommand), 64)
            }
        }
        return false
    }

    /// Starts curses (and catches the full screen's stop signals).
    func startFullScreen(colors: Bool = true) throws -> NcursesBackend {
        guard let backend = NcursesBackend(term: environment["TERM"] ?? "", colors: colors) else {
            throw fail(strings.cursesFailed(plainCommand), 64)
        }
        return backend
    }

    /// Starts plain mode: catches the stop signals and reads standard input
    /// so that a signal or a lost terminal ends the session at once.
    func startPlain() -> InputLines {
        StopSignals.install(StopSignals.always)
        return InputLines()
    }

    // MARK: Ending

    /// Turns how a session ended into the command's end: nothing when the
    /// student ended it (but the message and status of a failed write when
    /// standard output refused the session's text), the status 128+N of a
    /// signal or 129 of a lost terminal (answers are saved by then), 74
    /// when the store failed (saying what was lost when it failed to record
    /// an action), 70 for anything else.
    func finish(_ failure: Error?) throws {
        guard let failure else {
            // Every answer is saved by now: only the output was lost.
            SessionOutput.endIfOutputFailed()
            return
        }
        if let exit = failure as? ExitCode { throw exit }
        if let lost = failure as? UnrecordedAction {
            throw fail(storeMessage(lost.error) + "\njatta: " + strings.lastActionNotRecorded, 74)
        }
        if let error = failure as? StoreError { throw fail(storeMessage(error), 74) }
        throw fail("jatta: \(failure)", 70)
    }

    /// Says `message` on standard error and gives the exit code to throw.
    func fail(_ message: String, _ code: Int32) -> ExitCode {
        Self.warn(message)
        return ExitCode(code)
    }

    static func warn(_ message: String) {
        SessionOutput.write(message + "\n", to: STDERR_FILENO)
    }
}
