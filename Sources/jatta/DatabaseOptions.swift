import ArgumentParser
import Foundation
import TerminalUI
import ReviewStore

/// The `--db` option shared by every command that reads or writes progress.
struct DatabaseOptions: ParsableArguments {
    /// An explicit database path; see `DatabaseLocation` for the fallbacks.
    @Option(
        name: .customLong("db"),
        help: ArgumentHelp(
            "Progress database (default: $JATTA_DB, else $XDG_DATA_HOME/jatta/progress.sqlite, else ~/.local/share/jatta/progress.sqlite).",
            valueName: "path"))
    var path: String?

    func validate() throws {
        // An empty --db is a mistake (an unset shell variable), not a wish
        // for the default database.
        if let path, path.isEmpty {
            throw ValidationError("--db бос болмауы керек / --db needs a path, not an empty string")
        }
    }

    /// The path this invocation uses.
    func resolvedPath() throws -> String {
        try DatabaseLocation.resolve(option: path, environment: ProcessEnvironment.variables)
    }

    /// Opens the store for writing, creating its folder and file when missing.
    func openStore() throws -> ProgressStore {
        let path = try resolvedPath()
        try DatabaseLocation.prepareDirectory(for: path)
        return try ProgressStore(path: path)
    }

    /// Opens the store only if the file exists: reading commands must not
    /// leave an empty database behind, nor write a schema into an empty
    /// file. nil when there is no database yet, or an empty file.
    func openExistingStore() throws -> ProgressStore? {
        let path = try resolvedPath()
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        if ProgressStore.isUnwritten(path: path) { return nil }
        do {
            return try ProgressStore(path: path)
        } catch let error as StoreError where [.readOnly, .cannotOpen, .diskFull].contains(error.kind) {
            // A database in a folder the student cannot write (a copy handed
            // in, a shared read-only folder, a full disk) can still be read; a
            // command that then writes gets the error at that write.
            let folder = (path as NSString).deletingLastPathComponent
            guard access(folder.isEmpty ? "." : folder, W_OK) != 0 || access(path, W_OK) != 0
                || error.kind == .diskFull
            else { throw error }
            return try ProgressStore(path: path, options: StoreOptions(readOnly: true))
        }
    }
}

/// Prints a store error (both languages, with the path) to standard error and
/// gives the exit code: the one way commands end on a store failure.
enum StoreFailure {
    /// Says why the store failed, in the command's language (both, one
    /// line each, for a command that has none: `debug`), naming the file
    /// (`jatta: PATH: message`, as the sessions say it), with the system's
    /// own words after it when there are any.
    static func exit(_ error: any Error, language: Language?) -> ExitCode {
        let text: String
        if let error = error as? StoreError {
            let path = "jatta: \(TerminalText.oneLine(error.path)): "
            let detail = error.detail.map { " (\(TerminalText.oneLine($0)))" } ?? ""
            text = (language.map { [$0] } ?? [.kk, .en]).map { path + error.message(language: $0.rawValue) + detail }
                .joined(separator: "\n")
        } else {
            text = "jatta: " + TerminalText.oneLine("\(error)")
        }
        Console.errorLine(text)
        return ExitCode(1)
    }
}
