import DeckFormat
import FSRS
import Foundation
import Testing
@testable import Study

/// The home screen's rows counted in one pass (`StudyCatalog.homeCounts`,
/// issue 20) against the per-row passes they replaced, on generated decks
/// and progress: new, learning, due, later, suspended and buried faces
/// (burials over and not), cards repeated within a deck and across decks,
/// two decks read from one file (next to each other and not), choice cards
/// with no right option, levels 1–4 and none, tags, and level and tag filters.
@Suite struct HomeCountsTests {
    /// The counts as `StudyCatalog.counts(deck:filter:now:dayEnd:)` made
    /// them before, word for word: one pass over the row's faces.
    static func countsByRow(_ catalog: StudyCatalog, deck: Deck?, filter: StudyFilter, now: Date, dayEnd: Date)
        -> DeckCounts
    {
        var f = filter
        f.deckFiles = deck.map { [$0.file] }
        var counts = DeckCounts()
        catalog.forEachFace(matching: f, now: now) { _, face, _, schedule in
            guard !catalog.progress.isHidden(face.key, at: now) else { return }
            switch StudyCatalog.bucket(schedule, now: now, dayEnd: dayEnd) {
            case .new: counts.new += 1
            case .learning: counts.learning += 1
            case .due: counts.due += 1
            case .later: break
            }
        }
        for d in catalog.decks where f.includes(deck: d) {
            for card in d.cards where card.isAnswerable && f.includes(card: card) {
                counts.cardsPerLevel[card.level, default: 0] += 1
            }
        }
        return counts
    }

    /// A deck of `count` generated cards; prompts come from a small pool so
    /// that some cards repeat within the deck and across decks.
    static func deckText(count: Int, rng: inout SeededGenerator) -> String {
        var lines = ["# Жасалған", "lang: kk", ""]
        if rng.next() % 3 == 0 { lines.insert("order: file", at: 2) }
        for _ in 0..<count {
            let n = Int(rng.next() % 60)
            let level = ["", "level: 1", "level: 2", "level: 3", "level: 4"][Int(rng.next() % 5)]
            let tags = ["", "tags: a", "tags: b", "tags: a, b"][Int(rng.next() % 4)]
            switch rng.next() % 5 {
            case 0: lines += ["Q: Сұрақ \(n)?", "A: Жауап \(n)"]
            case 1: lines += ["T: Термин \(n)", "D: Анықтама \(n)"]
            case 2: lines += ["Q: Таңдау \(n)?", rng.next() % 2 == 0 ? "* Иә \(n)" : "- Иә \(n)", "- Жоқ \(n)"]
            case 3: lines += ["C: Мәтін {\(n)} бар."]
            default: lines += ["Q: Ашық \(n)?", "A: Үлгі жауап \(n).", "- бір", "- екі"]
            }
            lines += [level, tags, ""].filter { !$0.isEmpty } + [""]
        }
        return lines.joined(separator: "\n")
    }

