import DeckFormat
import FSRS
import Foundation

/// Where every face of a catalog stood when an earlier start made it, kept
/// between starts so that today's queue and the home screen's counts are
/// read from it: the reviews from the front of a list sorted by due time,
/// the faces in learning from a short list, the new faces by their lanes in
/// the new-face order. At 100,000 cards the walk over every face it
/// replaces was a third of a start.
///
/// It is used only with the catalog it was made from (the caller checks
/// the decks; any change of the catalog's decks or progress drops it) and
/// with the faces changed since named (`changing(_:in:)`): those are placed
/// by their schedules now, every other face by what the lists say. Each
/// face read from the lists is checked against the schedule the catalog
/// has for it; one that disagrees makes `gather` give nil, and the queue is
/// made by the walk, as it is without a kept queue.
public struct KeptQueue: Sendable, Equatable {
    /// A face's place in the catalog in one word: its deck (20 bits), card
    /// (40 bits) and face (4 bits). Places compare in the walk's order.
    typealias Place = UInt64

    /// A review face and the bits of its due time
    /// (`timeIntervalSinceReferenceDate`, as `Date` compares them).
    struct Review: Equatable {
        /// When it was due.
        var due: UInt64
        /// Where it is.
        var place: Place
    }

    /// A face's key hash (`keyHash`) and its place.
    struct KeyedPlace: Equatable {
        /// The hash of its key.
        var hash: UInt64
        /// Where it is.
        var place: Place
    }

    /// The review faces, soonest due first; in walk order among equal times.
    var reviews: [Review]
    /// The faces in learning or relearning, in walk order.
    var learning: [Place]
    /// The new faces (no schedule, or a new one), in walk order.
    var new: [Place]
    /// Each new face's lane in the new-face order (`lane(of:)`), as `new`.
    var newLanes: [UInt8]
    /// Those of them with a schedule of their own (a new one an import
    /// left), in walk order: the others have the one every face without
    /// progress gets, and are placed without looking theirs up.
    var scheduledNew: [Place]
    /// Every face by its key's hash (then place): where a face named by
    /// its key is found.
    var keys: [KeyedPlace]
    /// The cards that can be answered of each deck, per level (the home
    /// screen's level columns).
    var levels: [DeckLevel]

    /// How many cards of a deck have a level.
    struct DeckLevel: Equatable {
        /// The deck's index in the catalog.
        var deck: Int
        /// The level as written.
        var level: Int
        /// Its cards.
        var cards: Int
    }
    /// The faces changed since it was made, which the lists may place
    /// wrongly (`changing(_:in:)`).
    var changed: Set<Place> = []
    /// Each card's readiness for its exam, when the catalog it was made
    /// from had decks with an exam ahead (`KeptReadiness`).
    public var readiness: KeptReadiness?

    /// The kept queue of every face of `catalog` as its progress places
    /// them, hidden or not (burials end; hidden faces are left out when it
    /// is used); nil when a place does not fit in a word.
    public static func make(_ catalog: StudyCatalog) -> KeptQueue? {
        var reviews: [Review] = []
        var learning: [Place] = []
        var new: [Place] = []
        var newLanes: [UInt8] = []
        var scheduledNew: [Place] = []
        var keys: [KeyedPlace] = []
        // Sized once for every face (the reviews at most that many): grown
        // a face at a time, each list was held twice while it doubled,
        // on the thread of the index's writes while a start went on.
        let faces = catalog.decks.reduce(0) { sum, deck in
            deck.cards.reduce(sum) { $1.isAnswerable ? $0 + $1.faceCount : $0 }
        }
        keys.reserveCapacity(faces)
        reviews.reserveCapacity(faces)
        var fits = true
        catalog.forEachFace(matching: .all, now: Date(timeIntervalSinceReferenceDate: 0)) { _, face, place, schedule in
            guard let packed = pack(place) else { return fits = false }
            keys.append(KeyedPlace(hash: keyHash(face.key), place: packed))
            if schedule.isNew {
                new.append(packed)
                newLanes.append(lane(of: face))
                if catalog.progress.schedules[face.key] != nil { scheduledNew.append(packed) }
            } else if schedule.state == .review {
                reviews.append(Review(due: schedule.due.timeIntervalSinceReferenceDate.bitPattern, place: packed))
            } else {
                learning.append(packed)
            }
        }
        guard fits else { return nil }
        var levels: [DeckLevel] = []
        for (d, deck) in catalog.decks.enumerated() {
            var perLevel: [Int: Int] = [:]
            for card in deck.cards where card.isAnswerable { perLevel[card.level, default: 0] += 1 }
            levels += perLevel.sorted { $0.key < $1.key }.map { DeckLevel(deck: d, level: $0.key, cards: $0.value) }
        }
        reviews.sort { (Double(bitPattern: $0.due), $0.place) < (Double(bitPattern: $1.due), $1.place) }
        keys.sort { ($0.hash, $0.place) < ($1.hash, $1.place) }
        return KeptQueue(
            reviews: reviews, learning: learning, new: new, newLanes: newLanes, scheduledNew: scheduledNew, keys: keys,
            levels: levels)
    }

