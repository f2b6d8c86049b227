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

    /// One face as the forecast reads it, in 56 bytes: the outlook keeps
    /// one for each face of the exam's decks until the plan is known
    /// (120,000 at 100,000 cards), and with a whole schedule each, the
    /// array's growth was a fifth of an exam start in fresh memory.
    public struct Face: Hashable, Sendable {
        /// The card the face belongs to: a number the faces of one card
        /// share, and no other card's (the outlook numbers its cards from
        /// 0 as it meets them). A string of each card's id, and a look-up
        /// of it per face, was made for every face at every start.
        public var card: Int
        /// The card's level when it is 1, 2 or 3 (0 otherwise): other
        /// levels count in `overall` only.
        private var levelByte: UInt8
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
            levelByte = level.map { (1...3).contains($0) ? UInt8($0) : 0 } ?? 0
            if let schedule, let memory = schedule.memory, let last = schedule.lastReview {
                studied = Studied(
                    stability: memory.stability, difficulty: memory.difficulty,
                    lastReview: last.timeIntervalSinceReferenceDate, due: schedule.due.timeIntervalSinceReferenceDate,
                    isReview: schedule.state == .review)
            }
        }

        /// The card's level, when it is 1, 2 or 3.
        var level: Int? { levelByte == 0 ? nil : Int(levelByte) }
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

    /// The forecast for `faces` (in the order new ones are introduced) on
    /// an exam on `plan.examDay`. A studied face's recall today is the
    /// forgetting curve at the exam day; with the plan, a face reviewed
    /// before the exam (due then, or brought forward by the rule) counts
    /// its expected recall after that review, a face in its (re)learning
    /// steps the recall of the path of a face learnt on its due day, and a
    /// new face the recall of the path it starts on its planned day.
    ///
    /// Each face's two recalls are its own (a new face's also depend on
    /// how many new faces come before it): with `splitFrom` faces or more
    /// they are worked out in two halves at once, the second half's new
    /// faces counted from the first half's, and then gathered per card
    /// in order, as one pass gives them. `path` is then asked from two
    /// threads at once: it must be a pure function of the day.
    public static func forecast(
        faces: [Face], plan: ExamPlan, rule: ExamRule, dayCounting: DayCounting, path: (Int) -> ExamPath,
        splitFrom: Int = forecastSplitFrom
    ) -> ExamReadiness {
        // Whether each face reaches the target today and with the plan (two
        // bytes a face: the recalls themselves are not needed after).
        var ready = [(today: Bool, withPlan: Bool)](repeating: (false, false), count: faces.count)
        let parts = faces.count >= Swift.max(splitFrom, 2) ? 2 : 1
        let middle = faces.count / 2
        // The new faces before each part.
        let newBefore = parts == 1 ? [0] : [0, faces[..<middle].count { $0.isNew }]
        withoutActuallyEscaping(path) { path in
            ready.withUnsafeMutableBufferPointer { ready in
                faces.withUnsafeBufferPointer { faces in
                    // Read by both parts, written only at each part's own
                    // faces; all of it outlives the work, which is over
                    // when `concurrentPerform` returns.
                    let shared = UncheckedShare(value: (ready, faces, path))
                    DispatchQueue.concurrentPerform(iterations: parts) { part in
                        let (ready, faces, path) = shared.value
                        var newIndex = newBefore[part]
                        var paths: [Int: ExamPath] = [:]
                        let range = parts == 1 ? 0..<faces.count : (part == 0 ? 0..<middle : middle..<faces.count)
                        for i in range {
                            let recalls = recall(
                                of: faces[i], newIndex: &newIndex, paths: &paths, plan: plan, rule: rule,
                                dayCounting: dayCounting, path: path)
                            ready[i] = (recalls.today >= rule.target, recalls.withPlan >= rule.target)
                        }
                    }
                }
            }
        }
        // One slot per card number, made when the number is first met.
        var met: [Bool] = []
        var todayReady: [Bool] = []
        var planReady: [Bool] = []
        var levels: [Int?] = []
        for (face, (today, withPlan)) in zip(faces, ready) {
            let index = face.card
            precondition(index >= 0, "a card's number is never negative")
            if index >= met.count {
                let more = index + 1 - met.count
                met += repeatElement(false, count: more)
                todayReady += repeatElement(true, count: more)
                planReady += repeatElement(true, count: more)
                levels += repeatElement(nil, count: more)
            }
            if !met[index] {
                met[index] = true
                levels[index] = face.level
            }
            todayReady[index] = todayReady[index] && today
            planReady[index] = planReady[index] && withPlan
        }
        var result = ExamReadiness()
        var byLevel = Array(repeating: Share(), count: 4)
        for index in levels.indices where met[index] {
            let t = todayReady[index] ? 1 : 0
            let p = planReady[index] ? 1 : 0
            result.overall.cards += 1
            result.overall.readyToday += t
            result.overall.readyWithPlan += p
            if let level = levels[index], (1...3).contains(level) {
                byLevel[level].cards += 1
                byLevel[level].readyToday += t
                byLevel[level].readyWithPlan += p
            }
        }
        for level in 1...3 where byLevel[level].cards > 0 { result.perLevel[level] = byLevel[level] }
        return result
    }

    /// The faces from which `forecast` works in two halves at once.
    public static let forecastSplitFrom = 20_000

    /// A face's exam-day recall today and with the plan; `newIndex` counts
    /// the new faces met so far (a new face's day comes from its place
    /// among them), `paths` keeps the path of each day asked.
    private static func recall(
        of face: Face, newIndex: inout Int, paths: inout [Int: ExamPath], plan: ExamPlan, rule: ExamRule,
        dayCounting: DayCounting, path: (Int) -> ExamPath
    ) -> (today: Double, withPlan: Double) {
        let today: Double
        let withPlan: Double
        if let (memory, last, due, isReview) = face.memory {
            let lastDay = dayCounting.dayNumber(of: last)
            today = rule.recall(memory: memory, lastReviewDay: lastDay, examDay: plan.examDay)
            let dueDay = max(dayCounting.dayNumber(of: due), plan.today)
            let reviewDay =
                dueDay < plan.examDay
                ? dueDay
                : rule.reviewDay(
                    memory: memory, lastReviewDay: lastDay, dueDay: dueDay, earliestDay: plan.today,
                    examDay: plan.examDay)
            if !isReview, dueDay < plan.examDay {
                // Still in its (re)learning steps: it finishes them on
                // its due day and follows the path of a face learnt then.
                let route = paths[dueDay] ?? path(dueDay)
                paths[dueDay] = route
                withPlan = route.examRecall
            } else if let reviewDay, reviewDay > lastDay {
                withPlan = rule.expectedRecall(
                    memory: memory, lastReviewDay: lastDay, reviewDay: reviewDay, examDay: plan.examDay)
            } else {
                withPlan = today
            }
        } else {
            today = 0
            let day = introductionDay(ofNewFace: newIndex, plan: plan)
            newIndex += 1
            if let day {
                let route = paths[day] ?? path(day)
                paths[day] = route
                withPlan = route.examRecall
            } else {
                withPlan = 0
            }
        }
        return (today, withPlan)
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
