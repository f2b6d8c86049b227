import DeckFormat
import FSRS
import Foundation
import ReviewStore
import Study
import Testing

@testable import jatta

/// `StudySetup.progress` reads a large collection's progress in one pass
/// over the store (`forEachProgress`) and a small one — or a few decks of a
/// much larger store — by looking its keys up; for every face of the decks
/// both give what one pass over the whole state table reads.
@Suite struct StudySetupProgressTests {
    static let now = Date(timeIntervalSince1970: 1_795_000_000)

    /// A deck of `count` question cards and term cards (two faces each);
    /// decks made with different `words` share no card.
    func deck(_ count: Int, file: String, words: String = "") -> Deck {
        let text = (0..<count).map { i in
            i % 3 == 0 ? "T: термин\(words) \(i)\nD: анықтама \(i)\n" : "Q: сұрақ\(words) \(i)?\nA: жауап \(i)\n"
        }.joined(separator: "\n")
        return DeckParser.parse(Array(text.utf8), file: file).deck
    }

    /// Checks a deck of `cards` cards in a store that also holds the
    /// progress of `others` cards of a deck not loaded; `scan` is whether
    /// the whole state table should be read.
    func check(cards: Int, others: Int = 5, scan: Bool) throws {
        let store = try ProgressStore()
        let loaded = deck(cards, file: "decks/a.deck")
        let other = deck(others, file: "decks/other.deck")
        let keys = loaded.cards.flatMap { $0.faces.map(\.key) }
        var answers: [RecordedAnswer] = []
        for (i, key) in keys.enumerated() where i % 2 == 0 {
            let due = Self.now.addingTimeInterval(Double(i % 40 - 20) * 86_400)
            answers.append(
                RecordedAnswer(
                    key: key, deckFile: loaded.file, prompt: "p", level: 1, rating: .good, time: Self.now,
                    durationMilliseconds: 900, kind: .study, sessionID: "s", before: nil,
                    after: CardSchedule(
                        state: .review, step: nil, memory: MemoryState(stability: 3 + Double(i % 7), difficulty: 5),
                        due: due, lastReview: Self.now, reps: 1 + i % 4, lapses: i % 3)))
        }
        // Progress of a deck not loaded now, under the same store.
        for card in other.cards {
            answers.append(
                RecordedAnswer(
                    key: card.id.rawValue, deckFile: other.file, prompt: "p", level: 1, rating: .good, time: Self.now,
                    durationMilliseconds: 900, kind: .study, sessionID: "s", before: nil,
                    after: CardSchedule(
                        state: .review, step: nil, memory: MemoryState(stability: 2, difficulty: 5),
                        due: Self.now, lastReview: Self.now, reps: 1, lapses: 0)))
        }
        try store.record(answers)
        try store.register(EffectPerformer.registry([loaded, other]), at: Self.now)
        try store.suspend(key: keys[1], at: Self.now)
        try store.suspend(key: keys[2], at: Self.now)
        try store.bury(key: keys[4], until: Self.now.addingTimeInterval(3600), at: Self.now)

        #expect(try store.scanPays(forKeys: loaded.cards.count) == scan)
        let snapshot = try StudySetup.progress(store: store, decks: [loaded])
        // The previous computation: every row of the state table.
        var stored: [String: CardProgress] = [:]
        try store.forEachProgress { key, progress in stored[key] = progress }
        #expect(try store.progress(for: keys) == stored.filter { keys.contains($0.key) })
        // The identity hand-over's question takes the same way.
        let withRow = Set(stored.keys).intersection(keys)
        #expect(try store.keysWithProgress(among: keys) == withRow)
        #expect(try store.keysWithProgress(among: Set(keys)) == withRow)
        #expect(!stored.isEmpty)
        for key in keys {
            #expect(snapshot.schedules[key] == stored[key]?.schedule, "\(key)")
            #expect(snapshot.suspended.contains(key) == (stored[key]?.suspended ?? false), "\(key)")
            #expect(snapshot.buriedUntil[key] == stored[key]?.buriedUntil, "\(key)")
        }
        #expect(snapshot.suspended.contains(keys[1]) && snapshot.buriedUntil[keys[4]] != nil)
    }