    /// This kept queue with the faces of `keys` (the progress keys changed
    /// since it was made) placed by their schedules now; keys of no face of
    /// `catalog` are left out, as the walk never meets them.
    public func changing(_ keys: some Sequence<String>, in catalog: StudyCatalog) -> KeptQueue {
        var copy = self
        for key in keys {
            if let place = place(of: key, in: catalog) { copy.changed.insert(place) }
        }
        return copy
    }

    /// This kept queue with the reviews it lists as due from `start` up to
    /// `end` (not included) placed by their schedules now, as changed faces
    /// are. A queue made from a catalog the exam rule had brought to an
    /// exam on the day beginning at `start` needs it: a day the rule gives
    /// a review stays its day while it has not passed (`ExamRuleDays`), so
    /// of the reviews it moved only those due since, which a later start
    /// searches again, may now be due on another day; every other review
    /// is where the lists say.
    public func changingReviews(dueFrom start: Date, before end: Date) -> KeptQueue {
        var copy = self
        let from = start.timeIntervalSinceReferenceDate
        let to = end.timeIntervalSinceReferenceDate
        // The first review due at `start` or later.
        var low = 0
        var high = reviews.count
        while low < high {
            let middle = (low + high) / 2
            if Double(bitPattern: reviews[middle].due) < from { low = middle + 1 } else { high = middle }
        }
        while low < reviews.count, Double(bitPattern: reviews[low].due) < to {
            copy.changed.insert(reviews[low].place)
            low += 1
        }
        return copy
    }

    /// How many faces it places by their schedules now.
    public var changedCount: Int { changed.count }

    /// The place of the face whose key is `key`, if it is one of the catalog's.
    func place(of key: String, in catalog: StudyCatalog) -> Place? {
        let hash = Self.keyHash(key)
        // The first entry whose hash is not below it.
        var low = 0
        var high = keys.count
        while low < high {
            let middle = (low + high) / 2
            if keys[middle].hash < hash { low = middle + 1 } else { high = middle }
        }
        while low < keys.count, keys[low].hash == hash {
            if let found = Self.face(at: keys[low].place, in: catalog), found.face.key == key { return keys[low].place }
            low += 1
        }
        return nil
    }

