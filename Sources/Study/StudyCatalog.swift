import DeckFormat
import FSRS
import Foundation

/// Every deck the trainer found and the student's progress on them: what the
/// home screen lists and what sessions are built from.
public struct StudyCatalog: Sendable {
    /// The decks, in the order they were found (sorted paths).
    public var decks: [Deck] {
        didSet {
            revision = CatalogRevision.next()
            keysAreDistinct = false
            keptQueue = nil
        }
    }
    /// Whether no face key comes twice in `decks`, as their loader found
    /// (`DeckLibrary.Result.idsAreDistinct`): then the walks over every
    /// face keep no set of the keys seen, which was a tenth of a start at
    /// 100,000 cards. False unless told so; any change of `decks` makes it
    /// false again. Told wrongly, a repeated face would be counted and
    /// asked twice.
    public var keysAreDistinct = false
    /// The student's progress.
    public var progress: ProgressSnapshot {
        didSet {
            revision = CatalogRevision.next()
            keptQueue = nil
        }
    }
    /// Where every face stood when an earlier start kept it, with the faces
    /// changed since named: today's queue is read from it instead of a walk
    /// over every face (`QueueBuilder.build`). Set only for these very
    /// decks and progress: any change of either drops it.
    public var keptQueue: KeptQueue?
    /// Which contents the catalog holds: a number no other contents had,
    /// taken anew at every change of `decks` or `progress` (an answer, a
    /// burial, a re-read), so that equal numbers mean equal contents.
    private(set) var revision = CatalogRevision.next()
    /// The home counts last made from these contents (`homeCounts`).
    private let homeCountsMemo = CountsMemo<StudyFilter, HomeCounts>()
    /// The custom-study menu's counts last made (`CustomStudy.counts`).
    let customCountsMemo = CountsMemo<CustomStudy.CountsAsked, [Int]>()

    public init(decks: [Deck], progress: ProgressSnapshot = ProgressSnapshot()) {
        self.decks = decks
        self.progress = progress
    }

    /// Every face of every card the filter lets through, in deck and file
    /// order, with its current schedule (new faces are due at `now`). A
    /// choice card with no correct option cannot be answered and is left
    /// out, so neither the queue nor the counts hold it.
    public func items(matching filter: StudyFilter, now: Date) -> [StudyItem] {
        items(matching: filter, now: now) { _, _ in true }
    }

    /// The faces `items(matching:now:)` gives for which `include` (the
    /// face's key and schedule) holds. A face left out is never made into
    /// an item: at 100,000 cards most faces are reviews waiting for a later
    /// day, and copying each into an item only to drop it was a fifth of a
    /// start.
    public func items(
        matching filter: StudyFilter, now: Date, where include: (_ key: String, _ schedule: CardSchedule) -> Bool
    ) -> [StudyItem] {
        var items: [StudyItem] = []
        forEachFace(matching: filter, now: now) { deck, face, _, schedule in
            if include(face.key, schedule) { items.append(StudyItem(face: face, deckFile: deck.file, schedule: schedule)) }
        }
        return items
    }

    /// The item of a face the queue placed (`QueueBuilder.build`).
    func item(_ placed: PlacedFace) -> StudyItem { item(at: placed.place, schedule: placed.schedule) }

    /// The item of the face at `place`, with `schedule`.
    /// `place` is one a walk over these decks met (or the kept queue
    /// checked against them), so the card has that face: it is not asked
    /// again. The card's row in its deck's table is then not read at all
    /// here, which at limits 9999/9999 was 20,000 reads of memory not in
    /// the processor's caches (a twentieth of that start).
    func item(at place: FacePlace, schedule: CardSchedule) -> StudyItem {
        // The one face, not the array of the card's faces made to pick it;
        // the deck read where it is, not copied (a copy counts each of its
        // arrays and strings in and out of memory, for every item).
        let card = decks[place.deck].cards[place.card]
        assert(place.face < card.faceCount, "a card has no face \(place.face)")
        return StudyItem(
            face: StudyFace(card: card, direction: Card.direction(ofFace: place.face)),
            deckFile: decks[place.deck].file, schedule: schedule)
    }

