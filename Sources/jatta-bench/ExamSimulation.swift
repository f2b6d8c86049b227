import FSRS
import Foundation
import Study

/// `jatta-bench exam-sim [--students N] [--cards 100,300,1000] [--days 7,14,30]
/// [--seed S] [--sigma X] [--check]`: simulated students prepare for an exam
/// three ways, and the table says how much each remembers on the exam day.
///
/// A student remembers by FSRS-6 with their own weights, drawn around the
/// defaults as the optimiser benchmark draws them (each weight times
/// e^N(0, σ), mean reversion and decay drawn in their own bands), which the
/// schedulers never see: they see only the ratings. The student recalls a
/// face with the probability their own memory gives; recalled, they rate it
/// Hard (10 %), Good (85 %) or Easy (5 %), else Again. The same student,
/// with the same random draws, goes through every strategy:
///
/// - (a) jatta without an exam: FSRS at 90 %, 20 new faces a day, at most
///   200 reviews a day;
/// - (b) FSRS at desired retention 97 %, new faces paced by the exam plan;
/// - (c) exam mode: FSRS at 90 % with the exam rule (`ExamScheduler`), new
///   faces paced by the exam plan.
///
/// Every answer is one review through jatta's own `Scheduler` (fuzz on, days
/// starting at 4 a.m. UTC); learning steps come back the same day. The exam
/// is sat at the start of its day. `--check` exits 1 unless exam mode beats
/// both on mean exam-day recall with no more answers than (b) in every case.
enum ExamSimulation {
    /// One way of preparing.
    enum Strategy: String, CaseIterable {
        case plain = "(a) FSRS 90%, 20 new/day"
        case highRetention = "(b) FSRS 97%, paced"
        case exam = "(c) exam mode"
    }

    /// What one student ended with under one strategy.
    struct Outcome {
        /// Mean true recall over every face on the exam day (unseen = 0).
        var meanRecall = 0.0
        /// Share of faces with true recall of at least 90 %.
        var shareAbove = 0.0
        /// Every answer given before the exam, learning steps included.
        var answers = 0
        /// The most answers on one day.
        var busiestDay = 0
    }

    static func run(_ arguments: [String]) -> Int32 {
        var students = 50
        var sizes = [100, 300, 1000]
        var horizons = [7, 14, 30]
        var seed: UInt64 = 20_261_220
        var sigma = 0.3
        var check = false
        var target = ExamRule.defaultTarget
        var i = 0
        func list(_ text: String?) -> [Int]? {
            guard let text else { return nil }
            let values = text.split(separator: ",").compactMap { Int($0) }
            return values.isEmpty || values.contains { $0 < 1 } ? nil : values
        }
        while i < arguments.count {
            let a = arguments[i]
            let value = i + 1 < arguments.count ? arguments[i + 1] : nil
            switch a {
            case "--students": students = value.flatMap(Int.init) ?? students; i += 1
            case "--cards": sizes = list(value) ?? sizes; i += 1
            case "--days": horizons = list(value) ?? horizons; i += 1
            case "--seed": seed = value.flatMap { UInt64($0) } ?? seed; i += 1
            case "--sigma": sigma = value.flatMap(Double.init) ?? sigma; i += 1
            case "--target": target = value.flatMap(Double.init) ?? target; i += 1
            case "--check": check = true
            default:
                FileHandle.standardError.write(Data("jatta-bench exam-sim: unknown argument \(a)\n".utf8))
                return 2
            }
            i += 1
        }
        print("exam simulation: seed \(seed), \(students) students per case, sigma \(sigma)")
        print("| cards | days | strategy | mean recall | ≥ 90 % | answers | busiest day |")
        print("|---:|---:|---|---:|---:|---:|---:|")
        var goalMet = true
        for size in sizes {
            for days in horizons {
                var totals: [Strategy: Outcome] = [:]
                for student in 0..<students {
                    var draw = SeededGenerator(seed: seed ^ SeededGenerator.seed(hashing: "student \(student)"))
                    let weights = sampleWeights(&draw, sigma: sigma)
                    let answerSeed = draw.next()
                    for strategy in Strategy.allCases {
                        let o = simulate(
                            strategy, cards: size, days: days, weights: weights, seed: answerSeed, target: target)
                        totals[strategy, default: Outcome()].meanRecall += o.meanRecall / Double(students)
                        totals[strategy, default: Outcome()].shareAbove += o.shareAbove / Double(students)
                        totals[strategy, default: Outcome()].answers += o.answers
                        totals[strategy, default: Outcome()].busiestDay += o.busiestDay
                    }
                }
                for strategy in Strategy.allCases {
                    let t = totals[strategy] ?? Outcome()
                    print(
                        "| \(size) | \(days) | \(strategy.rawValue) | "
                            + String(format: "%.3f | %.1f %% | %.0f | %.0f |", t.meanRecall, t.shareAbove * 100,
                                Double(t.answers) / Double(students), Double(t.busiestDay) / Double(students)))
                }
                let a = totals[.plain] ?? Outcome()
                let b = totals[.highRetention] ?? Outcome()
                let c = totals[.exam] ?? Outcome()
                if !(c.meanRecall > a.meanRecall && c.meanRecall > b.meanRecall && c.answers <= b.answers) {
                    goalMet = false
                    print("| \(size) | \(days) | goal not met | | | | |")
                }
            }
        }
        print(goalMet ? "goal met in every case" : "goal NOT met in every case")
        return check && !goalMet ? 1 : 0
    }

