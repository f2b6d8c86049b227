import ArgumentParser
import FSRS
import Foundation
import ReviewStore

/// `jatta history`: the review log, newest first, so a student (or a check
/// from outside) can see exactly what was recorded.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Show the review log, newest first.",
        discussion: "Answers, undos, suspends and buries, as recorded in the progress database.")

    @OptionGroup var database: DatabaseOptions

    @Option(name: .customLong("card"), help: ArgumentHelp("Only this card (its id, or ID/reverse).", valueName: "id"))
    var card: String?

    @Option(help: "Show at most this many entries.")
    var limit: Int?

    @Flag(help: "Print JSON (one array, newest first) instead of text.")
    var json = false

    func validate() throws {
        if let limit, limit < 0 { throw ValidationError("--limit must be 0 or more.") }
    }

    func run() throws {
        let entries: [ReviewLogEntry]
        let prompts: [String: String]
        do {
            guard let store = try database.openExistingStore() else {
                print(json ? "[]" : HistoryFormat.empty)
                return
            }
            if let card {
                entries = Array(try store.history(key: card).prefix(limit ?? Int.max))
            } else {
                entries = try store.log(limit: limit)
            }
            prompts = try store.registeredCards(keys: Array(Set(entries.map(\.key)))).mapValues(\.prompt)
        } catch {
            throw StoreFailure.exit(error)
        }
        if json {
            print(try HistoryFormat.json(entries, prompts: prompts))
        } else if entries.isEmpty {
            print(HistoryFormat.empty)
        } else {
            for entry in entries { print(HistoryFormat.line(entry, prompt: prompts[entry.key], timeZone: .current)) }
        }
    }
}

/// How history entries are written out. Pure, so it is testable.
enum HistoryFormat {
    static let empty = "Әзірге ештеңе жазылмаған. / Nothing recorded yet."

    /// One line: id, local time, kind, rating, duration, card, deck, then the
    /// schedule after (or the flag change), and whether it was undone.
    static func line(_ entry: ReviewLogEntry, prompt: String?, timeZone: TimeZone) -> String {
        var parts = ["#\(entry.id)", localTime(entry.time, timeZone: timeZone), entry.kind.rawValue]
        if let rating = entry.rating { parts.append(ratingName(rating)) }
        if let ms = entry.durationMilliseconds { parts.append(String(format: "%.1fs", Double(ms) / 1000)) }
        parts.append(entry.key)
        parts.append(entry.deckFile)
        switch entry.kind {
        case .undo:
            parts.append("undoes #\(entry.undoes.map(String.init) ?? "?")")
        case .suspend, .unsuspend:
            break
        case .bury:
            parts.append(entry.after.buriedUntil.map { "until \(localTime($0, timeZone: timeZone))" } ?? "unburied")
        case .study, .quiz, .override:
            if let schedule = entry.after.schedule {
                parts.append("→ \(stateName(schedule.state)), due \(localTime(schedule.due, timeZone: timeZone))")
            }
        }
        if let undoneBy = entry.undoneBy { parts.append("(undone by #\(undoneBy))") }
        if let prompt { parts.append("“\(shorten(prompt))”") }
        return parts.joined(separator: "  ")
    }

    /// The entries as a JSON array, keys sorted so the output is stable.
    static func json(_ entries: [ReviewLogEntry], prompts: [String: String]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(entries.map { JSONEntry($0, prompt: prompts[$0.key]) })
        return String(decoding: data, as: UTF8.self)
    }

    static func ratingName(_ rating: Rating) -> String {
        switch rating {
        case .again: "again"
        case .hard: "hard"
        case .good: "good"
        case .easy: "easy"
        }
    }

    static func stateName(_ state: SchedulingState) -> String {
        switch state {
        case .learning: "learning"
        case .review: "review"
        case .relearning: "relearning"
        }
    }

    static func isoTime(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }

    private static func localTime(_ date: Date, timeZone: TimeZone) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = timeZone
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return formatter.string(from: date)
    }

    private static func shorten(_ text: String) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return flat.count <= 60 ? flat : String(flat.prefix(59)) + "…"
    }

    /// The JSON shape of one entry; times as ISO 8601 UTC with milliseconds.
    struct JSONEntry: Encodable {
        struct Progress: Encodable {
            var state: String?
            var step: Int?
            var stability: Double?
            var difficulty: Double?
            var due: String?
            var lastReview: String?
            var reps: Int?
            var lapses: Int?
            var suspended: Bool
            var buriedUntil: String?

            init(_ progress: CardProgress) {
                let schedule = progress.schedule
                state = schedule.map { HistoryFormat.stateName($0.state) }
                step = schedule?.step
                stability = schedule?.memory?.stability
                difficulty = schedule?.memory?.difficulty
                due = schedule.map { HistoryFormat.isoTime($0.due) }
                lastReview = schedule?.lastReview.map(HistoryFormat.isoTime)
                reps = schedule?.reps
                lapses = schedule?.lapses
                suspended = progress.suspended
                buriedUntil = progress.buriedUntil.map(HistoryFormat.isoTime)
            }
        }

        var id: Int64
        var card: String
        var deckFile: String
        var prompt: String?
        var session: String?
        var time: String
        var kind: String
        var rating: String?
        var durationMs: Int?
        var undoes: Int64?
        var undoneBy: Int64?
        var before: Progress
        var after: Progress

        init(_ entry: ReviewLogEntry, prompt: String?) {
            id = entry.id
            card = entry.key
            deckFile = entry.deckFile
            self.prompt = prompt
            session = entry.sessionID
            time = HistoryFormat.isoTime(entry.time)
            kind = entry.kind.rawValue
            rating = entry.rating.map(HistoryFormat.ratingName)
            durationMs = entry.durationMilliseconds
            undoes = entry.undoes
            undoneBy = entry.undoneBy
            before = Progress(entry.before)
            after = Progress(entry.after)
        }
    }
}
