import FSRS
import Foundation
import Interchange
import ReviewStore

/// `import apkg --with-progress`: Anki's review log becomes answers in the
/// student's store, through its own API. Each answer's schedule is what
/// jatta's scheduler makes of the history so far; the last one takes
/// Anki's own memory state and due time when Anki kept them, so the card
/// goes on exactly where Anki left it.
enum AnkiProgressImport {
    /// What was recorded.
    struct Outcome: Equatable {
        /// Faces given a history.
        var faces = 0
        /// Answers recorded.
        var answers = 0
        /// Faces left alone because the store already has progress for them.
        var skipped = 0
    }

    static func record(
        _ histories: [AnkiFaceHistory], deckFile: String, store: ProgressStore, scheduler: Scheduler,
        answersPerTransaction: Int = 20_000
    ) throws -> Outcome {
        var outcome = Outcome()
        // Faces' answers are recorded many faces to a transaction (about
        // `answersPerTransaction` answers): one transaction, and one wait
        // for the disk, per face took 154 s for the 96,000 faces and million
        // answers of a heavy collection. A suspended face's answers go out
        // with the faces before it, right before its suspension, so the log
        // keeps the order it had.
        var pending: [RecordedAnswer] = []
        func recordPending() throws {
            guard !pending.isEmpty else { return }
            _ = try store.record(pending)
            pending.removeAll(keepingCapacity: true)
        }
        // The faces given a history in this run: their answers may not be
        // in the store yet, and a second face of the same key (two notes
        // with one prompt) is left alone as one after them in the store is.
        var given = Set<String>()
        for history in histories where !history.answers.isEmpty {
            // Importing the same package twice must not log every answer twice.
            guard !given.contains(history.key), try store.history(key: history.key).isEmpty else {
                outcome.skipped += 1
                continue
            }
            var schedule: CardSchedule?
            var answers: [RecordedAnswer] = []
            for (index, answer) in history.answers.enumerated() {
                let time = Date(timeIntervalSince1970: Double(answer.time) / 1000)
                let rating = Rating(rawValue: answer.rating) ?? .good
                var after = scheduler.review(schedule ?? .new(at: time), rating: rating, at: time, cardKey: history.key)
                if index == history.answers.count - 1, let final = history.final {
                    after = adopting(final, into: after)
                }
                answers.append(
                    RecordedAnswer(
                        key: history.key, deckFile: deckFile, prompt: history.prompt, level: history.level, rating: rating,
                        time: time, durationMilliseconds: answer.milliseconds, kind: .study, before: schedule, after: after))
                schedule = after
            }
            given.insert(history.key)
            pending += answers
            if history.suspended, let last = answers.last {
                try recordPending()
                _ = try store.suspend(key: history.key, at: last.time.addingTimeInterval(1))
            }
            if pending.count >= answersPerTransaction { try recordPending() }
            outcome.faces += 1
            outcome.answers += answers.count
        }
        try recordPending()
        return outcome
    }


    /// jatta's schedule after the last answer, with Anki's state, due time
    /// and (when kept) memory state.
    static func adopting(_ final: AnkiFaceHistory.Final, into schedule: CardSchedule) -> CardSchedule {
        var schedule = schedule
        switch final.state {
        case 2:
            schedule.state = .review
            schedule.step = nil
        case 3: schedule.state = .relearning
        default: schedule.state = .learning
        }
        if schedule.state != .review, schedule.step == nil { schedule.step = 0 }
        schedule.due = Date(timeIntervalSince1970: Double(final.due))
        if let stability = final.stability, let difficulty = final.difficulty {
            schedule.memory = MemoryState(stability: stability, difficulty: difficulty)
        }
        return schedule
    }
}