    /// Visits every face `items(matching:now:)` gives, in its order, once
    /// per key, without making items (the exam outlooks walk every face of
    /// their decks this way too). A face's key (`StudyFace.key`) is left
    /// to the body to make: the queue needs it only for the faces due
    /// today, and made for every face it was a string per face (a new one
    /// for each reverse face) at every start.
    ///
    /// `range`: only the decks at these indices (all by default).
    /// `dueBy`: when given, the day's end before which a face must be due
    /// to be visited at all (`bucket` not `.later`); a face left out is
    /// never made (the walk for today's queue leaves out the reviews of
    /// later days, a quarter of the faces at 100,000 cards). A key met
    /// twice has one schedule, so leaving out its first face leaves out
    /// the second too, as visiting the first would have. A day, not a
    /// closure: with a second closure the compiler no longer made a copy
    /// of the walk for the queue's body, and called it through a context.
    func forEachFace(
        matching filter: StudyFilter, now: Date, decks range: Range<Int>? = nil, dueBy dayEnd: Date? = nil,
        _ body: (_ deck: Deck, _ face: StudyFace, _ place: FacePlace, _ schedule: CardSchedule) -> Void
    ) {
        // Sized once for every card (a term's second face may grow it once):
        // growing it key by key was a twentieth of a start at 100,000 cards.
        let distinct = keysAreDistinct
        var seen = Set<String>(
            minimumCapacity: distinct ? 0 : decks.reduce(0) { filter.includes(deck: $1) ? $0 + $1.cards.count : $0 })
        let new = CardSchedule.new(at: now)
        // The faces are looked up a run at a time (`ScheduleTable.schedules(of:into:)`),
        // so that the reads of memory of a run's look-ups overlap. The run
        // holds each face's place and its key's bytes, not the face: a face
        // holds its card, whose every copy is counted in and out of memory
        // (retained and released), and each face was copied into the run
        // and out of it again.
        var run: [FacePlace] = []
        // Where the walk stands in the table's entries, when they are in
        // the order of this walk (`ScheduleTable.following`).
        var cursor = 0
        var keys = ScheduleTable.KeyBatch()
        var schedules: [CardSchedule?] = []
        run.reserveCapacity(Self.lookUpRun + 1)
        keys.reserveCapacity(keys: Self.lookUpRun + 1)
        schedules.reserveCapacity(Self.lookUpRun + 1)
        for d in range ?? decks.indices {
            let deck = decks[d]
            guard filter.includes(deck: deck) else { continue }
            // A run's faces are gathered, looked up, then visited, until
            // every card of the deck is met; in one loop, not in closures
            // or local functions, which reached the run, the batch and the
            // schedules through boxes checked for exclusive access at every
            // use.
            var next = 0
            while next < deck.cards.count {
                while next < deck.cards.count, run.count < Self.lookUpRun {
                    let card = deck.cards[next]
                    if card.isAnswerable, filter.includes(card: card) {
                        for f in 0..<card.faceCount {
                            run.append(FacePlace(deck: d, card: next, face: f))
                            keys.append(card, Card.direction(ofFace: f))
                        }
                    }
                    next += 1
                }
                progress.schedules.schedules(of: keys, into: &schedules, following: &cursor)
                for (i, place) in run.enumerated() {
                    let schedule = schedules[i] ?? new
                    if let dayEnd, Self.bucket(schedule, now: now, dayEnd: dayEnd) == .later { continue }
                    let face = deck.cards[place.card].face(place.face)
                    guard distinct || seen.insert(face.key).inserted else { continue }
                    body(deck, face, place, schedule)
                }
                run.removeAll(keepingCapacity: true)
                keys.removeAll()
                schedules.removeAll(keepingCapacity: true)
            }
        }
    }

    /// The studied faces the filter lets through that are not suspended
    /// (new faces left out): the first due time after `now`, and how many
    /// are due before `end` (the session summary's next cards and those
    /// due by tomorrow). By each face's schedule, in the two halves at
    /// once (`overHalves`): made into an item each, the faces of 100,000
    /// cards took 86 ms between the last answer and the summary.
    func studiedDue(matching filter: StudyFilter, now: Date, before end: Date, splitFrom: Int = splitFrom)
        -> (next: Date?, before: Int)
    {
        overHalves(matching: filter, from: splitFrom) { [self] range -> (next: Date?, before: Int) in
            let suspended = progress.suspended
            var next: Date?
            var before = 0
            forEachFace(matching: filter, now: now, decks: range) { _, face, _, schedule in
                guard !schedule.isNew, suspended.isEmpty || !suspended.contains(face.key) else { return }
                let due = schedule.due
                if due > now, next.map({ due < $0 }) ?? true { next = due }
                if due < end { before += 1 }
            }
            return (next, before)
        } join: { first, second in
            if let later = second.next, first.next.map({ later < $0 }) ?? true { first.next = later }
            first.before += second.before
        }
    }

