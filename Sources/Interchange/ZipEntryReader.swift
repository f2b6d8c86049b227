import CInflate
import Foundation

/// Reading a package's zip entries by hand, each within its own compressed
/// bytes. ZIPFoundation's reader feeds its inflater from the file until the
/// deflate stream ends, so a stream that never ends spins forever at the end
/// of the file (issue 19); here zlib gets at most the entry's compressed
/// size, and a stream that has not ended by then is a damaged package.
struct ZipEntryReader {
    /// Where an entry's bytes lie and what the central directory says of them.
    struct Location {
        /// The entry's name, as the central directory spells it (UTF-8).
        let name: String
        /// 0 (stored) or 8 (deflated); anything else is refused when read.
        let method: UInt16
        /// The bytes the entry takes in the file.
        let compressedSize: UInt64
        /// The bytes the entry says it inflates to (checked, not trusted).
        let uncompressedSize: UInt64
        /// The CRC-32 of the inflated bytes.
        let crc32: UInt32
        /// Where the local header starts.
        let localHeaderOffset: UInt64
    }

    /// The open package.
    private let file: UnsafeMutablePointer<FILE>
    /// The package's size in bytes.
    let fileSize: UInt64
    /// Where the central directory starts: no entry's data may reach past it.
    private let directoryOffset: UInt64
    /// The entries, by name (a later duplicate replaces an earlier one).
    let entries: [String: Location]

    /// Opens the package at `path` and reads its central directory,
    /// refusing zip64, archives out of the file's bounds and more than
    /// `entryLimit` entries.
    init(path: String, entryLimit: Int) throws(AnkiIssue) {
        guard let file = fopen(path, "rb") else { throw .notAZip("cannot open the file") }
        var info = stat()
        guard fstat(fileno(file), &info) == 0, info.st_size >= 22 else {
            fclose(file)
            throw .notAZip("too short for a zip")
        }
        self.file = file
        fileSize = UInt64(info.st_size)
        do {
            (directoryOffset, entries) = try Self.readDirectory(file, size: fileSize, entryLimit: entryLimit)
        } catch {
            fclose(file)
            throw error
        }
    }

    /// Closes the package.
    func close() { fclose(file) }

    /// `count` bytes at `offset`, refusing anything past the file's end.
    private static func read(_ file: UnsafeMutablePointer<FILE>, at offset: UInt64, count: Int, size: UInt64)
        throws(AnkiIssue) -> [UInt8]
    {
        guard offset <= size, UInt64(count) <= size - offset else { throw .notAZip("a record lies past the end") }
        var bytes = [UInt8](repeating: 0, count: count)
        guard fseeko(file, off_t(offset), SEEK_SET) == 0, fread(&bytes, 1, count, file) == count else {
            throw .notAZip("cannot read the file")
        }
        return bytes
    }

    /// The central directory's offset and its entries.
    private static func readDirectory(_ file: UnsafeMutablePointer<FILE>, size: UInt64, entryLimit: Int)
        throws(AnkiIssue) -> (UInt64, [String: Location])
    {
        // The end record is 22 bytes plus a comment of at most 65535.
        let tailCount = Int(min(size, 22 + 65535))
        let tailStart = size - UInt64(tailCount)
        let tail = try read(file, at: tailStart, count: tailCount, size: size)
        var end: Int?
        var index = tailCount - 22
        while index >= 0 {
            if le32(tail, index) == 0x0605_4b50, index + 22 + Int(le16(tail, index + 20)) <= tailCount {
                end = index
                break
            }
            index -= 1
        }
        guard let end else { throw .notAZip("no end of central directory") }
        let count = le16(tail, end + 10)
        let directorySize = UInt64(le32(tail, end + 12))
        let directoryOffset = UInt64(le32(tail, end + 16))
        if count == 0xFFFF || directorySize == 0xFFFF_FFFF || directoryOffset == 0xFFFF_FFFF {
            throw .notAZip("zip64 is not read")
        }
        if Int(count) > entryLimit { throw .tooManyEntries(limit: entryLimit) }
        let endOffset = tailStart + UInt64(end)
        guard directoryOffset <= endOffset, directorySize <= endOffset - directoryOffset else {
            throw .notAZip("the central directory lies out of bounds")
        }
        let directory = try read(file, at: directoryOffset, count: Int(directorySize), size: size)
        var entries: [String: Location] = [:]
        var at = 0
        for _ in 0..<Int(count) {
            guard at + 46 <= directory.count, le32(directory, at) == 0x0201_4b50 else {
                throw .notAZip("a damaged central directory record")
            }
            let nameLength = Int(le16(directory, at + 28))
            let recordLength = 46 + nameLength + Int(le16(directory, at + 30)) + Int(le16(directory, at + 32))
            guard at + recordLength <= directory.count else { throw .notAZip("a damaged central directory record") }
            let compressed = le32(directory, at + 20)
            let uncompressed = le32(directory, at + 24)
            let offset = le32(directory, at + 42)
            if compressed == 0xFFFF_FFFF || uncompressed == 0xFFFF_FFFF || offset == 0xFFFF_FFFF {
                throw .notAZip("zip64 is not read")
            }
            let name = String(decoding: directory[(at + 46)..<(at + 46 + nameLength)], as: UTF8.self)
            entries[name] = Location(
                name: name, method: le16(directory, at + 10), compressedSize: UInt64(compressed),
                uncompressedSize: UInt64(uncompressed), crc32: le32(directory, at + 16),
                localHeaderOffset: UInt64(offset))
            at += recordLength
        }
        return (directoryOffset, entries)
    }

