import DeckFormat
import Foundation
import ReviewStore
import TerminalUI

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
        func report(_ change: IdentityChanges.Change, offersFix: Bool = true) {
            let keys = change.old.faces.map(\.key)
            let withProgress = store.flatMap { try? $0.progress(for: keys).count }
            found.append(IdentityChanges.diagnostic(change, facesWithProgress: withProgress, offersFix: offersFix))
        }
        // What no file kept, for the moves between files below.
        var lost: [Card] = []
        var added: [Card] = []
        var oldIDs = Set<CardID>()
        var newKeeps = Set<CardID>()
        let single = files.count == 1 && namesFile(against)
        for file in files {
            guard let newBytes = FileManager.default.contents(atPath: file) else { continue }
            let new = DeckParser.parse([UInt8](newBytes), file: file).deck
            newKeeps.formUnion(new.cards.flatMap { [$0.id] + $0.formerIDs })
            guard let oldBytes = earlierVersion(of: file, against: against, single: files.count == 1) else {
                // New since the revision: each card is added.
                added += new.cards
                continue
            }
            let old = DeckParser.parse(oldBytes, file: file).deck
            oldIDs.formUnion(old.cards.map(\.id))
            let comparison = IdentityChanges.comparison(old: old, new: new)
            comparison.changes.forEach { report($0) }
            lost += comparison.lost
            added += comparison.added
        }
        // Deck files of the revision that are gone now (a deck merged into
        // another): each card is lost.
        if !single {
            for file in removedFiles(since: against, besides: files) {
                guard let oldBytes = earlierVersion(of: file, against: against, single: false) else { continue }
                let old = DeckParser.parse(oldBytes, file: file).deck
                oldIDs.formUnion(old.cards.map(\.id))
                lost += old.cards
            }
        }
        for change in IdentityChanges.moves(lost: lost, added: added, oldIDs: oldIDs, newKeeps: newKeeps) {
            report(change, offersFix: false)
        }
        return found
    }

    /// The deck files the revision `against` had in the folders of `files`
    /// that are not there now (`git ls-tree`), named as `files` name theirs.
    static func removedFiles(since against: String, besides files: [String]) -> [String] {
        let present = Set(files.map { URL(fileURLWithPath: $0).standardizedFileURL.path })
        var removed: [String] = []
        var folders: [String] = []
        for file in files {
            let folder = (file as NSString).deletingLastPathComponent
            if !folders.contains(folder) { folders.append(folder) }
        }
        for folder in folders {
            guard let listing = git(["ls-tree", "--name-only", against, "./"], in: folder.isEmpty ? "." : folder) else { continue }
            for name in String(decoding: listing, as: UTF8.self).split(separator: "\n") where name.hasSuffix(".deck") {
                let path = folder.isEmpty ? String(name) : (folder as NSString).appendingPathComponent(String(name))
                if !present.contains(URL(fileURLWithPath: path).standardizedFileURL.path), !FileManager.default.fileExists(atPath: path) {
                    removed.append(path)
                }
            }
        }
        return removed
    }

    /// Why `against` cannot be compared with `files`, or nil: it must name
    /// an earlier copy of the deck when one deck is checked, else a commit
    /// that git knows in the folder of every file. A mistyped revision (or
    /// a copy that is not there) compared nothing and said "No problems",
    /// so a guard in CI passed without checking.
    static func unusable(_ against: String, files: [String], language: Language) -> String? {
        if namesFile(against) {
            if files.count <= 1 { return nil }
            return language.pick(
                kk: "--against \(against): бұл файл, ал файлмен тек бір десте салыстырылады (\(files.count) файл берілді); бір дестені немесе git нұсқасын атаңыз",
                en: "--against \(against): a file compares with one deck only (\(files.count) were given); name one deck, or a git revision")
        }
        let folders = Set(files.map { URL(fileURLWithPath: $0).deletingLastPathComponent().path }).sorted()
        for folder in folders where git(["rev-parse", "--verify", "--quiet", "\(against)^{commit}"], in: folder) == nil {
            return language.pick(
                kk: "--against \(against): мұндай файл жоқ, және ол \(folder) ішіндегі git нұсқасы емес (git rev-parse оны таппады)",
                en: "--against \(against): no such file, and not a git revision in \(folder) (git rev-parse does not know it)")
        }
        return nil
    }

    /// Whether `against` names a file (an earlier copy of a deck), not a
    /// revision.
    static func namesFile(_ against: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: against, isDirectory: &isDirectory) && !isDirectory.boolValue
    }

    /// What `git ARGUMENTS`, run in `folder`, writes to standard output, or
    /// nil when it cannot run or fails.
    private static func git(_ arguments: [String], in folder: String) -> Data? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", folder] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? data : nil
    }

    /// The earlier bytes of `file`: the file `against` names when it exists
    /// and one deck is checked, else `git show REV:./NAME` run in the
    /// file's folder.
    static func earlierVersion(of file: String, against: String, single: Bool) -> [UInt8]? {
        if single, namesFile(against) {
            return FileManager.default.contents(atPath: against).map { [UInt8]($0) }
        }
        let url = URL(fileURLWithPath: file)
        return git(["show", "\(against):./\(url.lastPathComponent)"], in: url.deletingLastPathComponent().path).map { [UInt8]($0) }
    }
}
