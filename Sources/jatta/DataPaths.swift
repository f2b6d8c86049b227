import Foundation

/// Where jatta keeps and finds things on disk.
enum DataPaths {
    /// The progress database: `--db`, else `JATTA_DB`, else
    /// `$XDG_DATA_HOME/jatta/progress.sqlite`, else
    /// `~/.local/share/jatta/progress.sqlite`.
    static func database(option: String?, environment: [String: String]) -> String {
        if let option, !option.isEmpty { return option }
        if let env = environment["JATTA_DB"], !env.isEmpty { return env }
        let dataHome: String
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            dataHome = xdg
        } else {
            let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
            dataHome = home + "/.local/share"
        }
        return dataHome + "/jatta/progress.sqlite"
    }

    /// The decks to open when none are named: `./decks` when it exists,
    /// else the folder installed beside the binary (`../share/jatta/decks`),
    /// else none (the home screen then says how to name decks).
    static func defaultDecks(currentDirectory: String, executable: String) -> [String] {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        let local = currentDirectory + "/decks"
        if fm.fileExists(atPath: local, isDirectory: &isDir), isDir.boolValue { return ["decks"] }
        let binDir = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
        let shared = binDir.deletingLastPathComponent().appendingPathComponent("share/jatta/decks").path
        if fm.fileExists(atPath: shared, isDirectory: &isDir), isDir.boolValue { return [shared] }
        return []
    }

    /// Creates the folder that will hold `file`.
    static func createParent(of file: String) throws {
        let parent = URL(fileURLWithPath: file).deletingLastPathComponent().path
        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
    }
}
