import DeckFormat
import FSRS
import Foundation
import Testing

@testable import Study

@Suite struct QueueBuilderTests {
    let deck = Fixtures.deck()

    @Test func theFixtureDeckParsesIntoEveryKind() {
        #expect(deck.cards.map(\.kind) == [.term, .question, .choice, .cloze, .open])
    }

    @Test func newFacesComeInFileOrderWithReverseFacesLast() {
        let catalog = StudyCatalog(decks: [deck])
        let queue = QueueBuilder.build(
            catalog: catalog, filter: .all, limits: StudyLimits(), now: Fixtures.now, dayEnd: Fixtures.dayEnd)
        let term = deck.cards[0]
        #expect(queue.waiting.map(\.key) == deck.cards.map(\.id.rawValue) + [term.id.rawValue + "/reverse"])
        #expect(queue.learning.isEmpty)
    }

    @Test func theNewLimitCountsWhatWasStudiedToday() {
        let catalog = StudyCatalog(decks: [deck], progress: ProgressSnapshot(newStudiedToday: 18))
        let queue = QueueBuilder.build(
            catalog: catalog, filter: .all, limits: StudyLimits(newPerDay: 20), now: Fixtures.now,
            dayEnd: Fixtures.dayEnd)
        #expect(queue.waiting.count == 2)
        let none = QueueBuilder.build(
            catalog: StudyCatalog(decks: [deck], progress: ProgressSnapshot(newStudiedToday: 25)), filter: .all,
            limits: StudyLimits(newPerDay: 20), now: Fixtures.now, dayEnd: Fixtures.dayEnd)
        #expect(none.isEmpty)
    }

    @Test func learningDueFirstThenReviewsMostOverdueFirstWithNewSpreadAmongThem() {
        let keys = deck.cards.flatMap(\.faces).map(\.key)
        let hour: TimeInterval = 3600
        func review(dueIn: TimeInterval) -> CardSchedule {
            CardSchedule(
                state: .review, step: nil, memory: MemoryState(stability: 3, difficulty: 5),
                due: Fixtures.now.addingTimeInterval(dueIn), lastReview: Fixtures.now.addingTimeInterval(-3 * 86_400),
                reps: 2)
        }
        var learning = review(dueIn: -60)
        learning.state = .learning
        learning.step = 1
        var laterLearning = review(dueIn: 300)
        laterLearning.state = .relearning
        let progress = ProgressSnapshot(schedules: [
            keys[0]: review(dueIn: -2 * hour),  // term forward: review, due 2 h ago
            keys[1]: review(dueIn: -5 * hour),  // term reverse: due 5 h ago, more overdue
            keys[2]: learning,  // question: learning, due a minute ago
            keys[3]: laterLearning,  // choice: relearning, due in 5 min
            keys[4]: review(dueIn: 30 * hour),  // cloze: due after the day ends
        ])
        let queue = QueueBuilder.build(
            catalog: StudyCatalog(decks: [deck], progress: progress), filter: .all, limits: StudyLimits(),
            now: Fixtures.now, dayEnd: Fixtures.dayEnd)
        // Learning first; reviews 1 then 0 (most overdue first) with the one
        // new face (the open question) spread between them.
        #expect(queue.waiting.map(\.key) == [keys[2], keys[1], keys[5], keys[0]])
        #expect(queue.learning.map(\.key) == [keys[3]])
    }

    @Test func hiddenFacesAreLeftOutUntilTheirTime() {
        let keys = deck.cards.flatMap(\.faces).map(\.key)
        let progress = ProgressSnapshot(
            suspended: [keys[0]], buriedUntil: [keys[1]: Fixtures.dayEnd, keys[2]: Fixtures.now.addingTimeInterval(-1)])
        let queue = QueueBuilder.build(
            catalog: StudyCatalog(decks: [deck], progress: progress), filter: .all, limits: StudyLimits(),
            now: Fixtures.now, dayEnd: Fixtures.dayEnd)
        #expect(!queue.waiting.map(\.key).contains(keys[0]))
        #expect(!queue.waiting.map(\.key).contains(keys[1]))
        #expect(queue.waiting.map(\.key).contains(keys[2]))
    }

    @Test func filtersByLevelTagAndDeck() {
        let other = Fixtures.deck("Q: Басқа?\nA: Иә\n", file: "decks/other.deck")
        let catalog = StudyCatalog(decks: [deck, other])
        func keys(_ f: StudyFilter) -> [String] {
            QueueBuilder.build(catalog: catalog, filter: f, limits: StudyLimits(), now: Fixtures.now, dayEnd: Fixtures.dayEnd)
                .waiting.map(\.key)
        }
        #expect(keys(StudyFilter(level: 2)) == [deck.cards[4].id.rawValue])
        #expect(keys(StudyFilter(tag: "салыстыру")) == [deck.cards[4].id.rawValue])
        #expect(keys(StudyFilter(deckFiles: ["decks/other.deck"])) == [other.cards[0].id.rawValue])
        #expect(keys(.all).count == 7)
    }