    /// What looking every face of `decks` up key by key reads: the
    /// snapshot the read through the registry's rows must equal.
    func lookedUp(_ store: ProgressStore, _ decks: [Deck]) throws -> ProgressSnapshot {
        var snapshot = ProgressSnapshot()
        try store.forEachProgress(of: decks.flatMap { $0.cards.flatMap { $0.faces.map(\.key) } }) { key, p in
            if let schedule = p.schedule { snapshot.schedules[key] = schedule }
            if p.suspended { snapshot.suspended.insert(key) }
            if let until = p.buriedUntil { snapshot.buriedUntil[key] = until }
        }
        return snapshot
    }

    /// An answer to `key`, due some days around `now`, registered under `file`.
    func answer(_ key: String, file: String, _ i: Int) -> RecordedAnswer {
        RecordedAnswer(
            key: key, deckFile: file, prompt: "p", level: 1, rating: .good, time: Self.now,
            durationMilliseconds: 900, kind: .study, sessionID: "s", before: nil,
            after: CardSchedule(
                state: .review, step: nil, memory: MemoryState(stability: 3 + Double(i % 7), difficulty: 5),
                due: Self.now.addingTimeInterval(Double(i % 40 - 20) * 86_400), lastReview: Self.now,
                reps: 1 + i % 4, lapses: i % 3))
    }

    /// One deck file of a large store whose registry rows are `registry`
    /// (the loaded deck's own when nil): half its faces answered, some
    /// hidden, and a deck not loaded of 20,000 answered cards, so that the
    /// loaded faces are not worth a pass over the whole state table.
    func oneFileOfALargeStore(
        extra: [RecordedAnswer] = [], registry: ((_ loaded: Deck, _ other: Deck) -> [RegisteredCard])? = nil
    ) throws -> (store: ProgressStore, loaded: Deck) {
        let store = try ProgressStore()
        let loaded = deck(ProgressStore.keysWorthAScan + 50, file: "decks/a.deck")
        let other = deck(20_000, file: "decks/other.deck", words: " басқа")
        let keys = loaded.cards.flatMap { $0.faces.map(\.key) }
        var answers = keys.enumerated().filter { $0.offset % 2 == 0 }.map { answer($0.element, file: loaded.file, $0.offset) }
        answers += other.cards.enumerated().map { answer($0.element.id.rawValue, file: other.file, $0.offset) }
        try store.record(answers + extra)
        try store.register(registry?(loaded, other) ?? EffectPerformer.registry([loaded, other]), at: Self.now)
        try store.suspend(key: keys[1], at: Self.now)
        try store.bury(key: keys[4], until: Self.now.addingTimeInterval(3600), at: Self.now)
        #expect(try !store.scanPays(forKeys: loaded.cards.count))
        return (store, loaded)
    }

    /// Every face registered under its file: read through the registry's
    /// rows, the same snapshot as key by key. Cards registered under the
    /// file that it no longer holds (with progress) stay out of it.
    @Test func oneFileReadThroughItsRegistryRows() throws {
        let removed = deck(40, file: "decks/removed.deck", words: " алынған")
        let (store, loaded) = try oneFileOfALargeStore(
            extra: removed.cards.enumerated().map { answer($0.element.id.rawValue, file: "decks/a.deck", $0.offset) },
            registry: { loaded, other in
                EffectPerformer.registry([loaded, other])
                    + removed.cards.map {
                        RegisteredCard(key: $0.id.rawValue, deckFile: StoredDeckFile.of(loaded.file), prompt: "p", level: 1)
                    }
            })
        let file = StoredDeckFile.of(loaded.file)
        #expect(try store.registeredCards(keys: [removed.cards[0].id.rawValue]).first?.value.deckFile == file)
        var read = ProgressSnapshot()
        let keys = loaded.cards.flatMap { $0.faces.map(\.key) }
        let whole = try store.forEachProgress(of: keys, registeredUnder: [file]) { key, p in
            if let schedule = p.schedule { read.schedules[key] = schedule }
            if p.suspended { read.suspended.insert(key) }
            if let until = p.buriedUntil { read.buriedUntil[key] = until }
        }
        #expect(whole)
        let expected = try lookedUp(store, [loaded])
        // Compared as Booleans: a failure prints no snapshot of 5,000 faces.
        let readSame = read == expected
        #expect(readSame)
        let setUpSame = try StudySetup.progress(store: store, decks: [loaded]) == expected
        #expect(setUpSame)
        #expect(expected.schedules.count > 2_000 && expected.suspended.count == 1 && expected.buriedUntil.count == 1)
    }

