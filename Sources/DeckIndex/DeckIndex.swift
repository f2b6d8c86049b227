import DeckFormat
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The compiled deck index: each deck file parsed once, kept in a binary
/// entry beside the status (`FileStatus`) and content hash of the file it
/// was parsed from, so a start with unchanged decks decodes entries
/// instead of parsing text — and reads neither the deck files nor the
/// entries' card bodies.
///
/// The deck files stay the only source of truth. An entry is used without
/// reading its file only when the file's size, modification and change
/// times, inode and device all equal the entry's, and the file had not
/// changed for a while when that status was taken (`FileStatus.isSettled`:
/// no later edit can keep the change time); else the file is read, and the
/// entry is used only when the content hash of its bytes equals the
/// entry's. It is used at all only when written by this very program
/// (`stamp`) for this very name. Anything else — a missing, damaged,
/// foreign or stale entry — is parsed from the file and the entry
/// rewritten, without a word: an index is a cache, and what it gives back
/// equals what the parser gives (tested).
///
/// One entry per deck file, named by a hash of the file's absolute path, in
/// `directory` (the executable puts it under `$XDG_CACHE_HOME/jatta/`).
/// Entries are written to a temporary name and renamed, so a reader never
/// sees half an entry; a failure to write is ignored (the next start
/// parses again).
public struct DeckIndex: Sendable {
    /// The folder holding the entries.
    public let directory: String
    /// Identifies the program writing entries (its format and build): an
    /// entry with another stamp is rebuilt, so a new parser never reads an
    /// old one's output.
    public let stamp: String
    /// Now, in seconds since 1970, taken by the caller before any file is
    /// looked at: the time an entry vouches for its file's status from.
    public let now: Int
    /// The folder relative deck paths are taken from (the current one when
    /// the index is made), for naming entries by absolute path.
    let workingDirectory: String

    public init(directory: String, stamp: String, now: Int) {
        self.init(directory: directory, stamp: stamp, now: now, workingDirectory: FileManager.default.currentDirectoryPath)
    }

    init(directory: String, stamp: String, now: Int, workingDirectory: String) {
        self.directory = directory
        self.stamp = stamp
        self.now = now
        self.workingDirectory = workingDirectory
    }

    /// What loading one file did.
    public enum Outcome: Sendable, Equatable {
        /// The entry matched and was decoded.
        case fromIndex
        /// The file was parsed; `entryWritten` tells whether the entry was
        /// (re)written, or handed to the caller's `EntryWriting.later`.
        case parsed(entryWritten: Bool)
    }

    /// When a parsed file's entry is written.
    public enum EntryWriting: Sendable {
        /// Before `load` returns.
        case now
        /// Handed to the function given, which runs it (on another
        /// thread, while the caller goes on with the deck) and must let it
        /// finish before the process ends: encoding and writing the entry
        /// of a 10,000-card file takes about 14 ms that a start need not
        /// wait for.
        case later(@Sendable (_ write: @escaping @Sendable () -> Void) -> Void)
    }

    /// The parsed deck for `file`: decoded from its entry when that entry
    /// matches the file — by its status alone, or else by the content hash
    /// of its bytes, which `read` gives — else parsed and the entry
    /// rewritten; nil when `read` gives nothing (the file cannot be read).
    /// `derive` makes a value from a freshly parsed deck that the entry
    /// keeps beside it (the executable keeps the registry's fingerprint of
    /// the deck there, so an unchanged file never computes it again); it is
    /// given back as `derived` either way, with the file's content hash.
    public func load(
        file: String, read: () -> [UInt8]?, derive: (ParsedDeck) -> UInt64? = { _ in nil },
        writing: EntryWriting = .now
    ) -> (parsed: ParsedDeck, outcome: Outcome, derived: UInt64?, contentHash: UInt64)? {
        let path = resolved(file)
        let entryPath = self.entryPath(for: path)
        // Taken before the bytes are read, so an edit while they are read
        // makes the two statuses differ (and no entry is written).
        let before = FileStatus.ofReadable(path)
        let entry = before == nil ? nil : EntryFile.load(entryPath).flatMap { entry in
            entry.header.stamp == stamp && entry.header.path == path && Self.sameParse(entry.header.file, file) ? entry : nil
        }
        if let entry, let before, entry.header.status == before, before.isSettled(before: entry.header.checkedAt),
            let (parsed, derived) = decode(entry, file: file, entryPath: entryPath)
        {
            return (parsed, .fromIndex, derived, entry.header.contentHash)
        }
        guard let bytes = read() else { return nil }
        let hash = bytes.withUnsafeBufferPointer(ContentHash.of)
        let after = FileStatus.ofReadable(path)
        let steady = before.flatMap { before in before == after && before.size == bytes.count ? before : nil }
        if let entry, entry.header.status.size == bytes.count, entry.header.contentHash == hash,
            let (parsed, derived) = decode(entry, file: file, entryPath: entryPath)
        {
            // The same bytes under another status (copied, touched, or
            // read too soon after an edit to vouch for it): once the
            // status can vouch, keep it, so later starts read nothing.
            if let steady, steady != entry.header.status || !steady.isSettled(before: entry.header.checkedAt),
                steady.isSettled(before: now)
            {
                refresh(entry, status: steady, entryPath: entryPath)
            }
            return (parsed, .fromIndex, derived, hash)
        }
        let parsed = DeckParser.parse(bytes, file: file)
        let derived = derive(parsed)
        guard let steady else {
            // The file changed while it was read: keep no entry for it.
            return (parsed, .parsed(entryWritten: false), derived, hash)
        }
        switch writing {
        case .now:
            let written = write(entryPath, path: path, status: steady, hash: hash, derived: derived, parsed: parsed)
            return (parsed, .parsed(entryWritten: written), derived, hash)
        case .later(let run):
            run { _ = write(entryPath, path: path, status: steady, hash: hash, derived: derived, parsed: parsed) }
            return (parsed, .parsed(entryWritten: true), derived, hash)
        }
    }

