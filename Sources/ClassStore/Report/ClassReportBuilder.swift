import Foundation

/// Turns raw tallies (from the server's summaries or from collected files)
/// into a `ClassReport`: rates, the deck's own lapse rate each card is
/// measured against, flags, levels and the order. Pure, so the rules are
/// tested without a server.
public struct ClassReportBuilder: Sendable {
    /// One card's raw counts.
    public struct CardTally: Hashable, Sendable {
        public var key: String
        public var deckFile: String
        public var line: Int?
        public var prompt: String
        public var level: Int?
        public var students = 0
        public var reviews = 0
        public var lapses = 0
        public var reviewStateReviews = 0
        public var reviewStatePassed = 0
        public var difficultySum = 0.0
        public var difficultyCount = 0
        public var durationMilliseconds = 0.0
        public var item = ItemAnalysis()
        public var wrongOption: String?
        public var wrongOptionCount = 0

        public init(key: String, deckFile: String, line: Int? = nil, prompt: String, level: Int?) {
            self.key = key
            self.deckFile = deckFile
            self.line = line
            self.prompt = prompt
            self.level = level
        }
    }

    /// One student's raw counts.
    public struct StudentTally: Hashable, Sendable {
        public var student: String
        public var cardsSeen = 0
        public var reviews = 0
        public var reviewStateReviews = 0
        public var reviewStatePassed = 0
        public var lastActive: Date?
        public var readiness: StudentReadiness?

        public init(student: String) { self.student = student }
    }

    /// A card's lapse rate is "far above" its deck's when it is at least
    /// this many times the deck's …
    public static let lapseRatioFlag = 2.0
    /// … and at least this much higher in absolute terms …
    public static let lapseMarginFlag = 0.2
    /// … over at least this many answers in review state (fewer say little).
    public static let lapseMinimumReviews = 3

    public init() {}

    /// The report.
    public func build(classID: String, cards: [CardTally], students: [StudentTally], examDate: String? = nil)
        -> ClassReport
    {
        var deckLapses: [String: (lapses: Int, reviews: Int)] = [:]
        for card in cards {
            deckLapses[card.deckFile, default: (0, 0)].lapses += card.lapses
            deckLapses[card.deckFile, default: (0, 0)].reviews += card.reviewStateReviews
        }
        let figures = cards.map { card -> CardFigures in
            let lapseRate = Self.ratio(card.lapses, card.reviewStateReviews)
            var flags: [String] = []
            if let index = card.item.discriminationIndex, index < 0 { flags.append("negative-discrimination") }
            if let lapseRate, card.reviewStateReviews >= Self.lapseMinimumReviews, let deck = deckLapses[card.deckFile],
                let deckRate = Self.ratio(deck.lapses, deck.reviews),
                lapseRate >= deckRate * Self.lapseRatioFlag, lapseRate >= deckRate + Self.lapseMarginFlag
            {
                flags.append("lapse-rate")
            }
            return CardFigures(
                key: card.key, deckFile: card.deckFile, line: card.line, prompt: card.prompt, level: card.level,
                students: card.students, reviews: card.reviews, lapses: card.lapses, lapseRate: lapseRate,
                trueRetention: Self.ratio(card.reviewStatePassed, card.reviewStateReviews),
                meanDifficulty: card.difficultyCount > 0 ? card.difficultySum / Double(card.difficultyCount) : nil,
                secondsSpent: card.durationMilliseconds / 1000, quizAnswers: Int(card.item.count),
                facilityIndex: card.item.facilityIndex, discriminationIndex: card.item.discriminationIndex,
                mostChosenWrongOption: card.wrongOption, mostChosenWrongCount: card.wrongOption == nil ? nil : card.wrongOptionCount,
                flags: flags)
        }
        .sorted(by: Self.harderFirst)
        var levels: [Int?: (LevelFigures, passed: Int, stateReviews: Int, item: ItemAnalysis)] = [:]
        for card in cards {
            var entry = levels[card.level] ?? (LevelFigures(level: card.level, cards: 0, reviews: 0), 0, 0, ItemAnalysis())
            entry.0.cards += 1
            entry.0.reviews += card.reviews
            entry.0.lapseRate = (entry.0.lapseRate ?? 0) + Double(card.lapses)
            entry.passed += card.reviewStatePassed
            entry.stateReviews += card.reviewStateReviews
            entry.item.count += card.item.count
            entry.item.sumMark += card.item.sumMark
            levels[card.level] = entry
        }
        let levelFigures = levels.values.map { entry -> LevelFigures in
            var figures = entry.0
            figures.trueRetention = Self.ratio(entry.passed, entry.stateReviews)
            figures.lapseRate = entry.stateReviews > 0 ? (figures.lapseRate ?? 0) / Double(entry.stateReviews) : nil
            figures.facilityIndex = entry.item.facilityIndex
            return figures
        }
        .sorted { ($0.level ?? Int.max) < ($1.level ?? Int.max) }
        let studentFigures = students.map { student in
            StudentFigures(
                student: student.student, cardsSeen: student.cardsSeen, reviews: student.reviews,
                trueRetention: Self.ratio(student.reviewStatePassed, student.reviewStateReviews),
                lastActive: student.lastActive, readiness: student.readiness)
        }
        .sorted { $0.student < $1.student }
        return ClassReport(
            classID: classID, studentCount: students.count, cards: figures, levels: levelFigures,
            students: studentFigures, examDate: examDate)
    }

    /// Flagged cards first, then lowest true retention, most lapses, lowest
    /// facility, highest difficulty; the key settles ties so the order never depends on the input.
    static func harderFirst(_ a: CardFigures, _ b: CardFigures) -> Bool {
        if a.flags.isEmpty != b.flags.isEmpty { return !a.flags.isEmpty }
        let ra = retentionForOrder(a), rb = retentionForOrder(b)
        if ra != rb { return ra < rb }
        if a.lapses != b.lapses { return a.lapses > b.lapses }
        let fa = a.facilityIndex ?? 101, fb = b.facilityIndex ?? 101
        if fa != fb { return fa < fb }
        let da = a.meanDifficulty ?? 0, db = b.meanDifficulty ?? 0
        if da != db { return da > db }
        return a.key < b.key
    }

    /// What orders a card among the others: its true retention; for a card
    /// no answer of which was in review state (every student still fails
    /// it in its learning steps, or has only begun it), its mean
    /// difficulty put on the same scale, 10 as 0 and 1 as 1. Without it,
    /// a card the whole class always failed sorted after every card with
    /// 100% retention, out of `--top`'s reach.
    static func retentionForOrder(_ card: CardFigures) -> Double {
        if let retention = card.trueRetention { return retention }
        if let difficulty = card.meanDifficulty { return max(0, min(1, (10 - difficulty) / 9)) }
        return 2
    }

    static func ratio(_ part: Int, _ whole: Int) -> Double? {
        whole > 0 ? Double(part) / Double(whole) : nil
    }
}
