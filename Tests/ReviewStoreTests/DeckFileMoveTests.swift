import FSRS
import Foundation
import GRDB
import Testing
@testable import ReviewStore

/// A deck file's cards moving to another name as a whole (a renamed file,
/// or an older spelling of the same file respelt): the store must end as
/// moving card by card through the triggers leaves it — the same registry,
/// states, counts and summaries, checked by `verify` against the log — but
/// with the groups renamed in place instead of each card moved, and with
/// the triggers on `card` in place afterwards.
@Suite struct DeckFileMoveTests {
    /// Cards of `file`: `count` faces over levels 1 and 2, keys `prefix-i`.
    private func cards(_ file: String, prefix: String, count: Int = 12) -> [RegisteredCard] {
        (0..<count).map {
            RegisteredCard(key: "\(prefix)-\($0)", deckFile: file, prompt: "Prompt of \(prefix)-\($0)", level: $0 % 2 + 1)
        }
    }

    /// A store with `a` (12 cards) and `b.deck` (8) registered and some of
    /// each answered in study and quiz, one answer undone.
    private func filled(a: String = "a.deck") throws -> ProgressStore {
        let store = try ProgressStore()
        try store.register(cards(a, prefix: "a") + cards("b.deck", prefix: "b", count: 8), at: t0)
        var rng = SeededGenerator(seed: 7)
        var time = t0
        for (index, key) in ["a-0", "a-1", "a-2", "a-5", "b-1", "a-0", "a-7", "b-3"].enumerated() {
            time = time.addingTimeInterval(3600 * 7)
            let level = Int(key.split(separator: "-")[1])! % 2 + 1
            let deck = key.hasPrefix("a") ? a : "b.deck"
            let before = try store.progress(for: [key])[key]?.schedule
            try store.record(
                answer(
                    key, deck: deck, level: level, rating: index % 3 == 0 ? .again : .good, at: time,
                    kind: index % 4 == 3 ? .quiz : .study, before: before,
                    after: scheduleAfter(before, rating: .good, at: time, using: &rng)))
        }
        _ = try store.undoLast(sessionID: "s1", at: time.addingTimeInterval(10))
        return store
    }

    /// The registry and states with group numbers left out, and the
    /// summaries, for comparing two stores whose groups are numbered
    /// differently.
    private func meaning(_ store: ProgressStore) throws -> [String] {
        try store.read { db in
            try String.fetchAll(
                db, sql: "SELECT key || ' ' || deck_file || ' ' || coalesce(level, '-') || ' ' || answered FROM card ORDER BY key")
                + String.fetchAll(
                    db,
                    sql: "SELECT key || ' ' || coalesce(state, '-') || ' ' || coalesce(due, '-') FROM card_state ORDER BY key")
                + String.fetchAll(
                    db,
                    sql: """
                        SELECT g.deck_file || ' ' || g.level_key || ' ' || s.slot || ' ' || s.deck_file || ' '
                            || s.answers || ' ' || s.correct || ' ' || s.young_passed || ' ' || s.young_failed
                        FROM answer_slot s LEFT JOIN card_group g ON g.id = s.grp ORDER BY 1
                        """)
                + String.fetchAll(
                    db, sql: "SELECT session || key || deck_file || answers || correct FROM quiz_summary ORDER BY 1")
        }
    }

