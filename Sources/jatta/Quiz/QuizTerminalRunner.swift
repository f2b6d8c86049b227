import Foundation
import Study
import TerminalUI

/// Runs a quiz full-screen: draws the session, turns keys into inputs and
/// sends a tick every quarter second so the timer moves and runs out even
/// while the student is thinking.
enum QuizTerminalRunner {
    /// Runs until the student leaves the report, a signal stops the quiz or
    /// the terminal is lost; returns the final session, the mistakes to
    /// study if the student asked, and the exit status of a stop (128+N for
    /// signal N, 129 for a lost terminal).
    static func run(
        _ start: QuizSession, backend: NcursesBackend, strings: QuizStrings, handle: (QuizEffect, QuizSession) -> Void
    ) -> (session: QuizSession, studyKeys: [String]?, stopStatus: Int32?) {
        var session = start
        var studyKeys: [String]? = nil
        var stopStatus: Int32? = nil
        loop: while true {
            backend.draw(QuizView.view(session, size: backend.size, strings: strings))
            if let signal = StopSignals.take() { stopStatus = 128 + signal }
            if backend.isHungUp { stopStatus = StopSignals.hangUpStatus }
            if stopStatus != nil {
                // Ctrl-C or a dropped connection: end the quiz so its report
                // and results are still written, then leave.
                for effect in session.apply(.input(.quit, at: Date())) where effect != .exit { handle(effect, session) }
                break loop
            }
            let key = backend.readKey(timeoutMilliseconds: 250)
            let now = Date()
            let event: QuizEvent =
                key.flatMap { SmallScreen.quizInput(for: $0, in: session, size: backend.size) }.map { .input($0, at: now) } ?? .tick(now)
            for effect in session.apply(event) {
                switch effect {
                case .exit:
                    break loop
                case .studyMistakes(let keys):
                    studyKeys = keys
                    break loop
                default:
                    handle(effect, session)
                }
            }
        }
        return (session, studyKeys, stopStatus)
    }
}
