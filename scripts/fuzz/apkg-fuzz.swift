import DeckFormat
import Foundation
import Interchange
import ZIPFoundation

#if canImport(Glibc)
    import Glibc
#endif

/// libFuzzer entry point for `jatta import apkg`: the package goes through
/// the very code the command runs (AnkiPackage, AnkiCollectionFile,
/// AnkiImporter with histories, DeckPrinter, DeckParser). The first byte
/// picks what the rest is:
/// - even: the whole `.apkg` file — the zip's directory and entries, the
///   entry checks, `meta`, the zstd layout, the inflation limits;
/// - odd: the bytes of the collection, packed by the harness into a valid
///   zip as `collection.anki2`, so that mutations reach SQLite's reading
///   of the tables and the importer instead of dying in the zip.
/// A damaged package must be an AnkiIssue, never a crash, a hang or a
/// blow-up; a deck that imports must print and read back.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAnkiPackage(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0, let folder = scratch else { return 0 }
    let rest = Data(UnsafeBufferPointer(start: data + 1, count: size - 1))
    let package: Data
    if data[0] & 1 == 0 {
        package = rest
    } else {
        guard let zipped = zip(collection: rest) else { return 0 }
        package = zipped
    }
    let path = folder + "/input.apkg"
    guard FileManager.default.createFile(atPath: path, contents: package) else { abort() }
    defer { unlink(path) }
    guard let tables = try? AnkiPackage.read(path: path, temporaryDirectory: folder) else { return 0 }
    let (result, _) = AnkiImporter.read(tables, file: "input.apkg", deckFile: "input.deck", histories: true)
    if !result.hasErrors {
        _ = DeckParser.parse(DeckPrinter.print(result.deck), file: "input.deck")
    }
    return 0
}

/// A private folder for the package file and the inflated collection,
/// made once for the run and removed at its end (it is empty then: the
/// reader removes its own folders, the harness its input).
let scratch: String? = {
    var template = Array("/tmp/jatta-apkg-fuzz-XXXXXX".utf8CString)
    let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }.map { String(cString: $0) }
    atexit { if let folder = scratch { rmdir(folder) } }
    return made
}()

/// `collection` as the only entry of a zip held in memory.
func zip(collection: Data) -> Data? {
    guard let archive = try? Archive(data: Data(), accessMode: .create, pathEncoding: nil) else { return nil }
    do {
        try archive.addEntry(
            with: "collection.anki2", type: .file, uncompressedSize: Int64(collection.count), compressionMethod: .none
        ) { position, size in collection.subdata(in: Int(position)..<Int(position) + size) }
    } catch {
        return nil
    }
    return archive.data
}
