import FSRS

/// The path a face follows toward the exam when every answer is Good: the
/// days it is answered on (learning steps on its first day, then FSRS
/// reviews with the exam rule) and its predicted exam-day recall. The plan
/// counts its workload from these paths and the forecast its recall, so
/// both read the one rule and the one scheduler configuration.
public struct ExamPath: Hashable, Sendable {
    public init() {}

    /// The answers given on each day (relative to the day the path starts).
    public var answersByDay: [Int: Int] = [:]
    /// The predicted recall at the start of the exam day.
    public var examRecall: Double = 0

    /// The path of a new face introduced on `day`, for an exam on `examDay`,
    /// scheduled by FSRS at `desiredRetention` with `learningSteps` steps
    /// and the exam rule.
    public static func newFace(
        introducedOn day: Int, examDay: Int, rule: ExamRule, desiredRetention: Double, learningSteps: Int,
        maximumInterval: Int = 36_500
    ) -> ExamPath {
        var path = ExamPath()
        guard day < examDay else { return path }
        let model = rule.model
        var memory = model.nextMemoryState(nil, elapsedDays: 0, rating: .good)
        for _ in 1..<max(learningSteps, 1) { memory = model.nextMemoryState(memory, elapsedDays: 0, rating: .good) }
        path.answersByDay[0] = max(learningSteps, 1)
        var last = day
        // Each pass is one review before the exam; intervals are at least a
        // day, so this ends within the days left.
        while true {
            let interval = model.nextInterval(
                stability: memory.stability, desiredRetention: desiredRetention, maximumInterval: maximumInterval)
            var due = last + interval
            if let early = rule.reviewDay(
                memory: memory, lastReviewDay: last, dueDay: due, earliestDay: last + 1, examDay: examDay)
            {
                due = early
            }
            guard due < examDay else { break }
            memory = model.nextMemoryState(memory, elapsedDays: Double(due - last), rating: .good)
            last = due
            path.answersByDay[due - day, default: 0] += 1
        }
        path.examRecall = rule.recall(memory: memory, lastReviewDay: last, examDay: examDay)
        return path
    }
}

/// The path of each day asked (`path(day)`, the same for every face that
/// starts on that day), made once per day. The walks ask it for every new
/// face in the order they are introduced, day after day: storing the path
/// again at each ask, 24,000 times at 100,000 cards, was 9 million
/// instructions of a start with an exam ahead.
struct ExamPathsByDay {
    private var paths: [Int: ExamPath] = [:]
    /// The day last asked for its recall, and that recall.
    private var last: (day: Int, recall: Double)?

    /// `make(day)`, made the first time the day is asked.
    mutating func path(on day: Int, _ make: (Int) -> ExamPath) -> ExamPath {
        if let known = paths[day] { return known }
        let made = make(day)
        paths[day] = made
        return made
    }

    /// The exam-day recall of `path(on: day, make)`.
    mutating func examRecall(on day: Int, _ make: (Int) -> ExamPath) -> Double {
        if let last, last.day == day { return last.recall }
        let recall = path(on: day, make).examRecall
        last = (day, recall)
        return recall
    }
}