    /// `work` over the decks the filter lets through: over the two halves
    /// at once (`halves`), the second on another thread, joined by `join`
    /// (the first half's result, then the second's) as one pass over every
    /// deck would have made them; else over every deck, on this thread.
    /// The one way the walks over every face (today's queue, the home
    /// counts, the exam's outlook, a search) use both processors.
    func overHalves<Result: Sendable>(
        matching filter: StudyFilter, from smallest: Int = splitFrom,
        _ work: @escaping @Sendable (_ decks: Range<Int>) -> Result, join: (inout Result, Result) -> Void
    ) -> Result {
        guard let split = halves(matching: filter, from: smallest) else { return work(decks.indices) }
        let count = decks.count
        let second = BackgroundWork { work(split..<count) }
        var result = work(0..<split)
        guard let later = second.take() else { preconditionFailure("the second half's work was taken twice") }
        join(&result, later)
        return result
    }

    /// Where to split the decks the filter lets through into two halves
    /// of about as many cards, for two walks at once (`QueueBuilder`):
    /// the index of the first deck of the second half. Nil when the walk
    /// is not worth splitting (fewer than `smallest` cards), when a key
    /// may come twice (a walk keeps the keys it met), or when a deck file
    /// has decks on both sides (its new faces are chosen together).
    func halves(matching filter: StudyFilter, from smallest: Int = splitFrom) -> Int? {
        guard keysAreDistinct else { return nil }
        let counts = decks.map { filter.includes(deck: $0) ? $0.cards.count : 0 }
        let total = counts.reduce(0, +)
        guard total >= smallest else { return nil }
        // Doubled, so that an odd total has its middle exactly.
        var split = 0
        var first = 0
        while split < decks.count, 2 * (first + counts[split]) <= total {
            first += counts[split]
            split += 1
        }
        // The deck that crosses the middle goes where it leaves the halves
        // nearer to equal.
        if split < decks.count, 2 * (first + counts[split]) - total < total - 2 * first { split += 1 }
        guard split > 0, split < decks.count else { return nil }
        let firstFiles = Set(decks[..<split].map(\.file))
        guard !decks[split...].contains(where: { firstFiles.contains($0.file) }) else { return nil }
        return split
    }

    /// The fewest cards whose walk is split in two (`halves`): below it
    /// the walk takes a few milliseconds, and splitting it saved nothing
    /// measurable (10,000 cards, split from 2,000: 23.0 against 23.5 ms,
    /// medians of 21 alternating starts).
    public static let splitFrom = 20_000

    /// How many faces `forEachFace` looks up together.
    static let lookUpRun = 256

    /// Each deck file's new-card order (its `order:` header).
    public var newCardOrders: [String: NewCardOrder] {
        Dictionary(decks.map { ($0.file, $0.newCardOrder) }, uniquingKeysWith: { first, _ in first })
    }

    /// The tags used in the decks the filter lets through, sorted.
    public func tags(in deckFiles: Set<String>? = nil) -> [String] {
        var tags = Set<String>()
        for deck in decks where deckFiles.map({ $0.contains(deck.file) }) ?? true {
            for card in deck.cards { tags.formUnion(card.allTags) }
        }
        return tags.sorted()
    }

    /// The counts the home screen shows for one deck (or all, with nil):
    /// its row of `homeCounts`.
    public func counts(deck: Deck?, filter: StudyFilter, now: Date, dayEnd: Date) -> DeckCounts {
        let rows = homeCounts(filter: filter, now: now, dayEnd: dayEnd)
        guard let deck else { return rows.all }
        return decks.firstIndex { $0.file == deck.file }.map { rows.decks[$0] } ?? DeckCounts()
    }

    /// Every row of the home screen at once, in one pass over the faces:
    /// all decks, and each deck file (a face counted once per row, where
    /// its key first appears in that row's decks). Counting each row in its
    /// own pass went over every face twice per frame; at 100,000 cards that
    /// was two lookups of 120,000 keys in a set and a dictionary each time.
    /// `filter`'s deck files are not used: the rows are the decks.
    ///
    /// Asked again with the same contents, filter and day (the next frame),
    /// the counts last made are given back while they still hold
    /// (`CountsMemo`).
    public func homeCounts(filter: StudyFilter, now: Date, dayEnd: Date) -> HomeCounts {
        var f = filter
        f.deckFiles = nil
        if let kept = homeCountsMemo.counts(
            revision: revision, question: f, dayEnd: dayEnd, now: now,
            holds: { progress.sameBurials(at: $0, as: now) })
        {
            return kept
        }
        let counts = countHome(filter: f, now: now, dayEnd: dayEnd)
        homeCountsMemo.keep(.init(revision: revision, question: f, dayEnd: dayEnd, now: now, counts: counts))
        return counts
    }

