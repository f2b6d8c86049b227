import FSRS
import Foundation
import GRDB
import Testing
@testable import ReviewStore

/// An answer recorded by `record` leaves every table as the statements it
/// replaced did: the registry upserted by every answer, the state read on
/// its own, the log appended through the `review_log` view's trigger and
/// the statistics' summaries added from the view's row of the new entry.
/// `record` skips the upsert when the card is registered as the answer
/// names it, looks the log's names up in one statement and adds the
/// summaries from the entry's own values; any difference in what that
/// stores shows up here, table by table.
@Suite struct RecordingEquivalenceTests {
    /// One answer recorded the way jatta 0.10 did, statement for statement,
    /// with the log appended through the view's trigger (the other way of
    /// appending, `CompactLogTests`).
    private func recordAsBefore(_ answer: RecordedAnswer, in store: ProgressStore) throws {
        let path = store.path
        try store.write { db in
            // 0.10's upsert, said through the registry's view (`card`: an
            // upsert cannot name a view): insert when the key is new, else
            // update when the deck file, prompt or level (kept when the
            // answer names none) differs. The prompt as the registry
            // stores it now (`PromptCoding`).
            let prompt = PromptCoding.stored(answer.prompt)
            let arguments: StatementArguments = [
                answer.key, answer.deckFile, prompt, answer.level, try ProgressColumns.millis(answer.time, path: path),
            ]
            let differs = try Bool.fetchOne(
                db,
                sql: """
                    SELECT deck_file IS NOT ?2 OR prompt IS NOT ?3 OR level IS NOT coalesce(?4, level)
                    FROM card WHERE key = ?1
                    """,
                arguments: [answer.key, answer.deckFile, prompt, answer.level])
            switch differs {
            case nil:
                try db.execute(
                    sql: "INSERT INTO card (key, deck_file, prompt, level, first_seen) VALUES (?1, ?2, ?3, ?4, ?5)",
                    arguments: arguments)
            case true?:
                try db.execute(
                    sql: "UPDATE card SET deck_file = ?2, prompt = ?3, level = coalesce(?4, level) WHERE key = ?1",
                    arguments: [answer.key, answer.deckFile, prompt, answer.level])
            case false?: break
            }
            if differs != false { try db.execute(sql: "DELETE FROM registered_deck") }
            let before = try ProgressStore.progress(of: answer.key, db: db, path: path)
            var after = before
            after.schedule = answer.after
            let columns =
                ["key", "deck_file", "session", "at", "kind", "rating", "duration_ms", "undoes"]
                + ProgressColumns.names(prefix: "b_") + ProgressColumns.names(prefix: "a_")
            let values: [(any DatabaseValueConvertible)?] =
                [
                    answer.key, answer.deckFile, answer.sessionID, try ProgressColumns.millis(answer.time, path: path),
                    answer.kind.reviewKind.rawValue, answer.rating.rawValue, answer.durationMilliseconds, nil,
                ] + (try ProgressColumns.values(before, path: path)) + (try ProgressColumns.values(after, path: path))
            try db.execute(
                sql: """
                    INSERT INTO review_log (\(columns.joined(separator: ", ")))
                    VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))
                    """,
                arguments: StatementArguments(values))
            // The trigger's inserts do not set the connection's last rowid.
            let id = try #require(try Int64.fetchOne(db, sql: "SELECT max(id) FROM review"))
            try ProgressStore.setState(
                after, of: answer.key, logID: id, db: db, path: path, answeredBefore: before.schedule != nil)
            if let quiz = answer.quizAnswer { try ProgressStore.recordQuizAnswer(quiz, logID: id, db: db, path: path) }
            let sums = AnswerSummaries.slotColumns.map { "\($0) = \($0) + excluded.\($0)" }.joined(separator: ", ")
            try db.execute(
                sql: """
                    INSERT INTO answer_slot (slot, deck_file, grp, \(AnswerSummaries.slotColumns.joined(separator: ", ")))
                    \(AnswerSummaries.slotContribution(where: "e.id = ?"))
                    ON CONFLICT (slot, deck_file, grp) DO UPDATE SET \(sums)
                    """,
                arguments: [id])
            // A quiz answer's or an override's row, counted from the log
            // (an override makes one of the row's wrong answers right).
            if answer.kind == .quiz || answer.kind == .override {
                try db.execute(
                    sql: "DELETE FROM quiz_summary WHERE session = ? AND key = ? AND deck_file = ?",
                    arguments: [answer.sessionID ?? "", answer.key, answer.deckFile])
                try db.execute(
                    sql: """
                        INSERT INTO quiz_summary (session, key, deck_file, first_at, answers, correct)
                        \(AnswerSummaries.quizContribution(where: """
                            e.key = ?2 AND coalesce(e.session, '') = ?1 AND e.deck_file = ?3 AND \(LogClauses.notUndone)
                            """))
                        """,
                    arguments: [answer.sessionID ?? "", answer.key, answer.deckFile])
            }
        }
    }

