import FSRS
import Foundation
import Testing

@testable import Study

/// What the exam's walks work out once per day and reuse: the first
/// instant of a study day (`DayStarts`) and the path of a face starting on
/// a day (`ExamPathsByDay`) are, for every day asked in any order and
/// again, what working them out anew gives.
@Suite struct ExamDayMemoTests {
    /// Days around two daylight-saving changes (New York, 2026), asked in a
    /// shuffled order, each twice: the starts are `start(ofDay:)`'s.
    @Test func aDaysStartIsTheOneWorkedOutAnew() throws {
        let zone = try #require(TimeZone(identifier: "America/New_York"))
        for counting in [DayCounting.anki(timeZone: zone), .anki(timeZone: .gmt), .fullDays] {
            let march = counting.dayNumber(of: Date(timeIntervalSince1970: 1_773_000_000))
            let november = counting.dayNumber(of: Date(timeIntervalSince1970: 1_793_000_000))
            var days = Array(march - 20...march + 20) + Array(november - 20...november + 20)
            var random = SeededGenerator(seed: 20_261_207)
            days = (days + days).shuffled(using: &random)
            var starts = DayStarts(counting)
            for day in days {
                #expect(starts.start(ofDay: day) == counting.start(ofDay: day), "\(counting) day \(day)")
            }
        }
    }

    /// Paths asked for days in any order, each several times: the path and
    /// its recall are `make(day)`'s, and `make` runs once per day.
    @Test func aDaysPathIsMadeOnceAndIsTheOneMadeAnew() {
        let rule = ExamRule(model: MemoryModel(weights: FSRSParameters.defaults))
        let exam = 40
        var made: [Int: Int] = [:]
        func make(_ day: Int) -> ExamPath {
            made[day, default: 0] += 1
            return ExamPath.newFace(introducedOn: day, examDay: exam, rule: rule, desiredRetention: 0.9, learningSteps: 2)
        }
        var memo = ExamPathsByDay()
        // The new faces' order (a day's faces together), then days at random.
        var asked = (0..<30).flatMap { Array(repeating: $0, count: 1 + $0 % 4) }
        var random = SeededGenerator(seed: 20_261_208)
        asked += (0..<200).map { _ in Int.random(in: -3...45, using: &random) }
        for (i, day) in asked.enumerated() {
            let fresh = ExamPath.newFace(introducedOn: day, examDay: exam, rule: rule, desiredRetention: 0.9, learningSteps: 2)
            if i % 2 == 0 {
                #expect(memo.examRecall(on: day, make) == fresh.examRecall, "day \(day)")
            } else {
                #expect(memo.path(on: day, make) == fresh, "day \(day)")
            }
        }
        #expect(made.values.allSatisfy { $0 == 1 })
        #expect(made.count == Set(asked).count)
    }
}
