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
/// size and hash of each part of the table's image, the part of each deck
/// file's section and what its faces followed from when it was kept (the
/// file's content hash and default namespace: `StudySetup.sectionStamp`), whether
/// the table holds the whole store or some files' sections only), then the
/// image's parts (`ScheduleTable.writeImage`;
/// its entries cut into a part for each deck file's faces).
struct KeptSchedules {
    /// The file.
    let path: String
    /// Its folder.
    let directory: String
    /// The store file, resolved.
    let storePath: String
    /// The store file's device and inode.
    let storeFile: (device: UInt64, inode: UInt64)
    /// The read begun ahead (`readingAhead(files:)`), whose result
    /// `load()` gives, or `load(sectionsOf:)` for the files it read.
    private var ahead: ReadAhead?
    /// The deck files whose sections the read begun ahead reads; nil when
    /// it reads the whole table.
    private(set) var aheadSections: Set<String>?

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
    ///
    /// `files`: the deck files the start names, when it names files only
    /// (by the names `StoredDeckFile` gives). When the table has a section
    /// for each and they hold less than half of its entries, only they are
    /// read (`load(sectionsOf:)`): a start on one file of ten read the
    /// whole table, 9.6 MB at 100,000 cards, for a tenth of it.
    func readingAhead(files: [String]? = nil) -> KeptSchedules {
        var copy = self
        if let files, worthReadingSections(of: files) {
            copy.aheadSections = Set(files)
            copy.ahead = ReadAhead { self.readSections(of: files) }
        } else {
            copy.ahead = ReadAhead { self.read() }
        }
        return copy
    }

    /// The names `StoredDeckFile` gives `paths` when each is a regular
    /// file (deck files named one by one); nil when one is a folder or is
    /// missing, or none is named.
    static func namedFiles(_ paths: [String]) -> [String]? {
        guard !paths.isEmpty else { return nil }
        for path in paths {
            var status = stat()
            guard stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
        }
        return paths.map(StoredDeckFile.of)
    }

    /// Whether the file has a section for each of `files`, holding less
    /// than half of the table's entries together, or all of them in a
    /// table of some files' sections only (which has nothing else to read).
    func worthReadingSections(of files: [String]) -> Bool {
        guard let file = CacheFile.Reader(path: path), let header = readHeader(file),
            let chosen = header.entryParts(ofSections: files)
        else { return false }
        guard header.coversStore else { return true }
        let all = header.entryParts.reduce(0) { $0 + header.parts[$1].size }
        return chosen.reduce(0) { $0 + header.parts[$1].size } * 2 < all
    }

    /// What the file holds for this build and this store, as its header
    /// says (its parts are checked only when read).
    enum Coverage: Equatable {
        /// No file, or one of another build or store, or a damaged header.
        case none
        /// Every face of the store.
        case wholeStore
        /// The sections of these deck files only (by the names
        /// `StoredDeckFile` gives), kept by a start on them.
        case sectionsOf(Set<String>)
    }

    /// See `Coverage`.
    func coverage() -> Coverage {
        guard let file = CacheFile.Reader(path: path), let header = readHeader(file) else { return .none }
        return header.coversStore ? .wholeStore : .sectionsOf(Set(header.sections.map(\.file)))
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
        if aheadSections == nil, let ahead, let loaded = ahead.take() { return loaded.map { ($0.table, $0.position) } }
        return read().map { ($0.table, $0.position) }
    }

    /// What a read of the file gives: the table, the position it was read
    /// at, and the stamp of each deck file of the table's sections when it
    /// was kept (`StudySetup.sectionStamp`, by the name `StoredDeckFile`
    /// gives).
    typealias Loaded = (table: ScheduleTable, position: ProgressStore.LogPosition, sectionStamps: [String: UInt64])

    /// A `read()` on a thread of its own.
    typealias ReadAhead = BackgroundWork<Loaded?>

    /// The kept table read from the file; nil for a table of some files'
    /// sections only.
    private func read() -> Loaded? {
        guard let file = CacheFile.Reader(path: path), let header = readHeader(file), header.coversStore else {
            return nil
        }
        return readImage(file, header, entryParts: header.entryParts).map { ($0.table, $0.position, header.sectionStamps) }
    }

    /// The kept entries of the faces of the deck files `files` only (the
    /// names `StoredDeckFile` gives), read from their sections of the file
    /// and checked as the whole file is, with each file's stamp when its
    /// section was kept; nil when the file has no section for
    /// one of them. A start on one deck file of ten read and indexed the
    /// whole table (9.6 MB at 100,000 cards) for a tenth of it. The caller
    /// checks that every face it studies has an entry
    /// (`StudySetup.sectionsHoldEveryFace`): a card moved into one of the
    /// files since is not in its section.
    func load(sectionsOf files: [String]) -> Loaded? {
        if let aheadSections, aheadSections == Set(files), let ahead, let loaded = ahead.take() { return loaded }
        return readSections(of: files)
    }