    private func triggersOnCard(_ store: ProgressStore) throws -> [String] {
        try store.read { db in
            try String.fetchAll(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'card' ORDER BY name")
        }
    }

    private func groups(of file: String, _ store: ProgressStore) throws -> [String] {
        try store.read { db in
            try String.fetchAll(
                db, sql: "SELECT id || ' ' || level_key || ' ' || total || ' ' || answered FROM card_group WHERE deck_file = ? ORDER BY id",
                arguments: [file])
        }
    }

    @Test func aRenamedFileMovesAsAWholeAndEndsAsMovingCardByCard() throws {
        let whole = try filled()
        let byCard = try filled()
        let triggers = try triggersOnCard(whole)
        let groupsBefore = try groups(of: "a.deck", whole).map { $0.replacingOccurrences(of: "a.deck", with: "") }
        let states = try whole.currentProgress()
        // a.deck renamed to c.deck; b.deck loaded as it was.
        try whole.register(cards("c.deck", prefix: "a") + cards("b.deck", prefix: "b", count: 8), at: t0.addingTimeInterval(86_400 * 9))
        try byCard.write { db in try db.execute(sql: "UPDATE card SET deck_file = 'c.deck' WHERE deck_file = 'a.deck'") }
        #expect(try meaning(whole) == meaning(byCard))
        #expect(try groups(of: "c.deck", whole) == groupsBefore, "the groups keep their numbers")
        #expect(try groups(of: "a.deck", whole).isEmpty)
        #expect(try whole.currentProgress() == states)
        #expect(try triggersOnCard(whole) == triggers)
        #expect(try whole.verify() == [])
        #expect(try byCard.verify() == [])
        let now = t0.addingTimeInterval(86_400 * 10)
        #expect(try whole.counts(dueBy: now, now: now).sorted { "\($0)" < "\($1)" }
            == byCard.counts(dueBy: now, now: now).filter { $0.counts.total > 0 }.sorted { "\($0)" < "\($1)" })
        // The next start registers nothing.
        let fingerprints = try whole.registeredFingerprints()
        #expect(fingerprints["c.deck"] != nil && fingerprints["a.deck"] == nil)
    }

    /// A renamed file some of whose cards changed keys with its name (ids
    /// scoped by the file name): the file moves as a whole and the cards
    /// left behind go back to the old name, ending as card by card does.
    @Test func aRenamedFileWithSomeNewKeysEndsAsMovingCardByCard() throws {
        let whole = try filled()
        let byCard = try filled()
        var loaded = cards("c.deck", prefix: "a").prefix(9) + cards("c.deck", prefix: "c").suffix(3)
        loaded += cards("b.deck", prefix: "b", count: 8)
        try whole.register(Array(loaded), at: t0.addingTimeInterval(86_400 * 9))
        try byCard.write { db in
            try db.execute(sql: "UPDATE card SET deck_file = 'c.deck' WHERE deck_file = 'a.deck' AND CAST(substr(key, 3) AS INTEGER) < 9")
        }
        try byCard.register(Array(loaded), at: t0.addingTimeInterval(86_400 * 9))
        #expect(try meaning(whole) == meaning(byCard))
        #expect(try whole.registeredCards()["a-10"]?.deckFile == "a.deck")
        #expect(try whole.registeredCards()["a-3"]?.deckFile == "c.deck")
        #expect(try whole.verify() == [])
    }

    /// Renamed back: the cards whose keys changed with the name stayed
    /// under the first name, so the groups clash; the smaller side moves
    /// card by card and the rest as a whole, ending as card by card does.
    @Test func aFileRenamedBackEndsAsMovingCardByCard() throws {
        let whole = try filled()
        let byCard = try filled()
        let renamed = Array(cards("c.deck", prefix: "a").prefix(9) + cards("c.deck", prefix: "c").suffix(3))
        let back = Array(cards("a.deck", prefix: "a"))
        let b = cards("b.deck", prefix: "b", count: 8)
        try whole.register(renamed + b, at: t0.addingTimeInterval(86_400 * 9))
        let groupsOfC = try groups(of: "c.deck", whole)
        try whole.register(back + b, at: t0.addingTimeInterval(86_400 * 10))
        try byCard.write { db in
            try db.execute(sql: "UPDATE card SET deck_file = 'c.deck' WHERE deck_file = 'a.deck' AND CAST(substr(key, 3) AS INTEGER) < 9")
        }
        try byCard.register(renamed + b, at: t0.addingTimeInterval(86_400 * 9))
        try byCard.write { db in try db.execute(sql: "UPDATE card SET deck_file = 'a.deck' WHERE key LIKE 'a-%'") }
        try byCard.register(back + b, at: t0.addingTimeInterval(86_400 * 10))
        #expect(try meaning(whole) == meaning(byCard))
        #expect(try groups(of: "a.deck", whole).map { $0.split(separator: " ")[0] } == groupsOfC.map { $0.split(separator: " ")[0] })
        #expect(try whole.verify() == [])
    }

