/// A daily workload given in minutes, turned into the answers a day the
/// plan counts in. The pace is the student's own (the mean time of their
/// recent answers); a student with no answers yet gets `defaultSeconds`, a
/// typical time for a flashcard answer.
public enum ExamWorkload {
    /// Seconds an answer takes when the student has answered nothing yet.
    public static let defaultSeconds = 10.0

    /// The answers that fit in `minutes` a day at `secondsPerAnswer` (the
    /// default pace when nil or not positive); at least 1.
    public static func answers(minutes: Int, secondsPerAnswer: Double?) -> Int {
        let pace = secondsPerAnswer.flatMap { $0 > 0 && $0.isFinite ? $0 : nil } ?? defaultSeconds
        let answers = (Double(max(0, minutes)) * 60 / pace).rounded(.down)
        return max(1, answers >= Double(Int.max) ? Int.max : Int(answers))
    }
}
