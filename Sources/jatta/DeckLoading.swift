import DeckFormat
import DeckIndex
import Foundation

/// How commands read decks: through the compiled deck index (`DeckIndex`)
/// in the student's cache, so a start parses only the files that changed.
///
/// The index is a cache: what a command shows never depends on it. It lives
/// in `$JATTA_DECK_INDEX` when that names a folder, else
/// `$XDG_CACHE_HOME/jatta/deck-index`, else `~/.cache/jatta/deck-index`;
/// `JATTA_DECK_INDEX=off` reads every file with the parser alone.
enum DeckLoading {
    /// The decks `paths` name, as `DeckLibrary.load` reads them.
    static func load(paths: [String], environment: [String: String] = ProcessEnvironment.variables)
        -> DeckLibrary.Result
    {
        load(paths: paths, index: directory(environment: environment))
    }

    /// The decks `paths` name, through the index in the folder `index`, or
    /// with the parser alone when it is nil.
    static func load(paths: [String], index directory: String?) -> DeckLibrary.Result {
        // The bytes of the deck files met so far: a large collection's
        // memory is asked for in huge pages (`AllocatorSetup`).
        var collection = 0
        func meet(_ bytes: Int) {
            guard collection < AllocatorSetup.hugePagesFrom else { return }
            collection += bytes
            if collection >= AllocatorSetup.hugePagesFrom { AllocatorSetup.useHugePages() }
        }
        guard let directory else {
            return DeckLibrary.load(paths: paths) { bytes, file in
                meet(bytes.count)
                RegistryFingerprints.shared.forget(file)
                return DeckParser.parse(bytes, file: file)
            }
        }
        var index: DeckIndex?
        // Each file's content hash, for the cross-deck lint's cache.
        var hashes: [String: UInt64] = [:]
        // Taken before any file is looked at (`DeckIndex.now`).
        let now = Int(Date().timeIntervalSince1970.rounded(.down))
        var result = DeckLibrary.load(paths: paths) { file, read in
            // Small files are parsed, not indexed: checking an entry costs
            // more than parsing them (`smallestIndexed`). A file's size
            // from its name alone; the index checks it again.
            var status = stat()
            let found = stat(file, &status) == 0
            if found { meet(Int(status.st_size)) }
            guard found, Int(status.st_size) >= smallestIndexed else {
                RegistryFingerprints.shared.forget(file)
                guard let bytes = read() else { return nil }
                hashes[file] = DeckIndex.contentHash(of: bytes)
                return DeckParser.parse(bytes, file: file)
            }
            let made = index ?? DeckIndex(directory: directory, stamp: stamp, now: now)
            index = made
            let loaded = made.load(
                file: file, read: read,
                derive: { parsed in RegistryFingerprints.of(parsed.deck).map { UInt64(bitPattern: $0) } },
                writing: .later(DeckIndexWrites.add))
            guard let loaded else { return nil }
            hashes[file] = loaded.contentHash
            RegistryFingerprints.shared.keep(loaded.derived.map { Int64(bitPattern: $0) }, for: file)
            return loaded.parsed
        } lint: { decks in
            // Only where some file is indexed: small collections lint in
            // less time than reading the kept result takes.
            guard let index else { return DeckLinter.lint(decks) }
            return index.crossDeckLint(decks, hashes: hashes, compute: DeckLinter.lint)
        }
        result.contentHashes = hashes
        return result
    }

    /// Deck files smaller than this are parsed, not indexed: below it,
    /// checking an entry (stat, reading it and the file, two hashes) costs
    /// about what parsing costs. Measured (release build, `perf stat`
    /// task-clock of `study --plain`, five rounds of 40 alternating): the
    /// bundled decks (18–54 KB each) took 17.8–20.0 ms indexed against
    /// 20.9–23.3 ms parsed, as the parser's lint (the giveaway check's stemming)
    /// and the cross-deck lint are read back instead of done again; a
    /// single 4 KB or 19 KB deck took the same either way within the noise.
    static let smallestIndexed = 16 * 1024

    /// The index folder for an environment (pure, so the rule is testable).
    static func directory(environment: [String: String]) -> String? {
        if let chosen = environment["JATTA_DECK_INDEX"], !chosen.isEmpty {
            return chosen == "off" ? nil : chosen
        }
        // The XDG spec says relative values are invalid and must be ignored.
        if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") {
            return (cache as NSString).appendingPathComponent("jatta/deck-index")
        }
        guard let home = environment["HOME"], home.hasPrefix("/") else { return nil }
        return (home as NSString).appendingPathComponent(".cache/jatta/deck-index")
    }

    /// This build of jatta: the index layout's version, and the size and
    /// modification time of the executable. Another build — a new parser —
    /// finds every entry stamped otherwise and rebuilds it.
    /// Read with `stat`, not Foundation's attributes of the file (a
    /// dictionary of every attribute and a date: a tenth of a millisecond
    /// at every start).
    static let stamp: String = {
        let layout = "6"
        var status = stat()
        guard stat(RunningExecutable.path, &status) == 0 else { return layout }
        return "\(layout):\(status.st_size):\(status.st_mtim.tv_sec):\(status.st_mtim.tv_nsec)"
    }()
}