    @Test func countsPerDeckAndLevel() {
        let keys = deck.cards.flatMap(\.faces).map(\.key)
        let due = CardSchedule(
            state: .review, step: nil, memory: MemoryState(stability: 3, difficulty: 5),
            due: Fixtures.now, lastReview: Fixtures.now.addingTimeInterval(-86_400), reps: 1)
        var learning = due
        learning.state = .learning
        let catalog = StudyCatalog(decks: [deck], progress: ProgressSnapshot(schedules: [keys[0]: due, keys[2]: learning]))
        let counts = catalog.counts(deck: deck, filter: .all, now: Fixtures.now, dayEnd: Fixtures.dayEnd)
        #expect(counts == DeckCounts(new: 4, learning: 1, due: 1, cardsPerLevel: [1: 4, 2: 1]))
    }

    /// Two cards a deck keeps with a warning: a choice with no `*` (nobody
    /// can answer it right) and a card of level 4.
    static let warned = Fixtures.deck(
        """
        Q: Капитализмнің ең соңғы сатысы?
        - Империализм
        - Неоколониализм

        Q: Қазақстанның астанасы?
        A: Астана
        level: 4

        Q: Алматы қай өңірде?
        A: Оңтүстікте
        level: 3
        """, file: "decks/warned.deck")

    @Test func aChoiceWithNoCorrectOptionIsNeitherQueuedNorCounted() {
        let deck = Self.warned
        #expect(deck.cards.map(\.kind) == [.choice, .question, .question])
        let catalog = StudyCatalog(decks: [deck])
        let queue = QueueBuilder.build(
            catalog: catalog, filter: .all, limits: StudyLimits(), now: Fixtures.now, dayEnd: Fixtures.dayEnd)
        // Level 3 before the out-of-range level 4 (NewFaceOrder).
        #expect(queue.waiting.map(\.key) == [deck.cards[2].id.rawValue, deck.cards[1].id.rawValue])
        let counts = catalog.counts(deck: deck, filter: .all, now: Fixtures.now, dayEnd: Fixtures.dayEnd)
        #expect(counts.new == 2)
        #expect(counts.cardsPerLevel.values.reduce(0, +) == 2)
    }

