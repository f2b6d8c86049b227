import DeckFormat
import FSRS
import Foundation
import Testing

@testable import Study

/// Today's queue and the home screen's counts read from a kept queue
/// (`KeptQueue`) are those the walk over every face makes, whatever changed since it was kept, as long as
/// the changed faces are named; a face whose schedule is not the one the
/// kept lists say makes it give way to the walk.
@Suite struct KeptQueueTests {
    /// The catalog of `seed` (`SplitWalkTests.catalog`), then changed as
    /// sessions and time change it: faces answered (to learning, to a
    /// review due today or later), first answers undone (new again),
    /// faces suspended, buried, unburied. Returns the changed catalog and
    /// the keys whose progress changed.
    static func changed(_ catalog: StudyCatalog, seed: UInt64) -> (catalog: StudyCatalog, keys: [String]) {
        var rng = SeededGenerator(seed: seed &+ 1000)
        let now = Fixtures.now
        var progress = catalog.progress
        var keys: [String] = []
        for deck in catalog.decks {
            for card in deck.cards {
                for face in card.faces where rng.next() % 5 == 0 {
                    let key = face.key
                    keys.append(key)
                    switch rng.next() % 7 {
                    case 0: progress.schedules[key] = nil
                    case 1:
                        progress.schedules[key] = CardSchedule(
                            state: .learning, step: 1, memory: MemoryState(stability: 1, difficulty: 5),
                            due: now.addingTimeInterval(600), lastReview: now, reps: 1)
                    case 2:
                        progress.schedules[key] = CardSchedule(
                            state: .review, step: nil, memory: MemoryState(stability: 2, difficulty: 5),
                            due: now.addingTimeInterval(-Double(rng.next() % 3) * 3600), lastReview: now, reps: 2)
                    case 3:
                        progress.schedules[key] = CardSchedule(
                            state: .review, step: nil, memory: MemoryState(stability: 9, difficulty: 5),
                            due: now.addingTimeInterval(86_400 * Double(1 + rng.next() % 3)), lastReview: now, reps: 3)
                    case 4: progress.suspended.insert(key)
                    case 5: progress.buriedUntil[key] = now.addingTimeInterval(7200)
                    default:
                        progress.suspended.remove(key)
                        progress.buriedUntil[key] = nil
                    }
                }
            }
        }
        var result = StudyCatalog(decks: catalog.decks, progress: progress)
        result.keysAreDistinct = true
        return (result, keys)
    }

    static let limits = [
        StudyLimits(), StudyLimits(newPerDay: 3, reviewsPerDay: 2), StudyLimits(newPerDay: 9999, reviewsPerDay: 9999),
        StudyLimits(newPerDay: 0, reviewsPerDay: 0), StudyLimits(newPerDay: 1, reviewsPerDay: 1),
    ]

    /// Today, later today, and the next day (reviews due then come in).
    static let times: [(now: Date, dayEnd: Date)] = [
        (Fixtures.now, Fixtures.dayEnd), (Fixtures.now.addingTimeInterval(3 * 3600), Fixtures.dayEnd),
        (Fixtures.now.addingTimeInterval(86_400), Fixtures.dayEnd.addingTimeInterval(86_400)),
    ]

