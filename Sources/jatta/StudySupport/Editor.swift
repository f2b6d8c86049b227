import DeckFormat
import Foundation
import Study
import TerminalUI

/// Runs the student's editor on a deck file and gives it the terminal.
///
/// The editor is started in a process group of its own, which is made the
/// terminal's foreground group (so it can read keys and set the terminal's
/// modes without being stopped by SIGTTIN/SIGTTOU); jatta waits for it,
/// continuing it if it was stopped before it got the terminal, then takes
/// the terminal back. SIGTTOU is ignored meanwhile: jatta, then in the
/// background, must be allowed to take the terminal back.
enum Editor {
    /// Opens `location` in the editor named by the environment and waits
    /// for it to end.
    static func open(_ location: SourceLocation, environment: [String: String]) -> EditorOutcome {
        guard let words = EditorCommand.words(environment: environment), let program = words.first else {
            let named = environment["VISUAL"] ?? environment["EDITOR"] ?? ""
            return .failed(command: named, status: nil)
        }
        let command = EditorCommand(
            editor: words, file: location.file, line: location.line,
            currentDirectory: FileManager.default.currentDirectoryPath)
        return run(command.arguments, program: program)
    }

    /// Spawns `arguments` (searching `PATH` for the program) and waits.
    static func run(_ arguments: [String], program: String) -> EditorOutcome {
        let terminal = STDIN_FILENO
        // Job control only where jatta holds the terminal: its own group is
        // the foreground group of the terminal on standard input.
        let ownsTerminal = isatty(terminal) == 1 && tcgetpgrp(terminal) == getpgrp()

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for caught in [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGABRT, SIGPIPE, SIGUSR1, SIGUSR2, SIGALRM, SIGTTOU, SIGTTIN,
            SIGTSTP, SIGCHLD]
        {
            sigaddset(&defaults, caught)
        }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        // The thread running the session blocks most signals (the runtime's
        // worker threads do); the editor must not inherit that mask, or it
        // could not be interrupted or stopped.
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        posix_spawnattr_setsigmask(&attributes, &unblocked)
        var flags = Int32(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK)
        if ownsTerminal {
            flags |= Int32(POSIX_SPAWN_SETPGROUP)
            posix_spawnattr_setpgroup(&attributes, 0)
        }
        posix_spawnattr_setflags(&attributes, Int16(flags))

        let previousTTOU = signal(SIGTTOU, SIG_IGN)
        defer { signal(SIGTTOU, previousTTOU) }

        var pid: pid_t = 0
        let cArguments = arguments.map { strdup($0) } + [nil]
        defer { cArguments.forEach { free($0) } }
        let spawned = posix_spawnp(&pid, program, nil, &attributes, cArguments, environ)
        guard spawned == 0 else {
            return spawned == ENOENT ? .notFound(command: program) : .failed(command: program, status: nil)
        }
        if ownsTerminal { tcsetpgrp(terminal, pid) }
        var status: Int32 = 0
        var forwarded = false
        while true {
            // Polled rather than blocking: a stop signal may be handled on
            // another thread and would not interrupt a blocking waitpid.
            let waited = waitpid(pid, &status, WUNTRACED | WNOHANG)
            if waited < 0 {
                if errno == EINTR { continue }
                break
            }
            if waited == 0 {
                // A stop signal for jatta while the editor runs (the editor is
                // in its own group and did not get it): pass it on, so the
                // editor ends as it would have in jatta's group, and the
                // session ends after it.
                if !forwarded, let signal = StopSignals.pending {
                    forwarded = true
                    kill(-pid, signal)
                    kill(-pid, SIGCONT)
                }
                usleep(50_000)
                continue
            }
            if Self.stopped(status) {
                // Stopped before it had the terminal (or by Ctrl-Z inside it):
                // give it the terminal and let it go on.
                if ownsTerminal { tcsetpgrp(terminal, pid) }
                kill(-pid, SIGCONT)
                kill(pid, SIGCONT)
                continue
            }
            break
        }
        if ownsTerminal { tcsetpgrp(terminal, getpgrp()) }
        if Self.exited(status) {
            let code = (status >> 8) & 0xff
            return code == 0 ? .saved : .failed(command: program, status: code)
        }
        return .failed(command: program, status: 128 + (status & 0x7f))
    }

    static func stopped(_ status: Int32) -> Bool { status & 0xff == 0x7f }
    static func exited(_ status: Int32) -> Bool { status & 0x7f == 0 }
}
