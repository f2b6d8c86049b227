import FSRS

/// The days the exam rule found for review faces at a start
/// (`ExamRule.reviewDay`), kept for the next start so that it searches
/// again only for the faces whose memory, last review or exam changed.
///
/// At 100,000 cards with an exam 44 days ahead the rule's searches were
/// about two fifths of a start's work: every review face due on or after
/// the exam is searched day by day, at every start, because the store
/// keeps FSRS's own due date for every card answered before the exam was
/// set. The search is a pure function of the question (`Question`: the
/// memory state, the day of the last review, the exam's day), the rule
/// (its weights and target) and the first day searched, so an answer
/// found once is still the answer at a later start, on one condition:
/// the day it found must not have passed (`Answer.day(searchingFrom:)`).
///
/// Kept as a cache: whether a start finds an answer here or searches, the
/// day is the same, to the bit (`ExamRuleDaysTests`).
public struct ExamRuleDays: Sendable {
    /// What the rule's search reads of one face.
    public struct Question: Hashable, Sendable {
        /// The bits of the memory's stability.
        public var stabilityBits: UInt64
        /// The bits of the memory's difficulty.
        public var difficultyBits: UInt64
        /// The day of the last review.
        public var lastReviewDay: Int32
        /// The day of the exam.
        public var examDay: Int32

        /// The question of a face with `memory`, last reviewed on
        /// `lastReviewDay`, studied for the exam on `examDay`; nil when a
        /// day does not fit the kept layout (a date far off, edited by
        /// hand), whose face is then searched at every start.
        public init?(memory: MemoryState, lastReviewDay: Int, examDay: Int) {
            guard let last = Int32(exactly: lastReviewDay), let exam = Int32(exactly: examDay) else { return nil }
            stabilityBits = memory.stability.bitPattern
            difficultyBits = memory.difficulty.bitPattern
            self.lastReviewDay = last
            self.examDay = exam
        }

        init(stabilityBits: UInt64, difficultyBits: UInt64, lastReviewDay: Int32, examDay: Int32) {
            self.stabilityBits = stabilityBits
            self.difficultyBits = difficultyBits
            self.lastReviewDay = lastReviewDay
            self.examDay = examDay
        }
    }

    /// What a search from `firstDay` to the exam's eve found.
    public struct Answer: Hashable, Sendable {
        /// The first day searched.
        public var firstDay: Int32
        /// The day found; nil when the rule gives none (the exam-day recall
        /// reaches the aim, or no day lies between).
        public var day: Int32?

        public init(firstDay: Int32, day: Int32?) {
            self.firstDay = firstDay
            self.day = day
        }

        /// The day a search from `first` would find, when this answer says
        /// it; nil when it cannot (the search must be made).
        ///
        /// The search keeps the latest of the days with the highest value,
        /// each day's value depending on that day alone. A search from a
        /// later first day goes over some of the same days: when the day
        /// found is among them, it is still the latest with the highest
        /// value there. When the rule gave none, it gives none later either:
        /// the exam-day recall does not depend on the first day, and no day
        /// lies between when none did from an earlier one.
        public func day(searchingFrom first: Int) -> Int?? {
            guard first >= Int(firstDay) else { return nil }
            guard let day else { return .some(nil) }
            return Int(day) >= first ? .some(Int(day)) : nil
        }
    }

    /// A question and its answer.
    public struct Entry: Hashable, Sendable {
        public var question: Question
        public var answer: Answer

        public init(question: Question, answer: Answer) {
            self.question = question
            self.answer = answer
        }
    }

    /// What the answers hold for: the rule's weights, maximum stability
    /// and target (`ExamRule.stamp`). Kept answers of another rule (weights
    /// fitted since, another target) are never used.
    public let rule: [UInt64]
    /// The answers, each question once.
    public let entries: [Entry]
    /// Where each question's entry is: an open-addressing table of entry
    /// numbers plus one (0: an empty slot), its size a power of two at
    /// least twice the entries.
    private let slots: [Int32]

    /// The answers `entries` found under `rule`; of two entries with one
    /// question, the first is kept.
    public init(rule: [UInt64], entries: [Entry]) {
        self.rule = rule
        var capacity = 16
        while capacity < entries.count * 2 { capacity *= 2 }
        var slots = [Int32](repeating: 0, count: capacity)
        var kept: [Entry] = []
        kept.reserveCapacity(entries.count)
        for entry in entries {
            var slot = Self.hash(entry.question) & (capacity - 1)
            var isNew = true
            while slots[slot] != 0 {
                if kept[Int(slots[slot]) - 1].question == entry.question {
                    isNew = false
                    break
                }
                slot = (slot + 1) & (capacity - 1)
            }
            guard isNew else { continue }
            kept.append(entry)
            slots[slot] = Int32(kept.count)
        }
        self.entries = kept
        self.slots = slots
    }

