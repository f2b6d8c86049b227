import DeckFormat
import FSRS
import Foundation

/// A session the student chose instead of today's queue (Anki's "custom
/// study"): which faces, and whether answers reschedule them.
public struct CustomStudy: Hashable, Sendable {
    /// Which faces the session asks.
    public var selection: Selection
    /// A practice session: answers are shown and checked, but no schedule
    /// changes and nothing is written to the review log (see
    /// docs/custom-study.md).
    public var practice: Bool

    public init(_ selection: Selection, practice: Bool = false) {
        self.selection = selection
        self.practice = practice
    }

    /// The faces of a custom session, always within the session's filter
    /// (deck, level, tag) and never a suspended or buried face.
    public enum Selection: Hashable, Sendable {
        /// Faces answered Again since the study day began.
        case failedToday
        /// Faces answered Again in the last seven days.
        case failedThisWeek
        /// Faces already studied that fall due before the end of the study
        /// day N days from today (N = 0 is today's reviews, with no limit).
        case ahead(days: Int)
        /// Today's queue with N more new faces allowed today.
        case extraNew(Int)
        /// Every face, new or not (to practise a deck, level or tag whole).
        case everything
        /// These faces (a search's cards).
        case faces([String])
    }

    /// How far back "this week" reaches.
    public static let week: TimeInterval = 7 * 86_400

    /// The faces the session asks, in order: failed faces by when they are
    /// due, faces ahead soonest due first, chosen faces in the order given,
    /// everything in deck and file order. `extraNew` is today's queue and is
    /// built by `QueueBuilder` with the larger limit.
    public func queue(catalog: StudyCatalog, filter: StudyFilter, now: Date, dayEnd: Date) -> StudyQueue {
        if case .faces(let keys) = selection {
            let items = catalog.items(matching: filter, now: now) { key, _ in !catalog.progress.isHidden(key, at: now) }
            let byKey = Dictionary(items.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
            var seen = Set<String>()
            return StudyQueue(waiting: keys.compactMap { seen.insert($0).inserted ? byKey[$0] : nil })
        }
        // Only the faces picked are made into items.
        let picked = catalog.items(matching: filter, now: now) { key, schedule in
            picks(key, schedule, progress: catalog.progress, now: now, dayEnd: dayEnd)
        }
        switch selection {
        case .failedToday, .failedThisWeek, .ahead: return StudyQueue(waiting: QueueBuilder.sortedByDue(picked))
        case .everything: return StudyQueue(waiting: picked)
        case .extraNew, .faces: return StudyQueue()
        }
    }

    /// Whether the session asks the face `key`, with `schedule`: the one
    /// rule of each selection by a face's own state (`faces` picks by the
    /// keys given, in their order, `extraNew` is today's queue). Never a
    /// suspended or buried face.
    func picks(_ key: String, _ schedule: CardSchedule, progress: ProgressSnapshot, now: Date, dayEnd: Date) -> Bool {
        let dayStart = dayEnd.addingTimeInterval(-86_400)
        let picked: Bool
        switch selection {
        case .failedToday: picked = progress.failures[key].map { $0 >= dayStart } ?? false
        case .failedThisWeek: picked = progress.failures[key].map { $0 >= now.addingTimeInterval(-Self.week) } ?? false
        case .ahead(let days):
            picked = !schedule.isNew && schedule.due < dayEnd.addingTimeInterval(Double(max(0, days)) * 86_400)
        case .everything: picked = true
        case .extraNew, .faces: picked = false
        }
        return picked && !progress.isHidden(key, at: now)
    }

    /// How many faces each of `studies` would ask (`queue(…).count`; none
    /// for `extraNew` and `faces`), in one walk over the faces the filter
    /// lets through: the custom-study menu shows a count for each of its
    /// choices, and making each choice's queue of every face as an item
    /// took 260 ms at 100,000 cards at each draw of the menu.
    public static func counts(
        of studies: [CustomStudy], catalog: StudyCatalog, filter: StudyFilter, now: Date, dayEnd: Date
    ) -> [Int] {
        var counts = [Int](repeating: 0, count: studies.count)
        let progress = catalog.progress
        catalog.forEachFace(matching: filter, now: now) { _, face, _, schedule in
            let key = face.key
            for (i, study) in studies.enumerated() where study.picks(key, schedule, progress: progress, now: now, dayEnd: dayEnd) {
                counts[i] += 1
            }
        }
        return counts
    }

}