    /// `homeCounts` made anew, in one pass over the faces (`filter` without
    /// deck files); a large collection's in two halves at once (`halves`).
    func countHome(filter f: StudyFilter, now: Date, dayEnd: Date, splitFrom: Int = splitFrom) -> HomeCounts {
        // A row is a deck file; decks read from the same file share it.
        var rowOf: [Int] = []
        var rowOfFile: [String: Int] = [:]
        for deck in decks {
            if let row = rowOfFile[deck.file] {
                rowOf.append(row)
            } else {
                rowOfFile[deck.file] = rowOf.count
                rowOf.append(rowOf.count)
            }
        }
        var counted: (rows: [DeckCounts], all: DeckCounts)
        if let keptQueue, keysAreDistinct, f.letsThroughEveryCard(of: decks),
            let kept = keptQueue.countHome(self, rowOf: rowOf, now: now, dayEnd: dayEnd)
        {
            counted = kept
        } else {
            // The halves share no deck file, so no row: each row's counts
            // come from one half, and the sums of both are every row's.
            counted = overHalves(matching: f, from: splitFrom) { [self, rowOf] range in
                countRows(of: range, rowOf: rowOf, filter: f, now: now, dayEnd: dayEnd)
            } join: { counted, later in
                for row in later.rows.indices { counted.rows[row].add(later.rows[row]) }
                counted.all.add(later.all)
            }
        }
        return HomeCounts(all: counted.all, decks: rowOf.map { counted.rows[$0] })
    }

    /// The home counts of the decks at `range`: each row's (by `rowOf`, a
    /// deck's row) and all of them together.
    private func countRows(
        of range: Range<Int>, rowOf: [Int], filter f: StudyFilter, now: Date, dayEnd: Date
    ) -> (rows: [DeckCounts], all: DeckCounts) {
        var all = DeckCounts()
        var rows = [DeckCounts](repeating: DeckCounts(), count: decks.count)
        // The row each key was last counted in: decks come in order, so a
        // key seen before in another row is new to this one. A file whose
        // decks are not next to each other would break that; none is, as
        // paths come sorted, but the rule stays exact: such a file's keys
        // are remembered per deck file in a set of their own.
        // With keys known distinct no key comes back, so none is kept.
        let distinct = keysAreDistinct
        var lastRow = [String: Int](minimumCapacity: distinct ? 0 : decks[range].reduce(0) { $0 + $1.cards.count })
        var scattered: [Int: Set<String>] = [:]
        for d in range where d > range.lowerBound && rowOf[d] != d && rowOf[d - 1] != rowOf[d] {
            scattered[rowOf[d]] = []
        }
        // Each deck's schedules are looked up together first (as in
        // `forEachFace`), then its faces counted in order.
        var keys = ScheduleTable.KeyBatch()
        var schedules: [CardSchedule?] = []
        var cursor = 0
        for d in range {
            let deck = decks[d]
            guard f.includes(deck: deck) else { continue }
            let row = rowOf[d]
            keys.removeAll()
            schedules.removeAll(keepingCapacity: true)
            for card in deck.cards where card.isAnswerable && f.includes(card: card) {
                card.forEachFace { face in keys.append(face) }
            }
            progress.schedules.schedules(of: keys, into: &schedules, following: &cursor)
            var next = 0
            for card in deck.cards where card.isAnswerable && f.includes(card: card) {
                rows[row].cardsPerLevel[card.level, default: 0] += 1
                all.cardsPerLevel[card.level, default: 0] += 1
                card.forEachFace { face in
                    let schedule = schedules[next]
                    next += 1
                    let key = face.key
                    let previous = distinct ? nil : lastRow.updateValue(row, forKey: key)
                    let newToRow: Bool
                    if scattered[row] != nil {
                        newToRow = scattered[row]?.insert(key).inserted ?? true
                    } else {
                        newToRow = previous != row
                    }
                    guard newToRow, !progress.isHidden(key, at: now) else { return }
                    let bucket = Self.bucket(schedule ?? .new(at: now), now: now, dayEnd: dayEnd)
                    rows[row].add(bucket)
                    if previous == nil { all.add(bucket) }
                }
            }
        }
        return (rows, all)
    }

