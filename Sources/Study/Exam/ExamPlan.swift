/// How new faces are paced toward an exam: the same number each day from
/// today, so that the last one is introduced `lead` days before the exam,
/// and whether the answers that brings each day fit the daily workload the
/// student accepts. Pure: days are study day numbers passed in.
public struct ExamPlan: Hashable, Sendable {
    /// The exam's study day.
    public var examDay: Int
    /// Today's study day.
    public var today: Int
    /// Faces never studied, not counting those introduced today.
    public var unseen: Int
    /// New faces a day the plan introduces.
    public var newPerDay: Int
    /// New faces still to introduce today (the plan's pace less those
    /// already introduced today).
    public var newToday: Int
    /// The day the last new face is introduced; nil when none is left.
    public var lastIntroductionDay: Int?
    /// The answers the plan expects on each day from today to the day
    /// before the exam (index 0 is today): reviews already scheduled plus
    /// the new faces and the reviews they bring.
    public var answersPerDay: [Int]
    /// The answers a day the student accepts.
    public var workload: Int

    /// Days from today to the exam (1 = tomorrow).
    public var daysLeft: Int { examDay - today }
    /// How many whole days are left between the last new face and the
    /// exam (0 = the last new face comes on the exam's eve); nil when no
    /// face is new.
    public var daysSeenBefore: Int? { lastIntroductionDay.map { examDay - $0 - 1 } }
    /// The busiest day's answers.
    public var peak: Int { answersPerDay.max() ?? 0 }
    /// Whether every day's answers fit the workload.
    public var fits: Bool { peak <= workload }

    /// The days before the exam left free of new faces, so that the last
    /// ones get a review before the exam on a later day than the one they
    /// were learnt on.
    public static let defaultLead = 2

    /// The plan for `unseen` new faces (plus `introducedToday` already
    /// introduced today) toward an exam on `examDay`; nil when the exam is
    /// today or past. `scheduled[i]` is the reviews already due on day
    /// `today + i`; `path(day)` is the path of a face introduced on `day`
    /// (`ExamPath.newFace`).
    public static func make(
        unseen: Int, introducedToday: Int, today: Int, examDay: Int, workload: Int, scheduled: [Int] = [],
        lead: Int = defaultLead, path: (Int) -> ExamPath
    ) -> ExamPlan? {
        let daysLeft = examDay - today
        guard daysLeft >= 1 else { return nil }
        // Days on which new faces are introduced, today included; when the
        // exam is too near for the lead, every day left.
        let introductionDays = daysLeft > lead ? daysLeft - lead : daysLeft
        let total = max(0, unseen) + max(0, introducedToday)
        let perDay = total == 0 ? 0 : (total + introductionDays - 1) / introductionDays
        let newToday = min(max(0, unseen), max(0, perDay - introducedToday))
        var answers = (0..<daysLeft).map { $0 < scheduled.count ? scheduled[$0] : 0 }
        // New faces per day: today's rest, then the pace until none is left.
        var left = max(0, unseen)
        var lastDay: Int?
        var offset = 0
        var paths = ExamPathsByDay()
        while left > 0, offset < daysLeft {
            let count = min(left, offset == 0 ? newToday : perDay)
            if count > 0 {
                let day = today + offset
                let route = paths.path(on: day, path)
                for (after, n) in route.answersByDay where offset + after < daysLeft {
                    answers[offset + after] += n * count
                }
                left -= count
                lastDay = day
            }
            offset += 1
        }
        return ExamPlan(
            examDay: examDay, today: today, unseen: max(0, unseen), newPerDay: perDay, newToday: newToday,
            lastIntroductionDay: lastDay, answersPerDay: answers, workload: workload)
    }
}
