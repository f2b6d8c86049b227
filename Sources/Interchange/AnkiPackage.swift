import CZstd
import Foundation
import ReviewStore
import ZIPFoundation

/// An Anki package (`.apkg`): a zip holding an SQLite collection and its
/// media. jatta writes the legacy layout every current Anki imports
/// (`collection.anki2`, schema 11, an empty `media` map) and reads all
/// three layouts: `collection.anki2`, `collection.anki21`, and the
/// zstd-compressed `collection.anki21b` that `meta` (version 3) names.
///
/// A package comes from a stranger, so reading it is bounded: at most
/// `entryLimit` entries; no entry whose name climbs out (`..`), is absolute
/// or is a link; the collection inflates to at most `collectionLimit`
/// bytes and 200 times its compressed size (past 32 MiB), `meta` to
/// `smallEntryLimit` — counted while inflating, whatever the zip's header
/// claims, so a zip bomb stops at the limit. Nothing is
/// extracted under the entry's own name: the collection goes to a private
/// temporary folder, removed afterwards; media are named, never written.
public enum AnkiPackage {
    /// The most entries read (a package holds a collection, `meta`,
    /// `media` and one entry per media file).
    public static let entryLimit = 100_000
    /// The most bytes a collection may inflate to.
    public static let collectionLimit = 512 << 20
    /// The most bytes `meta` may inflate to.
    public static let smallEntryLimit = 1 << 20
    /// The most an entry may grow while inflating, past `ratioFloor`
    /// bytes: a collection compresses a few times, a bomb a thousand, so a
    /// bomb is refused after a few MiB instead of filling the disk.
    public static let ratioLimit = 200
    /// Below this many bytes no ratio is looked at (a tiny entry may
    /// compress well).
    public static let ratioFloor = 32 << 20

    /// The most bytes `compressed` bytes may inflate to.
    static func inflationLimit(compressed: UInt64, limit: Int) -> Int {
        let byRatio = Int(clamping: compressed).multipliedReportingOverflow(by: ratioLimit)
        return min(limit, max(ratioFloor, byRatio.overflow ? Int.max : byRatio.partialValue))
    }

    /// The layouts, by the version `meta` gives.
    enum Layout: Int {
        case legacy1 = 1, legacy2 = 2, latest = 3

        var entry: String {
            switch self {
            case .legacy1: "collection.anki2"
            case .legacy2: "collection.anki21"
            case .latest: "collection.anki21b"
            }
        }
    }

    /// The package for `tables`: a zip held in memory. The collection is
    /// made in a private folder inside `temporaryDirectory` (the caller's
    /// `$TMPDIR`: only the executable reads the environment).
    public static func write(_ tables: AnkiTables, temporaryDirectory: String) throws(AnkiIssue) -> Data {
        let folder = try temporaryFolder(in: temporaryDirectory)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/collection.anki2"
        do {
            try AnkiCollectionFile.write(tables, to: path)
        } catch {
            throw .badCollection("\(error)")
        }
        do {
            let archive = try Archive(accessMode: .create)
            try archive.addEntry(
                with: "collection.anki2", fileURL: URL(fileURLWithPath: path), compressionMethod: .deflate)
            let media = Data("{}".utf8)
            try archive.addEntry(
                with: "media", type: .file, uncompressedSize: Int64(media.count), compressionMethod: .deflate
            ) { position, size in media.subdata(in: Int(position)..<Int(position) + size) }
            guard let data = archive.data else { throw AnkiIssue.notAZip("no archive") }
            return data
        } catch let issue as AnkiIssue {
            throw issue
        } catch {
            throw .notAZip("\(error)")
        }
    }

    /// Why ZIPFoundation could not open a file as a zip, in the words
    /// `ZipEntryReader` uses for the same faults: its case names
    /// (`missingEndOfCentralDirectoryRecord`) are no message for an
    /// instructor.
    static func reason(_ error: any Error) -> String {
        switch error as? Archive.ArchiveError {
        case .missingEndOfCentralDirectoryRecord?: "no end of central directory (cut short, or not a zip at all)"
        case .unreadableArchive?: "cannot read the file"
        case .invalidCentralDirectoryOffset?, .invalidCentralDirectorySize?, .invalidCentralDirectoryEntryCount?:
            "the central directory lies out of bounds"
        default: String(describing: error)
        }
    }

