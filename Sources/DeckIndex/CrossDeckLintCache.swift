import DeckFormat
import Foundation

extension DeckIndex {
    /// The cross-deck lint (`DeckLinter.lint`) of `decks`, kept in the index
    /// beside the content hash of every deck file it was computed from:
    /// with the same files under the same names and the same contents it
    /// is read back, else `compute` runs and the result is kept. It
    /// depends on every card's id of every file, so one changed file
    /// computes it again; an unchanged collection of 100,000 cards reads a
    /// few bytes instead of hashing 100,000 ids.
    ///
    /// `hashes` gives each deck file's content hash (`contentHash(of:)`);
    /// a deck without one is computed, never cached.
    public func crossDeckLint(
        _ decks: [Deck], hashes: [String: UInt64], compute: ([Deck]) -> [Diagnostic]
    ) -> [Diagnostic] {
        // Named by the files, so another build or another content
        // replaces the kept lint of the same files; keyed by all of it.
        var name = IndexWriter()
        var key = IndexWriter()
        key.string(stamp)
        for deck in decks {
            guard let hash = hashes[deck.file] else { return compute(decks) }
            name.string(absolute(deck.file))
            key.string(absolute(deck.file))
            key.string(deck.file)
            key.fixed64(hash)
        }
        let nameHash = name.bytes.withUnsafeBufferPointer(ContentHash.of)
        let path = (directory as NSString).appendingPathComponent(
            String(nameHash >> 16, radix: 16) + ".cross-deck-lint")
        if let kept = readLint(path, key: key.bytes) { return kept }
        let diagnostics = compute(decks)
        var payload = IndexWriter()
        payload.unsigned(UInt64(diagnostics.count))
        for d in diagnostics { ParsedDeckCoding.encode(d, file: "", into: &payload) }
        var w = IndexWriter()
        w.bytes.append(contentsOf: Self.lintMagic)
        w.unsigned(UInt64(key.bytes.count))
        w.bytes.append(contentsOf: key.bytes)
        w.fixed64(payload.bytes.withUnsafeBufferPointer(ContentHash.of))
        w.bytes.append(contentsOf: payload.bytes)
        _ = replace(path, with: w.bytes)
        return diagnostics
    }

    /// The content hash of a deck file's bytes, as the index keeps it.
    public static func contentHash(of bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBufferPointer(ContentHash.of)
    }

    static let lintMagic: [UInt8] = Array("JATTA-CROSS-LINT".utf8)

    /// The kept lint at `path` when it was made for exactly `key` and reads
    /// back whole.
    private func readLint(_ path: String, key: [UInt8]) -> [Diagnostic]? {
        guard let entry = EntryFile.contents(path) else { return nil }
        return entry.withUnsafeBufferPointer { bytes -> [Diagnostic]? in
            guard bytes.count > Self.lintMagic.count, bytes.prefix(Self.lintMagic.count).elementsEqual(Self.lintMagic)
            else { return nil }
            var r = IndexReader(bytes, from: Self.lintMagic.count)
            do {
                let length = try r.count()
                guard UnsafeBufferPointer(rebasing: bytes[r.position..<(r.position + length)]).elementsEqual(key)
                else { return nil }
                r.position += length
                let payloadHash = try r.fixed64()
                let payload = UnsafeBufferPointer(rebasing: bytes[r.position...])
                guard ContentHash.of(payload) == payloadHash else { return nil }
                var p = IndexReader(payload)
                var diagnostics: [Diagnostic] = []
                for _ in 0..<(try p.count()) { diagnostics.append(try ParsedDeckCoding.decodeDiagnostic(&p, file: "")) }
                return p.isAtEnd ? diagnostics : nil
            } catch {
                return nil
            }
        }
    }
}
