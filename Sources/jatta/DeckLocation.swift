import Foundation

/// Where jatta finds decks when none are named.
enum DeckLocation {
    /// The decks to open when none are named: `./decks` when it exists,
    /// else the folder installed beside the binary (`../share/jatta/decks`),
    /// else none (the home screen then says how to name decks).
    static func defaults(currentDirectory: String, executable: String) -> [String] {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        let local = currentDirectory + "/decks"
        if fm.fileExists(atPath: local, isDirectory: &isDir), isDir.boolValue { return ["decks"] }
        let binDir = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
        let shared = binDir.deletingLastPathComponent().appendingPathComponent("share/jatta/decks").path
        if fm.fileExists(atPath: shared, isDirectory: &isDir), isDir.boolValue { return [shared] }
        return []
    }
}