    /// What `QueueBuilder.gather` meets with every face of `catalog` let
    /// through, as far as the queue can use it: the reviews the limit can
    /// keep, the learning faces due today, the new faces that can be
    /// placed within the new limit, in walk order.
    /// Nil when a face the lists name has another schedule in the catalog
    /// than they say (the caller walks instead).
    func gather(_ catalog: StudyCatalog, room: QueueBuilder.Room, now: Date, dayEnd: Date) -> QueueBuilder.Met? {
        var met = QueueBuilder.Met(room: room, catalog: catalog)
        let progress = catalog.progress
        let fresh = CardSchedule.new(at: now)
        let hidden = hiddenPlaces(catalog, at: now)
        // The changed faces, placed by their schedules now; the new ones
        // wait to be merged into the new faces in walk order.
        var changedNew: [Place] = []
        for place in changed where !hidden.contains(place) {
            guard let (deck, face, schedule) = Self.faceNow(at: place, in: catalog, fresh: fresh) else { return nil }
            switch StudyCatalog.bucket(schedule, now: now, dayEnd: dayEnd) {
            case .new: changedNew.append(place)
            case .learning:
                met.learning.append(StudyItem(face: face, deckFile: catalog.decks[deck].file, schedule: schedule))
            case .due: met.dueFaces.offer(PlacedFace(place: Self.unpack(place), schedule: schedule), due: schedule.due)
            case .later: break
            }
        }
        changedNew.sort()
        // Reviews, soonest first: the first the limit keeps of those not
        // changed or hidden and due today, and any due when the last of
        // them is (ties are broken by key). Every later one is due after
        // the last the limit keeps and would be dropped. Their schedules
        // are looked up together (`ScheduleTable.schedules(of:into:)`):
        // one at a time, each made its key's string, 9,999 at the largest
        // limits.
        let dayEndBits = dayEnd.timeIntervalSinceReferenceDate
        let reviewLimit = met.dueFaces.limit
        // Most starts have no face changed or hidden: the sets are then not
        // asked about each face (a set hashes what it is asked even empty).
        let noneChangedOrHidden = changed.isEmpty && hidden.isEmpty
        var chosen: [Review] = []
        for review in reviews {
            let due = Double(bitPattern: review.due)
            guard due < dayEndBits else { break }
            if chosen.count >= reviewLimit, chosen.last.map({ due > Double(bitPattern: $0.due) }) ?? true { break }
            guard noneChangedOrHidden || (!changed.contains(review.place) && !hidden.contains(review.place)) else {
                continue
            }
            chosen.append(review)
        }
        var batch = ScheduleTable.KeyBatch()
        batch.reserveCapacity(keys: chosen.count)
        for review in chosen {
            guard let (_, face) = Self.face(at: review.place, in: catalog) else { return nil }
            batch.append(face)
        }
        var found: [CardSchedule?] = []
        found.reserveCapacity(chosen.count)
        progress.schedules.schedules(of: batch, into: &found)
        for (review, schedule) in zip(chosen, found) {
            guard let schedule, schedule.state == .review, !schedule.isNew,
                schedule.due.timeIntervalSinceReferenceDate.bitPattern == review.due
            else { return nil }
            met.dueFaces.offer(PlacedFace(place: Self.unpack(review.place), schedule: schedule), due: schedule.due)
        }
        for place in learning where !changed.contains(place) && !hidden.contains(place) {
            guard let (deck, face, schedule) = Self.faceNow(at: place, in: catalog, fresh: fresh),
                Self.isLearning(schedule)
            else { return nil }
            if schedule.due < dayEnd {
                met.learning.append(StudyItem(face: face, deckFile: catalog.decks[deck].file, schedule: schedule))
            }
        }
        // New faces in walk order: the kept ones and the changed ones
        // merged. The order needs a face only when it can be placed within
        // the limit: a face past the first `limit` of its group (file, level
        // rank, kind) never is (`NewFaceOrder.Shortlist`), nor is a reverse
        // face waiting for its term's forward face when that one is past
        // them. Which group a face is in is kept (`newLanes`), so only the
        // faces that may be placed are made from their cards.
        let scheduled = Set(scheduledNew)
        // The last forward face of a term offered, and whether it may be placed.
        var lastForward: (place: Place, taken: Bool)?
        var kept = 0
        var moved = 0
        var lastDeck = -1
        var fileNumber = 0
        while kept < new.count || moved < changedNew.count {
            let place: Place
            // Its lane when kept; a changed face's is read from its card.
            let keptLane: UInt8?
            // Whether its schedule may be another than the fresh one.
            let lookUp: Bool
            if moved == changedNew.count || (kept < new.count && new[kept] < changedNew[moved]) {
                place = new[kept]
                keptLane = newLanes[kept]
                kept += 1
                guard noneChangedOrHidden || (!changed.contains(place) && !hidden.contains(place)) else { continue }
                lookUp = !scheduled.isEmpty && scheduled.contains(place)
            } else {
                place = changedNew[moved]
                keptLane = nil
                moved += 1
                lookUp = true
            }
            let at = Self.unpack(place)
            guard at.deck < catalog.decks.count else { return nil }
            // Numbered as the walk numbers files: when a file's first new
            // face is met.
            if at.deck != lastDeck {
                lastDeck = at.deck
                fileNumber = met.files.number(of: catalog.decks[at.deck].file)
            }
            var made: (deck: Int, face: StudyFace)?
            let lane: UInt8
            if let keptLane {
                lane = keptLane
            } else {
                guard let found = Self.face(at: place, in: catalog) else { return nil }
                made = found
                lane = Self.lane(of: found.face)
            }
            let kind = NewFaceOrder.kind(ofLane: Int(lane))
            let taken: Bool
            if kind == Self.termReverse, let forward = lastForward, forward.place == place - 1 {
                taken = forward.taken
            } else {
                taken = met.newFaces.takes(file: fileNumber, lane: Int(lane))
            }
            if kind == Self.termForward { lastForward = (place, taken) }
            guard taken else { continue }
            guard let (_, face) = made ?? Self.face(at: place, in: catalog), Self.lane(of: face) == lane else {
                return nil
            }
            met.newFaces.keep(NewFaceOrder.NewFace(face, file: fileNumber))
            let schedule = lookUp ? progress.schedules[face.key] ?? fresh : fresh
            guard schedule.isNew else { return nil }
            if schedule != fresh { met.newSchedules[met.newPlaces.count] = schedule }
            met.newPlaces.append(at)
        }
        return met
    }

