import FSRS
import Foundation

/// The forecast for an exam: how many cards (overall and per level 1–3)
/// the student is predicted to recall on the exam day at the target or
/// better, today (if nothing more is studied) and if the plan is followed.
/// A card counts as ready when every face of it is.
public struct ExamReadiness: Hashable, Sendable {
    /// Cards ready, today and with the plan, out of how many.
    public struct Share: Hashable, Sendable {
        /// Cards counted.
        public var cards = 0
        /// Cards whose predicted exam-day recall reaches the target if
        /// nothing more is studied.
        public var readyToday = 0
        /// Cards whose predicted exam-day recall reaches the target if the
        /// plan is followed.
        public var readyWithPlan = 0

        public init(cards: Int = 0, readyToday: Int = 0, readyWithPlan: Int = 0) {
            self.cards = cards
            self.readyToday = readyToday
            self.readyWithPlan = readyWithPlan
        }

        /// `readyToday` as a whole per cent of `cards` (0 for none).
        public var percentToday: Int { Self.percent(readyToday, cards) }
        /// `readyWithPlan` as a whole per cent of `cards`.
        public var percentWithPlan: Int { Self.percent(readyWithPlan, cards) }

        static func percent(_ part: Int, _ whole: Int) -> Int {
            whole == 0 ? 0 : Int((Double(part) * 100 / Double(whole)).rounded(.down))
        }
    }

    /// Every card of the exam.
    public var overall = Share()
    /// Cards per level (1–3; other levels only in `overall`).
    public var perLevel: [Int: Share] = [:]

    /// One face as the forecast reads it, in 56 bytes; judged
    /// (`Judge`), eight (`JudgedFace`).
    public struct Face: Hashable, Sendable {
        /// The card the face belongs to: a number the faces of one card
        /// share, and no other card's (the outlook numbers its cards from
        /// 0 as it meets them). A string of each card's id, and a look-up
        /// of it per face, was made for every face at every start.
        public var card: Int
        /// The card's level when it is 1, 2 or 3 (0 otherwise): other
        /// levels count in `overall` only.
        var levelByte: UInt8
        /// What the forecast reads of the schedule of a face studied
        /// before; nil for a face never studied (or whose schedule lacks
        /// a memory state or a last review, which the forecast takes as
        /// never studied).
        private var studied: Studied?

        /// The parts of a schedule the forecast reads.
        struct Studied: Hashable, Sendable {
            var stability: Double
            var difficulty: Double
            /// The last review and the due time, as `Date` keeps them.
            var lastReview: Double
            var due: Double
            var isReview: Bool
        }

        public init(card: Int, level: Int?, schedule: CardSchedule?) {
            self.card = card
            levelByte = Self.levelByte(of: level)
            if let schedule, let memory = schedule.memory, let last = schedule.lastReview {
                studied = Studied(
                    stability: memory.stability, difficulty: memory.difficulty,
                    lastReview: last.timeIntervalSinceReferenceDate, due: schedule.due.timeIntervalSinceReferenceDate,
                    isReview: schedule.state == .review)
            }
        }

        /// The card's level, when it is 1, 2 or 3.
        var level: Int? { levelByte == 0 ? nil : Int(levelByte) }

        /// A level as a face keeps it: 1, 2 or 3, else 0.
        static func levelByte(of level: Int?) -> UInt8 { level.map { (1...3).contains($0) ? UInt8($0) : 0 } ?? 0 }
        /// Whether the face was never studied.
        var isNew: Bool { studied == nil }
        /// The memory state, last review and due time of a studied face.
        var memory: (memory: MemoryState, lastReview: Date, due: Date, isReview: Bool)? {
            studied.map {
                (
                    MemoryState(stability: $0.stability, difficulty: $0.difficulty),
                    Date(timeIntervalSinceReferenceDate: $0.lastReview), Date(timeIntervalSinceReferenceDate: $0.due),
                    $0.isReview
                )
            }
        }
    }

    /// A face as the forecast keeps it once judged (`Judge`): its card's
    /// number and level, and whether it was never studied or, studied,
    /// whether it reaches the target today and with the plan. Eight bytes:
    /// the outlook keeps one for each face of the exam's decks until the
    /// plan is known (120,000 at 100,000 cards), and with the schedule each
    /// (`Face`, 56 bytes) they were the largest part of an exam start's
    /// memory.
    public struct JudgedFace: Hashable, Sendable {
        /// The card's number (`Face.card`).
        var card: UInt32
        /// The card's level when it is 1, 2 or 3 (0 otherwise).
        var levelByte: UInt8
        /// `isNew`, `readyToday`, `readyWithPlan`, one bit each.
        var flags: UInt8

        static let newFlag: UInt8 = 1
        static let todayFlag: UInt8 = 2
        static let planFlag: UInt8 = 4