    /// The collection inside the package at `path`, inflated into a
    /// private folder inside `temporaryDirectory` and removed afterwards;
    /// its review log only when `reviews`.
    public static func read(path: String, temporaryDirectory: String, reviews: Bool = true) throws(AnkiIssue)
        -> AnkiTables
    {
        let archive: Archive
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw .notAZip(Self.reason(error))
        }
        // ZIPFoundation lists the entries (and judges them); their bytes
        // are read by `ZipEntryReader`, within each entry's compressed size.
        var count = 0
        for entry in archive {
            count += 1
            if count > entryLimit { throw .tooManyEntries(limit: entryLimit) }
            guard isSafe(entry) else { throw .unsafeEntry(entry.path) }
        }
        let zip = try ZipEntryReader(path: path, entryLimit: entryLimit)
        defer { zip.close() }
        let entries = zip.entries
        let layout: Layout
        if let meta = entries["meta"] {
            let bytes = try inflate(meta, from: zip, limit: smallEntryLimit)
            let version = ProtobufFields(bytes).varint(1) ?? 0
            // A version-1 package may say so with a meta that has no version.
            guard let known = Layout(rawValue: Int(version == 0 ? 1 : version)) else {
                throw .unknownVersion(Int(clamping: version))
            }
            layout = known
        } else {
            layout = entries["collection.anki21"] != nil ? .legacy2 : .legacy1
        }
        guard let entry = entries[layout.entry] else { throw .noCollection }
        let folder = try temporaryFolder(in: temporaryDirectory)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let collection = folder + "/collection"
        if layout == .latest {
            let compressed = folder + "/collection.zst"
            try inflate(entry, from: zip, to: compressed, limit: collectionLimit)
            try Zstd.decompress(file: compressed, to: collection, limit: collectionLimit)
        } else {
            try inflate(entry, from: zip, to: collection, limit: collectionLimit)
        }
        do {
            return try AnkiCollectionFile.read(path: collection, reviews: reviews)
        } catch {
            switch error {
            case .tooManyRows(let table, let limit): throw .tooManyRows(table: table, limit: limit)
            case .notACollection: throw .badCollection("no Anki tables")
            case .unreadable(let why), .cannotWrite(let why): throw .badCollection(why)
            }
        }
    }

    /// Whether an entry may be read: a plain file or folder whose name
    /// stays inside the package.
    static func isSafe(_ entry: Entry) -> Bool {
        guard entry.type != .symlink else { return false }
        let name = entry.path
        if name.hasPrefix("/") || name.hasPrefix("\\") || name.contains("\0") { return false }
        if name.count >= 2, name.dropFirst().first == ":" { return false }
        let parts = name.split(whereSeparator: { $0 == "/" || $0 == "\\" })
        return !parts.contains("..")
    }

    /// An entry's bytes in memory, refusing more than `limit`.
    static func inflate(_ entry: ZipEntryReader.Location, from zip: ZipEntryReader, limit: Int) throws(AnkiIssue)
        -> [UInt8]
    {
        var bytes: [UInt8] = []
        try zip.inflate(entry, limit: limit) { chunk throws(AnkiIssue) in bytes += chunk }
        return bytes
    }

    /// Streams an entry into a new file at `path`, refusing more than `limit` bytes.
    static func inflate(_ entry: ZipEntryReader.Location, from zip: ZipEntryReader, to path: String, limit: Int)
        throws(AnkiIssue)
    {
        let limit = inflationLimit(compressed: entry.compressedSize, limit: limit)
        guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]),
            let output = fopen(path, "wb")
        else { throw .badCollection("cannot create a temporary file") }
        defer { fclose(output) }
        try zip.inflate(entry, limit: limit) { chunk throws(AnkiIssue) in
            guard fwrite(chunk.baseAddress, 1, chunk.count, output) == chunk.count else {
                throw .badCollection("cannot write a temporary file")
            }
        }
        guard fflush(output) == 0 else { throw .badCollection("cannot write a temporary file") }
    }

    /// A new private folder for the package's collection.
    static func temporaryFolder(in directory: String) throws(AnkiIssue) -> String {
        let base = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        var template = Array(((base.isEmpty ? "/tmp" : base) + "/jatta-apkg-XXXXXX").utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw .badCollection("cannot create a temporary folder")
        }
        return String(cString: made)
    }
}