    /// A student's own FSRS-6 weights: as `optimizer_bench.py` draws them.
    static func sampleWeights(_ g: inout SeededGenerator, sigma: Double) -> [Double] {
        var w: [Double] = []
        for (i, x) in FSRSParameters.defaults.enumerated() {
            var v = x * exp(gaussian(&g) * sigma)
            if i == 7 { v = 0.001 + uniform(&g) * 0.049 }
            if i == 20 { v = 0.1 + uniform(&g) * 0.5 }
            let lower = FSRSParameters.lowerBounds[i]
            v = min(max(v, lower > 0 ? lower : 0.001), FSRSParameters.upperBounds[i])
            w.append(v)
        }
        let first = w[0..<4].sorted()
        w.replaceSubrange(0..<4, with: first)
        return w
    }

    static func uniform(_ g: inout SeededGenerator) -> Double { Double(g.next() >> 11) * 0x1p-53 }

    /// A standard normal draw (Box–Muller).
    static func gaussian(_ g: inout SeededGenerator) -> Double {
        let u = max(uniform(&g), 0x1p-60)
        let v = uniform(&g)
        return (-2 * log(u)).squareRoot() * cos(2 * .pi * v)
    }

    /// One face as the student holds it and as the scheduler sees it.
    struct Face {
        /// The scheduler's view (it never sees `truth`).
        var schedule: CardSchedule
        /// The student's true memory, nil until first seen.
        var truth: MemoryState?
        /// The study day of the true last review.
        var lastDay = 0
    }

    /// The day counting of the simulated students: Anki's, in UTC.
    static let dayCounting = DayCounting.anki(timeZone: .gmt)
    /// The first day of every simulation: Monday 2026-01-05.
    static let firstDay = dayCounting.dayNumber(of: Date(timeIntervalSince1970: 1_767_607_200))
    /// Each answer takes this long on the simulated clock.
    static let answerSeconds: TimeInterval = 12

