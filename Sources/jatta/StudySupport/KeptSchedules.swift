import DeckIndex
import Foundation
import ReviewStore
import Study

/// The schedule table a start read from the progress store, kept in the
/// start's cache folder (beside the deck index) for the next start, which
/// then reads from the store only the cards answered since
/// (`ProgressStore.progressChanges`). At 100,000 cards reading every state
/// row into the table was half of a start; the kept table is read in one
/// pass and its slots made again.
///
/// A cache: what a start shows never depends on it. It is used only when
/// written by this very build for this very store file (its resolved path,
/// device and inode), its bytes hash as written, and the store recognises
/// the log position it was read at; otherwise the start reads every state
/// row and writes it anew, without a word. `JATTA_DECK_INDEX=off` switches
/// it off with the deck index.
///
/// The file: a magic line, the length of the header, the header (the
/// build's stamp, the store's path, device and inode, the log position, the
/// size and hash of each part of the table's image), then the image's parts
/// (`ScheduleTable.writeImage`).
struct KeptSchedules {
    /// The file.
    let path: String
    /// Its folder.
    let directory: String
    /// The store file, resolved.
    let storePath: String
    /// The store file's device and inode.
    let storeFile: (device: UInt64, inode: UInt64)
    /// The read begun ahead (`readingAhead()`), whose result `load()` gives.
    private var ahead: ReadAhead?

    /// The first bytes of the file.
    static let magic = Array("jatta schedules\n".utf8)

