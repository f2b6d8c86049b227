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
        /// Whether no two cards of `decks` share an id: the cross-deck lint
        /// found no duplicate (before its findings were capped per file).
        /// Then no face key comes twice either (a reverse face's key adds
        /// `/reverse`, and no id holds a `/`), so walks over every face need
        /// no set of the keys seen.
        public var idsAreDistinct: Bool
        /// Each file's content hash as its loader took it, by file name;
        /// empty when the loader keeps none (the parser alone).
        public var contentHashes: [String: UInt64] = [:]

        public init(decks: [Deck], diagnostics: [Diagnostic], files: [String], idsAreDistinct: Bool = false) {
            self.decks = decks
            self.diagnostics = diagnostics
            self.files = files
            self.idsAreDistinct = idsAreDistinct
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
    /// of it that gives back what the parser would. `lint` is the
    /// cross-deck lint of all decks: `DeckLinter.lint`, or a cache in front
    /// of it that gives back what it would.
    public static func load(
        paths: [String], parse: (_ bytes: [UInt8], _ file: String) -> ParsedDeck = { DeckParser.parse($0, file: $1) },
        lint: ([Deck]) -> [Diagnostic] = DeckLinter.lint
    ) -> Result {
        load(paths: paths, open: { file, read in read().map { parse($0, file) } }, lint: lint)
    }

    /// `load(paths:parse:lint:)` where `open` turns one file into a deck
    /// given a way to read its bytes, which it need not use (a compiled
    /// index that can tell the file is unchanged without reading it); nil
    /// when `read` gave nothing (the file could not be read, which is
    /// reported).
    public static func load(
        paths: [String], open: (_ file: String, _ read: () -> [UInt8]?) -> ParsedDeck?,
        lint: ([Deck]) -> [Diagnostic]
    ) -> Result {
        var files: [String] = []
        var diagnostics: [Diagnostic] = []
        for path in paths {
            switch DeckFiles.find(path) {
            case .success(let found):
                if found.files.isEmpty && found.problems.isEmpty {
                    diagnostics.append(DeckIssue.noDecks(path: path).at(SourceLocation(file: path, line: 0, column: 0)))
                }
                files.append(contentsOf: found.files)
                diagnostics.append(contentsOf: found.problems.map { unreadable($0.path, $0.failure) })
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
            var failure: DeckFiles.Failure?
            let parsed = open(file) {
                switch DeckFiles.read(file) {
                case .success(let bytes): return bytes
                case .failure(let error):
                    failure = error
                    return nil
                }
            }
            if let parsed {
                decks.append(parsed.deck)
                diagnostics.append(contentsOf: parsed.diagnostics)
            } else {
                diagnostics.append(unreadable(file, failure ?? .unreadable))
            }
        }
        let found = lint(decks)
        let idsAreDistinct = !found.contains { DeckLinter.duplicateCodes.contains($0.code) }
        diagnostics.append(contentsOf: capped(found, after: diagnostics))
        return Result(
            decks: decks, diagnostics: stableSorted(diagnostics), files: files, idsAreDistinct: idsAreDistinct)
    }

    /// `lint` within the per-file limit the parser keeps
    /// (`DeckParser.diagnosticsPerFile`, counting what `earlier` already
    /// holds for the file), with one note per file for the rest: a deck of
    /// 100,000 copies of one prompt must not print 100,000 warnings.
    static func capped(_ lint: [Diagnostic], after earlier: [Diagnostic]) -> [Diagnostic] {
        var counts: [String: Int] = [:]
        for diagnostic in earlier { counts[diagnostic.location.file, default: 0] += 1 }
        var kept: [Diagnostic] = []
        var dropped: [String: (count: Int, last: SourceLocation)] = [:]
        for diagnostic in lint {
            let file = diagnostic.location.file
            if counts[file, default: 0] < DeckParser.diagnosticsPerFile {
                counts[file, default: 0] += 1
                kept.append(diagnostic)
            } else {
                let count = (dropped[file]?.count ?? 0) + 1
                dropped[file] = (count, max(dropped[file]?.last ?? diagnostic.location, diagnostic.location))
            }
        }
        for (_, drop) in dropped.sorted(by: { $0.key < $1.key }) {
            kept.append(DeckIssue.tooManyDiagnostics(dropped: drop.count).at(drop.last))
        }
        return kept
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

extension DeckLibrary {
    /// The files under `folder` whose names `wanted` holds for, walked as a
    /// folder of decks is (any depth, hidden entries skipped, links to
    /// folders not followed), sorted; and each place that could not be
    /// read, with why in Kazakh and English. Nil when `folder` itself
    /// cannot be listed.
    public static func files(
        under folder: String, wanted: (_ name: String) -> Bool
    ) -> (files: [String], problems: [(path: String, reasonKK: String, reasonEN: String)])? {
        guard case .success(let found) = DeckFiles.find(folder, wanted: wanted) else { return nil }
        return (found.files.sorted(), found.problems.map { ($0.path, $0.failure.reasonKK, $0.failure.reasonEN) })
    }
}

/// File-system access for `DeckLibrary`.
enum DeckFiles {
    /// Why a path could not be read, in Kazakh and in English.
    struct Failure: Error {
        var reasonKK: String
        var reasonEN: String

        static let missing = Failure(reasonKK: "мұндай файл да, қалта да жоқ", reasonEN: "no such file or folder")
        static func unlistable(errno code: Int32) -> Failure {
            code == EACCES
                ? Failure(reasonKK: "қалтаның ішін оқуға рұқсат жоқ", reasonEN: "cannot list the folder: permission denied")
                : Failure(reasonKK: "қалтаның ішін оқу мүмкін емес", reasonEN: "cannot list the folder")
        }
        static let loop = Failure(
            reasonKK: "символдық сілтемелер тұйық шеңбер құрайды (сілтеме өзіне қайта апарады)",
            reasonEN: "symbolic link loop (the link leads back to itself)")
        static let permissionDenied = Failure(reasonKK: "оқуға рұқсат жоқ", reasonEN: "permission denied")
        static let notUTF8Name = Failure(
            reasonKK: "файл аты UTF-8 емес (Windows zip-тен келген CP1251 болуы мүмкін); атын өзгертіңіз, мысалы: convmv -f cp1251 -t utf-8 --notest ФАЙЛ",
            reasonEN: "the file name is not UTF-8 (perhaps CP1251 from a Windows zip file); rename it, e.g. convmv -f cp1251 -t utf-8 --notest FILE")
        static let unreadable = Failure(
            reasonKK: "оқуға рұқсат жоқ немесе бұл кәдімгі файл емес", reasonEN: "permission denied or not a regular file")
    }

    /// The deck files a folder walk found, and the places it could not go.
    struct Found {
        /// Deck files, in walk order.
        var files: [String] = []
        /// Subfolders that could not be listed and deck files that cannot be
        /// opened by name: reported, never skipped in silence.
        var problems: [(path: String, failure: Failure)] = []
    }

    /// The deck files a path names. Walks with `opendir`/`readdir` rather than
    /// FileManager's enumerator, which skips unreadable subfolders without a
    /// word and cannot give back a name that is not UTF-8.
    static func find(_ path: String, wanted: (_ name: String) -> Bool = isDeckName) -> Swift.Result<Found, Failure> {
        var info = stat()
        guard stat(path, &info) == 0 else { return .failure(failure(errno: errno, path: path)) }
        guard (info.st_mode & S_IFMT) == S_IFDIR else { return .success(Found(files: [path])) }
        var found = Found()
        guard walk(path, wanted: wanted, into: &found) else { return .failure(.unlistable(errno: errno)) }
        return .success(found)
    }

    /// Whether a file found in a folder is a deck file.
    static func isDeckName(_ name: String) -> Bool { name.hasSuffix(".deck") }

    /// Adds the files under `folder` whose names are `wanted` (hidden
    /// entries skipped, symbolic links to folders not followed, so a link
    /// cycle cannot loop); false when `folder` itself cannot be listed.
    private static func walk(_ folder: String, wanted: (String) -> Bool, into found: inout Found) -> Bool {
        guard let directory = opendir(folder) else { return false }
        defer { closedir(directory) }
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        var subfolders: [String] = []
        while let entry = readdir(directory) {
            let nameBytes = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
            guard let first = nameBytes.first, first != UInt8(ascii: ".") else { continue }
            guard let name = String(validating: nameBytes, as: UTF8.self) else {
                // Not UTF-8 (CP1251 names from Windows zip files): the path
                // cannot be named to open it, so say so with a readable name.
                let legacy = legacyName(nameBytes)
                if wanted(legacy) {
                    found.problems.append((prefix + legacy, .notUTF8Name))
                }
                continue
            }
            let path = prefix + name
            var info = stat()
            var isFolder = Int32(entry.pointee.d_type) == Int32(DT_DIR)
            if Int32(entry.pointee.d_type) == Int32(DT_UNKNOWN), lstat(path, &info) == 0 {
                isFolder = (info.st_mode & S_IFMT) == S_IFDIR
            }
            if isFolder {
                subfolders.append(path)
                continue
            }
            guard wanted(name) else { continue }
            if stat(path, &info) != 0 {
                found.problems.append((path, failure(errno: errno, path: path)))
            } else if (info.st_mode & S_IFMT) != S_IFDIR {
                found.files.append(path)
            }
        }
        for subfolder in subfolders where !walk(subfolder, wanted: wanted, into: &found) {
            found.problems.append((subfolder, .unlistable(errno: errno)))
        }
        return true
    }

    /// Why `stat` failed on a path the user named or a walk found.
    static func failure(errno code: Int32, path: String) -> Failure {
        switch code {
        case ELOOP: .loop
        case EACCES: .permissionDenied
        // A name given on the command line that was not UTF-8 reaches us
        // with U+FFFD in place of its bytes.
        case ENOENT where path.unicodeScalars.contains("\u{FFFD}"): .notUTF8Name
        case ENOENT, ENOTDIR: .missing
        default: Failure(reasonKK: String(cString: strerror(code)), reasonEN: String(cString: strerror(code)))
        }
    }

    /// A file name that is not UTF-8, read as Windows-1251 (the usual
    /// culprit for Kazakh and Russian names) so the user can find it.
    static func legacyName(_ bytes: [UInt8]) -> String {
        String(data: Data(bytes), encoding: .windowsCP1251) ?? String(decoding: bytes, as: UTF8.self)
    }

    /// The bytes of a file. A regular file is read straight into the array
    /// (through `Data` it was copied twice: 37 MB of copies and page faults
    /// at 100,000 cards); anything else the way Foundation reads it.
    static func read(_ path: String) -> Swift.Result<[UInt8], Failure> {
        if let bytes = readRegular(path) { return .success(bytes) }
        guard FileManager.default.isReadableFile(atPath: path), let data = FileManager.default.contents(atPath: path)
        else {
            return .failure(.unreadable)
        }
        return .success([UInt8](data))
    }

    /// The bytes of a regular file read whole, or nil (not a regular file,
    /// unreadable, or changing size while read) for `read` to try otherwise.
    private static func readRegular(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        let size = Int(info.st_size)
        var complete = false
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            var done = 0
            if let base = buffer.baseAddress {
                while done < size {
                    let n = Foundation.read(fd, base + done, size - done)
                    if n < 0, errno == EINTR { continue }
                    guard n > 0 else { break }
                    done += n
                }
            }
            initialized = done
            // One more byte read means the file grew while it was read.
            var extra: UInt8 = 0
            complete = done == size && Foundation.read(fd, &extra, 1) == 0
        }
        return complete ? bytes : nil
    }
}