    /// Every row of every table (the schema's own bookkeeping included),
    /// table by table, rows in a fixed order.
    private func dump(_ store: ProgressStore) throws -> [String: [[DatabaseValue]]] {
        try store.read { db in
            let tables = try String.fetchAll(
                db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
            var result: [String: [[DatabaseValue]]] = [:]
            for table in tables {
                let rows = try Row.fetchAll(db, sql: "SELECT * FROM \(table)").map { Array($0.databaseValues) }
                result[table] = rows.sorted { "\($0)" < "\($1)" }
            }
            return result
        }
    }

    /// The same session of answers, suspensions, burials, undos and edits
    /// behind the log's back, given to two stores: one recording through
    /// `record`, one as before. Answers name their card as registered,
    /// with another prompt, deck file or no level, or an unregistered
    /// card; sessions are absent, shared or named as the deck file; kinds
    /// study, quiz (with and without a mark) and override; intervals from
    /// minutes to months, so young and mature answers and every rating
    /// fall in several quarter hours.
    @Test func recordStoresWhatTheStatementsItReplacedStored() throws {
        let now = try ProgressStore()
        let before = try ProgressStore()
        let decks = ["decks/a.deck", "decks/b.deck"]
        let cards = (0..<8).map { i in
            RegisteredCard(key: "k\(i)", deckFile: decks[i % 2], prompt: "Сұрақ \(i)", level: i % 3 == 0 ? nil : i % 3)
        }
        for store in [now, before] { try store.register(cards, at: t0) }
        var rng = SeededGenerator(seed: 20)
        var time = t0
        var kinds: [AnswerKind: Int] = [:]
        for step in 0..<250 {
            time = time.addingTimeInterval(
                Int.random(in: 0..<4, using: &rng) == 0 ? Double.random(in: 86_400...86_400 * 40, using: &rng)
                    : Double.random(in: 1...900, using: &rng))
            var card = cards[Int.random(in: 0..<cards.count, using: &rng)]
            switch Int.random(in: 0..<20, using: &rng) {
            case 0: card.prompt += " (edited)"
            case 1: card.deckFile = decks[(decks.firstIndex(of: card.deckFile)! + 1) % 2]
            case 2: card.level = nil
            case 3: card = RegisteredCard(key: "unregistered-\(step % 5)", deckFile: decks[0], prompt: "Loose", level: 2)
            default: break
            }
            let session = [nil, "s1", "s2", card.deckFile][Int.random(in: 0..<4, using: &rng)]
            switch Int.random(in: 0..<40, using: &rng) {
            // Each store is asked the same; a card not registered yet
            // cannot be suspended, and an undo may meet a conflict: both
            // stores must refuse alike.
            case 0:
                let ids = [now, before].map { store in (try? store.suspend(key: card.key, at: time, sessionID: session))?.id }
                #expect(ids[0] == ids[1])
                continue
            case 1:
                let ids = [now, before].map { store in
                    (try? store.bury(key: card.key, until: time.addingTimeInterval(3_600), at: time, sessionID: session))?.id
                }
                #expect(ids[0] == ids[1])
                continue
            case 2, 3:
                let ids = [now, before].map { store in (try? store.undoLast(sessionID: session, at: time)).map { $0?.id } }
                #expect(ids[0] == ids[1])
                continue
            case 4:
                // A state changed behind the log's back: the next answer's
                // `before` does not follow from the log and is kept.
                for store in [now, before] {
                    try store.write { db in
                        try db.execute(
                            sql: "UPDATE card_state SET stability = stability + 1, reps = reps + 3 WHERE key = ?",
                            arguments: [card.key])
                    }
                }
            default: break
            }
            let schedule = try now.schedules(for: [card.key])[card.key]
            let rating = Rating(rawValue: Int.random(in: 1...4, using: &rng))!
            let kind = [AnswerKind.study, .study, .quiz, .override][Int.random(in: 0..<4, using: &rng)]
            kinds[kind, default: 0] += 1
            let quiz = kind == .quiz && Bool.random(using: &rng) ? QuizAnswerDetail(credit: 0.5, chosen: "B") : nil
            let answer = RecordedAnswer(
                key: card.key, deckFile: card.deckFile, prompt: card.prompt, level: card.level, rating: rating,
                time: time, durationMilliseconds: Int.random(in: 0...60_000, using: &rng), kind: kind,
                sessionID: session, before: schedule,
                after: scheduleAfter(schedule, rating: rating, at: time, using: &rng), quizAnswer: quiz)
            try now.record(answer)
            try recordAsBefore(answer, in: before)
        }
        let recorded = try dump(now)
        let expected = try dump(before)
        #expect(recorded.keys.sorted() == expected.keys.sorted())
        for (table, rows) in expected.sorted(by: { $0.key < $1.key }) {
            let got = recorded[table] ?? []
            // The first row that differs, not the whole table.
            let first = zip(got, rows).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            #expect(
                got.count == rows.count && first == nil,
                "table \(table): \(got.count) rows, expected \(rows.count); first difference \(first.map { "\(got[$0]) against \(rows[$0])" } ?? "none")")
        }
        // The session reached what it is meant to exercise.
        #expect(kinds.count == 3)
        #expect((expected["review_before"]?.count ?? 0) > 0)
        #expect((expected["quiz_summary"]?.count ?? 0) > 0)
        let mature = try now.read { db in try Int.fetchOne(db, sql: "SELECT sum(mature_passed + mature_failed) FROM answer_slot") }
        #expect((mature ?? 0) > 0)
        #expect(try now.verify().isEmpty)
    }

