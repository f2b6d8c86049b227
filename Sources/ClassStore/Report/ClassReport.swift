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

    /// Creates a report.
    public init(classID: String, studentCount: Int, cards: [CardFigures], levels: [LevelFigures], students: [StudentFigures]) {
        self.classID = classID
        self.studentCount = studentCount
        self.cards = cards
        self.levels = levels
        self.students = students
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
}