    /// Where a face stands today.
    public enum Bucket: Sendable { case new, learning, due, later }

    public static func bucket(_ s: CardSchedule, now: Date, dayEnd: Date) -> Bucket {
        if s.isNew { return .new }
        if s.state != .review { return s.due < dayEnd ? .learning : .later }
        return s.due < dayEnd ? .due : .later
    }
}

/// The home screen's rows: all decks, and each deck of the catalog.
public struct HomeCounts: Hashable, Sendable {
    /// The row of all decks.
    public var all: DeckCounts
    /// Each deck's row, in `StudyCatalog.decks` order (decks of one file
    /// share their counts).
    public var decks: [DeckCounts]
}

/// The numbers shown beside a deck on the home screen.
public struct DeckCounts: Hashable, Sendable {
    /// Faces never studied.
    public var new = 0
    /// Faces in (re)learning due today.
    public var learning = 0
    /// Review faces due today.
    public var due = 0
    /// Cards (not faces) per exam level, under the level as written: a
    /// card of level 4 (a warning in the deck) is counted under 4, which
    /// the home screen's 1–3 columns do not show, just as no level filter
    /// picks it; it is still in the new, learning and due counts.
    public var cardsPerLevel: [Int: Int] = [:]

    /// Adds `other`'s counts to these.
    mutating func add(_ other: DeckCounts) {
        new += other.new
        learning += other.learning
        due += other.due
        cardsPerLevel.merge(other.cardsPerLevel, uniquingKeysWith: +)
    }

    /// Counts one face in its bucket.
    mutating func add(_ bucket: StudyCatalog.Bucket) {
        switch bucket {
        case .new: new += 1
        case .learning: learning += 1
        case .due: due += 1
        case .later: break
        }
    }

    public init(new: Int = 0, learning: Int = 0, due: Int = 0, cardsPerLevel: [Int: Int] = [:]) {
        self.new = new
        self.learning = learning
        self.due = due
        self.cardsPerLevel = cardsPerLevel
    }
}

extension ScheduleTable.KeyBatch {
    /// Adds the key of `face` (`StudyFace.key`), without making its string
    /// or its id's (`Card.withIDBytes`).
    mutating func append(_ face: StudyFace) { append(face.card, face.direction) }

    /// Adds the key of `card`'s face going `direction`, without making the
    /// face: walks over every card keep faces by their place.
    mutating func append(_ card: Card, _ direction: StudyFace.Direction) {
        let suffix = StudyFace.keySuffix(direction)
        card.withIDBytes { append($0, suffix: suffix) }
    }
}

extension ScheduleTable {
    /// `following(_:)` the faces of every card of `decks` in the order the
    /// walks over them take (`StudyCatalog.forEachFace`).
    public func following(facesOf decks: [Deck]) -> ScheduleTable {
        following(facesOfDecks: decks).table
    }

    /// `following(facesOf:)`, with each deck's range of entries: one for
    /// each of its faces, in order; nil for a deck with a face whose key
    /// an earlier deck's face has (its faces do not all lie there).
    public func following(facesOfDecks decks: [Deck]) -> (table: ScheduleTable, decks: [Range<Int>?]) {
        let (keys, ends) = Self.faceKeys(of: decks)
        let (table, decks) = following(keys, groupEnds: ends)
        return (table, decks)
    }

    /// Whether every face of `decks` has an entry (`hasEntry`).
    public func hasEntries(forFacesOf decks: [Deck]) -> Bool {
        let keys = Self.faceKeys(of: decks).keys
        return keys.withKeys { key in (0..<keys.count).allSatisfy { hasEntry(key($0)) } }
    }

    /// The keys of every face of `decks`, in the order of the walks, and
    /// where each deck's keys end: sized once and made by each face's
    /// place rather than as a face (a copy of its card each); a start on
    /// one deck file of ten asks this of its 12,000 faces.
    static func faceKeys(of decks: [Deck]) -> (keys: KeyBatch, deckEnds: [Int]) {
        var keys = KeyBatch()
        keys.reserveCapacity(keys: decks.reduce(0) { $0 + $1.cards.count } * 5 / 4)
        var ends: [Int] = []
        ends.reserveCapacity(decks.count)
        for deck in decks {
            for card in deck.cards {
                for f in 0..<card.faceCount { keys.append(card, Card.direction(ofFace: f)) }
            }
            ends.append(keys.count)
        }
        return (keys, ends)
    }
}