    /// The home screen's counts (`StudyCatalog.countRows`) of every deck of
    /// `catalog`, each in its row (`rowOf`), and of all of them: the due
    /// reviews counted from the front of the sorted list, the new faces
    /// from their list, without a card looked at. Nil when a face in
    /// learning has another schedule than the list says.
    func countHome(_ catalog: StudyCatalog, rowOf: [Int], now: Date, dayEnd: Date)
        -> (rows: [DeckCounts], all: DeckCounts)?
    {
        let decks = catalog.decks.count
        guard rowOf.count == decks else { return nil }
        var rows = [DeckCounts](repeating: DeckCounts(), count: decks)
        let hidden = hiddenPlaces(catalog, at: now)
        func row(_ place: Place) -> Int? {
            let deck = Self.unpack(place).deck
            return deck < decks ? rowOf[deck] : nil
        }
        for level in levels {
            guard level.deck < decks else { return nil }
            rows[rowOf[level.deck]].cardsPerLevel[level.level, default: 0] += level.cards
        }
        let dayEndBits = dayEnd.timeIntervalSinceReferenceDate
        for review in reviews {
            guard Double(bitPattern: review.due) < dayEndBits else { break }
            guard !changed.contains(review.place), !hidden.contains(review.place) else { continue }
            guard let r = row(review.place) else { return nil }
            rows[r].due += 1
        }
        for place in new where !changed.contains(place) && !hidden.contains(place) {
            guard let r = row(place) else { return nil }
            rows[r].new += 1
        }
        let fresh = CardSchedule.new(at: now)
        for place in learning where !changed.contains(place) && !hidden.contains(place) {
            guard let r = row(place), let (_, _, schedule) = Self.faceNow(at: place, in: catalog, fresh: fresh),
                Self.isLearning(schedule)
            else { return nil }
            rows[r].add(StudyCatalog.bucket(schedule, now: now, dayEnd: dayEnd))
        }
        for place in changed where !hidden.contains(place) {
            guard let r = row(place), let (_, _, schedule) = Self.faceNow(at: place, in: catalog, fresh: fresh)
            else { return nil }
            rows[r].add(StudyCatalog.bucket(schedule, now: now, dayEnd: dayEnd))
        }
        var all = DeckCounts()
        for counts in rows { all.add(counts) }
        return (rows, all)
    }

    /// The places of the faces hidden at `now`: a start has few, and
    /// asking each face met by its key made a string per face.
    private func hiddenPlaces(_ catalog: StudyCatalog, at now: Date) -> Set<Place> {
        var hidden = Set<Place>()
        for key in catalog.progress.suspended {
            if let place = place(of: key, in: catalog) { hidden.insert(place) }
        }
        for (key, until) in catalog.progress.buriedUntil where until > now {
            if let place = place(of: key, in: catalog) { hidden.insert(place) }
        }
        return hidden
    }

    /// A new face's lane in the new-face order (`NewFaceOrder.lane`), made
    /// without the term's id a `NewFaceOrder.NewFace` makes.
    static func lane(of face: StudyFace) -> UInt8 {
        let card = face.card
        return UInt8(
            NewFaceOrder.lane(
                rank: NewFaceOrder.rank(level: card.level),
                kind: NewFaceOrder.kindCode(kind: card.kind, direction: face.direction)))
    }