    @Test func aLevelOutsideOneToThreeIsStudiedButUnderNoLevel() {
        let deck = Self.warned
        let catalog = StudyCatalog(decks: [deck])
        func keys(_ f: StudyFilter) -> [String] {
            QueueBuilder.build(catalog: catalog, filter: f, limits: StudyLimits(), now: Fixtures.now, dayEnd: Fixtures.dayEnd)
                .waiting.map(\.key)
        }
        let level4 = deck.cards[1].id.rawValue
        #expect(keys(.all).contains(level4))
        for level in 1...3 { #expect(!keys(StudyFilter(level: level)).contains(level4)) }
        let counts = catalog.counts(deck: deck, filter: .all, now: Fixtures.now, dayEnd: Fixtures.dayEnd)
        // Counted as new like any card; its level is its own, outside the
        // home screen's 1–3 columns, which agree with the level filters.
        #expect(counts == DeckCounts(new: 2, cardsPerLevel: [3: 1, 4: 1]))
        for level in 1...3 {
            let filtered = catalog.counts(deck: deck, filter: StudyFilter(level: level), now: Fixtures.now, dayEnd: Fixtures.dayEnd)
            #expect(filtered.new == counts.cardsPerLevel[level, default: 0])
        }
    }

    @Test func theFirstReviewsByDueAreTheFirstOfTheWholeSort() {
        // Issue 20: only the reviews within the limit are placed; ties of
        // due time go by key, equal keys by their place, as in the full sort.
        let deck = Fixtures.deck((1...9).map { "Q: С\($0)?\nA: Ж\n" }.joined(separator: "\n"))
        let items = deck.cards.enumerated().map { i, card in
            var schedule = CardSchedule.new(at: Fixtures.now)
            schedule.due = Fixtures.now.addingTimeInterval(Double((i * 7) % 4) * 3600)
            return StudyItem(face: card.faces[0], deckFile: deck.file, schedule: schedule)
        }
        let whole = QueueBuilder.sortedByDue(items)
        #expect(whole.map(\.schedule.due) == whole.map(\.schedule.due).sorted())
        for limit in 0...(items.count + 1) {
            #expect(QueueBuilder.sortedByDue(items, first: limit).map(\.key) == whole.prefix(limit).map(\.key))
        }
    }

    @Test func theReviewsWithinTheLimitAreTheFirstOfAllDueReviews() {
        // Issue 20: the queue makes items of the due reviews within the
        // limit only. Across two decks, with equal due times, a duplicate
        // card, hidden, learning and later faces, and every limit, they are
        // the first of every due review made into an item and sorted.
        let a = Fixtures.deck(
            (0..<12).map { "T: Термин \($0)\nD: Анықтама \($0)\n" }.joined(separator: "\n") + "\nQ: С0?\nA: Ж\n",
            file: "decks/a.deck")
        let b = Fixtures.deck((0..<10).map { "Q: С\($0)?\nA: Ж\n" }.joined(separator: "\n"), file: "decks/b.deck")
        let keys = [a, b].flatMap(\.cards).flatMap(\.faces).map(\.key)
        var progress = ProgressSnapshot()
        for (i, key) in keys.enumerated() where i % 5 != 4 {
            var schedule = CardSchedule(
                state: i % 7 == 3 ? .learning : .review, step: nil, memory: MemoryState(stability: 3, difficulty: 5),
                due: Fixtures.now.addingTimeInterval(Double((i * 11) % 6 - 3) * 3600 + (i % 9 == 8 ? 40 * 3600 : 0)),
                lastReview: Fixtures.now.addingTimeInterval(-3 * 86_400), reps: 2)
            if schedule.state == .learning { schedule.step = 0 }
            progress.schedules[key] = schedule
        }
        progress.suspended = [keys[1]]
        progress.buriedUntil = [keys[6]: Fixtures.dayEnd]
        let catalog = StudyCatalog(decks: [a, b], progress: progress)
        let allDue = QueueBuilder.sortedByDue(
            catalog.items(matching: .all, now: Fixtures.now).filter {
                StudyCatalog.bucket($0.schedule, now: Fixtures.now, dayEnd: Fixtures.dayEnd) == .due
                    && !progress.isHidden($0.key, at: Fixtures.now)
            })
        #expect(allDue.count > 10)
        for limit in 0...(allDue.count + 1) {
            let queue = QueueBuilder.build(
                catalog: catalog, filter: .all, limits: StudyLimits(newPerDay: 3, reviewsPerDay: limit), now: Fixtures.now,
                dayEnd: Fixtures.dayEnd)
            let reviews = queue.waiting.filter { $0.schedule.state == .review }
            #expect(reviews == Array(allDue.prefix(limit)), "limit \(limit)")
        }
    }

    @Test func interleaveSpreadsNewFacesEvenly() {
        let deck = Fixtures.deck((1...6).map { "Q: С\($0)?\nA: Ж\n" }.joined(separator: "\n"))
        let items = deck.cards.map { StudyItem(face: $0.faces[0], deckFile: deck.file, schedule: .new(at: Fixtures.now)) }
        let merged = QueueBuilder.interleave(Array(items[0..<4]), Array(items[4..<6]))
        // 6 in all, 2 new: new at positions ⌊6/3⌋ = 2 and ⌊12/3⌋ = 4.
        #expect(merged.map(\.key) == [0, 1, 4, 2, 5, 3].map { items[$0].key })
    }

    /// For every count of reviews and new faces up to 40 each, the new
    /// faces go where the rule puts them: the k-th of n at ⌊(k+1)·total/(n+1)⌋
    /// (positions checked against a set of them all, as the rule reads).
    @Test func interleavePutsEveryNewFaceAtItsPosition() {
        let deck = Fixtures.deck((1...80).map { "Q: С\($0)?\nA: Ж\n" }.joined(separator: "\n"))
        let items = deck.cards.map { StudyItem(face: $0.faces[0], deckFile: deck.file, schedule: .new(at: Fixtures.now)) }
        for reviews in 0...40 {
            for new in 0...40 {
                let merged = QueueBuilder.interleave(Array(items[0..<reviews]), Array(items[40..<40 + new]))
                let total = reviews + new
                let positions = Set((0..<new).map { ($0 + 1) * total / (new + 1) })
                var expected: [String] = []
                var r = 0, n = 0
                for i in 0..<total {
                    if reviews > 0, (positions.contains(i) && n < new) || r == reviews {
                        expected.append(items[40 + n].key)
                        n += 1
                    } else if reviews > 0 {
                        expected.append(items[r].key)
                        r += 1
                    }
                }
                if reviews == 0 { expected = items[40..<40 + new].map(\.key) }
                #expect(merged.map(\.key) == expected, "\(reviews) reviews, \(new) new")
            }
        }
    }
}
