import Foundation

/// Why the progress store refused or failed: a value with a place (the
/// database path) and a message in Kazakh and English, so the executable can
/// print it and exit non-zero without losing anything.
public struct StoreError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong, as a case the caller can match on.
    public enum Kind: Hashable, Sendable {
        /// The database carries migrations this jatta does not know.
        case newerSchema(unknownMigrations: [String])
        /// The file is not an SQLite database at all.
        case notADatabase
        /// An SQLite database, but not one of jatta's (another program's data).
        case foreignDatabase
        /// SQLite reports the file as malformed.
        case corrupt
        /// A stored value that jatta cannot have written (text in a numeric
        /// column, a negative learning step, NaN stability…), with the card
        /// key it belongs to and what is wrong.
        case corruptValue(key: String, what: String)
        /// The path names a folder, a device or a FIFO, not a database file.
        case notAFile(FileKind)
        /// The file or its folder cannot be written.
        case readOnly
        /// The file or its folder cannot be opened or created.
        case cannotOpen
        /// The folder for the database could not be created.
        case cannotCreateDirectory
        /// The disk (or the configured page limit) is full.
        case diskFull
        /// Another process held the write lock for longer than the busy timeout,
        /// on every retry.
        case busy
        /// A read or write failed at the operating-system level.
        case ioError
        /// An operation named a card key the registry has never seen.
        case unknownCard(key: String)
        /// Undo was refused because the card changed after the entry to undo.
        case undoConflict(key: String)
        /// A value that cannot be stored faithfully (NaN stability, a date out
        /// of range, a negative duration).
        case invalidValue(String)
        /// Any other SQLite failure, with its result code.
        case sqlite(code: Int32)
    }

    /// What a path names when it is not a regular file.
    public enum FileKind: Hashable, Sendable {
        case folder
        case device
        case fifo
        case socket
    }

    /// What went wrong.
    public var kind: Kind
    /// The database path the error concerns (":memory:" for an in-memory store).
    public var path: String
    /// The message for Kazakh-speaking users.
    public var kazakh: String
    /// The message for English-speaking users.
    public var english: String
    /// SQLite's own wording, when there is one, for bug reports.
    public var detail: String?

    /// Builds an error with messages chosen from `kind`.
    public init(_ kind: Kind, path: String, detail: String? = nil) {
        self.kind = kind
        self.path = path
        self.detail = detail
        (self.kazakh, self.english) = Self.messages(for: kind)
    }

    /// Both languages, the place first, as printed by the executable.
    public var description: String {
        var text = "\(path): \(kazakh)\n\(path): \(english)"
        if let detail { text += "\n(\(detail))" }
        return text
    }

    /// The message in one language: `kk` for Kazakh, anything else English.
    public func message(language: String) -> String {
        language.hasPrefix("kk") ? kazakh : english
    }

    private static func messages(for kind: Kind) -> (String, String) {
        switch kind {
        case .newerSchema(let unknown):
            let list = unknown.joined(separator: ", ")
            return (
                "Үлгерім дерекқорын jatta-ның жаңарақ нұсқасы жазған (белгісіз миграция: \(list)). jatta-ны жаңартыңыз; дерекқор өзгертілген жоқ.",
                "The progress database was written by a newer jatta (unknown migration: \(list)). Update jatta; the database was not changed."
            )
        case .notADatabase:
            return (
                "Бұл файл үлгерім дерекқоры емес (SQLite дерекқоры емес). Файлға тиіскен жоқ; басқа жолды --db арқылы көрсетіңіз.",
                "This file is not a progress database (not an SQLite database). It was left untouched; give another path with --db."
            )
        case .foreignDatabase:
            return (
                "Бұл SQLite файлы jatta-ның үлгерім дерекқоры емес, басқа бағдарламаның деректері. Файлға тиіскен жоқ; басқа жолды --db арқылы көрсетіңіз.",
                "This SQLite file belongs to another program, not to jatta. It was left untouched; give another path with --db."
            )
        case .corrupt:
            return (
                "Үлгерім дерекқоры бүлінген. Файлға тиіскен жоқ; оны сақтық көшірмеден қалпына келтіріңіз немесе басқа жолды --db арқылы көрсетіңіз.",
                "The progress database is damaged. It was left untouched; restore it from a backup or give another path with --db."
            )
        case .corruptValue(let key, let what):
            return (
                "Үлгерім дерекқоры бүлінген: «\(key)» картасының мәні жарамсыз (\(what)). Файлға тиіскен жоқ; оны сақтық көшірмеден қалпына келтіріңіз немесе басқа жолды --db арқылы көрсетіңіз.",
                "The progress database is damaged: card “\(key)” has an impossible value (\(what)). It was left untouched; restore it from a backup or give another path with --db."
            )
        case .notAFile(let fileKind):
            let (kk, en): (String, String)
            switch fileKind {
            case .folder: (kk, en) = ("бума", "a folder")
            case .device: (kk, en) = ("құрылғы", "a device")
            case .fifo: (kk, en) = ("FIFO (аталған арна)", "a FIFO (named pipe)")
            case .socket: (kk, en) = ("сокет", "a socket")
            }
            return (
                "Бұл жол дерекқор файлы емес, \(kk). Оған тиіскен жоқ; дерекқор файлының жолын --db арқылы көрсетіңіз.",
                "This path is \(en), not a database file. It was left untouched; give the path of a database file with --db."
            )
        case .readOnly:
            return (
                "Үлгерім дерекқорына жазу мүмкін емес: файл немесе оның қалтасы тек оқуға арналған. Ештеңе жазылған жоқ.",
                "Cannot write the progress database: the file or its folder is read-only. Nothing was recorded."
            )
        case .cannotOpen:
            return (
                "Үлгерім дерекқорын ашу мүмкін емес (қалта жоқ немесе рұқсат жоқ). Ештеңе жазылған жоқ.",
                "Cannot open the progress database (missing folder or no permission). Nothing was recorded."
            )
        case .cannotCreateDirectory:
            return (
                "Үлгерім дерекқорына арналған қалтаны құру мүмкін емес.",
                "Cannot create the folder for the progress database."
            )
        case .diskFull:
            return (
                "Дискіде орын қалмады: үлгерім дерекқорына жазу мүмкін болмады. Бұрын жазылған үлгерім сақталған. Орын босатып, қайталап көріңіз.",
                "No space left on the disk: the progress database could not be written. Progress recorded before is intact. Free some space and try again."
            )
        case .busy:
            return (
                "Үлгерім дерекқорын басқа jatta процесі тым ұзақ бұғаттап тұр; қайталап көріңіз.",
                "Another jatta process kept the progress database locked for too long; try again."
            )
        case .ioError:
            return (
                "Үлгерім дерекқорын оқу немесе жазу кезінде енгізу-шығару қатесі болды.",
                "An input/output error occurred while reading or writing the progress database."
            )
        case .unknownCard(let key):
            return (
                "«\(key)» кілті бар карта үлгерім дерекқорында тіркелмеген.",
                "No card with key “\(key)” is registered in the progress database."
            )
        case .undoConflict(let key):
            return (
                "Болдырмау мүмкін емес: «\(key)» картасы сол жауаптан кейін басқа сеанста өзгертілген.",
                "Cannot undo: card “\(key)” was changed by another session after that answer."
            )
        case .invalidValue(let what):
            return (
                "Жарамсыз мәнді сақтау мүмкін емес: \(what).",
                "Cannot store an invalid value: \(what)."
            )
        case .sqlite(let code):
            return (
                "Үлгерім дерекқорында күтпеген қате (SQLite коды \(code)).",
                "Unexpected error in the progress database (SQLite code \(code))."
            )
        }
    }
}
