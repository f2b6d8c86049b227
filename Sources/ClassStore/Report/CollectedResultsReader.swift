import Foundation

/// A class report without a server, from result files students hand in:
/// `jatta quiz --json` reports (item analysis, choices, time) and
/// `jatta stats --json` output (cards seen, true retention, last day
/// active). Lapses and difficulty per card live only in the class store.
public enum CollectedResultsReader {
    /// One file's content and the student it belongs to.
    public struct Result: Sendable {
        /// The student's name (the file name up to its first dot).
        public var student: String
        /// The file's name, for messages.
        public var file: String
        /// Its bytes.
        public var data: Data

        public init(student: String, file: String, data: Data) {
            self.student = student
            self.file = file
            self.data = data
        }
    }

    /// A file that is neither a quiz report nor a statistics export.
    public struct NotAResult: Error, Equatable, Sendable {
        /// The file.
        public var file: String
    }

    /// The report of all files; with `places`, only the cards of the
    /// instructor's decks, at their places there.
    public static func report(_ results: [Result], places: DeckPlaces?) throws(NotAResult)
        -> ClassReport
    {
        var cards: [String: ClassReportBuilder.CardTally] = [:]
        var cardStudents: [String: Set<String>] = [:]
        var wrong: [String: [String: Int]] = [:]
        var students: [String: ClassReportBuilder.StudentTally] = [:]
        var seen: [String: Set<String>] = [:]
        var exams: [String: [String: StudentReadiness]] = [:]
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        for result in results {
            var student = students[result.student] ?? ClassReportBuilder.StudentTally(student: result.student)
            if let quiz = try? decoder.decode(QuizFile.self, from: result.data) {
                // An unanswered question is no answer, as on the server, where
                // the quiz never logs it (it counted as a card seen and an
                // answer here).
                let questions = quiz.questions.filter { question in
                    question.outcome != "unanswered" && (places.map { $0.byKey[question.key] != nil } ?? true)
                }
                let total = quiz.questions.reduce(0) { $0 + $1.credit }
                for question in questions {
                    // The location is "FILE:LINE:COLUMN".
                    let place = question.location.hasPrefix(question.deck + ":")
                        ? question.location.dropFirst(question.deck.count + 1) : ""
                    let line = place.split(separator: ":").first.flatMap { Int($0) }
                    let sent = ClassReportBuilder.CardTally(
                        key: question.key, deckFile: question.deck, line: line, prompt: question.prompt,
                        level: question.level)
                    var card = cards[question.key] ?? places.flatMap { $0.placed(sent) } ?? sent
                    card.reviews += 1
                    card.durationMilliseconds += (question.seconds ?? 0) * 1000
                    card.item.add(mark: min(1, max(0, question.credit)), attemptTotal: total)
                    if question.format == "choice", question.credit < 1, let given = question.given, !given.isEmpty {
                        wrong[question.key, default: [:]][given, default: 0] += 1
                    }
                    cards[question.key] = card
                    cardStudents[question.key, default: []].insert(result.student)
                    seen[result.student, default: []].insert(question.key)
                    student.reviews += 1
                }
                let last = quiz.finishedAt ?? quiz.startedAt
                student.lastActive = max(student.lastActive ?? last, last)
            } else if let stats = try? decoder.decode(StatsFile.self, from: result.data) {
                let figures = stats.statistics
                student.cardsSeen = max(student.cardsSeen, figures.knowledge.total - figures.knowledge.new)
                if let all = figures.trueRetention.first(where: { $0.period == "all" }) {
                    student.reviewStatePassed += all.youngPassed + all.maturePassed
                    student.reviewStateReviews += all.youngPassed + all.maturePassed + all.youngFailed + all.matureFailed
                }
                let formatter = ISO8601DateFormatter()
                formatter.formatOptions = [.withFullDate]
                if let day = figures.calendar.last(where: { $0.answers > 0 }), let date = formatter.date(from: day.date) {
                    student.lastActive = max(student.lastActive ?? date, date)
                }
                for exam in stats.exams ?? [] {
                    let share = exam.readiness
                    exams[result.student, default: [:]][exam.date] = StudentReadiness(
                        examDate: exam.date, computedAt: nil, cards: share.cards, readyToday: share.readyToday,
                        readyWithPlan: share.readyWithPlan)
                }
            } else {
                throw NotAResult(file: result.file)
            }
            students[result.student] = student
        }
        for (key, students) in cardStudents { cards[key]?.students = students.count }
        for (key, options) in wrong {
            // Most chosen first; ties go to the first in text order, as on the server.
            if let top = options.min(by: { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }) {
                cards[key]?.wrongOption = top.key
                cards[key]?.wrongOptionCount = top.value
            }
        }
        for (name, keys) in seen where students[name]?.cardsSeen == 0 { students[name]?.cardsSeen = keys.count }
        // Files name no class exam date: the one most students' soonest
        // exam falls on (ties: the earliest) stands for it.
        let soonest = exams.values.compactMap { $0.keys.min() }
        let examDate = Dictionary(grouping: soonest, by: { $0 }).max {
            $0.value.count != $1.value.count ? $0.value.count < $1.value.count : $0.key > $1.key
        }?.key
        if let examDate {
            for (name, byDate) in exams { students[name]?.readiness = byDate[examDate] }
        }
        return ClassReportBuilder().build(
            classID: "files", cards: Array(cards.values), students: Array(students.values), examDate: examDate)
    }

    /// The part of `jatta quiz --json` read here.
    struct QuizFile: Decodable {
        struct Question: Decodable {
            var key: String
            var deck: String
            var location: String
            var level: Int?
            var format: String
            var prompt: String
            var given: String?
            var outcome: String
            var credit: Double
            var seconds: Double?
        }
        var seed: String
        var startedAt: Date
        var finishedAt: Date?
        var questions: [Question]
    }

    /// The part of `jatta stats --json` read here.
    struct StatsFile: Decodable {
        struct Statistics: Decodable {
            struct Knowledge: Decodable {
                var total: Int
                var new: Int
            }
            struct Retention: Decodable {
                var period: String
                var youngPassed: Int
                var youngFailed: Int
                var maturePassed: Int
                var matureFailed: Int
            }
            struct Day: Decodable {
                var date: String
                var answers: Int
            }
            var knowledge: Knowledge
            var trueRetention: [Retention]
            var calendar: [Day]
        }
        /// An exam ahead and its forecast (the part read here).
        struct Exam: Decodable {
            struct Share: Decodable {
                var cards: Int
                var readyToday: Int
                var readyWithPlan: Int
            }
            var date: String
            var readiness: Share
        }
        var schemaVersion: Int
        var statistics: Statistics
        var exams: [Exam]?
    }
}
