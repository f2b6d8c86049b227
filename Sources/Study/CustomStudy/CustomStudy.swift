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
        let items = catalog.items(matching: filter, now: now).filter { !catalog.progress.isHidden($0.key, at: now) }
        let dayStart = dayEnd.addingTimeInterval(-86_400)
        switch selection {
        case .failedToday:
            return StudyQueue(waiting: failed(items, catalog: catalog, since: dayStart))
        case .failedThisWeek:
            return StudyQueue(waiting: failed(items, catalog: catalog, since: now.addingTimeInterval(-Self.week)))
        case .ahead(let days):
            let until = dayEnd.addingTimeInterval(Double(max(0, days)) * 86_400)
            return StudyQueue(waiting: QueueBuilder.sortedByDue(items.filter { !$0.schedule.isNew && $0.schedule.due < until }))
        case .extraNew:
            return StudyQueue()
        case .everything:
            return StudyQueue(waiting: items)
        case .faces(let keys):
            let byKey = Dictionary(items.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
            var seen = Set<String>()
            return StudyQueue(waiting: keys.compactMap { seen.insert($0).inserted ? byKey[$0] : nil })
        }
    }

    func failed(_ items: [StudyItem], catalog: StudyCatalog, since: Date) -> [StudyItem] {
        QueueBuilder.sortedByDue(items.filter { item in catalog.progress.failures[item.key].map { $0 >= since } ?? false })
    }
}
