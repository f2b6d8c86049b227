import FSRS
import Foundation
import Testing

@testable import Study

/// The exam scheduler moves due dates only; every review is FSRS's own.
@Suite struct ExamSchedulerTests {
    let days = DayCounting.anki(timeZone: .gmt)
    let base: Scheduler
    /// 2026-03-02 10:00 UTC.
    let now = Date(timeIntervalSince1970: 1_772_445_600)

    init() throws {
        base = try Scheduler(SchedulerConfiguration(dayCounting: .anki(timeZone: .gmt)))
    }

    /// A review card last seen `ago` days before `now`, with stability `s`.
    func card(stability s: Double, ago: Int, dueIn: Int) -> CardSchedule {
        CardSchedule(
            state: .review, step: nil, memory: MemoryState(stability: s, difficulty: 6),
            due: now.addingTimeInterval(Double(dueIn) * 86_400), lastReview: now.addingTimeInterval(-Double(ago) * 86_400),
            reps: 3)
    }

    @Test func aReviewIsFSRSsOwnAndOnlyItsDueMoves() {
        let today = days.dayNumber(of: now)
        let exam = ExamScheduler(base: base, examDays: ["k": today + 6])
        // Stability 3: FSRS's next interval after Good runs past the exam.
        let before = card(stability: 3, ago: 3, dueIn: 0)
        for rating in Rating.allCases {
            let plain = base.review(before, rating: rating, at: now, cardKey: "k")
            let moved = exam.review(before, rating: rating, at: now, cardKey: "k")
            #expect(moved.memory == plain.memory)
            #expect(moved.state == plain.state && moved.step == plain.step)
            #expect(moved.reps == plain.reps && moved.lapses == plain.lapses && moved.lastReview == plain.lastReview)
            #expect(moved.due <= plain.due)
        }
        let good = exam.review(before, rating: .good, at: now, cardKey: "k")
        let plainGood = base.review(before, rating: .good, at: now, cardKey: "k")
        #expect(days.dayNumber(of: plainGood.due) >= today + 6)
        #expect(days.dayNumber(of: good.due) < today + 6)
        #expect(days.dayNumber(of: good.due) > today)
        // The buttons show the same dates the answers give.
        #expect(exam.preview(before, at: now, cardKey: "k")[.good]?.due == good.due)
    }

    @Test func aFaceWithoutAnExamIsScheduledAsFSRSSchedulesIt() {
        let today = days.dayNumber(of: now)
        let exam = ExamScheduler(base: base, examDays: ["other": today + 6])
        let before = card(stability: 3, ago: 3, dueIn: 0)
        #expect(exam.review(before, rating: .good, at: now, cardKey: "k") == base.review(before, rating: .good, at: now, cardKey: "k"))
    }

    @Test func afterTheExamTheOrdinaryScheduleResumes() {
        let today = days.dayNumber(of: now)
        let exam = ExamScheduler(base: base, examDays: ["k": today - 1])
        let before = card(stability: 3, ago: 3, dueIn: 0)
        #expect(exam.review(before, rating: .good, at: now, cardKey: "k") == base.review(before, rating: .good, at: now, cardKey: "k"))
    }

    @Test func cardsScheduledBeforeTheExamWasSetAreBroughtForward() throws {
        let today = days.dayNumber(of: now)
        let exam = ExamScheduler(base: base, examDays: ["weak": today + 5, "strong": today + 5])
        var progress = ProgressSnapshot()
        progress.schedules["weak"] = card(stability: 4, ago: 6, dueIn: 9)
        progress.schedules["strong"] = card(stability: 500, ago: 6, dueIn: 900)
        let adjusted = exam.adjusted(progress, at: now)
        let weak = try #require(adjusted.schedules["weak"])
        #expect(days.dayNumber(of: weak.due) < today + 5)
        #expect(weak.memory == progress.schedules["weak"]?.memory)
        #expect(adjusted.schedules["strong"] == progress.schedules["strong"])
    }
    /// The snapshot brought to the exams at once (`adjust`, which goes
    /// through the table in its order) gives each face what the rule gives
    /// it alone (`adjusted(_:key:at:)`): faces of two exams, faces of none,
    /// new, learning and review faces, due before, between and after them;
    /// and with one exam for every face.
    @Test(arguments: [false, true]) func adjustingTheSnapshotIsAdjustingEachFace(oneExam: Bool) {
        let today = days.dayNumber(of: now)
        var examDays: [String: Int] = [:]
        var progress = ProgressSnapshot()
        var seed: UInt64 = 7
        func next(_ n: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(n))
        }
        for i in 0..<3_000 {
            let key = i % 3 == 0 ? "lecture-\(i % 10):question-\(i)/reverse-face-with-a-long-key" : "k\(i)"
            switch i % 5 {
            case 0, 1: examDays[key] = today + 6
            case 2, 3: examDays[key] = today + 30
            default: break
            }
            var schedule = card(
                stability: [0.5, 2, 5, 12, 40, 300][next(6)], ago: 1 + next(20), dueIn: next(60) - 5)
            switch next(8) {
            case 0: schedule = CardSchedule.new(at: now)
            case 1: schedule.state = .learning
            default: break
            }
            progress.schedules[key] = schedule
        }
        let exam = ExamScheduler(
            base: base, examDays: oneExam ? ExamDays(everyFace: today + 12) : ExamDays(examDays))
        var adjusted = progress
        exam.adjust(&adjusted, at: now)
        var moved = 0
        for (key, schedule) in progress.schedules {
            let alone = exam.adjusted(schedule, key: key, at: now)
            #expect(adjusted.schedules[key] == alone, "\(key)")
            if alone != schedule { moved += 1 }
        }
        #expect(adjusted.schedules.count == progress.schedules.count)
        // Many are moved, many are not.
        #expect(moved > 300 && moved < 2_700)
    }
}
