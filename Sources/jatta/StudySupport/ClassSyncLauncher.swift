import Foundation
import ReviewStore

/// Starts `jatta sync --quiet` in the background when a study or quiz
/// session ends, if the store has joined a class: the session ends at once,
/// the sync runs in its own session (so the terminal's Ctrl-C does not reach
/// it), prints nothing unless the server cannot be reached, and the next
/// sync catches up if it fails. Costs one settings read when no class is
/// joined; libpq is never loaded into the study process. The session's
/// decks go along (`--deck=PATH`, so no path is read as an option): the
/// sync sends where each card sits in them and the readiness forecast for
/// the class's exam date, which need the decks.
enum ClassSyncLauncher {
    static func afterSession(store: ProgressStore, deckPaths: [String]) {
        guard (try? store.setting(ClassSettings.classID)) != nil else { return }
        let executable = "/proc/self/exe"
        let arguments = ["jatta", "sync", "--quiet", "--db", store.path] + deckPaths.map { "--deck=" + $0 }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // POSIX_SPAWN_SETSID (glibc 2.26+), whose macro Swift does not see.
        let setsid: Int16 = 0x80
        posix_spawnattr_setflags(&attributes, setsid)
        var argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        _ = posix_spawn(&pid, executable, &actions, &attributes, &argv, environ)
    }
}
