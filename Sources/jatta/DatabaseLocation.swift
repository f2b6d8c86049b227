import Foundation
import ReviewStore

/// Where the progress database lives: `--db PATH`, else `JATTA_DB`, else
/// `$XDG_DATA_HOME/jatta/progress.sqlite`, else
/// `~/.local/share/jatta/progress.sqlite`. Pure, so the rule is testable; the
/// caller passes the environment.
enum DatabaseLocation {
    /// The database path for an optional `--db` value and an environment.
    static func resolve(option: String?, environment: [String: String]) throws -> String {
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 }
        if let option, !option.isEmpty { return expandTilde(option, home: home) }
        if let fromEnvironment = environment["JATTA_DB"], !fromEnvironment.isEmpty {
            return expandTilde(fromEnvironment, home: home)
        }
        // The XDG spec says relative values are invalid and must be ignored.
        if let dataHome = environment["XDG_DATA_HOME"], dataHome.hasPrefix("/") {
            return join(dataHome, "jatta/progress.sqlite")
        }
        guard let home else { throw StoreError(.cannotOpen, path: "~/.local/share/jatta/progress.sqlite", detail: "HOME is not set") }
        return join(home, ".local/share/jatta/progress.sqlite")
    }

    /// Creates the database's folder if missing, readable only by its owner:
    /// on a shared server other students have no business reading it.
    static func prepareDirectory(for path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        guard !folder.isEmpty else { return }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) {
            if isDirectory.boolValue { return }
            throw StoreError(.cannotCreateDirectory, path: folder, detail: "a file of that name exists")
        }
        do {
            try FileManager.default.createDirectory(
                atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw StoreError(.cannotCreateDirectory, path: folder, detail: error.localizedDescription)
        }
    }

    private static func expandTilde(_ path: String, home: String?) -> String {
        guard let home, path == "~" || path.hasPrefix("~/") else { return path }
        return home + path.dropFirst()
    }

    private static func join(_ base: String, _ rest: String) -> String {
        base.hasSuffix("/") ? base + rest : base + "/" + rest
    }
}
