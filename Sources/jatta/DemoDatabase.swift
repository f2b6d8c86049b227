import Foundation
import TerminalUI

/// The throw-away progress database of `jatta study --demo`: a fresh file
/// in a private temporary folder, removed when the session ends, so a first
/// try-out never writes into the student's real progress.
struct DemoDatabase {
    /// The private folder holding the database (mode 0700).
    let folder: String

    /// The database file inside `folder`.
    var path: String { folder + "/progress.sqlite" }

    /// Makes the folder under `temporaryDirectory` (`$TMPDIR` or /tmp). A
    /// random name created without intermediate folders fails rather than
    /// reuse a folder someone else put there.
    static func create(temporaryDirectory: String) throws -> DemoDatabase {
        let base = temporaryDirectory.hasSuffix("/") ? String(temporaryDirectory.dropLast()) : temporaryDirectory
        let folder = base + "/jatta-demo-" + UUID().uuidString
        try FileManager.default.createDirectory(
            atPath: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        return DemoDatabase(folder: folder)
    }

    /// Deletes the folder and everything the session wrote there.
    func remove() {
        try? FileManager.default.removeItem(atPath: folder)
    }

    /// Said when the demo starts and again when it ends.
    static func notice(language: Language) -> String {
        switch language {
        case .kk: return "jatta: демо режимі: жауаптар уақытша дерекқорға жазылып, соңында өшіріледі; нағыз прогресіңізге тиіспейді."
        case .en: return "jatta: demo: answers go to a throw-away database that is deleted at the end; your real progress is not touched."
        }
    }
}