    /// Where the kept schedules of the store at `storePath` live, with the
    /// deck index folder `indexDirectory`; nil when there is none (the
    /// index switched off) or the store is not a file.
    init?(storePath: String, indexDirectory: String?) {
        guard let indexDirectory, storePath != ":memory:", !storePath.isEmpty else { return nil }
        let absolute =
            storePath.hasPrefix("/")
            ? storePath : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(storePath)
        let resolved = CacheFile.resolved(absolute)
        var status = stat()
        guard stat(resolved, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
        self.storePath = resolved
        self.storeFile = (UInt64(status.st_dev), UInt64(status.st_ino))
        directory = (indexDirectory as NSString).appendingPathComponent("schedules")
        path = (directory as NSString).appendingPathComponent(CacheFile.name(for: resolved) + ".schedules")
    }

    /// These kept schedules with their read begun on a thread of its own:
    /// a start reads them while it reads the decks, which they do not
    /// depend on (at 100,000 cards each was about a fifth of a start, and
    /// the machines students share have more than one core). Whether they
    /// are used is still decided after, against the store (`load()` then
    /// `ProgressStore.progressChanges`), so reading them earlier changes
    /// nothing a start shows.
    func readingAhead() -> KeptSchedules {
        var copy = self
        copy.ahead = ReadAhead { self.read() }
        return copy
    }

    /// Whether reading this file costs less than looking up the progress of
    /// `cards` cards one by one: a lookup costs about as much as reading
    /// and indexing `bytesPerLookup` bytes of the file. At 100,000 cards
    /// the file (9.6 MB) takes about 11 ms, and the rows of one deck file
    /// of ten (10,000 cards) 18 ms through the registry (static build,
    /// medians of 11 starts). False when there is no file.
    func pays(forCards cards: Int) -> Bool {
        var status = stat()
        guard stat(path, &status) == 0 else { return false }
        return cards.multipliedReportingOverflow(by: Self.bytesPerLookup).partialValue >= Int(status.st_size)
    }

    /// See `pays(forCards:)`.
    static let bytesPerLookup = 1_500

    /// Whether this is a read begun ahead (`readingAhead()`).
    var isReadAhead: Bool { ahead != nil }

    /// Whether `other` keeps the schedules of the same store file in the
    /// same file.
    func isSame(as other: KeptSchedules) -> Bool {
        path == other.path && storePath == other.storePath && storeFile == other.storeFile
    }

    /// The kept table and the position it was read at; nil when there is
    /// none this start may use.
    func load() -> (table: ScheduleTable, position: ProgressStore.LogPosition)? {
        // Read again from the file if asked once more.
        if let ahead, let loaded = ahead.take() { return loaded }
        return read()
    }

    /// A `read()` on a thread of its own.
    typealias ReadAhead = BackgroundWork<(table: ScheduleTable, position: ProgressStore.LogPosition)?>

    /// The kept table read from the file.
    private func read() -> (table: ScheduleTable, position: ProgressStore.LogPosition)? {
        guard let file = CacheFile.Reader(path: path) else { return nil }
        // A large collection's table: its memory in huge pages.
        if file.size >= AllocatorSetup.hugePagesFrom { AllocatorSetup.useHugePages() }
        var start = [UInt8](repeating: 0, count: Self.magic.count + 8)
        guard start.withUnsafeMutableBytes({ file.read(into: $0) }),
            Array(start.prefix(Self.magic.count)) == Self.magic,
            let headerLength = start.withUnsafeBufferPointer({ bytes -> Int? in
                var reader = IndexReader(bytes, from: Self.magic.count)
                return (try? reader.fixed64()).flatMap { Int(exactly: $0) }
            }),
            headerLength <= 1 << 16
        else { return nil }
        var headerBytes = [UInt8](repeating: 0, count: headerLength)
        guard headerBytes.withUnsafeMutableBytes({ file.read(into: $0) }),
            let header = headerBytes.withUnsafeBufferPointer({ Header($0) }), header.stamp == DeckLoading.stamp,
            header.storePath == storePath, header.device == storeFile.device, header.inode == storeFile.inode,
            // Each part within the file before they are added: a size
            // near `Int.max` must not overflow the sum.
            header.parts.allSatisfy({ $0.size <= file.size }),
            file.size == file.offset + header.parts.reduce(0, { $0 + $1.size })
        else { return nil }
        var part = 0
        let table = ScheduleTable(
            readingImage: { buffer in
                guard part < header.parts.count, buffer.count == header.parts[part].size, file.read(into: buffer),
                    CacheFile.hash(UnsafeRawBufferPointer(buffer)) == header.parts[part].hash
                else { return false }
                part += 1
                return true
            }, bytes: file.size - file.offset)
        guard let table, part == header.parts.count else { return nil }
        return (table, header.position)
    }

    /// Keeps `table`, read at `position`, for the next start; a failure to
    /// write is ignored (that start reads the store).
    func save(_ table: ScheduleTable, position: ProgressStore.LogPosition) {
        var parts: [(size: Int, hash: UInt64)] = []
        guard table.writeImage({ parts.append(($0.count, CacheFile.hash($0))) }) else { return }
        let header = Header(
            stamp: DeckLoading.stamp, storePath: storePath, device: storeFile.device, inode: storeFile.inode,
            position: position, parts: parts
        ).bytes
        var lengthWord = IndexWriter()
        lengthWord.fixed64(UInt64(header.count))
        _ = CacheFile.replace(path, directory: directory) { write in
            guard Self.magic.withUnsafeBytes(write), lengthWord.bytes.withUnsafeBytes(write), header.withUnsafeBytes(write)
            else { return false }
            var written = true
            _ = table.writeImage { if written { written = write($0) } }
            return written
        }
    }

    /// What the file says before the table.
    struct Header {
        /// The build that wrote it (`DeckLoading.stamp`).
        var stamp: String
        /// The store file it was read from, resolved.
        var storePath: String
        /// That file's device.
        var device: UInt64
        /// That file's inode.
        var inode: UInt64
        /// Where the store's log stood when the table was read.
        var position: ProgressStore.LogPosition
        /// Each part of the image: its bytes and their hash.
        var parts: [(size: Int, hash: UInt64)]

        init(
            stamp: String, storePath: String, device: UInt64, inode: UInt64, position: ProgressStore.LogPosition,
            parts: [(size: Int, hash: UInt64)]
        ) {
            self.stamp = stamp
            self.storePath = storePath
            self.device = device
            self.inode = inode
            self.position = position
            self.parts = parts
        }

        /// The header read back from its bytes; nil when they do not decode
        /// (`IndexReader`: every read bounds-checked, every count bounded by
        /// the bytes left).
        init?(_ bytes: UnsafeBufferPointer<UInt8>) {
            var reader = IndexReader(bytes)
            do {
                let stamp = try reader.string()
                let storePath = try reader.string()
                let device = try reader.fixed64()
                let inode = try reader.fixed64()
                let position = ProgressStore.LogPosition(
                    id: Int64(bitPattern: try reader.fixed64()), at: Int64(bitPattern: try reader.fixed64()),
                    card: Int64(bitPattern: try reader.fixed64()), rebuilds: Int64(bitPattern: try reader.fixed64()))
                var parts: [(size: Int, hash: UInt64)] = []
                for _ in 0..<(try reader.count()) { parts.append((try reader.number(), try reader.fixed64())) }
                guard reader.isAtEnd else { return nil }
                self.init(
                    stamp: stamp, storePath: storePath, device: device, inode: inode, position: position, parts: parts)
            } catch {
                return nil
            }
        }

        /// The header's bytes, in the deck index's layout (`IndexWriter`).
        var bytes: [UInt8] {
            var writer = IndexWriter()
            writer.string(stamp)
            writer.string(storePath)
            for word in [device, inode] { writer.fixed64(word) }
            for word in [position.id, position.at, position.card, position.rebuilds] {
                writer.fixed64(UInt64(bitPattern: word))
            }
            writer.unsigned(UInt64(parts.count))
            for part in parts {
                writer.unsigned(UInt64(part.size))
                writer.fixed64(part.hash)
            }
            return writer.bytes
        }
    }
}
