import Foundation
import GRDB

/// Each deck file's faces as last registered, one 64-bit digest per face
/// (`digest(of:)`: key, deck file, prompt and level), kept beside the
/// file's fingerprint in `registered_deck.faces`, so registering an edited
/// file writes only the faces the edit changed.
///
/// Registering a face exactly as it is registered changes nothing (the
/// upsert's `WHERE`), yet each such upsert looks the face up: an edit of
/// one 10,000-card file of a 100,000-card store read about 3,000 pages of
/// the registry and took 70 ms after the first frame, for one card added.
///
/// A face whose digest the file's row lists is in the registry as listed:
/// the row is written in the transaction that registers those faces, and
/// goes whenever one of them may have changed otherwise — an answer that
/// changes a registry row empties `registered_deck`, a card that leaves
/// the file deletes the file's row (`registered_deck_card_left`), a file
/// renamed or respelt deletes both names' rows. A file without a row, or
/// whose row lists no faces (written before `scale-3-registered-faces`),
/// registers every face, as before.
enum RegisteredFaces {
    /// A face's digest: the registry fingerprint of that face alone.
    static func digest(of card: RegisteredCard) -> UInt64 {
        var fingerprint = RegistryFingerprint()
        fingerprint.add(card)
        return fingerprint.value
    }

    /// The faces listed for each of `files` that has a row with a list.
    static func listed(for files: Set<String>, db: Database) throws -> [String: Set<UInt64>] {
        var listed: [String: Set<UInt64>] = [:]
        let statement = try db.cachedStatement(sql: "SELECT faces FROM registered_deck WHERE deck_file = ?")
        for file in files {
            guard let blob = try Data.fetchOne(statement, arguments: [file]), let faces = digests(in: blob) else { continue }
            listed[file] = faces
        }
        return listed
    }

    /// What registering `cards` (the cards of the files registered anew,
    /// in the order they are written) writes: which cards (`write`), all
    /// but those `listed` for their file; and each file's list to keep.
    ///
    /// When a key comes twice, every face is written (the last of the two
    /// must win, in the order given) and no file keeps a list: the row of
    /// the file the key leaves is written again after the faces are, so
    /// its list would name a face now registered under the other file.
    static func plan(_ cards: [RegisteredCard], listed: [String: Set<UInt64>]) -> (write: [Bool], lists: [String: Data]) {
        var keys = Set<String>(minimumCapacity: cards.count)
        guard cards.allSatisfy({ keys.insert($0.key).inserted }) else {
            return (Array(repeating: true, count: cards.count), [:])
        }
        let digests = cards.map(digest(of:))
        var write: [Bool] = []
        write.reserveCapacity(cards.count)
        var byFile: [String: [UInt64]] = [:]
        // Cards come file after file: each file's list is looked up once
        // per run of its cards, not once per card.
        var start = 0
        while start < cards.count {
            let file = cards[start].deckFile
            var end = start + 1
            while end < cards.count, cards[end].deckFile == file { end += 1 }
            let faces = listed[file]
            for digest in digests[start..<end] { write.append(faces?.contains(digest) != true) }
            byFile[file, default: []] += digests[start..<end]
            start = end
        }
        return (write, byFile.mapValues(list))
    }

    /// A file's list: its faces' digests, sorted, eight bytes each, least
    /// significant first.
    static func list(_ digests: [UInt64]) -> Data {
        let sorted = digests.sorted()
        var data = Data(count: sorted.count * 8)
        data.withUnsafeMutableBytes { out in
            for (i, digest) in sorted.enumerated() { out.storeBytes(of: digest.littleEndian, toByteOffset: i * 8, as: UInt64.self) }
        }
        return data
    }

    /// The digests in a list; nil for a list of the wrong length.
    static func digests(in list: Data) -> Set<UInt64>? {
        guard list.count % 8 == 0 else { return nil }
        return list.withUnsafeBytes { bytes in
            var digests = Set<UInt64>(minimumCapacity: bytes.count / 8)
            for offset in stride(from: 0, to: bytes.count, by: 8) {
                digests.insert(UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
            }
            return digests
        }
    }

    /// The migration that gives `registered_deck` its lists.
    static let migrationName = "scale-3-registered-faces"

    static func migrate(_ db: Database) throws {
        try db.execute(sql: "ALTER TABLE registered_deck ADD COLUMN faces BLOB")
    }
}