    /// A face registered under another file (a card that moved there, or
    /// an id two files share): the registry's rows of the loaded file miss
    /// it, so its faces are looked up and its progress is not lost.
    @Test func aFaceRegisteredElsewhereIsLookedUp() throws {
        let (store, loaded) = try oneFileOfALargeStore(registry: { loaded, other in
            var entries = EffectPerformer.registry([loaded, other])
            entries[0].deckFile = StoredDeckFile.of(other.file)
            return entries
        })
        let keys = loaded.cards.flatMap { $0.faces.map(\.key) }
        #expect(try store.progress(for: [keys[0]])[keys[0]]?.schedule != nil)
        #expect(try !store.forEachProgress(of: keys, registeredUnder: [StoredDeckFile.of(loaded.file)]) { _, _ in })
        let expected = try lookedUp(store, [loaded])
        let same = try StudySetup.progress(store: store, decks: [loaded]) == expected
        #expect(same)
    }

    /// A registry row under the file whose key is a face's key in another
    /// Unicode spelling (equal as Swift compares strings, not as SQLite
    /// does) is not that face's row.
    @Test func aKeyInAnotherSpellingIsNotTheFacesKey() throws {
        let base = deck(ProgressStore.keysWorthAScan + 50, file: "decks/a.deck")
        let cafe = DeckParser.parse(Array("Q: café?\nA: кофе\nid: café-1\n".utf8), file: "decks/a.deck").deck
        #expect(cafe.cards.count == 1)
        let loaded = Deck(file: base.file, cards: base.cards + cafe.cards)
        let key = cafe.cards[0].faces[0].key
        let spelled = key.decomposedStringWithCanonicalMapping
        #expect(spelled == key && !spelled.utf8.elementsEqual(key.utf8))
        let store = try ProgressStore()
        let other = deck(20_000, file: "decks/other.deck", words: " басқа")
        let keys = loaded.cards.flatMap { $0.faces.map(\.key) }
        var answers = keys.enumerated().filter { $0.offset % 2 == 0 }.map { answer($0.element, file: loaded.file, $0.offset) }
        answers += other.cards.enumerated().map { answer($0.element.id.rawValue, file: other.file, $0.offset) }
        answers += [answer(key, file: other.file, 3), answer(spelled, file: loaded.file, 5)]
        try store.record(answers)
        var entries = EffectPerformer.registry([loaded, other]).filter { $0.key != key }
        entries.append(RegisteredCard(key: spelled, deckFile: StoredDeckFile.of(loaded.file), prompt: "p", level: nil))
        entries.append(RegisteredCard(key: key, deckFile: StoredDeckFile.of(other.file), prompt: "p", level: nil))
        try store.register(entries, at: Self.now)
        var withState = 0
        try store.forEachProgress(of: [key, spelled]) { _, _ in withState += 1 }
        #expect(withState == 2)
        #expect(try !store.forEachProgress(of: keys, registeredUnder: [StoredDeckFile.of(loaded.file)]) { _, _ in })
        let snapshot = try StudySetup.progress(store: store, decks: [loaded])
        let same = try snapshot == lookedUp(store, [loaded])
        #expect(same)
        #expect(snapshot.schedules[key] != nil)
    }

    @Test func aLargeCollectionReadInOnePass() throws {
        try check(cards: ProgressStore.keysWorthAScan + 50, scan: true)
    }

    @Test func aSmallCollectionLookedUp() throws {
        try check(cards: 60, scan: false)
    }

    /// One deck file of a store that holds many more faces: its keys are
    /// looked up (more than one query's worth), not the whole table read.
    @Test func aFewDecksOfALargeStoreLookedUp() throws {
        try check(cards: ProgressStore.keysWorthAScan + 50, others: 20_000, scan: false)
    }
}
