/// One face's answers and final schedule as an Anki package holds them,
/// for `import apkg --with-progress`: the executable records the answers
/// in the student's store through its own API.
public struct AnkiFaceHistory: Sendable, Equatable {
    /// The face's progress key in the imported deck (`StudyFace.key`).
    public var key: String
    /// The card's prompt (kept in the store's registry).
    public var prompt: String
    /// The card's level.
    public var level: Int
    /// The answers, oldest first.
    public var answers: [Answer]
    /// Anki's schedule after the last answer, when the card has one.
    public var final: Final?
    /// Suspended in Anki.
    public var suspended: Bool

    public init(key: String, prompt: String, level: Int, answers: [Answer], final: Final?, suspended: Bool) {
        self.key = key
        self.prompt = prompt
        self.level = level
        self.answers = answers
        self.final = final
        self.suspended = suspended
    }

    /// One answer of Anki's review log.
    public struct Answer: Sendable, Equatable {
        /// Milliseconds since 1970.
        public var time: Int64
        /// 1 Again – 4 Easy.
        public var rating: Int
        /// Milliseconds spent.
        public var milliseconds: Int

        public init(time: Int64, rating: Int, milliseconds: Int) {
            self.time = time
            self.rating = rating
            self.milliseconds = milliseconds
        }
    }

    /// The card's state in Anki.
    public struct Final: Sendable, Equatable {
        /// 1 learning, 2 review, 3 relearning.
        public var state: Int
        /// When due, in seconds since 1970.
        public var due: Int64
        /// FSRS stability, when Anki kept a memory state.
        public var stability: Double?
        /// FSRS difficulty, when Anki kept a memory state.
        public var difficulty: Double?

        public init(state: Int, due: Int64, stability: Double?, difficulty: Double?) {
            self.state = state
            self.due = due
            self.stability = stability
            self.difficulty = difficulty
        }
    }
}
