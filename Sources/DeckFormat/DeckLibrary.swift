import Foundation

/// Loads the decks a command is given: files, or folders searched
/// recursively for `*.deck`.
public enum DeckLibrary {
    /// The decks read, in path order, and every problem found.
    public struct Result: Hashable, Sendable {
        public var decks: [Deck]
        /// Read errors, parse diagnostics and cross-deck lint
        /// (`DeckLinter`), sorted by place.
        public var diagnostics: [Diagnostic]
        /// The files that were read, sorted.
        public var files: [String]

        public init(decks: [Deck], diagnostics: [Diagnostic], files: [String]) {
            self.decks = decks
            self.diagnostics = diagnostics
            self.files = files
        }

        /// True when a path could not be read or held no deck.
        public var hasUnreadablePaths: Bool {
            diagnostics.contains { $0.code == "unreadable" || $0.code == "no-decks" }
        }
    }

    /// Reads every path: a file is read whatever its extension; a folder is
    /// searched recursively for `*.deck` files, skipping hidden entries. Files
    /// are parsed in sorted path order, each once (however many names lead to it). A missing or unreadable
    /// path, or a folder with no deck, becomes an error diagnostic with line 0
    /// (no place inside a file), its reason in both languages. `parse` turns
    /// one file's bytes into a deck: the parser, or a compiled index in front
    /// of it that gives back what the parser would.
    public static func load(
        paths: [String], parse: (_ bytes: [UInt8], _ file: String) -> ParsedDeck = { DeckParser.parse($0, file: $1) }
    ) -> Result {
        var files: [String] = []
        var diagnostics: [Diagnostic] = []
        for path in paths {
            switch DeckFiles.find(path) {
            case .success(let found):
                if found.isEmpty {
                    diagnostics.append(DeckIssue.noDecks(path: path).at(SourceLocation(file: path, line: 0, column: 0)))
                }
                files.append(contentsOf: found)
            case .failure(let error):
                diagnostics.append(unreadable(path, error))
            }
        }
        // One file named twice (`a.deck`, `./a.deck`, a symbolic link) is
        // read once, under the first name in sorted order.
        var seen = Set<String>()
        files = files.sorted().filter { seen.insert(URL(fileURLWithPath: $0).resolvingSymlinksInPath().path).inserted }
        var decks: [Deck] = []
        for file in files {
            switch DeckFiles.read(file) {
            case .success(let bytes):
                let parsed = parse(bytes, file)
                decks.append(parsed.deck)
                diagnostics.append(contentsOf: parsed.diagnostics)
            case .failure(let error):
                diagnostics.append(unreadable(file, error))
            }
        }
        diagnostics.append(contentsOf: DeckLinter.lint(decks))
        return Result(decks: decks, diagnostics: stableSorted(diagnostics), files: files)
    }

    /// A path that could not be read, the system's reason worded in each
    /// language rather than English inside the Kazakh message.
    static func unreadable(_ path: String, _ failure: DeckFiles.Failure) -> Diagnostic {
        let place = SourceLocation(file: path, line: 0, column: 0)
        var diagnostic = DeckIssue.unreadable(path: path, reason: failure.reasonEN).at(place)
        diagnostic.messageKK = DeckIssue.unreadable(path: path, reason: failure.reasonKK).at(place).messageKK
        return diagnostic
    }

    /// Sorted by place; diagnostics at one place keep their order.
    public static func stableSorted(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.enumerated().sorted { a, b in
            if a.element.location != b.element.location { return a.element.location < b.element.location }
            return a.offset < b.offset
        }.map(\.element)
    }
}

/// File-system access for `DeckLibrary`.
enum DeckFiles {
    /// Why a path could not be read, in Kazakh and in English.
    struct Failure: Error {
        var reasonKK: String
        var reasonEN: String

        static let missing = Failure(reasonKK: "мұндай файл да, қалта да жоқ", reasonEN: "no such file or folder")
        static let unlistable = Failure(reasonKK: "қалтаның ішін оқу мүмкін емес", reasonEN: "cannot list the folder")
        static let unreadable = Failure(
            reasonKK: "оқуға рұқсат жоқ немесе бұл кәдімгі файл емес", reasonEN: "permission denied or not a regular file")
    }

    /// The deck files a path names.
    static func find(_ path: String) -> Swift.Result<[String], Failure> {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return .failure(.missing)
        }
        guard isDirectory.boolValue else { return .success([path]) }
        guard let enumerator = FileManager.default.enumerator(atPath: path) else {
            return .failure(.unlistable)
        }
        var found: [String] = []
        let prefix = path.hasSuffix("/") ? path : path + "/"
        while let entry = enumerator.nextObject() as? String {
            let name = entry.split(separator: "/").last.map(String.init) ?? entry
            if name.hasPrefix(".") {
                enumerator.skipDescendants()
                continue
            }
            guard name.hasSuffix(".deck") else { continue }
            var entryIsDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: prefix + entry, isDirectory: &entryIsDirectory),
                !entryIsDirectory.boolValue
            {
                found.append(prefix + entry)
            }
        }
        return .success(found)
    }

    /// The bytes of a file.
    static func read(_ path: String) -> Swift.Result<[UInt8], Failure> {
        guard FileManager.default.isReadableFile(atPath: path), let data = FileManager.default.contents(atPath: path)
        else {
            return .failure(.unreadable)
        }
        return .success([UInt8](data))
    }
}
