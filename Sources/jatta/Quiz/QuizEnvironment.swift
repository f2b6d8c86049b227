import Foundation

/// Where the progress database lives. Only the executable reads the
/// environment.
enum QuizEnvironment {
    /// The progress database: `--db` wins, then `JATTA_DB`, then
    /// `$XDG_DATA_HOME/jatta/progress.sqlite`, then
    /// `~/.local/share/jatta/progress.sqlite`.
    static func databasePath(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let option, !option.isEmpty { return option }
        if let path = environment["JATTA_DB"], !path.isEmpty { return path }
        let base: String
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty {
            base = xdg
        } else {
            base = (environment["HOME"] ?? NSHomeDirectory()) + "/.local/share"
        }
        return base + "/jatta/progress.sqlite"
    }
}