    /// The one-statement look-up of the log's names finds those already
    /// there (nil for a new one), so an answer adds none of them again.
    @Test func theLogsNamesAreFoundInOneLookUp() throws {
        let store = try ProgressStore()
        var rng = SeededGenerator(seed: 4)
        try store.record(
            answer("k", deck: "decks/a.deck", at: t0, session: "s1", after: scheduleAfter(nil, rating: .good, at: t0, using: &rng)))
        try store.read { db in
            let ids = { (table: String, column: String, name: String) in
                try Int64.fetchOne(db, sql: "SELECT id FROM \(table) WHERE \(column) = ?", arguments: [name])
            }
            let expected = [try ids("log_card", "key", "k"), try ids("log_name", "name", "decks/a.deck"), try ids("log_name", "name", "s1")]
            #expect(expected.allSatisfy { $0 != nil })
            #expect(try CompactLog.knownIDs(key: "k", deckFile: "decks/a.deck", session: "s1", db: db) == expected)
            #expect(try CompactLog.knownIDs(key: "other", deckFile: "s1", session: nil, db: db) == [nil, expected[2], nil])
        }
    }

    /// The one-statement look-up of an answer's card gives what the
    /// registry's upsert and the state's read would: registered only when
    /// the upsert would change nothing (an answer without a level keeps
    /// the registered one), and the state row's progress or `unseen`.
    @Test func theCardsLookUpAgreesWithTheUpsertAndTheStateRead() throws {
        let store = try ProgressStore()
        let card = RegisteredCard(key: "k", deckFile: "decks/a.deck", prompt: "P", level: 2)
        try store.register([card], at: t0)
        var rng = SeededGenerator(seed: 3)
        try store.record(
            RecordedAnswer(
                key: card.key, deckFile: card.deckFile, prompt: card.prompt, level: card.level, rating: .good, time: t0,
                durationMilliseconds: 1_000, kind: .study, before: nil,
                after: scheduleAfter(nil, rating: .good, at: t0, using: &rng)))
        try store.suspend(key: "k", at: t0)
        var variants: [(RegisteredCard, Bool)] = [(card, true)]
        var noLevel = card
        noLevel.level = nil
        variants.append((noLevel, true))
        for change in 0..<4 {
            var other = card
            switch change {
            case 0: other.prompt = "Q"
            case 1: other.deckFile = "decks/b.deck"
            case 2: other.level = 3
            default: other.key = "absent"
            }
            variants.append((other, false))
        }
        try store.write { db in
            for (variant, expected) in variants {
                // The log's names with it: a session known, unknown, none,
                // and named as a deck file.
                for session in [nil, "s-new", "decks/a.deck", "decks/b.deck"] {
                    let (registered, progress, logIDs) = try ProgressStore.registrationAndProgress(
                        of: variant, session: session, db: db, path: store.path)
                    #expect(registered == expected, "\(variant)")
                    #expect(progress == (try ProgressStore.progress(of: variant.key, db: db, path: store.path)))
                    let known = try CompactLog.knownIDs(key: variant.key, deckFile: variant.deckFile, session: session, db: db)
                    #expect(logIDs == known, "\(variant) \(session ?? "-")")
                }
            }
        }
        #expect(
            try store.read { db in
                try ProgressStore.registrationAndProgress(of: card, session: nil, db: db, path: store.path)
            }.progress.suspended)
    }
}