/// zstd through the system's libzstd: the collection of a version-3 package.
enum Zstd {
    /// Decompresses the file at `source` into a new file at `target`,
    /// streaming, refusing more than `limit` bytes of output.
    static func decompress(file source: String, to target: String, limit: Int) throws(AnkiIssue) {
        var info = stat()
        let compressed = stat(source, &info) == 0 ? UInt64(max(0, info.st_size)) : 0
        let limit = AnkiPackage.inflationLimit(compressed: compressed, limit: limit)
        guard let input = fopen(source, "rb") else { throw .badCompression("cannot open") }
        defer { fclose(input) }
        guard let output = fopen(target, "wb") else { throw .badCompression("cannot create") }
        defer { fclose(output) }
        guard let stream = ZSTD_createDStream() else { throw .badCompression("no memory") }
        defer { ZSTD_freeDStream(stream) }
        // A window larger than 16 MiB is refused: that is what bounds the
        // decoder's own memory (Anki's default compression, like zstd's
        // levels up to 19, uses at most 8 MiB).
        ZSTD_DCtx_setParameter(stream, ZSTD_d_windowLogMax, 24)
        let inSize = ZSTD_DStreamInSize()
        let outSize = ZSTD_DStreamOutSize()
        var inBuffer = [UInt8](repeating: 0, count: inSize)
        var outBuffer = [UInt8](repeating: 0, count: outSize)
        var written = 0
        var lastResult = 0
        var sawInput = false
        while true {
            let read = fread(&inBuffer, 1, inSize, input)
            if read == 0 { break }
            sawInput = true
            let failure: AnkiIssue? = inBuffer.withUnsafeBytes { inRaw in
                var inPosition = ZSTD_inBuffer(src: inRaw.baseAddress, size: read, pos: 0)
                while inPosition.pos < inPosition.size {
                    let (result, produced) = outBuffer.withUnsafeMutableBytes { outRaw in
                        var outPosition = ZSTD_outBuffer(dst: outRaw.baseAddress, size: outSize, pos: 0)
                        let result = ZSTD_decompressStream(stream, &outPosition, &inPosition)
                        return (result, outPosition.pos)
                    }
                    if ZSTD_isError(result) != 0 { return .badCompression(String(cString: ZSTD_getErrorName(result))) }
                    written += produced
                    if written > limit { return .tooLarge(entry: "collection.anki21b", limit: limit) }
                    if produced > 0, fwrite(outBuffer, 1, produced, output) != produced {
                        return .badCompression("cannot write")
                    }
                    lastResult = result
                }
                return nil
            }
            if let failure { throw failure }
        }
        // A frame that stops early leaves the decoder wanting more input.
        if !sawInput || lastResult != 0 { throw .badCompression("the data ends too early") }
    }
}

/// Reading the few protobuf fields jatta needs (`meta`'s version, a note
/// type's kind, a template's question format) from Anki's blobs: the wire
/// format's varints and length-delimited fields, nothing more.
struct ProtobufFields {
    /// The blob.
    let bytes: [UInt8]

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// The last varint field `number` (a protobuf reader keeps the last).
    func varint(_ number: UInt64) -> UInt64? {
        var found: UInt64?
        walk { field, wire, value, _ in if field == number, wire == 0 { found = value } }
        return found
    }

    /// The last length-delimited field `number`, as bytes.
    func bytes(_ number: UInt64) -> [UInt8]? {
        var found: [UInt8]?
        walk { field, wire, _, payload in if field == number, wire == 2 { found = Array(payload) } }
        return found
    }

    /// Calls `visit` for each field until the end or a malformed byte.
    private func walk(_ visit: (UInt64, UInt64, UInt64, ArraySlice<UInt8>) -> Void) {
        var index = 0
        func readVarint() -> UInt64? {
            var value: UInt64 = 0
            var shift: UInt64 = 0
            while index < bytes.count, shift < 64 {
                let byte = bytes[index]
                index += 1
                value |= UInt64(byte & 0x7F) << shift
                if byte & 0x80 == 0 { return value }
                shift += 7
            }
            return nil
        }
        while index < bytes.count {
            guard let key = readVarint() else { return }
            let field = key >> 3
            let wire = key & 7
            switch wire {
            case 0:
                guard let value = readVarint() else { return }
                visit(field, wire, value, [])
            case 1:
                index += 8
            case 2:
                guard let length = readVarint(), length <= UInt64(bytes.count - index) else { return }
                let end = index + Int(length)
                visit(field, wire, length, bytes[index..<end])
                index = end
            case 5:
                index += 4
            default:
                return
            }
        }
    }
}
