import DeckFormat
import FSRS
import Foundation
import Interchange
import ReviewStore

/// A student's progress, read through the progress store's own API, in
/// the terms an Anki package carries it (`export --to apkg --with-progress`):
/// each face's schedule and FSRS memory state, and its answers (undone
/// ones left out) as Anki's review log.
enum AnkiProgressExport {
    /// The desired retention written into each card's data: jatta's
    /// scheduler aims at 90 %, Anki's default too.
    static let desiredRetention = 0.9

    static func progress(of decks: [Deck], store: ProgressStore) throws -> AnkiProgress {
        let keys = decks.flatMap { deck in
            deck.cards.flatMap { card in AnkiExporter.faces(of: card).map { StudyFace(card: card, direction: $0).key } }
        }
        let current = try store.progress(for: keys)
        var schedules: [String: AnkiSchedule] = [:]
        for (key, progress) in current {
            guard let schedule = progress.schedule, let lastReview = schedule.lastReview else { continue }
            let answers = try store.history(key: key).filter { $0.kind.isAnswer && $0.undoneBy == nil && $0.rating != nil }
                .sorted { $0.time < $1.time }
            schedules[key] = AnkiSchedule(
                state: state(schedule.state), due: seconds(schedule.due), intervalDays: intervalDays(schedule),
                stability: schedule.memory?.stability ?? 0, difficulty: schedule.memory?.difficulty ?? 5,
                lastReview: seconds(lastReview), desiredRetention: desiredRetention, repetitions: Int64(schedule.reps),
                lapses: Int64(schedule.lapses), reviews: answers.map(review), suspended: progress.suspended)
        }
        return AnkiProgress(schedules: schedules)
    }

    static func state(_ state: SchedulingState) -> AnkiSchedule.State {
        switch state {
        case .learning: .learning
        case .review: .review
        case .relearning: .relearning
        }
    }

    static func seconds(_ date: Date) -> Int64 { Int64(date.timeIntervalSince1970.rounded(.down)) }

    /// Whole days from the last review to the due time, at least 1 for a
    /// card in review (Anki's `ivl`), 0 for one still learning.
    static func intervalDays(_ schedule: CardSchedule?) -> Int64 {
        guard let schedule, schedule.state == .review, let last = schedule.lastReview else { return 0 }
        return max(1, Int64((schedule.due.timeIntervalSince(last) / 86_400).rounded()))
    }

    /// One answer as an Anki review-log row: learning (0), review (1) or
    /// relearning (2) by the state it was given in.
    static func review(_ entry: ReviewLogEntry) -> AnkiReview {
        let before = entry.before.schedule
        let kind: Int64 = before.map { $0.state == .review ? 1 : $0.state == .relearning ? 2 : 0 } ?? 0
        return AnkiReview(
            time: Int64((entry.time.timeIntervalSince1970 * 1000).rounded(.down)), rating: Int64(entry.rating?.rawValue ?? 3),
            kind: kind, intervalDays: intervalDays(entry.after.schedule), lastIntervalDays: intervalDays(before),
            difficulty: entry.after.schedule?.memory?.difficulty ?? 5,
            milliseconds: Int64(max(0, min(entry.durationMilliseconds ?? 0, 60_000))))
    }
}
