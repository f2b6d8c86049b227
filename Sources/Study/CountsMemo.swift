import Foundation
import Synchronization

/// Counts of a catalog's faces as last made, kept for the next frame: a view
/// that shows counts asks for them at every frame (the home screen's rows,
/// the custom-study menu's choices), and at 100,000 cards each asking was a
/// pass over 120,000 faces, after every key press.
///
/// A kept answer is given back only for the same catalog contents (its
/// `StudyCatalog.revision`), question and day, and only while the asker
/// says what it was made at still holds now: counts depend on the time
/// through hidden faces (a burial that ended or began between the two
/// times), and a count of faces failed in the last week through the week's
/// start; a new face is new at any time, and the other buckets go by the
/// day's end.
final class CountsMemo<Question: Equatable & Sendable, Counts: Sendable>: Sendable {
    /// One kept answer, with what it was made for.
    struct Entry: Sendable {
        /// The catalog contents it was counted from.
        var revision: UInt64
        /// What was counted (a filter; the studies of the menu's choices).
        var question: Question
        /// The end of the study day it was counted for.
        var dayEnd: Date
        /// The time it was counted at.
        var now: Date
        /// The counts.
        var counts: Counts
    }

    /// The last answer made, shared by the copies of one catalog (each
    /// change gives a catalog a revision no other has, so a copy changed
    /// another way never finds it).
    private let last = Mutex<Entry?>(nil)

    init() {}

    /// The kept counts for these arguments, if `holds` says what held when
    /// they were made (the time given) still holds at `now`.
    func counts(
        revision: UInt64, question: Question, dayEnd: Date, now: Date, holds: (_ then: Date) -> Bool
    ) -> Counts? {
        guard let entry = last.withLock({ $0 }), entry.revision == revision, entry.question == question,
            entry.dayEnd == dayEnd, holds(entry.now)
        else { return nil }
        return entry.counts
    }

    /// Keeps `entry` as the last answer made.
    func keep(_ entry: Entry) { last.withLock { $0 = entry } }
}

/// The revisions of catalog contents: every catalog made or changed takes
/// the next, so equal numbers mean equal contents.
enum CatalogRevision {
    /// A revision no catalog has had.
    static func next() -> UInt64 { given.add(1, ordering: .relaxed).newValue }

    /// The revisions given so far.
    private static let given = Atomic<UInt64>(0)
}

extension ProgressSnapshot {
    /// Whether the same faces are buried at `then` and at `now`: a face is
    /// hidden at a time before its burial's end, so they differ only when
    /// an end lies between the two.
    func sameBurials(at then: Date, as now: Date) -> Bool {
        buriedUntil.values.allSatisfy { ($0 > then) == ($0 > now) }
    }
}
