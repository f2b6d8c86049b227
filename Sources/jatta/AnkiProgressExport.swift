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

    static func progress(
        of decks: [Deck], store: ProgressStore, entriesPerHistoryRead: Int = entriesPerHistoryRead
    ) throws -> AnkiProgress {
        let keys = decks.flatMap { deck in
            deck.cards.flatMap { card in AnkiExporter.faces(of: card).map { StudyFace(card: card, direction: $0).key } }
        }
        let current = try store.progress(for: keys)
        let exported = current.compactMap { key, progress in progress.schedule?.lastReview == nil ? nil : key }
        // Each exported face's answers (not undone), newest first as its
        // history gives them: for few faces of a large log, each face's
        // history; for many, one pass over the log, as a read of each
        // face's history was 96,000 reads at 100,000 cards, two thirds of
        // the export's 36 s.
        func kept(_ entry: ReviewLogEntry) -> Bool { entry.kind.isAnswer && entry.undoneBy == nil && entry.rating != nil }
        var answers: [String: [(time: Date, review: AnkiReview)]] = [:]
        if exported.count * entriesPerHistoryRead < (try store.logCount()) {
            for key in exported { answers[key] = try store.history(key: key).filter(kept).map { ($0.time, review($0)) } }
        } else {
            for key in exported { answers[key] = [] }
            try store.forEachLogEntry { entry in
                guard kept(entry), answers[entry.key] != nil else { return }
                answers[entry.key]?.append((entry.time, review(entry)))
            }
            for key in exported { answers[key]?.reverse() }
        }
        var schedules: [String: AnkiSchedule] = [:]
        for (key, progress) in current {
            guard let schedule = progress.schedule, let lastReview = schedule.lastReview else { continue }
            // In time order; answers at one time newest first, as the
            // history sorted by time gave them.
            let reviews = (answers[key] ?? []).sorted { $0.time < $1.time }.map(\.review)
            schedules[key] = AnkiSchedule(
                state: state(schedule.state), due: seconds(schedule.due), intervalDays: intervalDays(schedule),
                stability: schedule.memory?.stability ?? 0, difficulty: schedule.memory?.difficulty ?? 5,
                lastReview: seconds(lastReview), desiredRetention: desiredRetention, repetitions: Int64(schedule.reps),
                lapses: Int64(schedule.lapses), reviews: reviews, suspended: progress.suspended)
        }
        return AnkiProgress(schedules: schedules)
    }

    /// About how many log entries one pass reads in the time one face's
    /// history read takes (measured at 100,000 cards: 5 µs an entry in a
    /// pass, 250 µs a history read).
    static let entriesPerHistoryRead = 50

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
