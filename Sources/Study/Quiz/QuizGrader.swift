import Foundation
import KazakhText

/// Turns a response to a question into a verdict and a credit.
public enum QuizGrader {
    /// Separates the answers of a cloze with several gaps, typed on one line.
    public static let blankSeparator: Character = ";"

    /// The verdict on `response` to `question`. `judge` checks typed text.
    public static func grade(
        _ question: QuizQuestion, response: QuizResponse, judge: TypedAnswerJudge, profile: KeyboardProfile = .unknown,
        at time: Date, duration: TimeInterval
    ) -> QuizResult {
        func result(_ outcome: QuizOutcome, _ credit: Double, tier: String? = nil, kk: String = "", en: String = "")
            -> QuizResult
        {
            QuizResult(
                questionNumber: question.number, response: response, outcome: outcome, credit: credit, tier: tier,
                reasonKK: kk, reasonEN: en, answeredAt: time, duration: duration)
        }
        switch (question.format, response) {
        case (_, .skipped):
            return result(.skipped, 0)
        case (.choice(let choice), .choices(let picked)):
            return picked == choice.correct ? result(.correct, 1) : result(.wrong, 0)
        case (.typed(let typed), .typed(let given)):
            var accepted = 0
            var lenient = false
            var tiers: [String] = []
            var kk: [String] = []
            var en: [String] = []
            // Each blank is judged knowing the blanks before it, as study's
            // gaps are (`AnswerChecker.checkGaps`): a Kazakh letter typed in
            // the first makes a Latin look-alike in the second a mistake.
            var profile = profile
            for (i, blank) in typed.blanks.enumerated() {
                let text = i < given.count ? given[i] : ""
                let j = judge(text, blank, profile)
                profile = profile.updated(afterTyping: text)
                if j.accepted { accepted += 1 }
                if j.lenient { lenient = true }
                tiers.append(j.tier)
                // Every blank is explained, numbered when there are several.
                let many = typed.blanks.count > 1
                if !j.reasonKK.isEmpty { kk.append((many ? "\(i + 1)-бос орын: " : "") + j.reasonKK) }
                if !j.reasonEN.isEmpty { en.append((many ? "Gap \(i + 1): " : "") + j.reasonEN) }
            }
            let blanks = typed.blanks.count
            let outcome: QuizOutcome =
                accepted == blanks ? (lenient ? .accepted : .correct) : accepted == 0 ? .wrong : .partial
            return result(
                outcome, blanks == 0 ? 0 : Double(accepted) / Double(blanks), tier: tiers.joined(separator: "; "),
                kk: kk.joined(separator: " "), en: en.joined(separator: " "))
        case (.open(let open), .keyPoints(let ticked)):
            let valid = ticked.filter { open.keyPoints.indices.contains($0) }
            let credit = open.keyPoints.isEmpty ? 0 : Double(valid.count) / Double(open.keyPoints.count)
            return result(credit >= 1 ? .correct : credit == 0 ? .wrong : .partial, credit)
        case (.selfGraded, .selfGraded(let knew)):
            return knew ? result(.correct, 1) : result(.wrong, 0)
        default:
            // A response of the wrong shape (a front end bug) scores nothing
            // rather than crashing the quiz.
            return result(.wrong, 0)
        }
    }

    /// The typed line split into one answer per blank.
    public static func blanks(of text: String, count: Int) -> [String] {
        guard count > 1 else { return [text] }
        return text.split(separator: blankSeparator, omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
    }

    /// The result turned by the student's "I was right".
    public static func overrule(_ result: QuizResult) -> QuizResult {
        var turned = result
        turned.outcome = .correct
        turned.credit = 1
        turned.overruled = true
        return turned
    }
}