    /// The number of the entry kept for `question`, if any.
    public func entry(for question: Question) -> Int? {
        let mask = slots.count - 1
        var slot = Self.hash(question) & mask
        while slots[slot] != 0 {
            let number = Int(slots[slot]) - 1
            if entries[number].question == question { return number }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// The answer kept for `question`, if any.
    public func answer(to question: Question) -> Answer? {
        entry(for: question).map { entries[$0].answer }
    }

    /// A hash of `question` for the table, the same in every process.
    private static func hash(_ question: Question) -> Int {
        var h = question.stabilityBits &* 0x9E37_79B9_7F4A_7C15
        h ^= question.difficultyBits &* 0xC2B2_AE3D_27D4_EB4F
        h ^= UInt64(UInt32(bitPattern: question.lastReviewDay)) << 32 | UInt64(UInt32(bitPattern: question.examDay))
        h = (h ^ (h >> 31)) &* 0x94D0_49BB_1331_11EB
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }

    /// The questions a start asked the rule: the kept entries whose answer
    /// held, by number (four bytes each: at 100,000 cards most questions
    /// are these), and those it searched for, with their answers.
    public struct Asked: Sendable {
        /// The numbers of the kept entries used.
        public var kept: [Int32] = []
        /// The questions searched for and their answers.
        public var searched: [Entry] = []

        public init() {}

        /// `other`'s questions added to these.
        public mutating func add(_ other: Asked) {
            kept += other.kept
            searched += other.searched
        }

        /// Whether the answers should be kept anew after a start that had
        /// `kept` (nil: none): something was searched, or more than half
        /// of what was kept is no longer asked (cards answered since).
        public func worthKeeping(over kept: ExamRuleDays?) -> Bool {
            !searched.isEmpty || (kept?.entries.count ?? 0) > self.kept.count * 2
        }

        /// The answers to keep for the next start: the kept entries used
        /// (of `kept`, which they number) and those searched for.
        public func days(rule: [UInt64], over kept: ExamRuleDays?) -> ExamRuleDays {
            var entries: [Entry] = []
            if let kept {
                entries.reserveCapacity(self.kept.count + searched.count)
                for number in self.kept { entries.append(kept.entries[Int(number)]) }
            }
            entries += searched
            return ExamRuleDays(rule: rule, entries: entries)
        }
    }
}

extension ExamRuleDays {
    /// The bytes of an entry: stability and difficulty bits, last review,
    /// exam, first day searched, day found (`Int32.min`: none), little-endian.
    public static let entrySize = 32

    /// The answers laid out: the rule's word count and words, the entries'
    /// count, the entries (`entrySize` bytes each), all little-endian.
    public var bytes: [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(8 * (rule.count + 2) + entries.count * Self.entrySize)
        func put<T: FixedWidthInteger>(_ value: T) {
            withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
        }
        put(UInt64(rule.count))
        for word in rule { put(word) }
        put(UInt64(entries.count))
        for entry in entries {
            put(entry.question.stabilityBits)
            put(entry.question.difficultyBits)
            put(entry.question.lastReviewDay)
            put(entry.question.examDay)
            put(entry.answer.firstDay)
            put(entry.answer.day ?? Int32.min)
        }
        return bytes
    }

    /// The answers read back from `bytes`; nil when they are not laid out
    /// as `bytes` lays them out.
    public init?(bytes: UnsafeRawBufferPointer) {
        var offset = 0
        func take<T: FixedWidthInteger>(_: T.Type) -> T? {
            guard bytes.count - offset >= MemoryLayout<T>.size else { return nil }
            defer { offset += MemoryLayout<T>.size }
            return T(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: T.self))
        }
        guard let words = take(UInt64.self), words <= 64 else { return nil }
        var rule: [UInt64] = []
        for _ in 0..<words {
            guard let word = take(UInt64.self) else { return nil }
            rule.append(word)
        }
        guard let count = take(UInt64.self), count <= UInt64(bytes.count - offset) / UInt64(Self.entrySize),
            count < UInt64(Int32.max),
            bytes.count - offset == Int(count) * Self.entrySize
        else { return nil }
        var entries: [Entry] = []
        entries.reserveCapacity(Int(count))
        for _ in 0..<count {
            guard let stability = take(UInt64.self), let difficulty = take(UInt64.self),
                let last = take(Int32.self), let exam = take(Int32.self), let first = take(Int32.self),
                let day = take(Int32.self)
            else { return nil }
            entries.append(
                Entry(
                    question: Question(
                        stabilityBits: stability, difficultyBits: difficulty, lastReviewDay: last, examDay: exam),
                    answer: Answer(firstDay: first, day: day == Int32.min ? nil : day)))
        }
        self.init(rule: rule, entries: entries)
    }
}

extension ExamRule {
    /// What answers of this rule depend on: its weights, maximum stability
    /// and target, as bits (`ExamRuleDays.rule`).
    public var stamp: [UInt64] {
        model.w.map(\.bitPattern) + [model.maximumStability.bitPattern, target.bitPattern]
    }
}