    static func simulate(_ strategy: Strategy, cards: Int, days: Int, weights: [Double], seed: UInt64, target: Double)
        -> Outcome
    {
        let truth = MemoryModel(weights: weights)
        let retention = strategy == .highRetention ? 0.97 : 0.9
        guard
            let base = try? Scheduler(
                SchedulerConfiguration(desiredRetention: retention, dayCounting: dayCounting))
        else { return Outcome() }
        let examDay = firstDay + days
        let keys = (0..<cards).map { "face-\($0)" }
        let examScheduler = ExamScheduler(
            base: base, examDays: ExamDays(Dictionary(uniqueKeysWithValues: keys.map { ($0, examDay) })), target: target)
        let scheduler: any StudyScheduler = strategy == .exam ? examScheduler : base
        var rng = SeededGenerator(seed: seed)
        var faces = keys.map { _ in Face(schedule: .new(at: dayCounting.start(ofDay: firstDay))) }
        var nextNew = 0
        var outcome = Outcome()
        for day in firstDay..<examDay {
            let start = dayCounting.start(ofDay: day).addingTimeInterval(6 * 3600)
            let end = dayCounting.start(ofDay: day + 1)
            var now = start
            // Today's new faces.
            let newToday: Int
            switch strategy {
            case .plain:
                newToday = 20
            case .highRetention, .exam:
                let plan = ExamPlan.make(
                    unseen: cards - nextNew, introducedToday: 0, today: day, examDay: examDay, workload: .max
                ) { _ in ExamPath() }
                newToday = plan?.newToday ?? 0
            }
            var waiting: [Int] = faces.indices.filter {
                !faces[$0].schedule.isNew && faces[$0].schedule.due < end
            }.sorted { faces[$0].schedule.due < faces[$1].schedule.due }
            if strategy == .plain { waiting = Array(waiting.prefix(200)) }
            let introduced = Array(nextNew..<min(cards, nextNew + newToday))
            nextNew += introduced.count
            waiting += introduced
            var answersToday = 0
            var learning: [Int] = []
            while true {
                let face: Int
                if let soonest = learning.min(by: { faces[$0].schedule.due < faces[$1].schedule.due }),
                    faces[soonest].schedule.due <= now || waiting.isEmpty
                {
                    face = soonest
                    learning.removeAll { $0 == soonest }
                    now = max(now, faces[face].schedule.due)
                } else if !waiting.isEmpty {
                    face = waiting.removeFirst()
                } else {
                    break
                }
                let rating = answer(&faces[face], day: day, truth: truth, rng: &rng)
                faces[face].schedule = scheduler.review(faces[face].schedule, rating: rating, at: now, cardKey: keys[face])
                answersToday += 1
                now = now.addingTimeInterval(answerSeconds)
                if faces[face].schedule.due < end, faces[face].schedule.state != .review {
                    learning.append(face)
                }
            }
            outcome.answers += answersToday
            outcome.busiestDay = max(outcome.busiestDay, answersToday)
        }
        var recallSum = 0.0
        var above = 0
        for face in faces {
            guard let memory = face.truth else { continue }
            let r = truth.retrievability(elapsedDays: Double(examDay - face.lastDay), stability: memory.stability)
            recallSum += r
            if r >= 0.9 { above += 1 }
        }
        outcome.meanRecall = recallSum / Double(cards)
        outcome.shareAbove = Double(above) / Double(cards)
        return outcome
    }

    /// The student answers `face` on `day`: recalls it with the probability
    /// their own memory gives, rates it, and remembers by their own weights.
    static func answer(_ face: inout Face, day: Int, truth: MemoryModel, rng: inout SeededGenerator) -> Rating {
        let elapsed = Double(day - face.lastDay)
        let recall = face.truth.map { truth.retrievability(elapsedDays: elapsed, stability: $0.stability) } ?? 0
        let rating: Rating
        if uniform(&rng) < recall || (face.truth == nil && uniform(&rng) < 0.7) {
            let r = uniform(&rng)
            rating = r < 0.1 ? .hard : r < 0.95 ? .good : .easy
        } else {
            rating = .again
        }
        face.truth = truth.nextMemoryState(face.truth, elapsedDays: elapsed, rating: rating)
        face.lastDay = day
        return rating
    }
}
