import ClassStore
import Foundation

/// Reads the result files of `jatta class report FILE…` and hands them to
/// `CollectedResultsReader`.
enum CollectedResults {
    /// A file that cannot be read or is no result.
    struct Failure: Error {
        var file: String
        var isUnreadable: Bool

        func message(kazakh: Bool) -> String {
            if isUnreadable { return kazakh ? "\(file): оқу мүмкін емес" : "\(file): cannot be read" }
            return kazakh
                ? "\(file): quiz --json не stats --json нәтижесі емес" : "\(file): not a quiz --json or stats --json result"
        }
    }

    static func report(files: [String], places: DeckPlaces?) throws(Failure) -> ClassReport {
        var results: [CollectedResultsReader.Result] = []
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else { throw Failure(file: file, isUnreadable: true) }
            let name = (file as NSString).lastPathComponent
            let student = String(name.split(separator: ".", maxSplits: 1).first ?? Substring(name))
            results.append(CollectedResultsReader.Result(student: student, file: file, data: data))
        }
        do {
            return try CollectedResultsReader.report(results, places: places)
        } catch {
            throw Failure(file: error.file, isUnreadable: false)
        }
    }
}
