import DeckFormat

/// An exam: a date and the decks it covers, set by the student (`jatta exam
/// set`, kept in the store) or written by the instructor in a deck's header
/// (`exam:`), which holds until the student sets one for that deck.
public struct Exam: Hashable, Sendable {
    /// Where an exam comes from.
    public enum Source: Hashable, Sendable {
        /// Set by the student; the store's id.
        case student(id: Int64)
        /// An `exam:` line in the header of this deck file.
        case deckHeader(file: String)
    }

    /// The exam's day.
    public var date: CalendarDate
    /// The deck files and folders it covers (absolute paths); empty for
    /// every deck.
    public var paths: [String]
    /// The answers a day the student accepts; nil for the session's review
    /// limit.
    public var workload: Int?
    /// Who set it.
    public var source: Source

    public init(date: CalendarDate, paths: [String], workload: Int? = nil, source: Source) {
        self.date = date
        self.paths = paths
        self.workload = workload
        self.source = source
    }

    /// Whether the exam covers the deck file at `absolutePath`: it is one of
    /// the paths, or lies inside one of the folders.
    public func covers(absolutePath: String) -> Bool {
        if paths.isEmpty { return true }
        return paths.contains { path in
            absolutePath == path || absolutePath.hasPrefix(path.hasSuffix("/") ? path : path + "/")
        }
    }

    /// The exams still ahead on study day `today` (the exam's day after
    /// it), soonest first.
    public static func ahead(_ exams: [Exam], today: Int) -> [Exam] {
        exams.filter { $0.date.dayNumber > today }.sorted { $0.date < $1.date }
    }

    /// The exam each deck is studied for on study day `today`: of the
    /// student's exams still ahead that cover it, the earliest; else the
    /// deck header's date when it is ahead; else none. `absolutePaths` maps
    /// a deck's file (as loaded) to its absolute path.
    public static func assign(
        decks: [Deck], studentExams: [Exam], absolutePaths: [String: String], today: Int
    ) -> [String: Exam] {
        var result: [String: Exam] = [:]
        let ahead = Self.ahead(studentExams, today: today)
        for deck in decks {
            let path = absolutePaths[deck.file] ?? deck.file
            if let exam = ahead.first(where: { $0.covers(absolutePath: path) }) {
                result[deck.file] = exam
            } else if let date = deck.examDate, date.dayNumber > today {
                result[deck.file] = Exam(date: date, paths: [path], source: .deckHeader(file: deck.file))
            }
        }
        return result
    }
}
