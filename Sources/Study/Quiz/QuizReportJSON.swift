import Foundation

/// The `--json` form of a quiz report, for instructors and scripts.
///
/// Keys are camelCase and stable; times are ISO 8601 in UTC and durations
/// seconds. The seed is a string because 64-bit integers do not survive
/// JSON readers that use doubles.
extension QuizReport {
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return try encoder.encode(QuizReportJSON(self))
    }
}

struct QuizReportJSON: Encodable {
    struct Score: Encodable {
        var level: Int?
        var credit: Double
        var total: Int
        var percent: Int
    }

    struct Item: Encodable {
        var number: Int
        var key: String
        var cardID: String
        var deck: String
        var source: String
        var location: String
        var level: Int
        var format: String
        var prompt: String
        var options: [String]?
        var correctOptions: [Int]?
        var keyPoints: [String]?
        var missedKeyPoints: [String]?
        var expected: String
        var given: String?
        var outcome: String
        var credit: Double
        var tier: String?
        var reason: [String: String]?
        var seconds: Double?
        var overruled: Bool
    }

    var seed: String
    var mode: String
    var level: Int?
    var tags: [String]
    var startedAt: Date
    var finishedAt: Date?
    var endReason: String?
    var timeLimitSeconds: Double?
    var timeTakenSeconds: Double
    var score: Score
    var scoreByLevel: [Score]
    var mistakes: [Int]
    var questions: [Item]

    init(_ report: QuizReport) {
        seed = String(report.seed)
        mode = report.mode.rawValue
        level = report.level
        tags = report.tags
        startedAt = report.startedAt
        finishedAt = report.finishedAt
        endReason = report.endReason?.rawValue
        timeLimitSeconds = report.timeLimit
        timeTakenSeconds = (report.timeTaken * 1000).rounded() / 1000
        let total = report.score
        score = Score(level: nil, credit: total.credit, total: total.total, percent: total.percent)
        scoreByLevel = report.scoreByLevel.map {
            Score(level: $0.level, credit: $0.score.credit, total: $0.score.total, percent: $0.score.percent)
        }
        mistakes = report.mistakes.map(\.number)
        questions = report.items.map { item in
            Item(
                number: item.number, key: item.key, cardID: item.cardID, deck: item.deckFile, source: item.source,
                location: item.location, level: item.level, format: item.format, prompt: item.prompt,
                options: item.format == "choice" ? item.options : nil,
                correctOptions: item.format == "choice" ? item.correctOptions : nil,
                keyPoints: item.format == "open" ? item.options : nil,
                missedKeyPoints: item.format == "open" ? item.missedKeyPoints : nil,
                expected: item.expected, given: item.given, outcome: item.outcome.rawValue, credit: item.credit,
                tier: item.tier,
                reason: item.reasonKK.isEmpty && item.reasonEN.isEmpty ? nil : ["kk": item.reasonKK, "en": item.reasonEN],
                seconds: item.duration.map { ($0 * 1000).rounded() / 1000 }, overruled: item.overruled)
        }
    }
}