    /// `load(file:read:derive:)` for a file whose bytes are already read.
    public func load(
        _ bytes: [UInt8], file: String, derive: (ParsedDeck) -> UInt64? = { _ in nil }
    ) -> (parsed: ParsedDeck, outcome: Outcome, derived: UInt64?, contentHash: UInt64) {
        load(file: file, read: { bytes }, derive: derive)
            ?? (DeckParser.parse(bytes, file: file), .parsed(entryWritten: false), nil, Self.contentHash(of: bytes))
    }

    /// The entry file of a deck file.
    public func entryPath(for file: String) -> String {
        (directory as NSString).appendingPathComponent(CacheFile.name(for: resolved(file)) + ".deckindex")
    }

    // MARK: reading

    /// The deck in `entry` (its head checked when it was opened), with its
    /// bodies left in the entry file; nil when the head does not decode or
    /// the file's size does not fit the bodies it lists.
    private func decode(_ entry: EntryFile, file: String, entryPath: String) -> (ParsedDeck, UInt64?)? {
        var r = IndexReader(UnsafeBufferPointer(entry.head.bytes))
        do {
            let derived = try r.bool() ? try r.fixed64() : nil
            let bodiesLength = try r.number()
            var blockHashes: [UInt64] = []
            for _ in 0..<(try r.count()) { blockHashes.append(try r.fixed64()) }
            let recovery = EntryBodies.Recovery(
                path: entry.header.path, file: file, contentHash: entry.header.contentHash, entryPath: entryPath)
            guard let bodies = EntryBodies.of(entry, length: bodiesLength, blockHashes: blockHashes, recovery: recovery)
            else { return nil }
            // The cards' rows stay where they were read: the head is theirs.
            let parsed = try ParsedDeckCoding.decode(
                &r, owner: entry.head, file: file, bodies: CardBodySource(bodies), bodiesStart: bodies.start,
                bodiesLength: bodiesLength)
            return (parsed, derived)
        } catch {
            return nil
        }
    }

    // MARK: writing

    private func write(
        _ entryPath: String, path: String, status: FileStatus, hash: UInt64, derived: UInt64?, parsed: ParsedDeck
    ) -> Bool {
        var deckHead = IndexWriter()
        guard let bodies = ParsedDeckCoding.encode(parsed, into: &deckHead) else { return false }
        // Inside the head, so its hash covers them.
        var head = IndexWriter()
        head.bool(derived != nil)
        if let derived { head.fixed64(derived) }
        head.unsigned(UInt64(bodies.count))
        let blocks = bodies.withUnsafeBufferPointer { all in
            (0..<EntryBodies.blockCount(all.count)).map { EntryBodies.blockHash(all, block: $0) }
        }
        head.unsigned(UInt64(blocks.count))
        for block in blocks { head.fixed64(block) }
        head.bytes.append(contentsOf: deckHead.bytes)
        // The path as given too: the parser's messages are its own, and one
        // could name the file, so an entry serves only the name it was made
        // under (`decks/a.deck` and `/home/s/decks/a.deck` each get theirs).
        let header = EntryHeader(
            stamp: stamp, path: path, file: parsed.deck.file, status: status, checkedAt: now, contentHash: hash,
            headLength: head.bytes.count, headHash: head.bytes.withUnsafeBufferPointer(ContentHash.of))
        var w = IndexWriter()
        header.encode(into: &w)
        // Written part by part: the bodies (4 MB for 10,000 cards) are
        // not copied into one buffer with the head.
        return replace(entryPath, with: w.bytes, head.bytes, bodies)
    }

    /// Rewrites `entry` with its file's new `status`, checked now; its head
    /// and bodies as they are.
    private func refresh(_ entry: EntryFile, status: FileStatus, entryPath: String) {
        guard let rest = entry.rest(from: entry.headStart) else { return }
        var header = entry.header
        header.status = status
        header.checkedAt = now
        var w = IndexWriter()
        header.encode(into: &w)
        _ = replace(entryPath, with: w.bytes, rest)
    }

    /// Writes `parts`, one after the other, to `path` as a cache file
    /// (`CacheFile.replace`): a reader never sees half an entry. An entry
    /// is checked when read (its magic, structure, and the hashes of its
    /// head and every block of bodies), so one torn by a crash is parsed
    /// again like any damaged entry.
    func replace(_ path: String, with parts: [UInt8]...) -> Bool {
        CacheFile.replace(path, directory: directory) { write in
            parts.allSatisfy { part in part.withUnsafeBytes { write($0) } }
        }
    }

    /// `file` as an absolute path with its symbolic links resolved, the
    /// key of its entry: every spelling of one file (`decks/a.deck`,
    /// `./decks/a.deck`, through a linked folder) shares one entry. A path
    /// that does not resolve is keyed by `absolute(file)`.
    func resolved(_ file: String) -> String {
        CacheFile.resolved(absolute(file))
    }

    /// Whether a deck parsed under the name `kept` decodes as parsing it
    /// under `file` would give: places are stored without the deck's own
    /// file and take the name asked for, so only what the parser makes of
    /// the name itself must agree, the cards' default namespace.
    static func sameParse(_ kept: String, _ file: String) -> Bool {
        kept == file || CardID.defaultNamespace(file: kept) == CardID.defaultNamespace(file: file)
    }

    /// `file` as an absolute path (relative paths are taken from the
    /// current folder).
    func absolute(_ file: String) -> String {
        if file.hasPrefix("/") { return file }
        return (workingDirectory as NSString).appendingPathComponent(file)
    }
}
