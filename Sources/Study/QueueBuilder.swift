import FSRS
import Foundation

/// Builds today's queue from the catalog.
public enum QueueBuilder {
    /// What a session starts with: learning faces due (soonest first), then
    /// reviews due today (most overdue first) with new faces spread evenly
    /// among them, within the daily limits left. New faces come in
    /// `NewFaceOrder`'s order.
    public static func build(
        catalog: StudyCatalog, filter: StudyFilter, limits: StudyLimits, now: Date, dayEnd: Date
    ) -> StudyQueue {
        var learning: [StudyItem] = []
        // Only the faces within the review limit are kept: at 100,000 cards
        // tens of thousands of reviews are due, and 200 are asked.
        var dueFaces = FirstByDue<PlacedFace>(
            limit: max(0, limits.reviewsPerDay - catalog.progress.reviewsDoneToday))
        // New faces are told to the order by a few numbers each and made
        // into items only once placed within the limit (24,000 new faces at
        // 100,000 cards, 20 asked); only those that can be placed within it
        // are kept (`NewFaceOrder.Shortlist`), and a kept face's schedule
        // only when it is not the fresh one every face without progress gets.
        let newRoom = limits.newRoom(studiedToday: catalog.progress.newStudiedToday)
        var newFaces = NewFaceOrder.Shortlist(first: newRoom)
        var newPlaces: [FacePlace] = []
        var newSchedules: [Int: CardSchedule] = [:]
        var files = NewFaceOrder.FileNumbers()
        let fresh = CardSchedule.new(at: now)
        // Faces waiting for a later day and hidden ones are never made into
        // items; due reviews only once they are within the limit. Each face
        // goes to its list as it is visited: a list of every face of today
        // first (90,000 at 100,000 cards) was a tenth of a start's memory.
        catalog.forEachFace(matching: filter, now: now) { deck, face, place, schedule in
            let bucket = StudyCatalog.bucket(schedule, now: now, dayEnd: dayEnd)
            guard bucket != .later, !catalog.progress.isHidden(face.key, at: now) else { return }
            switch bucket {
            case .new:
                guard newFaces.offer(NewFaceOrder.NewFace(face, file: files.number(of: deck.file))) else { return }
                if schedule != fresh { newSchedules[newPlaces.count] = schedule }
                newPlaces.append(place)
            case .learning: learning.append(StudyItem(face: face, deckFile: deck.file, schedule: schedule))
            case .due: dueFaces.offer(PlacedFace(place: place, schedule: schedule), due: schedule.due, key: face.key)
            case .later: break
            }
        }
        learning = sortedByDue(learning)
        let reviews = dueFaces.sorted().map(catalog.item)
        let new = NewFaceOrder.arrange(
            newFaces.faces, files: files.names, orders: catalog.newCardOrders, first: newRoom,
            forwardIDs: newFaces.forwardIDs)
            .map { catalog.item(at: newPlaces[$0], schedule: newSchedules[$0] ?? fresh) }
        let waiting = learning.filter { $0.schedule.due <= now }
        let later = learning.filter { $0.schedule.due > now }
        return StudyQueue(waiting: waiting + interleave(reviews, new), learning: later)
    }

    /// Soonest due first, ties by key, then as given (`FirstByDue`'s
    /// order); the first `limit` of them.
    static func sortedByDue(_ items: [StudyItem], first limit: Int = .max) -> [StudyItem] {
        var first = FirstByDue<StudyItem>(limit: min(limit, items.count))
        for item in items { first.offer(item, due: item.schedule.due, key: item.key) }
        return first.sorted()
    }

    /// Reviews with the new faces spread evenly between them: the k-th of
    /// n new faces goes at position ⌊(k+1)·total/(n+1)⌋, so they sit inside
    /// the run of reviews rather than bunched at either end.
    static func interleave(_ reviews: [StudyItem], _ new: [StudyItem]) -> [StudyItem] {
        guard !reviews.isEmpty, !new.isEmpty else { return reviews + new }
        let total = reviews.count + new.count
        // The positions grow with k (by one at least, as total > new.count),
        // so the next one is all that is asked: a set of them all cost a
        // hash per position at 9,999 new faces.
        func position(_ k: Int) -> Int { (k + 1) * total / (new.count + 1) }
        var nextPosition = 0
        var result: [StudyItem] = []
        result.reserveCapacity(total)
        var r = 0
        var n = 0
        for i in 0..<total {
            while nextPosition < new.count, position(nextPosition) < i { nextPosition += 1 }
            let newHere = nextPosition < new.count && position(nextPosition) == i
            if (newHere && n < new.count) || r == reviews.count {
                result.append(new[n])
                n += 1
            } else {
                result.append(reviews[r])
                r += 1
            }
        }
        return result
    }
}

/// The faces a session will ask.
public struct StudyQueue: Hashable, Sendable {
    /// Faces to ask now, in order.
    public var waiting: [StudyItem]
    /// Faces in learning steps that come back at their due time, soonest
    /// first.
    public var learning: [StudyItem]

    public init(waiting: [StudyItem] = [], learning: [StudyItem] = []) {
        self.waiting = waiting
        self.learning = learning
    }

    public var count: Int { waiting.count + learning.count }
    public var isEmpty: Bool { waiting.isEmpty && learning.isEmpty }

    /// Puts a face back to come back at its due time.
    public mutating func scheduleAgain(_ item: StudyItem) {
        learning.removeAll { $0.key == item.key }
        let index = learning.firstIndex { $0.schedule.due > item.schedule.due } ?? learning.endIndex
        learning.insert(item, at: index)
    }

    /// Removes every copy of a face (bury, suspend, undo).
    public mutating func remove(key: String) {
        waiting.removeAll { $0.key == key }
        learning.removeAll { $0.key == key }
    }

    /// The next face to ask at `now`: a learning face whose time has come,
    /// else the next waiting face, else a learning face due within
    /// `learnAhead`; nil when the session is over.
    public mutating func next(at now: Date, learnAhead: TimeInterval) -> StudyItem? {
        if let first = learning.first, first.schedule.due <= now { return learning.removeFirst() }
        if !waiting.isEmpty { return waiting.removeFirst() }
        if let first = learning.first, first.schedule.due <= now.addingTimeInterval(learnAhead) {
            return learning.removeFirst()
        }
        return nil
    }
}
