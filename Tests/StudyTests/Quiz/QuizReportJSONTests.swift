import Foundation
import Testing

@testable import Study

struct QuizReportJSONTests {
    @Test func theJSONCarriesQuestionsAnswersVerdictsScoresAndTime() throws {
        let deck = QuizFixtures.deck
        let settings = QuizSettings(level: 1, count: 3, seed: UInt64.max, mode: .exam, timeLimit: 600)
        let questions = QuizGenerator.generate(from: [deck], settings: settings)
        var s = QuizSession(questions: questions, settings: settings, judge: QuizFixtures.judge, startedAt: QuizFixtures.start)
        // Answer the first question right whatever its format; skip the rest.
        let t = QuizFixtures.start.addingTimeInterval(12.5)
        switch questions[0].format {
        case .choice(let c): for i in c.correct { _ = s.apply(.input(.toggle(i), at: t)) }
        case .typed(let typed): _ = s.apply(.input(.type(typed.blanks.map { $0[0] }.joined(separator: ";")), at: t))
        default: Issue.record("level 1 of the fixture has only choice and typed questions")
        }
        _ = s.apply(.input(.submit, at: t))
        _ = s.apply(.input(.skip, at: t))
        _ = s.apply(.input(.skip, at: t.addingTimeInterval(1)))

        let object = try #require(try JSONSerialization.jsonObject(with: s.report.jsonData()) as? [String: Any])
        #expect(object["seed"] as? String == "18446744073709551615")
        #expect(object["mode"] as? String == "exam")
        #expect(object["level"] as? Int == 1)
        #expect(object["endReason"] as? String == "completed")
        #expect(object["timeLimitSeconds"] as? Double == 600)
        #expect(object["timeTakenSeconds"] as? Double == 13.5)
        #expect(object["startedAt"] as? String == "2026-09-21T14:13:20Z")
        let score = try #require(object["score"] as? [String: Any])
        #expect(score["total"] as? Int == 3)
        #expect(score["percent"] as? Int == 33)
        let byLevel = try #require(object["scoreByLevel"] as? [[String: Any]])
        #expect(byLevel.count == 1 && byLevel[0]["level"] as? Int == 1 && byLevel[0]["credit"] as? Double == 1)
        #expect(object["mistakes"] as? [Int] == [2, 3])
        let items = try #require(object["questions"] as? [[String: Any]])
        #expect(items.count == 3)
        #expect(items[0]["outcome"] as? String == "correct")
        #expect(items[0]["seconds"] as? Double == 12.5)
        #expect(items[1]["outcome"] as? String == "skipped")
        #expect(items[1]["given"] == nil)
        #expect(items.allSatisfy { ($0["deck"] as? String) == QuizFixtures.file && ($0["expected"] as? String)?.isEmpty == false })
    }
}
