import Foundation

/// What `jatta class report` shows, from a server or from collected files:
/// per card, per level, per student, and the cards to fix. Encoded as is for
/// `--json` (docs/class.md has the schema).
public struct ClassReport: Codable, Hashable, Sendable {
    /// The class, or "files" for a report from collected results.
    public var classID: String
    /// How many students the figures cover.
    public var studentCount: Int
    /// Per card, hardest first (lowest true retention, then most lapses).
    public var cards: [CardFigures]
    /// Per exam level (cards without one under nil).
    public var levels: [LevelFigures]
    /// Per student, by name.
    public var students: [StudentFigures]
    /// The class's exam date (`YYYY-MM-DD`), when the instructor set one.
    public var examDate: String?

    /// Creates a report.
    public init(
        classID: String, studentCount: Int, cards: [CardFigures], levels: [LevelFigures], students: [StudentFigures],
        examDate: String? = nil
    ) {
        self.classID = classID
        self.studentCount = studentCount
        self.cards = cards
        self.levels = levels
        self.students = students
        self.examDate = examDate
    }
}

/// One card across the class.
public struct CardFigures: Codable, Hashable, Sendable {
    /// The progress key.
    public var key: String
    /// The deck file.
    public var deckFile: String
    /// The card's line in the deck file, when known.
    public var line: Int?
    /// What the card asks.
    public var prompt: String
    /// Its exam level.
    public var level: Int?
    /// Students who answered it at least once.
    public var students: Int
    /// Answers, all students together.
    public var reviews: Int
    /// Answers "again" to the card in review state.
    public var lapses: Int
    /// Lapses ÷ answers in review state.
    public var lapseRate: Double?
    /// Passed ÷ answers in review state (Anki's true retention).
    public var trueRetention: Double?
    /// Mean over students of their current FSRS difficulty (1–10).
    public var meanDifficulty: Double?
    /// Time spent answering, all students, in seconds.
    public var secondsSpent: Double
    /// Quiz attempts that asked it.
    public var quizAnswers: Int
    /// Moodle's facility index (percent).
    public var facilityIndex: Double?
    /// Moodle's discrimination index (percent).
    public var discriminationIndex: Double?
    /// The wrong option chosen most often, and how often.
    public var mostChosenWrongOption: String?
    /// How many times that option was chosen.
    public var mostChosenWrongCount: Int?
    /// Why the instructor should look: "negative-discrimination",
    /// "lapse-rate" (far above its deck's).
    public var flags: [String]

    /// `FILE:LINE`, or the file alone.
    public var location: String { line.map { "\(deckFile):\($0)" } ?? deckFile }
}

/// One exam level across the class.
public struct LevelFigures: Codable, Hashable, Sendable {
    /// The level, nil for cards without one.
    public var level: Int?
    /// Cards of that level answered by anyone.
    public var cards: Int
    /// Answers.
    public var reviews: Int
    /// True retention over the level's answers in review state.
    public var trueRetention: Double?
    /// Lapse rate over the same answers.
    public var lapseRate: Double?
    /// Mean facility index of the level's quiz answers (percent).
    public var facilityIndex: Double?
}

/// One student.
public struct StudentFigures: Codable, Hashable, Sendable {
    /// The student's role (server) or file name (collected files).
    public var student: String
    /// Different cards answered.
    public var cardsSeen: Int
    /// Answers.
    public var reviews: Int
    /// True retention over their answers in review state.
    public var trueRetention: Double?
    /// Their last answer.
    public var lastActive: Date?
    /// Their latest forecast for the class's exam date, as sent by their
    /// last sync with decks; nil when none was sent for that date.
    public var readiness: StudentReadiness?
}

/// A student's readiness for an exam: cards predicted recalled on the day
/// (at the exam planner's target), if nothing more is studied and if the
/// plan is followed. Computed on the student's machine by the exam planner.
public struct StudentReadiness: Codable, Hashable, Sendable {
    /// The exam date it is for.
    public var examDate: String
    /// When the student's jatta computed it (unknown for a collected
    /// `stats --json` file).
    public var computedAt: Date?
    /// Cards of the exam's decks.
    public var cards: Int
    /// Ready on the day if nothing more is studied.
    public var readyToday: Int
    /// Ready on the day if the plan is followed.
    public var readyWithPlan: Int

    public init(examDate: String, computedAt: Date?, cards: Int, readyToday: Int, readyWithPlan: Int) {
        self.examDate = examDate
        self.computedAt = computedAt
        self.cards = cards
        self.readyToday = readyToday
        self.readyWithPlan = readyWithPlan
    }

    /// `readyToday` as a share of `cards` (nil for none).
    public var shareToday: Double? { cards > 0 ? Double(readyToday) / Double(cards) : nil }
    /// `readyWithPlan` as a share of `cards`.
    public var shareWithPlan: Double? { cards > 0 ? Double(readyWithPlan) / Double(cards) : nil }
}