    /// Progress for some of the faces: every state, and hidden faces.
    static func progress(keys: [String], now: Date, dayEnd: Date, rng: inout SeededGenerator) -> ProgressSnapshot {
        var snapshot = ProgressSnapshot()
        for key in keys {
            let roll = rng.next() % 8
            if roll < 5 {
                let state: SchedulingState = [.learning, .review, .relearning, .review, .review][Int(roll)]
                let due = [now.addingTimeInterval(-86_400), now, dayEnd.addingTimeInterval(-1), dayEnd,
                           dayEnd.addingTimeInterval(86_400)][Int(rng.next() % 5)]
                snapshot.schedules[key] = CardSchedule(
                    state: state, step: state == .review ? nil : 0, memory: MemoryState(stability: 3, difficulty: 5),
                    due: due, lastReview: now.addingTimeInterval(-86_400), reps: 1)
            }
            switch rng.next() % 10 {
            case 0: snapshot.suspended.insert(key)
            case 1: snapshot.buriedUntil[key] = now.addingTimeInterval(3600)
            case 2: snapshot.buriedUntil[key] = now.addingTimeInterval(-3600)
            default: break
            }
        }
        return snapshot
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6] as [UInt64])
    func onePassGivesEveryRowThePerRowCounts(seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        let now = Fixtures.now, dayEnd = Fixtures.dayEnd
        // Files b and d give two decks each: b's next to each other, d's not.
        let files = ["decks/a.deck", "decks/b.deck", "decks/b.deck", "decks/c.deck", "decks/d.deck", "decks/e.deck",
                     "decks/d.deck"]
        let decks = files.map { file in
            Fixtures.deck(Self.deckText(count: Int(rng.next() % 40) + 1, rng: &rng), file: file)
        }
        let keys: [String] = decks.flatMap { deck in deck.cards.flatMap { card in card.faces.map { $0.key } } }
        #expect(Set(keys).count < keys.count, "some faces repeat")
        let catalog = StudyCatalog(
            decks: decks, progress: Self.progress(keys: keys, now: now, dayEnd: dayEnd, rng: &rng))
        for filter in [StudyFilter.all, StudyFilter(level: 1), StudyFilter(level: 3), StudyFilter(tag: "a"),
                       StudyFilter(level: 2, tag: "b")]
        {
            let rows = catalog.homeCounts(filter: filter, now: now, dayEnd: dayEnd)
            #expect(rows.all == Self.countsByRow(catalog, deck: nil, filter: filter, now: now, dayEnd: dayEnd))
            #expect(rows.decks.count == decks.count)
            for (d, deck) in decks.enumerated() {
                let expected = Self.countsByRow(catalog, deck: deck, filter: filter, now: now, dayEnd: dayEnd)
                #expect(rows.decks[d] == expected, "seed \(seed), deck \(d), filter \(filter)")
                #expect(catalog.counts(deck: deck, filter: filter, now: now, dayEnd: dayEnd) == expected)
            }
        }
    }
    /// The counts kept for the next frame (`CountsMemo`) are always
    /// the counts made anew: through answers, suspensions, burials made and
    /// ended, re-read decks, filters, days, time going back, and copies of
    /// one catalog changed in different ways.
    @Test(arguments: [11, 12, 13] as [UInt64])
    func keptCountsAreTheCountsMadeAnew(seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        let dayEnd = Fixtures.dayEnd
        var now = Fixtures.now
        let files = ["decks/a.deck", "decks/b.deck", "decks/c.deck"]
        func decks() -> [Deck] {
            files.map { Fixtures.deck(Self.deckText(count: Int(rng.next() % 30) + 1, rng: &rng), file: $0) }
        }
        var catalog = StudyCatalog(decks: decks())
        func keys(_ catalog: StudyCatalog) -> [String] {
            catalog.decks.flatMap { deck in deck.cards.flatMap { card in card.faces.map { $0.key } } }
        }
        catalog.progress = Self.progress(keys: keys(catalog), now: now, dayEnd: dayEnd, rng: &rng)
        let filters = [StudyFilter.all, StudyFilter(level: 1), StudyFilter(tag: "a")]
        // One filter for ten steps at a time: the counts kept at one step
        // are the ones found at the next, after its change.
        func check(_ catalog: StudyCatalog, _ step: Int) {
            let filter = filters[step / 10 % filters.count]
            for _ in 0..<2 {
                #expect(
                    catalog.homeCounts(filter: filter, now: now, dayEnd: dayEnd)
                        == catalog.countHome(filter: filter, now: now, dayEnd: dayEnd),
                    "seed \(seed), step \(step), filter \(filter)")
            }
        }
        var copies: [StudyCatalog] = []
        for step in 0..<60 {
            check(catalog, step)
            let all = keys(catalog)
            let key = all[Int(rng.next() % UInt64(all.count))]
            switch rng.next() % 8 {
            case 0:
                catalog.progress.schedules[key] = CardSchedule(
                    state: .review, step: nil, memory: MemoryState(stability: 3, difficulty: 5),
                    due: now.addingTimeInterval(Double(rng.next() % 3) * 40_000 - 20_000), lastReview: now, reps: 1)
            case 1: catalog.progress.schedules[key] = nil
            case 2: catalog.progress.suspended.formSymmetricDifference([key])
            case 3: catalog.progress.buriedUntil[key] = now.addingTimeInterval(Double(rng.next() % 7) * 60 - 120)
            case 4: now = now.addingTimeInterval(Double(rng.next() % 5) * 60 - 120)
            case 5:
                // A copy changed one way, the catalog another: neither
                // may find the other's counts.
                var copy = catalog
                copy.progress.schedules[key] = nil
                check(copy, step)
                copies.append(copy)
                catalog.progress.suspended.insert(key)
            case 6 where step % 20 == 6: catalog.decks = decks()
            default: break
            }
        }
        for (i, copy) in copies.enumerated() { check(copy, 100 + i) }
    }
}