    /// `load(sectionsOf:)` read from the file.
    private func readSections(of files: [String]) -> Loaded? {
        guard let file = CacheFile.Reader(path: path), let header = readHeader(file),
            let chosen = header.entryParts(ofSections: files)
        else { return nil }
        let stamps = header.sectionStamps.filter { files.contains($0.key) }
        return readImage(file, header, entryParts: chosen).map { ($0.table, $0.position, stamps) }
    }

    /// The table of the image in the file's parts, with the entries of the
    /// parts `entryParts` (all of them for the whole table), each part
    /// checked against its hash: the image's header part (its count of
    /// entries made theirs), those entries, the spilled keys.
    private func readImage(_ file: CacheFile.Reader, _ header: Header, entryParts: [Int])
        -> (table: ScheduleTable, position: ProgressStore.LogPosition)?
    {
        let parts = header.parts
        let stride = ScheduleTable.entryStride
        let entryBytes = entryParts.reduce(0) { $0 + parts[$1].size }
        guard parts.count >= 2, parts[0].size == ScheduleTable.imageHeaderBytes, entryBytes % stride == 0 else {
            return nil
        }
        let spilled = parts.count - 1
        // A large collection's table: its memory in huge pages.
        if entryBytes + parts[spilled].size >= AllocatorSetup.hugePagesFrom { AllocatorSetup.useHugePages() }
        // Where each part starts in the file.
        var starts: [Int] = []
        var at = file.offset
        for part in parts {
            starts.append(at)
            at += part.size
        }
        func read(_ part: Int, into buffer: UnsafeMutableRawBufferPointer) -> Bool {
            file.seek(to: starts[part])
            return buffer.count == parts[part].size && file.read(into: buffer)
                && CacheFile.hash(UnsafeRawBufferPointer(buffer)) == parts[part].hash
        }
        var asked = 0
        let table = ScheduleTable(
            readingImage: { buffer in
                asked += 1
                switch asked {
                case 1:
                    guard read(0, into: buffer) else { return false }
                    buffer.storeBytes(of: UInt64(entryBytes / stride), toByteOffset: 8, as: UInt64.self)
                    return true
                case 2:
                    var filled = 0
                    for part in entryParts {
                        let size = parts[part].size
                        guard size <= buffer.count - filled,
                            read(part, into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled..<filled + size]))
                        else { return false }
                        filled += size
                    }
                    return filled == buffer.count
                case 3: return read(spilled, into: buffer)
                default: return false
                }
            }, bytes: entryBytes + parts[spilled].size)
        guard let table, asked == 3 else { return nil }
        return (table, header.origin.position)
    }

    /// The file's header, checked against this build and this store file,
    /// with its parts filling the rest of the file; the reader left at the
    /// first part.
    private func readHeader(_ file: CacheFile.Reader) -> Header? {
        guard let headerBytes = KeptFileOrigin.header(of: file, magic: Self.magic),
            let header = headerBytes.withUnsafeBufferPointer({ Header($0) }),
            header.origin.isOf(storePath: storePath, storeFile: storeFile),
            // Each part within the file before they are added: a size
            // near `Int.max` must not overflow the sum.
            header.parts.allSatisfy({ $0.size <= file.size }),
            file.size == file.offset + header.parts.reduce(0, { $0 + $1.size })
        else { return nil }
        return header
    }

    /// Keeps `table`, read at `position`, for the next start; a failure to
    /// write is ignored (that start reads the store). `sections`: the
    /// entries of each deck file's faces (a range of entries, by the name
    /// `StoredDeckFile` gives), each hashed as a part of its own so that a
    /// start on some files reads theirs only (`load(sectionsOf:)`), and the
    /// file's stamp as loaded (`StudySetup.sectionStamp`), when known.
    /// `coversStore`: whether
    /// `table` holds every face of the store (false: only its sections
    /// are of any use, and `load()` gives nothing).
    func save(
        _ table: ScheduleTable, position: ProgressStore.LogPosition,
        sections: [(file: String, entries: Range<Int>, stamp: UInt64?)] = [], coversStore: Bool = true
    ) {
        let stride = ScheduleTable.entryStride
        var parts: [(size: Int, hash: UInt64)] = []
        var partAt: [Int: Int] = [:]
        var given = 0
        guard
            table.writeImage({ buffer in
                given += 1
                guard given == 2 else { return parts.append((buffer.count, CacheFile.hash(buffer))) }
                // The entries, cut where a section starts or ends.
                var cuts = Set([0, buffer.count])
                for section in sections where !section.entries.isEmpty && section.entries.upperBound * stride <= buffer.count {
                    cuts.insert(section.entries.lowerBound * stride)
                    cuts.insert(section.entries.upperBound * stride)
                }
                let points = cuts.sorted()
                for (from, to) in zip(points, points.dropFirst()) {
                    partAt[from] = parts.count
                    parts.append((to - from, CacheFile.hash(UnsafeRawBufferPointer(rebasing: buffer[from..<to]))))
                }
            })
        else { return }
        let named = sections.compactMap { section -> Header.Section? in
            guard !section.entries.isEmpty, let part = partAt[section.entries.lowerBound * stride],
                parts[part].size == section.entries.count * stride
            else { return nil }
            return (section.file, part, section.stamp)
        }
        let header = Header(
            origin: KeptFileOrigin(storePath: storePath, storeFile: storeFile, position: position), parts: parts,
            sections: named, coversStore: coversStore
        ).bytes
        _ = CacheFile.replace(path, directory: directory) { write in
            guard KeptFileOrigin.writeHeading(magic: Self.magic, header: header, write) else { return false }
            var written = true
            _ = table.writeImage { if written { written = write($0) } }
            return written
        }
    }

    /// What the file says before the table.
    struct Header {
        /// The build, store file and log position the table was read at.
        var origin: KeptFileOrigin
        /// Each part of the image: its bytes and their hash. The image's
        /// header first, its spilled keys last, its entries between, in
        /// one part or several.
        var parts: [(size: Int, hash: UInt64)]
        /// The part holding the entries of each deck file's faces, by the
        /// name `StoredDeckFile` gives it, and the file's stamp when they
        /// were kept (nil: not known).
        var sections: [Section]

        typealias Section = (file: String, part: Int, stamp: UInt64?)
        /// Whether the table holds every face of the store; false for the
        /// sections of a start on some files only.
        var coversStore: Bool

        /// The stamp of each file with a section, where known.
        var sectionStamps: [String: UInt64] {
            var stamps: [String: UInt64] = [:]
            for section in sections { if let stamp = section.stamp { stamps[section.file] = stamp } }
            return stamps
        }

        /// The parts holding entries: all but the first and the last.
        var entryParts: [Int] { parts.count < 2 ? [] : Array(1..<parts.count - 1) }

        /// The parts of the sections of `files`, in file order; nil when
        /// one has none.
        func entryParts(ofSections files: [String]) -> [Int]? {
            var chosen: [Int] = []
            for name in Set(files) {
                guard let section = sections.first(where: { $0.file == name }), section.part > 0,
                    section.part < parts.count - 1
                else { return nil }
                chosen.append(section.part)
            }
            return chosen.sorted()
        }

        init(
            origin: KeptFileOrigin, parts: [(size: Int, hash: UInt64)], sections: [Section] = [], coversStore: Bool = true
        ) {
            self.origin = origin
            self.parts = parts
            self.sections = sections
            self.coversStore = coversStore
        }

        /// The header read back from its bytes; nil when they do not decode
        /// (`IndexReader`: every read bounds-checked, every count bounded by
        /// the bytes left).
        init?(_ bytes: UnsafeBufferPointer<UInt8>) {
            var reader = IndexReader(bytes)
            do {
                let origin = try KeptFileOrigin(&reader)
                var parts: [(size: Int, hash: UInt64)] = []
                for _ in 0..<(try reader.count()) { parts.append((try reader.number(), try reader.fixed64())) }
                var sections: [Section] = []
                for _ in 0..<(try reader.count()) {
                    let file = try reader.string(), part = try reader.number()
                    let stamp = try reader.bool() ? try reader.fixed64() : nil
                    sections.append((file, part, stamp))
                }
                let coversStore = try reader.bool()
                guard reader.isAtEnd else { return nil }
                self.init(origin: origin, parts: parts, sections: sections, coversStore: coversStore)
            } catch {
                return nil
            }
        }

        /// The header's bytes, in the deck index's layout (`IndexWriter`).
        var bytes: [UInt8] {
            var writer = IndexWriter()
            origin.write(&writer)
            writer.unsigned(UInt64(parts.count))
            for part in parts {
                writer.unsigned(UInt64(part.size))
                writer.fixed64(part.hash)
            }
            writer.unsigned(UInt64(sections.count))
            for section in sections {
                writer.string(section.file)
                writer.unsigned(UInt64(section.part))
                writer.bool(section.stamp != nil)
                if let stamp = section.stamp { writer.fixed64(stamp) }
            }
            writer.bool(coversStore)
            return writer.bytes
        }
    }
}
