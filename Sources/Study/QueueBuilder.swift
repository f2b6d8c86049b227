import FSRS
import Foundation

/// Builds today's queue from the catalog.
public enum QueueBuilder {
    /// What a session starts with: learning faces due (soonest first), then
    /// reviews due today (most overdue first) with new faces spread evenly
    /// among them, within the daily limits left. New faces come in
    /// `NewFaceOrder`'s order.
    ///
    /// The faces of a large collection (`splitFrom` cards or more) are
    /// walked in two halves at once (`StudyCatalog.halves`).
    /// `newRoom` is the new faces allowed (`TrainerState.newRoom(decks:)`);
    /// nil: what `limits` leave today.
    public static func build(
        catalog: StudyCatalog, filter: StudyFilter, limits: StudyLimits, now: Date, dayEnd: Date,
        newRoom: Int? = nil, splitFrom: Int = StudyCatalog.splitFrom
    ) -> StudyQueue {
        let room = Room(
            reviews: max(0, limits.reviewsPerDay - catalog.progress.reviewsDoneToday),
            new: newRoom ?? limits.newRoom(studiedToday: catalog.progress.newStudiedToday))
        var met: Met
        if let kept = catalog.keptQueue, catalog.keysAreDistinct, filter.letsThroughEveryCard(of: catalog.decks),
            let gathered = kept.gather(catalog, room: room, now: now, dayEnd: dayEnd)
        {
            met = gathered
        } else {
            // The second half's faces walked on another thread; their lists
            // joined as one walk would have made them (`Met.append`).
            met = catalog.overHalves(matching: filter, from: splitFrom) { range in
                gather(catalog, filter, decks: range, room: room, now: now, dayEnd: dayEnd)
            } join: { met, later in
                met.append(later)
            }
        }
        let fresh = CardSchedule.new(at: now)
        let learning = sortedByDue(met.learning)
        let reviews = met.dueFaces.sorted().map(catalog.item)
        let new = NewFaceOrder.arrange(
            met.newFaces.faces, files: met.files.names, orders: catalog.newCardOrders, first: room.new,
            forwardIDs: met.newFaces.forwardIDs)
            .map { catalog.item(at: met.newPlaces[$0], schedule: met.newSchedules[$0] ?? fresh) }
        let waiting = learning.filter { $0.schedule.due <= now }
        let later = learning.filter { $0.schedule.due > now }
        // Each item copied once, into the one list (a copy counts its card
        // and its file's name in and out of memory: 20,000 items at limits
        // 9999/9999).
        var ordered = waiting
        interleave(reviews, new, into: &ordered)
        return StudyQueue(waiting: ordered, learning: later)
    }

    /// How many faces of each kind the day's limits leave room for.
    struct Room: Sendable {
        /// Reviews.
        var reviews: Int
        /// New faces.
        var new: Int
    }

    /// What a walk over faces met and kept for the queue.
    struct Met: Sendable {
        /// Faces in (re)learning due today, in the order met.
        var learning: [StudyItem] = []
        /// Only the faces within the review limit: at 100,000 cards tens
        /// of thousands of reviews are due, and 200 are asked.
        var dueFaces: FirstByDue<PlacedFace>
        /// New faces are told to the order by a few numbers each and made
        /// into items only once placed within the limit (24,000 new faces
        /// at 100,000 cards, 20 asked); only those that can be placed
        /// within it are kept (`NewFaceOrder.Shortlist`).
        var newFaces: NewFaceOrder.Shortlist
        /// Where each of `newFaces.faces` is.
        var newPlaces: [FacePlace] = []
        /// A kept new face's schedule, by its index in `newPlaces`, only
        /// when it is not the fresh one every face without progress gets.
        var newSchedules: [Int: CardSchedule] = [:]
        /// The numbers of the deck files met.
        var files = NewFaceOrder.FileNumbers()

