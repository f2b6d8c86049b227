import Foundation

/// The signal that asked the session to stop, set by the handlers; the
/// loops poll it between keys and lines (a handler may do nothing else
/// safely).
nonisolated(unsafe) private var pendingStopSignal: Int32 = 0

/// The signals that end a study or quiz session, caught so the session can
/// leave the way it always does: answers saved, the terminal restored, exit
/// status 128 + the signal's number.
///
/// The handlers are installed without `SA_RESTART`, so a blocking `read` or
/// `poll` returns at once with `EINTR` and the loop notices the signal within
/// its poll interval, whatever the state of the terminal.
public enum StopSignals {
    /// Ctrl-C, `kill`, a hang-up, Ctrl-\ and `abort`: stop in any mode. The
    /// last two are caught because the Swift runtime would otherwise start
    /// its crash reporter, which reads the dead or borrowed terminal forever
    /// (100% CPU) or draws over the interface.
    public static let always: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGABRT]

    /// Signals whose default action kills without a word: harmless in plain
    /// mode, but in the full screen they would leave the terminal in the
    /// alternate screen with the cursor hidden. (Plain mode keeps SIGPIPE's
    /// default: a closed pipe on standard output ends it quietly.)
    public static let fullScreen: [Int32] = [SIGPIPE, SIGUSR1, SIGUSR2, SIGALRM]

    /// Catches `signals`. A SIGHUP that was ignored when jatta started
    /// (`nohup`) stays ignored: the session still ends when the terminal is
    /// lost, because a hang-up is also read from the terminal itself.
    public static func install(_ signals: [Int32]) {
        for signalNumber in signals {
            var previous = sigaction()
            sigaction(signalNumber, nil, &previous)
            if signalNumber == SIGHUP, unsafeBitCast(previous.__sigaction_handler.sa_handler, to: Int.self) == 1 {
                continue  // SIG_IGN
            }
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { pendingStopSignal = $0 }
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(signalNumber, &action, nil)
        }
    }

    /// Lets Ctrl-\ (SIGQUIT) and SIGABRT end a command as the system does.
    /// Left to the Swift runtime, they start its interactive crash reporter,
    /// which waits for a key on standard input — forever, at 100% CPU, when
    /// that input has failed — for commands that read standard input
    /// without a session (`fsrs replay`).
    public static func leaveQuitToTheSystem() {
        signal(SIGQUIT, SIG_DFL)
        signal(SIGABRT, SIG_DFL)
    }

    /// The signal that asked the program to stop, if one arrived; reading it
    /// clears it.
    public static func take() -> Int32? {
        let s = pendingStopSignal
        pendingStopSignal = 0
        return s == 0 ? nil : s
    }

    /// The stop signal waiting, if any, without clearing it.
    public static var pending: Int32? { pendingStopSignal == 0 ? nil : pendingStopSignal }

    /// The exit status of a session stopped by a lost terminal: as if
    /// SIGHUP had ended it (128 + 1), whether or not a SIGHUP came.
    public static let hangUpStatus: Int32 = 128 + SIGHUP
}
