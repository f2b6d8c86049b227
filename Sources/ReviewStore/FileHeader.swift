import Foundation

/// A look at the first bytes of an existing file before SQLite opens it, so
/// that a file that is not a database, or is another program's database in
/// rollback-journal mode, is refused without SQLite switching it to WAL.
enum FileHeader {
    private static let magic = Array("SQLite format 3\0".utf8)

    static func check(path: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return }
        if isDirectory.boolValue { throw StoreError(.notADatabase, path: path, detail: "a folder, not a file") }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw StoreError(.cannotOpen, path: path)
        }
        defer { try? handle.close() }
        let header: [UInt8]
        do {
            header = Array(try handle.read(upToCount: 100) ?? Data())
        } catch {
            throw StoreError(.ioError, path: path, detail: "\(error)")
        }
        if header.isEmpty { return }  // a new, empty database file
        guard header.count == 100, Array(header[0..<16]) == magic else {
            throw StoreError(.notADatabase, path: path)
        }
        let applicationID = header[68..<72].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        let walMode = header[18] == 2 && header[19] == 2
        if applicationID != 0 && applicationID != UInt32(bitPattern: Schema.applicationID) {
            throw StoreError(.foreignDatabase, path: path)
        }
        // jatta switches a database to WAL before writing anything into it, so
        // a rollback-journal database with content is someone else's.
        if applicationID == 0 && !walMode {
            throw StoreError(.foreignDatabase, path: path)
        }
    }
}
