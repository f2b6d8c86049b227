import Foundation

/// The outcome of a quiz: score overall and by level, time taken, and every
/// question with its answer and verdict. What the report screen shows and
/// what `--json` writes.
public struct QuizReport: Hashable, Sendable {
    /// The seed that reproduces the quiz.
    public var seed: UInt64
    public var mode: QuizMode
    /// The level asked for, nil for all.
    public var level: Int?
    public var tags: [String]
    public var startedAt: Date
    /// Nil while the quiz is still running.
    public var finishedAt: Date?
    public var endReason: QuizEndReason?
    /// The time allowed, nil for untimed.
    public var timeLimit: TimeInterval?
    /// Time from the first question to the end.
    public var timeTaken: TimeInterval
    /// Every question asked, answered or not, in order.
    public var items: [QuizReportItem]

    public init(session: QuizSession) {
        seed = session.settings.seed
        mode = session.settings.mode
        level = session.settings.level
        tags = session.settings.tags
        startedAt = session.startedAt
        finishedAt = session.finishedAt
        if case .finished(let reason) = session.phase { endReason = reason } else { endReason = nil }
        timeLimit = session.settings.timeLimit
        timeTaken = session.elapsed
        items = session.questions.map { QuizReportItem(question: $0, result: session.results[$0.number]) }
    }

    /// Credit over all questions, unanswered ones counting zero.
    public var score: QuizScore { QuizScore(items: items) }

    /// The score of each level that has questions, lowest level first.
    public var scoreByLevel: [(level: Int, score: QuizScore)] {
        Set(items.map(\.level)).sorted().map { level in (level, QuizScore(items: items.filter { $0.level == level })) }
    }

    /// Questions not fully right, in quiz order: what to study next.
    public var mistakes: [QuizReportItem] { items.filter { $0.credit < 1 } }
}

/// Points earned out of points possible.
public struct QuizScore: Hashable, Sendable {
    /// Points earned; an open question earns the share of key points covered.
    public var credit: Double
    /// Questions asked.
    public var total: Int

    public init(credit: Double, total: Int) {
        self.credit = credit
        self.total = total
    }

    init(items: [QuizReportItem]) {
        self.init(credit: items.reduce(0) { $0 + $1.credit }, total: items.count)
    }

    /// 0–100, rounded to the nearest whole percent (0 for an empty quiz).
    public var percent: Int {
        total == 0 ? 0 : Int((credit / Double(total) * 100).rounded())
    }
}

/// One question of the report.
public struct QuizReportItem: Hashable, Sendable {
    public var number: Int
    /// The progress key (what a follow-up study session asks).
    public var key: String
    public var cardID: String
    public var deckFile: String
    /// The card's source (`source:` or its place in the deck file).
    public var source: String
    /// Where the card is written in its deck, `FILE:LINE:COLUMN`.
    public var location: String
    public var level: Int
    /// `choice`, `typed`, `open` or `self-graded`.
    public var format: String
    public var prompt: String
    /// The options shown (multiple choice), or the key points (open).
    public var options: [String]
    /// Indices of the right options (multiple choice).
    public var correctOptions: [Int]
    /// The right answer as text.
    public var expected: String
    /// The key points of an open question the student did not tick (all of
    /// them when it was not answered); empty for other formats.
    public var missedKeyPoints: [String]
    /// What the student gave, as text; nil if not answered.
    public var given: String?
    public var outcome: QuizOutcome
    public var credit: Double
    public var tier: String?
    public var reasonKK: String
    public var reasonEN: String
    /// Seconds spent on the question; nil if not answered.
    public var duration: TimeInterval?
    public var overruled: Bool

    public init(question: QuizQuestion, result: QuizResult?) {
        number = question.number
        key = question.key
        cardID = question.card.id.rawValue
        deckFile = question.deckFile
        source = question.source
        location = question.card.location.description
        level = question.level
        format = question.format.name
        prompt = question.prompt
        expected = question.expectedAnswer
        switch question.format {
        case .choice(let c):
            options = c.options
            correctOptions = c.correct.sorted()
        case .open(let o):
            options = o.keyPoints
            correctOptions = []
        case .typed, .selfGraded:
            options = []
            correctOptions = []
        }
        outcome = result?.outcome ?? .unanswered
        credit = result?.credit ?? 0
        tier = result?.tier
        reasonKK = result?.reasonKK ?? ""
        reasonEN = result?.reasonEN ?? ""
        duration = result?.duration
        overruled = result?.overruled ?? false
        let shown = options
        if case .open(let o) = question.format {
            var ticked = Set<Int>()
            if case .keyPoints(let t) = result?.response { ticked = t }
            missedKeyPoints = o.keyPoints.indices.filter { !ticked.contains($0) }.map { o.keyPoints[$0] }
        } else {
            missedKeyPoints = []
        }
        given = result.flatMap { Self.text(of: $0.response, options: shown) }
    }

    public static func text(of response: QuizResponse, options: [String]) -> String? {
        switch response {
        case .typed(let parts): parts.joined(separator: "; ")
        case .choices(let picked), .keyPoints(let picked):
            picked.sorted().compactMap { options.indices.contains($0) ? options[$0] : nil }.joined(separator: "; ")
        case .selfGraded(let knew): knew ? "known" : "not known"
        case .skipped: nil
        }
    }

    public func reason(language: String) -> String { language.hasPrefix("kk") ? reasonKK : reasonEN }
}
