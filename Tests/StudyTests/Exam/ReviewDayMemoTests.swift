import FSRS
import Foundation
import Testing

@testable import Study

/// The exam rule remembers the review days it found (`ReviewDayMemo`): a
/// rule asked many questions, each again and beside others that differ in
/// one thing only (the memory's stability or difficulty, the last review,
/// the earliest day, the due day, the exam day), answers every one as a
/// search made for that question alone. (The difficulty is remembered too,
/// as the day depends on it, though no question of 20,000 tried with
/// difficulty 1 and 10 got two days: a rule forgetting it is not caught.)
@Suite struct ReviewDayMemoTests {
    struct Question {
        var memory: MemoryState
        var lastReviewDay: Int
        var dueDay: Int
        var earliestDay: Int
        var examDay: Int
    }

    /// A question, and its neighbours that differ in one input each.
    static func questions(_ rng: inout SeededGenerator) -> [Question] {
        let stability = Double.random(in: 0.5...60, using: &rng)
        let difficulty = Double.random(in: 1...10, using: &rng)
        let last = Int.random(in: 0...30, using: &rng)
        let exam = last + Int.random(in: 2...40, using: &rng)
        let base = Question(
            memory: MemoryState(stability: stability, difficulty: difficulty), lastReviewDay: last,
            dueDay: exam + Int.random(in: -3...30, using: &rng), earliestDay: last + Int.random(in: -2...10, using: &rng),
            examDay: exam)
        var result = [base]
        func with(_ change: (inout Question) -> Void) {
            var q = base
            change(&q)
            result.append(q)
        }
        with { $0.memory.stability = $0.memory.stability.nextUp }
        with { $0.memory.stability *= 0.8 }
        with { $0.memory.difficulty = min(10, $0.memory.difficulty + 0.5) }
        with { $0.memory.difficulty = 1 }
        with { $0.memory.difficulty = 10 }
        with { $0.lastReviewDay -= 1 }
        with { $0.earliestDay += 1 }
        with { $0.earliestDay += 3 }
        with { $0.dueDay = $0.examDay - 1 }
        with { $0.examDay += 1 }
        with { $0.examDay -= 1 }
        return result
    }

    @Test(arguments: [UInt64(1), 2, 3])
    func everyAnswerIsTheSearchsForThatQuestion(seed: UInt64) throws {
        var rng = SeededGenerator(seed: seed)
        let model = MemoryModel(weights: FSRSParameters.defaults)
        let rule = ExamRule(model: model)
        var asked: [Question] = []
        for _ in 0..<150 { asked += Self.questions(&rng) }
        asked += asked.shuffled(using: &rng)
        var moved = 0
        for q in asked {
            let remembered = rule.reviewDay(
                memory: q.memory, lastReviewDay: q.lastReviewDay, dueDay: q.dueDay, earliestDay: q.earliestDay,
                examDay: q.examDay)
            // A rule of its own for each question: nothing remembered.
            let searched = ExamRule(model: model).reviewDay(
                memory: q.memory, lastReviewDay: q.lastReviewDay, dueDay: q.dueDay, earliestDay: q.earliestDay,
                examDay: q.examDay)
            #expect(remembered == searched)
            if remembered != nil { moved += 1 }
        }
        // Enough questions get a day for the comparison to mean something.
        #expect(moved > asked.count / 10)
        // What the rule remembers is not part of its value.
        #expect(rule == ExamRule(model: model))
        #expect(rule.hashValue == ExamRule(model: model).hashValue)
    }
}