        var isNew: Bool { flags & Self.newFlag != 0 }
    }

    /// Judges studied faces for an exam on `examDay`, from `today`: their
    /// readiness depends on their schedule alone, not on the plan, so it is
    /// worked out where the faces are met and only two bits are kept. A new
    /// face's depends on its place among the new faces and the plan's pace,
    /// and is left to `forecast(judged:plan:rule:path:)`.
    public struct Judge {
        let today: Int
        let examDay: Int
        let rule: ExamRule
        let dayCounting: DayCounting
        let path: (Int) -> ExamPath
        /// The path of each day asked (a face in learning follows the path
        /// of a face learnt on its due day).
        private var paths = ExamPathsByDay()

        public init(today: Int, examDay: Int, rule: ExamRule, dayCounting: DayCounting, path: @escaping (Int) -> ExamPath) {
            self.today = today
            self.examDay = examDay
            self.rule = rule
            self.dayCounting = dayCounting
            self.path = path
        }

        /// `face` judged; its card's number must fit in 32 bits.
        public mutating func judge(_ face: Face) -> JudgedFace {
            precondition(face.card >= 0 && face.card <= Int(UInt32.max), "a card's number fits in 32 bits")
            var judged = JudgedFace(card: UInt32(face.card), levelByte: face.levelByte, flags: JudgedFace.newFlag)
            guard let (memory, last, due, isReview) = face.memory else { return judged }
            let recalls = studiedRecalls(memory: memory, last: last, due: due, isReview: isReview)
            judged.flags =
                (recalls.today >= rule.target ? JudgedFace.todayFlag : 0)
                | (recalls.withPlan >= rule.target ? JudgedFace.planFlag : 0)
            return judged
        }

        /// A studied face's exam-day recall today and with the plan.
        private mutating func studiedRecalls(memory: MemoryState, last: Date, due: Date, isReview: Bool)
            -> (today: Double, withPlan: Double)
        {
            let lastDay = dayCounting.dayNumber(of: last)
            let today = rule.recall(memory: memory, lastReviewDay: lastDay, examDay: examDay)
            let dueDay = max(dayCounting.dayNumber(of: due), self.today)
            let reviewDay =
                dueDay < examDay
                ? dueDay
                : rule.reviewDay(
                    memory: memory, lastReviewDay: lastDay, dueDay: dueDay, earliestDay: self.today,
                    examDay: examDay)
            if !isReview, dueDay < examDay {
                // Still in its (re)learning steps: it finishes them on
                // its due day and follows the path of a face learnt then.
                return (today, paths.examRecall(on: dueDay, path))
            } else if let reviewDay, reviewDay > lastDay {
                // From the state's fixed terms: `expectedRecall`'s value to
                // the bit (`ExamRuleTests`), the retrievability on the
                // review day taken once for both ratings instead of three
                // times.
                return (
                    today,
                    rule.expectedRecall(
                        rule.model.fixedTerms(of: memory), memory: memory, lastReviewDay: lastDay,
                        reviewDay: reviewDay, examDay: examDay)
                )
            }
            return (today, today)
        }
    }

    /// The forecast for `faces` (in the order new ones are introduced) on
    /// an exam on `plan.examDay`. A studied face's recall today is the
    /// forgetting curve at the exam day; with the plan, a face reviewed
    /// before the exam (due then, or brought forward by the rule) counts
    /// its expected recall after that review, a face in its (re)learning
    /// steps the recall of the path of a face learnt on its due day, and a
    /// new face the recall of the path it starts on its planned day.
    ///
    /// Each face is judged first (`Judge`), then the new ones are given
    /// their days (`forecast(judged:…)`): the walks judge the studied faces
    /// where they meet them and keep two bits, and this is the same in one
    /// pass, which every forecast test goes through.
    public static func forecast(
        faces: [Face], plan: ExamPlan, rule: ExamRule, dayCounting: DayCounting, path: (Int) -> ExamPath
    ) -> ExamReadiness {
        withoutActuallyEscaping(path) { path in
            var judge = Judge(
                today: plan.today, examDay: plan.examDay, rule: rule, dayCounting: dayCounting, path: path)
            let judged = faces.map { judge.judge($0) }
            return forecast(judged: judged, plan: plan, rule: rule, path: path)
        }
    }