    /// The kind codes of a term's two faces (`NewFaceOrder.kindCode`).
    static let termForward = NewFaceOrder.kindCode(kind: .term, direction: .forward)
    static let termReverse = NewFaceOrder.kindCode(kind: .term, direction: .reverse)

    /// The deck and face at `place` (`face(at:in:)`) with its schedule now:
    /// `fresh` for a face without one.
    static func faceNow(at place: Place, in catalog: StudyCatalog, fresh: CardSchedule)
        -> (deck: Int, face: StudyFace, schedule: CardSchedule)?
    {
        guard let (deck, face) = face(at: place, in: catalog) else { return nil }
        return (deck, face, catalog.progress.schedules[face.key] ?? fresh)
    }

    /// Whether `schedule` is one of a face in learning or relearning, as
    /// a face on the kept list of them must still have.
    static func isLearning(_ schedule: CardSchedule) -> Bool { !schedule.isNew && schedule.state != .review }

    /// The deck (its index in the catalog's decks) and face at `place`,
    /// when the catalog has one there that the walk meets (its card can
    /// be answered). The deck's index, not the deck: a copy of the deck
    /// counted each of its arrays and strings in and out of memory, for
    /// every face the queue took (20,000 at limits 9999/9999).
    static func face(at place: Place, in catalog: StudyCatalog) -> (deck: Int, face: StudyFace)? {
        let at = unpack(place)
        guard at.deck < catalog.decks.count, at.card < catalog.decks[at.deck].cards.count else { return nil }
        let card = catalog.decks[at.deck].cards[at.card]
        guard card.isAnswerable, at.face < card.faceCount else { return nil }
        return (at.deck, StudyFace(card: card, direction: Card.direction(ofFace: at.face)))
    }

    /// `place` in one word; nil when it does not fit.
    static func pack(_ place: FacePlace) -> Place? {
        guard place.deck >= 0, place.deck < 1 << 20, place.card >= 0, place.card < 1 << 40, place.face >= 0,
            place.face < 1 << 4
        else { return nil }
        return UInt64(place.deck) << 44 | UInt64(place.card) << 4 | UInt64(place.face)
    }

    /// The place a word holds.
    static func unpack(_ place: Place) -> FacePlace {
        FacePlace(deck: Int(place >> 44), card: Int(place >> 4 & (1 << 40 - 1)), face: Int(place & 0xF))
    }

    /// A hash of a progress key's UTF-8 bytes that is the same in every
    /// process (FNV-1a, 64 bits): the list of keys is kept in a file.
    static func keyHash(_ key: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }
}

extension KeptQueue {
    /// The kept queue as bytes: seven counts (the last the readiness
    /// records' plus one, 0 for none), then the lists (the new faces' lanes
    /// eight to a word), then the readiness (its day, its records two to a
    /// word), each word little-endian (`init?(bytes:)`).
    public var bytes: [UInt8] {
        var bytes = [UInt8]()
        bytes.reserveCapacity(byteCount)
        write { part in
            bytes.append(contentsOf: part)
            return true
        }
        return bytes
    }

    /// The length of `bytes`.
    public var byteCount: Int {
        8 * (7 + 2 * reviews.count + learning.count + new.count + Self.laneWords(new.count) + scheduledNew.count
            + 2 * keys.count + 3 * levels.count + (readiness.map { 1 + ($0.cards.count + 1) / 2 } ?? 0))
    }