    /// A file that keeps some of its cards (split in two, or edited) is
    /// not moved as a whole: each card follows its file as before.
    @Test func aFileThatKeepsCardsIsNotMovedAsAWhole() throws {
        let store = try filled()
        let half = cards("a.deck", prefix: "a").prefix(6)
        let other = cards("c.deck", prefix: "a").suffix(6)
        try store.register(Array(half) + Array(other) + cards("b.deck", prefix: "b", count: 8), at: t0.addingTimeInterval(86_400 * 9))
        let registry = try store.registeredCards()
        #expect(registry["a-0"]?.deckFile == "a.deck")
        #expect(registry["a-7"]?.deckFile == "c.deck")
        #expect(try store.verify() == [])
        // Only c.deck is loaded; a.deck, still on disk, keeps cards that
        // c.deck does not have: no whole move.
        try store.register(Array(other), at: t0.addingTimeInterval(86_400 * 10))
        #expect(try store.registeredCards()["a-0"]?.deckFile == "a.deck")
        #expect(try store.verify() == [])
    }

    /// A group of the new name with cards already (both files had cards of
    /// that level) cannot take the other's number: card by card then.
    @Test func aClashOfGroupsMovesCardByCard() throws {
        let store = try filled()
        try store.respell("a.deck", as: "b.deck")
        #expect(try store.registeredCards().values.allSatisfy { $0.deckFile == "b.deck" })
        #expect(try store.verify() == [])
        #expect(try groups(of: "a.deck", store).allSatisfy { $0.hasSuffix(" 0 0") })
    }

    @Test func anOlderSpellingIsRespeltInTheRegistryTheLogAndTheSummaries() throws {
        let store = try filled(a: "decks/a.deck")
        let log = try store.log(limit: 1000)
        let states = try store.currentProgress()
        let groupsBefore = try groups(of: "decks/a.deck", store)
        let respelt = "/home/s/course/decks/a.deck"
        let loaded = cards(respelt, prefix: "a") + cards("b.deck", prefix: "b", count: 8)
        try store.register(
            each: { visit in loaded.forEach(visit) }, at: t0.addingTimeInterval(86_400 * 9),
            respelling: { $0 == "decks/a.deck" ? respelt : nil })
        #expect(try groups(of: respelt, store) == groupsBefore)
        #expect(try store.deckFileNames() == [respelt, "b.deck"])
        var expected = log
        for index in expected.indices where expected[index].deckFile == "decks/a.deck" { expected[index].deckFile = respelt }
        #expect(try store.log(limit: 1000) == expected)
        #expect(try store.currentProgress() == states)
        #expect(try store.verify() == [])
    }

    /// Answers logged under both spellings: the log keeps both names (its
    /// rows are never rewritten), the registry takes the new one.
    @Test func aLogHoldingBothSpellingsKeepsThem() throws {
        let store = try filled(a: "decks/a.deck")
        let respelt = "/home/s/course/decks/a.deck"
        var rng = SeededGenerator(seed: 3)
        let time = t0.addingTimeInterval(86_400 * 8)
        let before = try store.progress(for: ["a-3"])["a-3"]?.schedule
        try store.record(answer("a-3", deck: respelt, level: 2, at: time, before: before, after: scheduleAfter(before, rating: .good, at: time, using: &rng)))
        let log = try store.log(limit: 1000)
        try store.respell("decks/a.deck", as: respelt)
        #expect(try store.registeredCards().values.filter { $0.key.hasPrefix("a") }.allSatisfy { $0.deckFile == respelt })
        #expect(try store.log(limit: 1000) == log)
        #expect(try store.verify() == [])
    }
}