    /// Inflates `entry`, handing the bytes to `sink` chunk by chunk; refuses
    /// more than `limit` bytes, a stream that does not end within the
    /// entry's compressed bytes, damaged data and a wrong CRC-32.
    func inflate(_ entry: Location, limit: Int, into sink: (UnsafeBufferPointer<UInt8>) throws(AnkiIssue) -> Void)
        throws(AnkiIssue)
    {
        let header = try Self.read(file, at: entry.localHeaderOffset, count: 30, size: fileSize)
        guard le32(header, 0) == 0x0403_4b50 else { throw .notAZip("'\(entry.name)': no local header") }
        let dataOffset = entry.localHeaderOffset + 30 + UInt64(le16(header, 26)) + UInt64(le16(header, 28))
        guard dataOffset <= directoryOffset, entry.compressedSize <= directoryOffset - dataOffset,
            fseeko(file, off_t(dataOffset), SEEK_SET) == 0
        else { throw .notAZip("'\(entry.name)' lies out of bounds") }
        var remaining = entry.compressedSize
        let chunkSize = 1 << 16
        let input = UnsafeMutablePointer<UInt8>.allocate(capacity: chunkSize)
        defer { input.deallocate() }
        // Reads the next piece of the entry's compressed bytes, never past them.
        func nextInput() throws(AnkiIssue) -> Int {
            let want = Int(min(UInt64(chunkSize), remaining))
            guard want > 0 else { return 0 }
            guard fread(input, 1, want, file) == want else { throw .notAZip("'\(entry.name)': cannot read") }
            remaining -= UInt64(want)
            return want
        }
        var crc = crc32(0, nil, 0)
        var written = 0
        func emit(_ bytes: UnsafeBufferPointer<UInt8>) throws(AnkiIssue) {
            guard !bytes.isEmpty else { return }
            written += bytes.count
            guard written <= limit else { throw .tooLarge(entry: entry.name, limit: limit) }
            crc = crc32(crc, bytes.baseAddress, uInt(bytes.count))
            try sink(bytes)
        }
        switch entry.method {
        case 0:
            guard entry.compressedSize == entry.uncompressedSize else {
                throw .notAZip("'\(entry.name)': stored sizes differ")
            }
            while true {
                let count = try nextInput()
                if count == 0 { break }
                try emit(UnsafeBufferPointer(start: input, count: count))
            }
        case 8:
            try inflateDeflated(entry, input: input, nextInput: nextInput, emit: emit)
        default:
            throw .notAZip("'\(entry.name)': compression method \(entry.method) is not read")
        }
        guard UInt32(truncatingIfNeeded: crc) == entry.crc32 else { throw .notAZip("'\(entry.name)': wrong CRC-32") }
    }

    /// Raw deflate through zlib, fed only by `nextInput`.
    private func inflateDeflated(
        _ entry: Location, input: UnsafeMutablePointer<UInt8>, nextInput: () throws(AnkiIssue) -> Int,
        emit: (UnsafeBufferPointer<UInt8>) throws(AnkiIssue) -> Void
    ) throws(AnkiIssue) {
        let damaged = AnkiIssue.notAZip("'\(entry.name)': the deflate stream is damaged")
        let outSize = 1 << 16
        let output = UnsafeMutablePointer<UInt8>.allocate(capacity: outSize)
        defer { output.deallocate() }
        var stream = z_stream()
        guard inflateInit2_(&stream, -15, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw .notAZip("zlib cannot start")
        }
        defer { inflateEnd(&stream) }
        while true {
            if stream.avail_in == 0 {
                stream.next_in = input
                stream.avail_in = uInt(try nextInput())
            }
            let inputBefore = stream.avail_in
            stream.next_out = output
            stream.avail_out = uInt(outSize)
            let result = zlib_inflate(&stream)
            let produced = outSize - Int(stream.avail_out)
            try emit(UnsafeBufferPointer(start: output, count: produced))
            switch result {
            case Z_STREAM_END:
                return
            case Z_OK, Z_BUF_ERROR:
                // No input left and no progress: the stream stops before its end.
                if inputBefore == 0, stream.avail_in == 0, produced == 0 {
                    throw .notAZip("'\(entry.name)': the deflate stream ends too early")
                }
            default:
                throw damaged
            }
        }
    }
}

/// zlib's `inflate`, named apart from `ZipEntryReader.inflate`.
private func zlib_inflate(_ stream: inout z_stream) -> Int32 { inflate(&stream, Z_NO_FLUSH) }

/// The little-endian 16-bit number at `index`.
private func le16(_ bytes: [UInt8], _ index: Int) -> UInt16 {
    UInt16(bytes[index]) | UInt16(bytes[index + 1]) << 8
}

/// The little-endian 32-bit number at `index`.
private func le32(_ bytes: [UInt8], _ index: Int) -> UInt32 {
    UInt32(bytes[index]) | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2]) << 16
        | UInt32(bytes[index + 3]) << 24
}