    @Test(arguments: Array(1...12) as [UInt64])
    func theKeptQueueGivesTheWalksQueue(seed: UInt64) throws {
        let before = SplitWalkTests.catalog(seed: seed, files: SplitWalkTests.filesWithOneTwice)
        let kept = try #require(KeptQueue.make(before))
        // Unchanged, and changed with the changes named.
        let (after, keys) = Self.changed(before, seed: seed)
        for (catalog, changed) in [(before, [String]()), (after, keys)] {
            var withKept = catalog
            withKept.keptQueue = kept.changing(changed, in: catalog)
            for (now, dayEnd) in Self.times {
                for limits in Self.limits {
                    let room = QueueBuilder.Room(
                        reviews: max(0, limits.reviewsPerDay - catalog.progress.reviewsDoneToday),
                        new: limits.newRoom(studiedToday: catalog.progress.newStudiedToday))
                    // The kept queue is read, not given up for the walk.
                    #expect(
                        withKept.keptQueue?.gather(withKept, room: room, now: now, dayEnd: dayEnd) != nil,
                        "seed \(seed), \(limits), \(now)")
                    let read = QueueBuilder.build(
                        catalog: withKept, filter: .all, limits: limits, now: now, dayEnd: dayEnd)
                    let walked = QueueBuilder.build(
                        catalog: catalog, filter: .all, limits: limits, now: now, dayEnd: dayEnd)
                    #expect(read.waiting.map(\.key) == walked.waiting.map(\.key), "seed \(seed), \(limits), \(now)")
                    #expect(read == walked, "seed \(seed), \(limits), \(now)")
                }
                // The home screen's counts, read and walked.
                #expect(
                    withKept.keptQueue?.countHome(
                        withKept, rowOf: Array(catalog.decks.indices), now: now, dayEnd: dayEnd) != nil,
                    "seed \(seed), \(now)")
                #expect(
                    withKept.countHome(filter: .all, now: now, dayEnd: dayEnd)
                        == catalog.countHome(filter: .all, now: now, dayEnd: dayEnd), "seed \(seed), \(now)")
            }
        }
    }

    /// Six new terms, the reverse faces of the first four studied: with two
    /// new faces a day, the forward faces of terms 3 to 6 are past the
    /// limit, and the new reverse faces of terms 5 and 6 wait for them
    /// (they are never placed), though no reverse face is ahead of them in
    /// their own group. Read as faces of their group, they were placed.
    @Test func aReverseFaceWaitsForAForwardFacePastTheLimit() throws {
        let text = (1...6).map { "T: Термин \($0)\nD: Анықтама \($0)\nlevel: 1\n" }.joined(separator: "\n")
        let deck = Fixtures.deck("# Терминдер\nlang: kk\n\n" + text, file: "decks/t.deck")
        var progress = ProgressSnapshot()
        for card in deck.cards.prefix(4) {
            progress.schedules[card.face(1).key] = CardSchedule(
                state: .review, step: nil, memory: MemoryState(stability: 9, difficulty: 5),
                due: Fixtures.dayEnd.addingTimeInterval(86_400 * 5), lastReview: Fixtures.now, reps: 2)
        }
        var catalog = StudyCatalog(decks: [deck], progress: progress)
        catalog.keysAreDistinct = true
        var withKept = catalog
        withKept.keptQueue = try #require(KeptQueue.make(catalog))
        for newPerDay in [1, 2, 3, 12] {
            let limits = StudyLimits(newPerDay: newPerDay, reviewsPerDay: 0)
            let read = QueueBuilder.build(
                catalog: withKept, filter: .all, limits: limits, now: Fixtures.now, dayEnd: Fixtures.dayEnd)
            let walked = QueueBuilder.build(
                catalog: catalog, filter: .all, limits: limits, now: Fixtures.now, dayEnd: Fixtures.dayEnd)
            #expect(read.waiting.map(\.key) == walked.waiting.map(\.key), "\(newPerDay) a day")
            #expect(read.waiting.count == min(newPerDay, 8))
        }
    }

    /// The earliest review moved to a later day without a word: the read
    /// meets it first and gives way.
    @Test func aReviewMovedUnnamedIsCaught() throws {
        let catalog = SplitWalkTests.catalog(seed: 3, files: SplitWalkTests.files)
        let kept = try #require(KeptQueue.make(catalog))
        let first = try #require(kept.reviews.first)
        let key = try #require(KeptQueue.face(at: first.place, in: catalog)?.face.key)
        var moved = catalog
        moved.progress.schedules[key]?.due = Fixtures.dayEnd.addingTimeInterval(86_400 * 30)
        let room = QueueBuilder.Room(reviews: 9999, new: 20)
        #expect(kept.gather(moved, room: room, now: Fixtures.now, dayEnd: Fixtures.dayEnd) == nil)
        #expect(
            kept.changing([key], in: moved).gather(moved, room: room, now: Fixtures.now, dayEnd: Fixtures.dayEnd) != nil)
    }

    /// A queue made two days ago from a catalog the exam rule had brought
    /// some reviews in (to yesterday and the day before), read today when
    /// those days have passed and a search put the reviews on a later day,
    /// unnamed: the counts read from the lists are wrong, and with the
    /// reviews due since the day it was made placed anew
    /// (`changingReviews`) the queue and the counts are the walk's.
    @Test(arguments: [1, 2, 3] as [UInt64])
    func reviewsThatCameDueSinceItWasMadeArePlacedAgain(seed: UInt64) throws {
        let current = SplitWalkTests.catalog(seed: seed, files: SplitWalkTests.files)
        let today = Fixtures.dayEnd.addingTimeInterval(-86_400)
        let madeOn = today.addingTimeInterval(-2 * 86_400)
        var then = current
        var moved = 0
        for (key, schedule) in current.progress.schedules where schedule.state == .review && !schedule.isNew {
            guard moved < 40, KeptQueue.keyHash(key) % 2 == 0 else { continue }
            // Then: brought to one of the two days since it was made; now:
            // searched again and due in five days.
            then.progress.schedules[key]?.due = madeOn.addingTimeInterval(Double(moved % 2) * 86_400 + 600)
            moved += 1
        }
        #expect(moved >= 8)
        var now = current
        for (key, schedule) in then.progress.schedules where current.progress.schedules[key] != schedule {
            now.progress.schedules[key]?.due = Fixtures.dayEnd.addingTimeInterval(5 * 86_400)
        }
        let kept = try #require(KeptQueue.make(then))
        let rows = Array(now.decks.indices)
        let walked = now.countHome(filter: .all, now: Fixtures.now, dayEnd: Fixtures.dayEnd)
        // Unnamed, the lists count them due.
        let unplaced = try #require(kept.countHome(now, rowOf: rows, now: Fixtures.now, dayEnd: Fixtures.dayEnd))
        #expect(unplaced.all.due > walked.all.due)
        let placed = kept.changingReviews(dueFrom: madeOn, before: today)
        #expect(placed.changedCount >= moved)
        var withKept = now
        withKept.keptQueue = placed
        #expect(withKept.countHome(filter: .all, now: Fixtures.now, dayEnd: Fixtures.dayEnd) == walked)
        for limits in Self.limits {
            let room = QueueBuilder.Room(
                reviews: max(0, limits.reviewsPerDay - now.progress.reviewsDoneToday),
                new: limits.newRoom(studiedToday: now.progress.newStudiedToday))
            #expect(placed.gather(withKept, room: room, now: Fixtures.now, dayEnd: Fixtures.dayEnd) != nil)
            #expect(
                QueueBuilder.build(
                    catalog: withKept, filter: .all, limits: limits, now: Fixtures.now, dayEnd: Fixtures.dayEnd)
                    == QueueBuilder.build(
                        catalog: now, filter: .all, limits: limits, now: Fixtures.now, dayEnd: Fixtures.dayEnd),
                "seed \(seed), \(limits)")
        }
        // Reviews due before the day it was made, or from today, are not
        // placed anew: exactly those due between are.
        #expect(kept.changingReviews(dueFrom: today, before: today).changedCount == 0)
        let dueBetween = then.items(matching: .all, now: Fixtures.now).count { item in
            item.schedule.state == .review && !item.schedule.isNew && item.schedule.due >= madeOn
                && item.schedule.due < today
        }
        #expect(dueBetween >= moved)
        #expect(placed.changedCount == dueBetween)
    }

    /// A queue larger than the part `write` hands over at a time is handed
    /// over in parts that join to its bytes, as long as `byteCount` says;
    /// a sink that fails stops it.
    @Test func aLargeQueueIsWrittenInParts() throws {
        var rng = SeededGenerator(seed: 31)
        let reviews = (0..<9_000).map { i in KeptQueue.Review(due: rng.next(), place: UInt64(i)) }
        let keys = (0..<9_000).map { i in KeptQueue.KeyedPlace(hash: rng.next(), place: UInt64(i)) }
        var queue = KeptQueue(
            reviews: reviews, learning: [1, 2], new: [3, 4, 5], newLanes: [1, 2, 3], scheduledNew: [4], keys: keys,
            levels: [.init(deck: 0, level: 1, cards: 7)])
        queue.readiness = KeptReadiness(day: 20_000, cards: (0..<5_001).map { UInt32($0) })
        let bytes = queue.bytes
        #expect(bytes.count == queue.byteCount)
        #expect(bytes.count > 3 * KeptQueue.writtenPart)
        var parts: [Int] = []
        var joined: [UInt8] = []
        #expect(
            queue.write { part in
                parts.append(part.count)
                joined += part
                return true
            })
        #expect(joined == bytes)
        #expect(parts.count > 3 && parts.allSatisfy { $0 <= KeptQueue.writtenPart + 8 })
        #expect(bytes.withUnsafeBytes { KeptQueue(bytes: $0) } == queue)
        var calls = 0
        #expect(!queue.write { _ in
            calls += 1
            return false
        })
        #expect(calls >= 1)
    }

    @Test func aChangeOfDecksOrProgressDropsIt() throws {
        var catalog = SplitWalkTests.catalog(seed: 2, files: SplitWalkTests.files)
        let kept = try #require(KeptQueue.make(catalog))
        catalog.keptQueue = kept
        var answered = catalog
        answered.progress.reviewsDoneToday += 1
        #expect(answered.keptQueue == nil)
        var edited = catalog
        edited.decks.removeLast()
        #expect(edited.keptQueue == nil)
        // A filter that leaves cards out is walked, as is a catalog whose
        // keys may repeat.
        #expect(!StudyFilter(level: 2).letsThroughEveryCard(of: catalog.decks))
        #expect(!StudyFilter(deckFiles: ["decks/1.deck"]).letsThroughEveryCard(of: catalog.decks))
        #expect(StudyFilter(deckFiles: Set(SplitWalkTests.files)).letsThroughEveryCard(of: catalog.decks))
    }

    @Test func placesAndKeysAreFoundAgain() throws {
        let catalog = SplitWalkTests.catalog(seed: 5, files: SplitWalkTests.filesWithOneTwice)
        let kept = try #require(KeptQueue.make(catalog))
        var faces = 0
        catalog.forEachFace(matching: .all, now: Fixtures.now) { _, face, place, _ in
            faces += 1
            #expect(KeptQueue.unpack(KeptQueue.pack(place)!) == place)
            #expect(kept.place(of: face.key, in: catalog).map(KeptQueue.unpack) == place)
        }
        #expect(kept.keys.count == faces)
        #expect(kept.reviews.count + kept.learning.count + kept.new.count == faces)
        // Every card that can be answered is counted under its level once.
        let answerable = catalog.decks.reduce(0) { $0 + $1.cards.filter(\.isAnswerable).count }
        #expect(kept.levels.reduce(0) { $0 + $1.cards } == answerable)
        #expect(kept.place(of: "no such key", in: catalog) == nil)
        #expect(KeptQueue.pack(FacePlace(deck: 1 << 20, card: 0, face: 0)) == nil)
        #expect(KeptQueue.pack(FacePlace(deck: 0, card: 0, face: 16)) == nil)
        // The hash is the same in every process: FNV-1a's own test value.
        #expect(KeptQueue.keyHash("a") == 0xaf63_dc4c_8601_ec8c)
    }

    @Test func itsBytesGiveItBackAndDamagedOnesNothing() throws {
        let kept = try #require(KeptQueue.make(SplitWalkTests.catalog(seed: 4, files: SplitWalkTests.files)))
        let bytes = kept.bytes
        #expect(bytes.withUnsafeBytes { KeptQueue(bytes: $0) } == kept)
        #expect(bytes.dropLast(8).withUnsafeBytes { KeptQueue(bytes: $0) } == nil)
        #expect(bytes.dropLast(3).withUnsafeBytes { KeptQueue(bytes: $0) } == nil)
        #expect([UInt8]().withUnsafeBytes { KeptQueue(bytes: $0) } == nil)
        // A count near the largest word must not overflow the sum.
        var huge = bytes
        for i in 0..<8 { huge[i] = 0xFF }
        #expect(huge.withUnsafeBytes { KeptQueue(bytes: $0) } == nil)
    }
}
