import FSRS
import Foundation
import ReviewStore
import Testing

@testable import jatta

/// `jatta optimize` on a real (in-memory) progress store, and the session's
/// scheduler picking up what it stored.
@Suite struct OptimizeCommandTests {
    let utc = TimeZone(identifier: "UTC") ?? .gmt
    let start = Date(timeIntervalSince1970: 1_735_725_600)  // 2025-01-01 10:00 UTC

    /// A student who answers `cards` cards for `days` days, recalling with a
    /// forgetting curve steeper than the defaults' (w20 = 0.5), as the
    /// trainer would record it. With `onTime` they answer each card exactly
    /// when due; otherwise anywhere from a third of the interval to three
    /// times it, so that the shape of the curve shows in the data.
    func studentStore(cards: Int, days: Double = 365, onTime: Bool = false) throws -> (ProgressStore, Int) {
        let store = try ProgressStore()
        let scheduler = try Scheduler(SchedulerConfiguration(enableFuzz: false, dayCounting: .anki(timeZone: utc)))
        var truth = FSRSParameters.defaults
        truth[20] = 0.5
        truth[0] = 0.05
        let memory = MemoryModel(weights: truth)
        var generator = SeededGenerator(seed: 99)
        var answers: [RecordedAnswer] = []
        for card in 0..<cards {
            let key = "card-\(card)"
            var time = start.addingTimeInterval(Double(generator.below(10)) * 86_400)
            var schedule = CardSchedule.new(at: time)
            var state: MemoryState?
            var last = time
            let end = start.addingTimeInterval(days * 86_400)
            while time < end {
                let elapsed = state == nil ? 0 : Double(Int(time.timeIntervalSince(last) / 86_400))
                let r = state.map { memory.retrievability(elapsedDays: elapsed, stability: $0.stability) } ?? 0
                let recalled = state != nil && Double(generator.below(1_000_000)) / 1e6 < r
                let rating: Rating = state == nil ? (generator.below(5) == 0 ? .again : .good) : (recalled ? .good : .again)
                let before = schedule.memory == nil ? nil : schedule
                let after = scheduler.review(schedule, rating: rating, at: time, cardKey: key)
                answers.append(
                    RecordedAnswer(
                        key: key, deckFile: "d.deck", prompt: key, level: 1, rating: rating, time: time,
                        durationMilliseconds: 1000, kind: .study, sessionID: "s", before: before, after: after))
                state = memory.nextMemoryState(state, elapsedDays: elapsed, rating: rating)
                last = time
                schedule = after
                let wait = after.due.timeIntervalSince(time)
                let factor = onTime || wait < 86_400 ? 1 : Double(1 + generator.below(9)) / 3
                time = max(time.addingTimeInterval(wait * factor), time.addingTimeInterval(600))
            }
        }
        try store.record(answers)
        return (store, answers.count)
    }

    @Test func fitsStoresAndTheSchedulerUsesTheStoredParameters() throws {
        let (store, count) = try studentStore(cards: 150)
        #expect(count >= Optimization.minimumReviews)
        let dry = try Optimization.run(store: store, now: start, timeZone: utc, reset: false, dryRun: true)
        #expect(dry.reviewCount == count)
        #expect(dry.result?.outcome == .trained)
        #expect(dry.better && !dry.stored)
        #expect(try store.currentParameters() == nil)
        // A dry run never says the parameters were stored.
        for words in [OptimizeWords.english, .kazakh] {
            #expect(!dry.text(words).contains(words.kept), "\(dry.text(words))")
            #expect(dry.text(words).contains(words.keptOnlyIfStored) && dry.text(words).contains(words.dryRun))
            var reset = Optimization.Report(reset: true, dryRun: true)
            #expect(!reset.text(words).contains(words.reset))
            reset.dryRun = false
            #expect(reset.text(words) == words.reset)
        }

        let report = try Optimization.run(store: store, now: start, timeZone: utc, reset: false, dryRun: false)
        let fitted = try #require(report.result?.parameters)
        #expect(report.stored)
        // The steeper true curve is found: w20 moves up from the default 0.1542.
        #expect(fitted[20] > 0.2)
        let old = try #require(report.currentEvaluation)
        let new = try #require(report.newEvaluation)
        #expect(new.logLoss < old.logLoss)

        let scheduler = try StudySetup.scheduler(timeZone: utc, store: store)
        #expect(scheduler.configuration.parameters == fitted)
        try store.setDesiredRetention(0.8)
        #expect(try StudySetup.scheduler(timeZone: utc, store: store).configuration.desiredRetention == 0.8)

        // A second run starts from the stored parameters and keeps them
        // unless the new ones are better.
        let second = try Optimization.run(store: store, now: start, timeZone: utc, reset: false, dryRun: false)
        #expect(second.current == fitted)
        #expect(second.text(.english).contains("current (fitted)"))

        _ = try Optimization.run(store: store, now: start, timeZone: utc, reset: true, dryRun: false)
        #expect(try StudySetup.scheduler(timeZone: utc, store: store).configuration.parameters == FSRSParameters.defaults)
    }

    @Test func fewReviewsFitOnlyTheInitialStabilitiesAndSaySo() throws {
        // Enough cards for the outlier filter to keep a first rating (fsrs-rs
        // drops a first rating with fewer than 20 cards), few reviews each.
        let (store, count) = try studentStore(cards: 70, days: 14)
        #expect(count < Optimization.minimumReviews)
        let report = try Optimization.run(store: store, now: start, timeZone: utc, reset: false, dryRun: true)
        #expect(report.result?.outcome == .initialStabilityOnly)
        let fitted = try #require(report.result?.parameters)
        #expect(Array(fitted[4...]) == Array(FSRSParameters.defaults[4...]))
        #expect(report.text(.english).contains("only the initial stabilities w0-w3 were fitted"))
        #expect(report.text(.kazakh).contains("тек бастапқы тұрақтылықтар"))
    }

    @Test func parametersThatAreNotBetterAreNotStored() throws {
        // Answered exactly when due, the data cannot tell the curve's shape:
        // the fit (fsrs-rs's too, on these very items) predicts them worse
        // than the defaults, so nothing is stored.
        let (store, _) = try studentStore(cards: 150, onTime: true)
        let report = try Optimization.run(store: store, now: start, timeZone: utc, reset: false, dryRun: false)
        let old = try #require(report.currentEvaluation)
        let new = try #require(report.newEvaluation)
        #expect(new.logLoss >= old.logLoss)
        #expect(!report.better && !report.stored)
        #expect(try store.currentParameters() == nil)
        #expect(report.text(.english).contains("not better"))
    }

    @Test func anEmptyLogKeepsTheDefaults() throws {
        let store = try ProgressStore()
        let report = try Optimization.run(store: store, now: start, timeZone: utc, reset: false, dryRun: false)
        #expect(report.result?.outcome == .defaults)
        #expect(!report.stored)
        #expect(report.text(.english).contains("Too few reviews"))
        #expect(try store.currentParameters() == nil)
    }
}
