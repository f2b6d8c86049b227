import DeckFormat
import Foundation
import ReviewStore

/// `jatta check --against REV`: the cards whose identity the edits since
/// REV change, so that an instructor hears of a progress reset before the
/// students meet it.
enum IdentityCheck {
    /// The identity changes of `files` since `against`: a file (an earlier
    /// copy of the one deck checked) or a git revision (each file as it was
    /// there; a file git does not know there is new, so nothing changes).
    /// `store` counts the faces with progress in this database.
    static func diagnostics(files: [String], against: String, store: ProgressStore?) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for file in files {
            guard let oldBytes = earlierVersion(of: file, against: against, single: files.count == 1),
                let newBytes = FileManager.default.contents(atPath: file)
            else { continue }
            let old = DeckParser.parse(oldBytes, file: file).deck
            let new = DeckParser.parse([UInt8](newBytes), file: file).deck
            for change in IdentityChanges.compare(old: old, new: new) {
                let keys = change.old.faces.map(\.key)
                let withProgress = store.flatMap { try? $0.progress(for: keys).count }
                found.append(IdentityChanges.diagnostic(change, facesWithProgress: withProgress))
            }
        }
        return found
    }

    /// The earlier bytes of `file`: the file `against` names when it exists
    /// and one deck is checked, else `git show REV:./NAME` run in the
    /// file's folder.
    static func earlierVersion(of file: String, against: String, single: Bool) -> [UInt8]? {
        var isDirectory: ObjCBool = false
        if single, FileManager.default.fileExists(atPath: against, isDirectory: &isDirectory), !isDirectory.boolValue {
            return FileManager.default.contents(atPath: against).map { [UInt8]($0) }
        }
        let url = URL(fileURLWithPath: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", url.deletingLastPathComponent().path, "show", "\(against):./\(url.lastPathComponent)"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? [UInt8](data) : nil
    }
}