        /// `catalog`: where a kept face's key is read when its due time
        /// ties with another's.
        init(room: Room, catalog: StudyCatalog) {
            dueFaces = FirstByDue(limit: room.reviews) { placed in
                catalog.decks[placed.place.deck].cards[placed.place.card].face(placed.place.face).key
            }
            newFaces = NewFaceOrder.Shortlist(first: room.new)
        }

        /// Adds what a walk over the next decks met, as if this walk had
        /// gone on over them. Those decks' files are none of this walk's
        /// (`StudyCatalog.halves`), so their new faces are kept or left
        /// out as they were, and their files take the next numbers.
        mutating func append(_ next: Met) {
            learning += next.learning
            next.dueFaces.forEachKept { dueFaces.offer($0, due: $1) }
            let fileNumbers = next.files.names.map { files.number(of: $0) }
            for (i, place) in next.newPlaces.enumerated() {
                if let schedule = next.newSchedules[i] { newSchedules[newPlaces.count] = schedule }
                newPlaces.append(place)
            }
            newFaces.append(next.newFaces, fileNumbers: fileNumbers)
        }
    }

    /// The faces of `decks` (indices into the catalog's decks) met in
    /// order: faces waiting for a later day and hidden ones are never made
    /// into items; due reviews only once they are within the limit. Each
    /// face goes to its list as it is visited: a list of every face of
    /// today first (90,000 at 100,000 cards) was a tenth of a start's memory.
    static func gather(
        _ catalog: StudyCatalog, _ filter: StudyFilter, decks: Range<Int>, room: Room, now: Date, dayEnd: Date
    ) -> Met {
        var met = Met(room: room, catalog: catalog)
        let fresh = CardSchedule.new(at: now)
        catalog.forEachFace(matching: filter, now: now, decks: decks, dueBy: dayEnd) { deck, face, place, schedule in
            let bucket = StudyCatalog.bucket(schedule, now: now, dayEnd: dayEnd)
            guard bucket != .later, !catalog.progress.isHidden(face.key, at: now) else { return }
            switch bucket {
            case .new:
                guard met.newFaces.offer(NewFaceOrder.NewFace(face, file: met.files.number(of: deck.file))) else { return }
                if schedule != fresh { met.newSchedules[met.newPlaces.count] = schedule }
                met.newPlaces.append(place)
            case .learning: met.learning.append(StudyItem(face: face, deckFile: deck.file, schedule: schedule))
            case .due: met.dueFaces.offer(PlacedFace(place: place, schedule: schedule), due: schedule.due)
            case .later: break
            }
        }
        return met
    }

    /// Soonest due first, ties by key, then as given (`FirstByDue`'s
    /// order); the first `limit` of them.
    static func sortedByDue(_ items: [StudyItem], first limit: Int = .max) -> [StudyItem] {
        var first = FirstByDue<StudyItem>(limit: min(limit, items.count)) { $0.key }
        for item in items { first.offer(item, due: item.schedule.due) }
        return first.sorted()
    }

    /// Reviews with the new faces spread evenly between them: the k-th of
    /// n new faces goes at position ⌊(k+1)·total/(n+1)⌋, so they sit inside
    /// the run of reviews rather than bunched at either end.
    static func interleave(_ reviews: [StudyItem], _ new: [StudyItem]) -> [StudyItem] {
        var result: [StudyItem] = []
        interleave(reviews, new, into: &result)
        return result
    }

    /// `interleave(reviews, new)` appended to `result`.
    static func interleave(_ reviews: [StudyItem], _ new: [StudyItem], into result: inout [StudyItem]) {
        guard !reviews.isEmpty, !new.isEmpty else {
            result.append(contentsOf: reviews)
            result.append(contentsOf: new)
            return
        }
        let total = reviews.count + new.count
        // The positions grow with k (by one at least, as total > new.count),
        // so the next one is all that is asked: a set of them all cost a
        // hash per position at 9,999 new faces.
        func position(_ k: Int) -> Int { (k + 1) * total / (new.count + 1) }
        var nextPosition = 0
        result.reserveCapacity(result.count + total)
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