    /// Hands `bytes` to `sink` a part at a time (64 KiB), never whole:
    /// whole, a queue of 3.6 MB at 100,000 cards was held once more while
    /// it was hashed and written, on the thread of the index's writes
    /// while the start went on. False as soon as `sink` gives false.
    @discardableResult
    public func write(_ sink: (UnsafeRawBufferPointer) -> Bool) -> Bool {
        var part = [UInt8]()
        part.reserveCapacity(Self.writtenPart)
        var failed = false
        func put(_ word: UInt64) {
            withUnsafeBytes(of: word.littleEndian) { part.append(contentsOf: $0) }
            if part.count >= Self.writtenPart {
                failed = failed || !part.withUnsafeBytes(sink)
                part.removeAll(keepingCapacity: true)
            }
        }
        for count in [
            reviews.count, learning.count, new.count, scheduledNew.count, keys.count, levels.count,
            readiness.map { $0.cards.count + 1 } ?? 0,
        ] {
            put(UInt64(count))
        }
        for review in reviews {
            put(review.due)
            put(review.place)
        }
        for place in learning { put(place) }
        for place in new { put(place) }
        // The new faces' lanes, eight to a word.
        for start in stride(from: 0, to: newLanes.count, by: 8) {
            var word: UInt64 = 0
            for (i, lane) in newLanes[start..<min(start + 8, newLanes.count)].enumerated() {
                word |= UInt64(lane) << (8 * i)
            }
            put(word)
        }
        for place in scheduledNew { put(place) }
        for key in keys {
            put(key.hash)
            put(key.place)
        }
        for level in levels {
            put(UInt64(level.deck))
            put(UInt64(bitPattern: Int64(level.level)))
            put(UInt64(level.cards))
        }
        if let readiness {
            put(UInt64(bitPattern: Int64(readiness.day)))
            for start in stride(from: 0, to: readiness.cards.count, by: 2) {
                let high = start + 1 < readiness.cards.count ? UInt64(readiness.cards[start + 1]) << 32 : 0
                put(UInt64(readiness.cards[start]) | high)
            }
        }
        if !part.isEmpty { failed = failed || !part.withUnsafeBytes(sink) }
        return !failed
    }

    /// The part `write` hands over at a time.
    static let writtenPart = 1 << 16

    /// The words `count` lanes take, eight to a word.
    static func laneWords(_ count: Int) -> Int { (count + 7) / 8 }

    /// The kept queue `bytes` hold; nil when their counts do not fill them
    /// exactly. What they say is checked where it is used (`gather`).
    public init?(bytes: UnsafeRawBufferPointer) {
        guard bytes.count % 8 == 0, bytes.count >= 56 else { return nil }
        var at = 0
        func word() -> UInt64 {
            defer { at += 8 }
            return UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: UInt64.self))
        }
        let words = bytes.count / 8
        let counts = (0..<7).map { _ in word() }
        // Each count bounded by the words left before they are added.
        let records = counts[6] == 0 ? 0 : counts[6] - 1
        let readinessWords = counts[6] == 0 ? 0 : 1 + (records + 1) / 2
        guard counts.allSatisfy({ $0 <= UInt64(words) }),
            7 + 2 * counts[0] + counts[1] + counts[2] + UInt64(Self.laneWords(Int(counts[2]))) + counts[3] + 2
                * counts[4] + 3 * counts[5] + readinessWords == UInt64(words)
        else { return nil }
        reviews = (0..<Int(counts[0])).map { _ in Review(due: word(), place: word()) }
        learning = (0..<Int(counts[1])).map { _ in word() }
        new = (0..<Int(counts[2])).map { _ in word() }
        var lanes: [UInt8] = []
        lanes.reserveCapacity(new.count)
        for _ in 0..<Self.laneWords(new.count) {
            let packed = word()
            for i in 0..<8 where lanes.count < new.count { lanes.append(UInt8(truncatingIfNeeded: packed >> (8 * i))) }
        }
        newLanes = lanes
        scheduledNew = (0..<Int(counts[3])).map { _ in word() }
        keys = (0..<Int(counts[4])).map { _ in KeyedPlace(hash: word(), place: word()) }
        var levels: [DeckLevel] = []
        for _ in 0..<Int(counts[5]) {
            let (deck, level, cards) = (word(), Int64(bitPattern: word()), word())
            // A number no deck or count can be is damage, refused here.
            guard deck < 1 << 20, cards < 1 << 40 else { return nil }
            levels.append(DeckLevel(deck: Int(deck), level: Int(level), cards: Int(cards)))
        }
        self.levels = levels
        if counts[6] != 0 {
            let day = Int64(bitPattern: word())
            var cards: [UInt32] = []
            cards.reserveCapacity(Int(records))
            for _ in 0..<(records + 1) / 2 {
                let packed = word()
                cards.append(UInt32(truncatingIfNeeded: packed))
                if cards.count < Int(records) { cards.append(UInt32(truncatingIfNeeded: packed >> 32)) }
            }
            readiness = KeptReadiness(day: Int(day), cards: cards)
        }
    }
}