    /// The forecast for faces judged (`Judge`, for `plan`'s today and
    /// exam day), in the order new ones are introduced: each new face
    /// follows the path it starts on its planned day, and a card is ready
    /// when every face of it is.
    public static func forecast(judged faces: [JudgedFace], plan: ExamPlan, rule: ExamRule, path: (Int) -> ExamPath)
        -> ExamReadiness
    {
        var newFaces = NewFaces(plan: plan, rule: rule)
        // One slot per card number, made when the number is first met:
        // met, ready today, ready with the plan, one bit each, then the
        // level.
        let metFlag: UInt8 = 1
        let todayFlag: UInt8 = 2
        let planFlag: UInt8 = 4
        var cards: [(flags: UInt8, level: UInt8)] = []
        for face in faces {
            let flags = face.isNew ? newFaces.next(path) : face.flags
            let index = Int(face.card)
            if index >= cards.count {
                cards += repeatElement((flags: todayFlag | planFlag, level: UInt8(0)), count: index + 1 - cards.count)
            }
            if cards[index].flags & metFlag == 0 {
                cards[index].flags |= metFlag
                cards[index].level = face.levelByte
            }
            if flags & JudgedFace.todayFlag == 0 { cards[index].flags &= ~todayFlag }
            if flags & JudgedFace.planFlag == 0 { cards[index].flags &= ~planFlag }
        }
        var tally = Tally()
        for card in cards where card.flags & metFlag != 0 {
            tally.count(level: card.level, today: card.flags & todayFlag != 0, withPlan: card.flags & planFlag != 0)
        }
        return tally.readiness
    }

    /// The forecast for cards as their faces judged make them
    /// (`KeptReadiness`): each card's level byte and record, in the order
    /// of the walk (its new faces introduced in that order); the same as
    /// `forecast(judged:…)` of the cards' faces.
    static func forecast(cards: [(level: UInt8, record: UInt32)], plan: ExamPlan, rule: ExamRule, path: (Int) -> ExamPath)
        -> ExamReadiness
    {
        var newFaces = NewFaces(plan: plan, rule: rule)
        var tally = Tally()
        for card in cards {
            var today = card.record & KeptReadiness.todayFlag != 0
            var withPlan = card.record & KeptReadiness.planFlag != 0
            for _ in 0..<KeptReadiness.judgedNew(card.record) {
                let flags = newFaces.next(path)
                today = today && flags & JudgedFace.todayFlag != 0
                withPlan = withPlan && flags & JudgedFace.planFlag != 0
            }
            tally.count(level: card.level, today: today, withPlan: withPlan)
        }
        return tally.readiness
    }

    /// The new faces in the order they are introduced: each follows the
    /// path it starts on its planned day, nothing recalled today.
    struct NewFaces {
        let plan: ExamPlan
        let rule: ExamRule
        /// How many came before.
        private var index = 0
        /// The path of each day asked.
        private var paths = ExamPathsByDay()

        init(plan: ExamPlan, rule: ExamRule) {
            self.plan = plan
            self.rule = rule
        }

        /// The next new face's flags (`JudgedFace.todayFlag`, `planFlag`):
        /// nothing recalled today; with the plan, the recall of its path
        /// (`path` of its day), or nothing when the plan does not reach it
        /// before the exam.
        mutating func next(_ path: (Int) -> ExamPath) -> UInt8 {
            let withPlan: Double
            if let day = ExamReadiness.introductionDay(ofNewFace: index, plan: plan) {
                withPlan = paths.examRecall(on: day, path)
            } else {
                withPlan = 0
            }
            index += 1
            return (0 >= rule.target ? JudgedFace.todayFlag : 0) | (withPlan >= rule.target ? JudgedFace.planFlag : 0)
        }
    }

    /// Cards counted one by one into a forecast.
    struct Tally {
        private var overall = Share()
        private var byLevel = [Share](repeating: Share(), count: 4)

        /// Counts a card of `level` (its level byte: 1–3, else 0), ready
        /// today and with the plan or not.
        mutating func count(level: UInt8, today: Bool, withPlan: Bool) {
            let t = today ? 1 : 0
            let p = withPlan ? 1 : 0
            overall.cards += 1
            overall.readyToday += t
            overall.readyWithPlan += p
            if (1...3).contains(level) {
                byLevel[Int(level)].cards += 1
                byLevel[Int(level)].readyToday += t
                byLevel[Int(level)].readyWithPlan += p
            }
        }

        /// The forecast of the cards counted; levels without cards are
        /// not listed.
        var readiness: ExamReadiness {
            var result = ExamReadiness()
            result.overall = overall
            for level in 1...3 where byLevel[level].cards > 0 { result.perLevel[level] = byLevel[level] }
            return result
        }
    }

    /// The day the plan introduces the `index`-th new face (0 = first);
    /// nil when the plan does not reach it before the exam.
    static func introductionDay(ofNewFace index: Int, plan: ExamPlan) -> Int? {
        if index < plan.newToday { return plan.today }
        guard plan.newPerDay > 0 else { return nil }
        let day = plan.today + 1 + (index - plan.newToday) / plan.newPerDay
        return day < plan.examDay && index < plan.unseen ? day : nil
    }
}
