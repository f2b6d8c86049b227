import FSRS
import Foundation
import Testing
@testable import ReviewStore

/// Each bad situation must give a StoreError with both messages, and leave
/// the file exactly as it was.
@Suite struct BadSituationTests {
    private func kindMatches(_ error: any Error, _ check: (StoreError.Kind) -> Bool) -> Bool {
        guard let error = error as? StoreError else { return false }
        return check(error.kind) && !error.kazakh.isEmpty && !error.english.isEmpty && error.description.contains(error.path)
    }

    /// A database with one answer, closed (so the WAL is checkpointed away).
    private func makeDatabase(in dir: URL) throws -> String {
        let path = dir.appendingPathComponent("progress.sqlite").path
        var rng = SeededGenerator(seed: 50)
        let store = try ProgressStore(path: path)
        for i in 0..<200 {
            let time = t0.addingTimeInterval(Double(i))
            try store.record(answer("k\(i)", at: time, after: scheduleAfter(nil, rating: .good, at: time, using: &rng)))
        }
        return path
    }

    @Test func databaseFromANewerJattaIsRefusedAndLeftAlone() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try makeDatabase(in: dir)
        do {
            let store = try ProgressStore(path: path)
            try store.executeRaw("INSERT INTO grdb_migrations (identifier) VALUES ('v9-from-the-future')")
        }
        let bytes = try #require(fileBytes(path))
        #expect {
            _ = try ProgressStore(path: path)
        } throws: { error in
            kindMatches(error) { $0 == .newerSchema(unknownMigrations: ["v9-from-the-future"]) }
                && (error as? StoreError)?.english.contains("newer jatta") == true
        }
        #expect(fileBytes(path) == bytes)
    }

    @Test(arguments: [
        Array("this is a deck, not a database\n".utf8),
        Array(repeating: UInt8(0xAB), count: 8192),
        Array("SQLite format 3".utf8),  // too short to be a header
    ])
    func fileThatIsNotADatabaseIsRefusedAndLeftAlone(content: [UInt8]) throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("notes.txt").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data(content)))
        #expect {
            _ = try ProgressStore(path: path)
        } throws: { kindMatches($0) { $0 == .notADatabase } }
        #expect(fileBytes(path) == content)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
    }

    @Test func folderInsteadOfAFileIsRefused() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect {
            _ = try ProgressStore(path: dir.path)
        } throws: { kindMatches($0) { $0 == .notAFile(.folder) } }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }

    @Test func anotherProgramsSQLiteDatabaseIsRefusedAndLeftAlone() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let foreign = dir.appendingPathComponent("collection.anki2").path
        do {
            // VACUUM INTO writes a rollback-journal copy, as most programs keep.
            let scratch = try ProgressStore()
            try scratch.executeRaw("PRAGMA application_id = 0")
            try scratch.executeRaw("CREATE TABLE notes (id INTEGER PRIMARY KEY, flds TEXT)")
            try scratch.executeRaw("VACUUM INTO '\(foreign)'")
        }
        let bytes = try #require(fileBytes(foreign))
        #expect {
            _ = try ProgressStore(path: foreign)
        } throws: { kindMatches($0) { $0 == .foreignDatabase } }
        #expect(fileBytes(foreign) == bytes)
    }

    @Test func corruptSchemaPageIsReportedAndLeftAlone() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try makeDatabase(in: dir)
        var bytes = try #require(fileBytes(path))
        for i in 100..<min(4096, bytes.count) { bytes[i] = UInt8(truncatingIfNeeded: i &* 37) }
        #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
        #expect {
            let store = try ProgressStore(path: path)
            _ = try store.log()
        } throws: { kindMatches($0) { $0 == .corrupt } }
        #expect(fileBytes(path) == bytes)
    }

    @Test func corruptDataPagesAreReportedOnReadAndLeftAlone() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try makeDatabase(in: dir)
        var bytes = try #require(fileBytes(path))
        #expect(bytes.count >= 4 * 4096)
        // Scramble every page after the first: the schema opens, the data does not.
        for i in 4096..<bytes.count { bytes[i] = UInt8(truncatingIfNeeded: (i &* 131) ^ 0x5A) }
        #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
        #expect {
            let store = try ProgressStore(path: path)
            _ = try store.log()
            _ = try store.currentProgress()
        } throws: { kindMatches($0) { $0 == .corrupt } }
        #expect(fileBytes(path) == bytes)
    }

    @Test func fullDatabaseRefusesTheAnswerAndKeepsEverythingEarlier() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("small.sqlite").path
        // Room for every table and index of the schema and some answers.
        let store = try ProgressStore(path: path, options: StoreOptions(maximumPageCount: 80))
        var rng = SeededGenerator(seed: 51)
        var recorded: [ReviewLogEntry.ID] = []
        var failure: StoreError?
        for i in 0..<10_000 {
            let time = t0.addingTimeInterval(Double(i))
            let long = String(repeating: "мәтін ", count: 40)
            do {
                recorded.append(try store.record(answer("card-\(i)-\(long)", at: time,
                    after: scheduleAfter(nil, rating: .good, at: time, using: &rng))))
            } catch let error as StoreError {
                failure = error
                break
            }
        }
        let error = try #require(failure)
        #expect(error.kind == .diskFull)
        #expect(error.english.contains("No space left") && error.kazakh.contains("орын қалмады"))
        #expect(recorded.count > 10)
        // Every earlier answer is intact, the refused one left no trace, and
        // the state still agrees with the log.
        let log = try store.log()
        #expect(log.map(\.id) == recorded.reversed())
        #expect(try store.verify().isEmpty)
        // Reading and undoing (which also needs a page or so) keep working or fail cleanly.
        #expect(try store.logCount() == recorded.count)
    }

    @Test(.enabled(if: getuid() != 0, "root ignores directory permissions; scripts/tests/store-bad-situations.sh covers it"))
    func readOnlyDirectoryIsReportedWithoutCreatingAnything() throws {
        let dir = try temporaryDirectory()
        defer {
            try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dir.path)
            try? FileManager.default.removeItem(at: dir)
        }
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: dir.path)
        let path = dir.appendingPathComponent("progress.sqlite").path
        #expect {
            _ = try ProgressStore(path: path)
        } throws: { kindMatches($0) { $0 == .cannotOpen || $0 == .readOnly } }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func everyErrorKindHasBothLanguages() {
        let kinds: [StoreError.Kind] = [
            .newerSchema(unknownMigrations: ["x"]), .notADatabase, .foreignDatabase, .corrupt, .readOnly, .cannotOpen,
            .cannotCreateDirectory, .diskFull, .busy, .ioError, .unknownCard(key: "k"), .undoConflict(key: "k"),
            .invalidValue("v"), .sqlite(code: 1), .corruptValue(key: "k", what: "w"), .notAFile(.folder),
            .notAFile(.device), .notAFile(.fifo), .notAFile(.socket),
        ]
        var seen = Set<String>()
        for kind in kinds {
            let error = StoreError(kind, path: "/p")
            // Kazakh messages use Cyrillic; English ones do not.
            #expect(error.kazakh.unicodeScalars.contains { (0x0400...0x04FF).contains($0.value) })
            #expect(!error.english.unicodeScalars.contains { (0x0400...0x04FF).contains($0.value) })
            #expect(seen.insert(error.english).inserted)
            #expect(error.message(language: "kk_KZ.UTF-8") == error.kazakh)
            #expect(error.message(language: "en_US") == error.english)
        }
    }
}
