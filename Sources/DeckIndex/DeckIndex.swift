import DeckFormat
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The compiled deck index: each deck file parsed once, kept in a binary
/// entry beside the size, modification time and content hash of the bytes
/// it was parsed from, so a start with unchanged decks decodes entries
/// instead of parsing text.
///
/// The deck files stay the only source of truth. An entry is used only when
/// the file's size, modification time and content hash all equal the
/// entry's, and the entry was written by this very program (`stamp`);
/// anything else — a missing, damaged, foreign or stale entry — is parsed
/// from the file and the entry rewritten, without a word: an index is a
/// cache, and what it gives back equals what the parser gives (tested).
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
    /// The folder relative deck paths are taken from (the current one when
    /// the index is made), for naming entries by absolute path.
    let workingDirectory: String

    public init(directory: String, stamp: String) {
        self.init(directory: directory, stamp: stamp, workingDirectory: FileManager.default.currentDirectoryPath)
    }

    init(directory: String, stamp: String, workingDirectory: String) {
        self.directory = directory
        self.stamp = stamp
        self.workingDirectory = workingDirectory
    }

    /// What loading one file did.
    public enum Outcome: Sendable, Equatable {
        /// The entry matched and was decoded.
        case fromIndex
        /// The file was parsed; `entryWritten` tells whether the entry was
        /// (re)written.
        case parsed(entryWritten: Bool)
    }

    /// The parsed deck for `file`, whose contents are `bytes`: decoded from
    /// its entry when that entry matches the file, else parsed and the entry
    /// rewritten. `derive` makes a value from a freshly parsed deck that the
    /// entry keeps beside it (the executable keeps the registry's
    /// fingerprint of the deck there, so an unchanged file never computes
    /// it again); it is given back as `derived` either way, with the file's
    /// content hash.
    public func load(
        _ bytes: [UInt8], file: String, derive: (ParsedDeck) -> UInt64? = { _ in nil }
    ) -> (parsed: ParsedDeck, outcome: Outcome, derived: UInt64?, contentHash: UInt64) {
        let path = absolute(file)
        let status = FileStatus.of(path)
        let hash = bytes.withUnsafeBufferPointer(ContentHash.of)
        let entryPath = self.entryPath(for: path)
        if let status, let (parsed, derived) = read(entryPath, path: path, status: status, hash: hash, file: file) {
            return (parsed, .fromIndex, derived, hash)
        }
        let parsed = DeckParser.parse(bytes, file: file)
        let derived = derive(parsed)
        guard let status, status.size == bytes.count else {
            // The file changed while it was read: keep no entry for it.
            return (parsed, .parsed(entryWritten: false), derived, hash)
        }
        let written = write(entryPath, path: path, status: status, hash: hash, derived: derived, parsed: parsed)
        return (parsed, .parsed(entryWritten: written), derived, hash)
    }

    /// The entry file of a deck file.
    public func entryPath(for file: String) -> String {
        let path = absolute(file)
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in path.utf8 {
            h ^= UInt64(byte)
            h = h &* 0x0000_0100_0000_01b3
        }
        let name = String(h, radix: 16)
        return (directory as NSString).appendingPathComponent(String(repeating: "0", count: 16 - name.count) + name + ".deckindex")
    }

    static let magic: [UInt8] = Array("JATTA-DECK-INDEX".utf8)

    // MARK: reading

    private func read(_ entryPath: String, path: String, status: FileStatus, hash: UInt64, file: String)
        -> (ParsedDeck, UInt64?)?
    {
        guard let entry = EntryFile.contents(entryPath) else { return nil }
        return entry.bytes.withUnsafeBufferPointer { bytes -> (ParsedDeck, UInt64?)? in
            guard bytes.count > Self.magic.count, bytes.prefix(Self.magic.count).elementsEqual(Self.magic) else { return nil }
            var r = IndexReader(bytes, from: Self.magic.count)
            do {
                guard try r.string() == stamp, try r.string() == path, try r.string() == file,
                    try r.unsigned() == UInt64(status.size), try r.int() == status.modifiedSeconds,
                    try r.int() == status.modifiedNanoseconds, try r.fixed64() == hash
                else { return nil }
                let payloadHash = try r.fixed64()
                let payloadStart = r.position
                let payload = UnsafeBufferPointer(rebasing: bytes[payloadStart...])
                guard ContentHash.of(payload) == payloadHash else { return nil }
                var p = IndexReader(payload)
                let derived = try p.bool() ? try p.fixed64() : nil
                let parsed = try ParsedDeckCoding.decode(&p, file: file, entry: entry, payloadStart: payloadStart)
                return p.isAtEnd ? (parsed, derived) : nil
            } catch {
                return nil
            }
        }
    }

    // MARK: writing

    private func write(
        _ entryPath: String, path: String, status: FileStatus, hash: UInt64, derived: UInt64?, parsed: ParsedDeck
    ) -> Bool {
        var payload = IndexWriter()
        // Inside the payload, so its hash covers it.
        payload.bool(derived != nil)
        if let derived { payload.fixed64(derived) }
        ParsedDeckCoding.encode(parsed, into: &payload)
        var w = IndexWriter()
        w.bytes.append(contentsOf: Self.magic)
        w.string(stamp)
        w.string(path)
        // The path as given too: the parser's messages are its own, and one
        // could name the file, so an entry serves only the name it was made
        // under (`decks/a.deck` and `/home/s/decks/a.deck` each get theirs).
        w.string(parsed.deck.file)
        w.unsigned(UInt64(status.size))
        w.int(status.modifiedSeconds)
        w.int(status.modifiedNanoseconds)
        w.fixed64(hash)
        w.fixed64(payload.bytes.withUnsafeBufferPointer(ContentHash.of))
        w.bytes.append(contentsOf: payload.bytes)
        return replace(entryPath, with: w.bytes)
    }

    /// Writes `bytes` to a temporary name beside `path`, then renames it
    /// over `path` (so a reader never sees half a file); false when that
    /// fails.
    func replace(_ path: String, with bytes: [UInt8]) -> Bool {
        do {
            try FileManager.default.createDirectory(
                atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            return false
        }
        let temporary = path + ".\(getpid()).tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(bytes), attributes: [.posixPermissions: 0o600])
        else { return false }
        guard rename(temporary, path) == 0 else {
            unlink(temporary)
            return false
        }
        return true
    }

    /// `file` as an absolute path (relative paths are taken from the
    /// current folder), the key of its entry.
    func absolute(_ file: String) -> String {
        if file.hasPrefix("/") { return file }
        return (workingDirectory as NSString).appendingPathComponent(file)
    }
}

/// What `stat` says of a deck file.
struct FileStatus {
    /// Bytes.
    var size: Int
    /// Last modification, whole seconds since 1970.
    var modifiedSeconds: Int
    /// The nanoseconds of the last modification (an edit within the same
    /// second still changes it on file systems that keep them).
    var modifiedNanoseconds: Int

    static func of(_ path: String) -> FileStatus? {
        var s = stat()
        guard stat(path, &s) == 0 else { return nil }
        #if canImport(Darwin)
            return FileStatus(size: Int(s.st_size), modifiedSeconds: Int(s.st_mtimespec.tv_sec), modifiedNanoseconds: Int(s.st_mtimespec.tv_nsec))
        #else
            return FileStatus(size: Int(s.st_size), modifiedSeconds: Int(s.st_mtim.tv_sec), modifiedNanoseconds: Int(s.st_mtim.tv_nsec))
        #endif
    }
}
