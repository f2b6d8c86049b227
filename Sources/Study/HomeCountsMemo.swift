import Foundation
import Synchronization

/// The home screen's counts as last made, kept for the next frame: the home
/// view asks for them at every frame, and at 100,000 cards each asking was
/// a pass over 120,000 faces, after every key press on the home screen.
///
/// A kept count is given back only for the same catalog contents (its
/// `StudyCatalog.revision`), filter and day, and only while no burial
/// ended or began between the time it was made and the time asked about:
/// the counts depend on the time through hidden faces alone (a new face is
/// new at any time, and the other buckets go by the day's end).
final class HomeCountsMemo: Sendable {
    /// One kept answer, with what it was made for.
    struct Entry: Sendable {
        /// The catalog contents it was counted from.
        var revision: UInt64
        /// The filter, deck files left out (the rows are the decks).
        var filter: StudyFilter
        /// The end of the study day it was counted for.
        var dayEnd: Date
        /// The time it was counted at.
        var now: Date
        /// The counts.
        var counts: HomeCounts
    }

    /// The last answer made, shared by the copies of one catalog (each
    /// change gives a catalog a revision no other has, so a copy changed
    /// another way never finds it).
    private let last = Mutex<Entry?>(nil)

    /// The kept counts for these arguments, if they still hold at `now`
    /// given the faces buried until `buriedUntil`.
    func counts(
        revision: UInt64, filter: StudyFilter, dayEnd: Date, now: Date, buriedUntil: [String: Date]
    ) -> HomeCounts? {
        guard let entry = last.withLock({ $0 }), entry.revision == revision, entry.filter == filter,
            entry.dayEnd == dayEnd
        else { return nil }
        // A face is hidden at a time before its burial's end: the same
        // faces are hidden at both times unless an end lies between them.
        let sameHidden = buriedUntil.values.allSatisfy { ($0 > entry.now) == ($0 > now) }
        return sameHidden ? entry.counts : nil
    }

    /// Keeps `entry` as the last answer made.
    func keep(_ entry: Entry) { last.withLock { $0 = entry } }

    /// A revision no catalog has had: every catalog made or changed takes
    /// the next.
    static func nextRevision() -> UInt64 { revisions.add(1, ordering: .relaxed).newValue }

    /// The revisions given so far.
    private static let revisions = Atomic<UInt64>(0)
}
