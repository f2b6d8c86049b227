import ArgumentParser
import DeckFormat
import FSRS
import Foundation
import ReviewStore
import TerminalUI

/// `jatta history`: the review log, newest first, so a student (or a check
/// from outside) can see exactly what was recorded.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Show the review log, newest first.",
        discussion: """
            Answers, undos, suspends and buries, as recorded in the progress database. \
            Exit status: 0 shown (or nothing recorded yet), 1 a --card id the database has never \
            seen, or the database cannot be read.
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var languageOptions: LanguageOptions

    @Option(name: .customLong("card"), help: ArgumentHelp("Only this card (its id, or ID/reverse).", valueName: "id"))
    var card: String?

    @Option(help: "Show at most this many entries.")
    var limit: Int?

    @Flag(help: "Print JSON (one array, newest first) instead of text.")
    var json = false

    func validate() throws {
        // --limit 0 would show nothing and say "nothing recorded yet", which
        // is not true: an empty page is a mistake, not a question.
        if let limit, limit < 1 { throw ValidationError("--limit кемінде 1 болуы керек / --limit must be 1 or more") }
        // An empty id names no card: a mistake of the command line (it
        // said "No card  in the progress database", status 1).
        if let card, card.trimmingCharacters(in: .whitespaces).isEmpty {
            throw ValidationError("--card карта ID-ін күтеді, ол бос / --card needs a card's id; it was empty")
        }
    }

    func run() throws {
        let language = languageOptions.resolved(environment: ProcessEnvironment.variables)
        let words = HistoryWords.of(language)
        // Each page of entries is written as it is read: the whole log of a
        // heavy user (a million entries) was read into memory first, 1.4 GB
        // and 40 s before the first line. A store failing part of the way
        // ends the output there, with the error and status 74.
        var printer = HistoryPrinter(json: json, words: words, timeZone: LocalTimeZone.current)
        // A card the store does not know: status 1, as `find` when no card
        // holds the word; `[]` still for a program reading the JSON.
        func unknown(_ shownCard: String) throws -> Never {
            if json { printer.finish() }
            SessionHost.warn(words.unknownCard(shownCard))
            throw ExitCode(1)
        }
        let opened: ProgressStore?
        do {
            opened = try database.openExistingStore()
        } catch {
            throw StoreFailure.exit(error, language: language)
        }
        guard let store = opened else {
            // No database: no card is known to it either (a mistyped --card
            // said "Nothing recorded yet.", status 0, here only).
            if let card { try unknown(TerminalText.oneLine(card)) }
            return printer.finish()
        }
        var shownCard: String?
        var cardIsUnknown = false
        do {
            if let card {
                let entries = Array(try store.history(key: card).prefix(limit ?? Int.max))
                let prompts = try store.registeredCards(keys: Array(Set(entries.map(\.key)))).mapValues(\.prompt)
                try printer.write(entries, prompts: prompts)
                if entries.isEmpty {
                    shownCard = TerminalText.oneLine(card)
                    // Told apart from a card not answered yet: a mistyped id
                    // must not read as an empty history.
                    cardIsUnknown = try store.registeredCards(keys: [card]).isEmpty
                }
            } else {
                try store.forEachLogPage(limit: limit) { entries, prompts in try printer.write(entries, prompts: prompts) }
            }
        } catch let error as EncodingError {
            // Not the store's: an entry JSON cannot hold.
            throw error
        } catch {
            throw StoreFailure.exit(error, language: language)
        }
        guard let shownCard else { return printer.finish() }
        if !cardIsUnknown { return printer.finish(empty: words.cardNotAnswered(shownCard)) }
        try unknown(shownCard)
    }
}

/// Writes history entries as they come, page by page: the heading before
/// the first entry, or the empty log's words (or `[]`) when none came. The
/// JSON is one array, its elements as `HistoryFormat.jsonElement` writes
/// them, a comma between each two.
struct HistoryPrinter {
    /// JSON (one array) instead of text.
    let json: Bool
    let words: HistoryWords
    let timeZone: TimeZone
    /// Where the text goes (standard output).
    let emit: (String) -> Void
    /// How many entries were written.
    private(set) var written = 0

    init(json: Bool, words: HistoryWords, timeZone: TimeZone, emit: @escaping (String) -> Void = Console.out) {
        self.json = json
        self.words = words
        self.timeZone = timeZone
        self.emit = emit
    }

    /// Writes `entries`, the next ones of the log, with their cards' prompts.
    mutating func write(_ entries: [ReviewLogEntry], prompts: [String: String]) throws {
        guard !entries.isEmpty else { return }
        var text = ""
        if json {
            for entry in entries {
                text += written == 0 ? "[" : ","
                text += try HistoryFormat.jsonElement(entry, prompt: prompts[entry.key])
                written += 1
            }
        } else {
            if written == 0 { text += words.heading + "\n" }
            for entry in entries {
                // Prompts, keys and deck names came from decks.
                let line = HistoryFormat.line(entry, prompt: prompts[entry.key], timeZone: timeZone, words: words)
                text += TerminalText.oneLine(line) + "\n"
                written += 1
            }
        }
        emit(text)
    }

    /// Ends the output: the JSON array's end, or `empty` (the empty log's
    /// words unless told otherwise) when no entry was written.
    func finish(empty: String? = nil) {
        if json {
            emit(written == 0 ? "[]\n" : "]\n")
        } else if written == 0 {
            emit((empty ?? words.empty) + "\n")
        }
    }
}

/// How history entries are written out. Pure, so it is testable.
enum HistoryFormat {
    /// One line: id, local time, kind, rating, duration, card, deck, then the
    /// schedule after (or the flag change), and whether it was undone, in
    /// the words of the interface language.
    static func line(_ entry: ReviewLogEntry, prompt: String?, timeZone: TimeZone, words: HistoryWords = .english) -> String {
        var parts = ["#\(entry.id)", localTime(entry.time, timeZone: timeZone), words.kind(entry.kind)]
        if let rating = entry.rating { parts.append(words.rating(rating)) }
        if let ms = entry.durationMilliseconds { parts.append(String(format: "%.1fs", Double(ms) / 1000)) }
        parts.append(entry.key)
        parts.append(StoredDeckFile.shown(entry.deckFile))
        switch entry.kind {
        case .undo:
            parts.append(words.undoes(entry.undoes.map(String.init) ?? "?"))
        case .suspend, .unsuspend:
            break
        case .bury:
            parts.append(entry.after.buriedUntil.map { words.buriedUntil(localTime($0, timeZone: timeZone)) } ?? words.unburied)
        case .study, .quiz, .override, .adopt:
            // An adoption shows where the progress went (the new key) or
            // that the old key was emptied (no schedule after).
            if let schedule = entry.after.schedule {
                parts.append(words.due(words.state(schedule.state), localTime(schedule.due, timeZone: timeZone)))
            }
        }
        if let undoneBy = entry.undoneBy { parts.append(words.undoneBy(undoneBy)) }
        if let prompt { parts.append("“\(PromptExcerpt.oneLine(prompt))”") }
        return parts.joined(separator: "  ")
    }

    /// One entry as an element of history's JSON array (`HistoryPrinter`),
    /// keys sorted so the output is stable.
    static func jsonElement(_ entry: ReviewLogEntry, prompt: String?) throws -> String {
        String(decoding: try encoder.encode(JSONEntry(entry, prompt: prompt)), as: UTF8.self)
    }

    /// The one encoder of history's JSON.
    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

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

    private static let iso = Date.ISO8601FormatStyle(includingFractionalSeconds: true)

    /// UTC, ISO 8601, with milliseconds (the store's resolution).
    static func isoTime(_ date: Date) -> String { iso.format(date) }

    /// `yyyy-MM-dd HH:mm:ss` in the student's time zone, by arithmetic on
    /// the offset: formatters and calendars per line dominated printing a
    /// long log.
    static func localTime(_ date: Date, timeZone: TimeZone) -> String {
        let local = Int64((date.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: date))).rounded(.down))
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let seconds = local - days * 86_400
        let (year, month, day) = civilDate(daysSince1970: days)
        func two(_ n: Int64) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(year)-\(two(month))-\(two(day)) \(two(seconds / 3600)):\(two(seconds / 60 % 60)):\(two(seconds % 60))"
    }

    /// Year, month, day of a day count since 1970-01-01 (`CalendarDate`'s
    /// one calendar rule).
    static func civilDate(daysSince1970 days: Int64) -> (Int64, Int64, Int64) {
        let (year, month, day) = CalendarDate.civil(dayNumber: Int(clamping: days))
        return (Int64(year), Int64(month), Int64(day))
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
            deckFile = StoredDeckFile.shown(entry.deckFile)
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
