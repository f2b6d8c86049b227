import Foundation

@testable import Lectures

/// The seed lectures in `../shared/seeds`, found from this file's place in
/// the package, and the drafts kept in `drafts/`.
enum SeedFiles {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// `JATTA_SEEDS` stands in for `../shared/seeds`, so that scripts/test
    /// can check that it refuses a run whose seed tests skip.
    static let directory = ProcessInfo.processInfo.environment["JATTA_SEEDS"].map { URL(fileURLWithPath: $0) }
        ?? packageRoot.appendingPathComponent("../shared/seeds").standardizedFileURL
    static let draftsDirectory = packageRoot.appendingPathComponent("drafts")

    /// The seed files, sorted by name; empty when `../shared` is absent.
    static let names: [String] = {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return files.filter { !$0.hasPrefix(".") }.sorted()
    }()

    static var exist: Bool { names.count >= 5 }

    /// The seeds as the command line names them: relative to the package.
    static func inputs() throws -> [LectureInput] {
        try names.map { name in
            let data = try Data(contentsOf: directory.appendingPathComponent(name))
            return LectureInput(path: "../shared/seeds/" + name, bytes: [UInt8](data))
        }
    }

    /// All five seeds extracted together, as `jatta extract` does (once
    /// for all tests).
    static func extraction() throws -> Extraction { try shared.get() }

    static let shared: Result<Extraction, any Error> = Result { try LectureExtractor.extract(inputs()) }

    static func document(_ prefix: String, in extraction: Extraction) -> LectureDocument? {
        extraction.documents.first { $0.file.hasPrefix(prefix) }
    }
}
