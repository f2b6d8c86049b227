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
        let progress = catalog.progress
        // Only the faces picked are made into items.
        func picked() -> [StudyItem] {
            catalog.items(matching: filter, now: now) { key, schedule in
                !progress.isHidden(key, at: now) && selects(key, schedule, progress: progress, now: now, dayEnd: dayEnd)
            }
        }
        switch selection {
        case .extraNew:
            return StudyQueue()
        case .faces(let keys):
            let items = catalog.items(matching: filter, now: now) { key, _ in !progress.isHidden(key, at: now) }
            let byKey = Dictionary(items.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
            var seen = Set<String>()
            return StudyQueue(waiting: keys.compactMap { seen.insert($0).inserted ? byKey[$0] : nil })
        case .failedToday, .failedThisWeek, .ahead:
            return StudyQueue(waiting: QueueBuilder.sortedByDue(picked()))
        case .everything:
            return StudyQueue(waiting: picked())
        }
    }

    /// Whether the session asks the face `key`, with `schedule`, when it is
    /// not hidden (a session never asks a suspended or buried face): the
    /// one rule of each selection by a face's own state (`faces` picks by
    /// the keys given, in their order, `extraNew` is today's queue).
    func selects(_ key: String, _ schedule: CardSchedule, progress: ProgressSnapshot, now: Date, dayEnd: Date)
        -> Bool
    {
        switch selection {
        case .failedToday: progress.failures[key].map { $0 >= dayEnd.addingTimeInterval(-86_400) } ?? false
        case .failedThisWeek: progress.failures[key].map { $0 >= now.addingTimeInterval(-Self.week) } ?? false
        case .ahead(let days):
            !schedule.isNew && schedule.due < dayEnd.addingTimeInterval(Double(max(0, days)) * 86_400)
        case .everything: true
        case .extraNew, .faces: false
        }
    }

    /// How many faces each of `studies` would ask (`queue(…).count`; none
    /// for `extraNew` and `faces`), in one walk over the faces the filter
    /// lets through: the custom-study menu shows a count for each of its
    /// choices at every draw, and making each choice's queue of every face
    /// as an item took 260 ms at 100,000 cards. Asked again for the same
    /// contents, studies and day (the next frame), the counts last made
    /// are given back while they still hold (`CountsMemo`: the same faces
    /// buried, and the same failures within the last week).
    public static func counts(
        of studies: [CustomStudy], catalog: StudyCatalog, filter: StudyFilter, now: Date, dayEnd: Date
    ) -> [Int] {
        let progress = catalog.progress
        let question = CountsAsked(studies: studies, filter: filter)
        if let kept = catalog.customCountsMemo.counts(
            revision: catalog.revision, question: question, dayEnd: dayEnd, now: now,
            holds: { then in
                progress.sameBurials(at: then, as: now)
                    && progress.failures.values.allSatisfy {
                        ($0 >= then.addingTimeInterval(-week)) == ($0 >= now.addingTimeInterval(-week))
                    }
            })
        {
            return kept
        }
        var counts = [Int](repeating: 0, count: studies.count)
        catalog.forEachFace(matching: filter, now: now) { _, face, _, schedule in
            let key = face.key
            guard !progress.isHidden(key, at: now) else { return }
            for (i, study) in studies.enumerated()
            where study.selects(key, schedule, progress: progress, now: now, dayEnd: dayEnd) {
                counts[i] += 1
            }
        }
        catalog.customCountsMemo.keep(
            .init(revision: catalog.revision, question: question, dayEnd: dayEnd, now: now, counts: counts))
        return counts
    }

    /// What `counts` was asked: the studies counted, within the filter.
    struct CountsAsked: Equatable, Sendable {
        var studies: [CustomStudy]
        var filter: StudyFilter
    }
}
