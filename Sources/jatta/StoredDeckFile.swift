import Foundation
import Synchronization

/// How the progress store names a deck file, whatever spelling reached the
/// command: `decks`, `./decks`, `/home/s/decks`, `decks/../decks`, a
/// symbolic link to the folder, `~/decks` or `$HOME/decks` all name one
/// file, and the store must see one file, or every card "moves to another
/// file" each time the student types the path otherwise (at 100,000 cards
/// that was 22 s of work and every answer summary moved).
///
/// The stored name is the file's absolute path with every symbolic link
/// resolved (`realpath`); a file that cannot be resolved (gone, or not
/// readable on the way) gets its absolute path made lexically: `.` and
/// `..` taken out, slashes folded. The student never reads that name
/// raw: `shown(_:)` gives it back relative to the current folder when the
/// file is under it, so `stats` and `history` say `decks/lecture-1.deck`
/// in the folder the student works in (docs/progress-store.md, "Deck
/// file names").
enum StoredDeckFile {
    /// The stored name of each spelling met in this process: resolving is
    /// a few system calls, and a deck file's name is asked once per deck,
    /// never per card.
    private static let resolved = Mutex<[String: String]>([:])

    /// The current folder with its links resolved, read once: names under
    /// it are shown relative to it.
    private static let currentFolder: String? = {
        FileManager.default.currentDirectoryPath.withCString { path in
            guard let real = realpath(path, nil) else { return nil }
            defer { free(real) }
            return String(cString: real)
        }
    }()

    /// The name the store keeps for the deck file `file` (as the command
    /// was given it, or as the store already holds it).
    static func of(_ file: String) -> String {
        if let known = resolved.withLock({ $0[file] }) { return known }
        let name = canonical(file, from: FileManager.default.currentDirectoryPath)
        resolved.withLock { $0[file] = name }
        return name
    }

    /// `file`'s stored name, a relative spelling read from the folder
    /// `folder` (pure apart from the file system, so the rule is testable).
    static func canonical(_ file: String, from folder: String) -> String {
        let absolute = file.hasPrefix("/") ? file : folder + "/" + file
        if let real = realpath(absolute, nil) {
            defer { free(real) }
            return String(cString: real)
        }
        return lexical(absolute)
    }

    /// An absolute path with `.`, `..` and repeated slashes taken out,
    /// without asking the file system (for a file that is gone).
    static func lexical(_ absolute: String) -> String {
        var parts: [Substring] = []
        for part in absolute.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(part)
            }
        }
        return "/" + parts.joined(separator: "/")
    }

    /// How a stored deck file name is shown: relative to the current
    /// folder when the file is under it, else as stored (an absolute
    /// path, or a name an older jatta stored as it was typed).
    static func shown(_ stored: String) -> String { shown(stored, in: currentFolder) }

    /// `shown(_:)` for the current folder `folder` (nil: unknown, names as stored).
    static func shown(_ stored: String, in folder: String?) -> String {
        guard let folder, stored.hasPrefix("/") else { return stored }
        let prefix = folder == "/" ? "/" : folder + "/"
        guard stored.hasPrefix(prefix), stored.count > prefix.count else { return stored }
        return String(stored.dropFirst(prefix.count))
    }
}
