import ArgumentParser
import DeckFormat
import Foundation
import Study
import TerminalUI

/// The full-screen loop: draw the view, read a key, update, perform the
/// effects. The only place the trainer meets a clock and a terminal.
struct CursesLoop: TrainerLoop {
    var state: TrainerState
    let strings: Strings
    let performer: EffectPerformer
    let reloadDecks: () -> DeckLibrary.Result
    let environment: [String: String]

    /// Runs until the student quits or a signal arrives, and restores the
    /// terminal however it ends. Returns nil when the student quit, the
    /// `ExitCode` 128+N when signal N stopped it or 129 when the terminal
    /// was lost (answers are saved by then), or the error that stopped
    /// saving.
    mutating func run(backend: NcursesBackend) -> Error? {
        defer { backend.end() }
        // Timing runs: the first card (`study` started straight on it), or
        // the first frame whatever it shows (the home screen).
        let traceFirstCard = environment["JATTA_EXIT_AFTER_FIRST_CARD"] == "1"
        let traceFirstFrame = environment["JATTA_EXIT_AFTER_FIRST_FRAME"] == "1"
        draw(backend)
        if traceFirstFrame || (traceFirstCard && state.session != nil) { return nil }
        do { try performer.registerDecks(at: Date()) } catch { return error }
        while true {
            if let signal = StopSignals.take() {
                keepCheckedAnswerOnLeaving()
                return ExitCode(128 + signal)
            }
            if Date() >= state.dayEnd {
                followClock()
                draw(backend)
            }
            guard let key = backend.readKey(timeoutMilliseconds: 250) else {
                // A lost terminal ends the session as a SIGHUP would.
                if backend.isHungUp {
                    keepCheckedAnswerOnLeaving()
                    return ExitCode(StopSignals.hangUpStatus)
                }
                continue
            }
            if key == .resize {
                draw(backend)
                continue
            }
            if key == .control("l") {
                backend.resume()
                draw(backend)
                continue
            }
            do {
                let quit = try handle(key, size: backend.size) { runEditor in
                    backend.suspend()
                    runEditor()
                    backend.resume()
                }
                // Below the minimum size the screen shows no card: keys that
                // would act on one do nothing.
                guard let quit else { continue }
                if quit { return nil }
            } catch {
                return error
            }
            draw(backend)
        }
    }

    func draw(_ backend: NcursesBackend) {
        backend.draw(TrainerView.view(state, size: backend.size, strings: strings, glyphs: glyphs))
    }

}

extension TrainerLoop {
    /// Help pages stop at the last one a screen of `size` shows, and so do
    /// the statistics' pages.
    mutating func fitPages(size: TerminalSize) {
        state.helpPage = min(state.helpPage, SmallScreen.helpPages(size: size, strings: strings) - 1)
        if case .statistics(var screen) = state.mode {
            let pages = StatisticsView.pageCount(screen, size: size, strings: strings, glyphs: glyphs)
            screen.page = min(screen.page, pages - 1)
            state.mode = .statistics(screen)
        }
    }

    /// What the full-screen loop does with a key on a screen of `size`: nil
    /// below the minimum size (no action), else whether the action quits,
    /// once it is applied and the pages are fitted.
    mutating func handle(_ key: Key, size: TerminalSize, handingTerminalTo handOver: (() -> Void) -> Void) throws
        -> Bool?
    {
        guard let action = SmallScreen.trainerAction(for: key, in: KeyContext(state), size: size) else { return nil }
        let quit = try apply(action, handingTerminalTo: handOver)
        fitPages(size: size)
        return quit
    }

    /// The full-screen loop's work for a key, and the frame it then draws.
    mutating func press(_ key: Key, size: TerminalSize) throws -> Screen {
        _ = try handle(key, size: size) { $0() }
        return TrainerView.view(state, size: size, strings: strings, glyphs: glyphs)
    }

    /// The statistics' chart characters, chosen as `jatta stats` chooses them.
    var glyphs: ChartGlyphs {
        ChartGlyphs.choose(
            asciiRequested: false, term: environment["TERM"], localeIsUTF8: StatsCommand.localeIsUTF8(environment))
    }
}
