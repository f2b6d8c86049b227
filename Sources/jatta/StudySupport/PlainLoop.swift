import ArgumentParser
import DeckFormat
import Foundation
import Study
import TerminalUI

/// The line-by-line loop of plain mode: print the screen as text, read a
/// line, update, perform the effects. Ends at end of input; a lost terminal
/// or a stop signal ends it with the exit status they call for.
struct PlainLoop: TrainerLoop {
    var state: TrainerState
    let strings: Strings
    let performer: EffectPerformer
    let reloadDecks: () -> DeckLibrary.Result
    let environment: [String: String]
    /// Standard input, read so that a signal or a lost terminal ends the
    /// loop at once.
    let input: InputLines

    /// Writes a line unbuffered, so a program driving jatta through a pipe
    /// sees each prompt before jatta waits for the answer.
    static func write(_ text: String) {
        SessionOutput.write(TerminalText.visible(text) + "\n", to: STDOUT_FILENO)
    }

    mutating func run() -> Error? {
        var plain = PlainMode(strings: strings)
        var lastPrinted = ""
        func show() {
            var text = plain.render(state)
            if state.showsHelp { text = ([strings.helpTitle] + strings.helpLines).joined(separator: "\n") }
            if text != lastPrinted, !text.isEmpty {
                Self.write(text)
                lastPrinted = text
            }
        }
        // Plain mode has no deck list: it studies what it was given.
        if case .home = state.mode, !state.catalog.decks.isEmpty {
            state = Trainer.update(state, TrainerEvent(.startAll, at: Date())).0
        }
        show()
        guard state.session != nil else { return nil }
        do { try performer.registerDecks(at: Date()) } catch { return error }
        while let line = input.next() {
            followClock()
            let actions = plain.actions(forLine: line, in: state)
            if actions.isEmpty { Self.write(strings.plainUnknownInput) }
            for action in actions {
                do {
                    if try apply(action, handingTerminalTo: { runEditor in runEditor() }) { return nil }
                } catch {
                    return error
                }
                if state.showsHelp {
                    show()
                    state.showsHelp = false
                }
            }
            show()
            if case .summary = state.mode { return nil }
        }
        keepCheckedAnswerOnLeaving()
        return input.exitStatus.map { ExitCode($0) }
    }
}
