import FSRS
import Foundation
import GRDB
import Testing
@testable import ReviewStore

/// The kept hours that replace the log's time index (`ReviewHours`,
/// `LogClauses.during`): the entries of any span of time are exactly those
/// whose time is in it, read by comparing every entry's time, also when
/// entries were appended out of time order (a clock set back, a hand-made
/// or imported entry), through jatta's own appends, the view's trigger and
/// the migration of a store that had the time index.
@Suite struct ReviewHoursTests {
    /// Entry ids of the span `[start, end)` by the kept hours.
    private func idsDuring(_ db: Database, from start: Int64, to end: Int64?) throws -> [Int64] {
        try Int64.fetchAll(
            db, sql: "SELECT e.id FROM review_log e WHERE \(LogClauses.during(db, from: start, to: end)) ORDER BY e.id")
    }

    /// Entry ids of the span by every entry's time: the definition.
    private func idsByTime(_ db: Database, from start: Int64, to end: Int64?) throws -> [Int64] {
        try Int64.fetchAll(
            db, sql: "SELECT id FROM review WHERE at >= ? AND at < ? ORDER BY id", arguments: [start, end ?? .max])
    }

    /// Compares the two over spans of every width around the log's times,
    /// hour boundaries and negative times included.
    private func expectSameSpans(_ db: Database, times: [Int64], using rng: inout SeededGenerator) throws {
        let hour = ReviewHours.width
        var edges = times + times.map { $0 + 1 } + times.map { ($0 / hour) * hour } + [Int64.min / 2, 0, -1, -hour]
        edges += times.map { $0 + Int64.random(in: -3 * hour...3 * hour, using: &rng) }
        // Each entry's hour up to the entry: the spans a day's limits ask.
        for time in times {
            let start = (time / hour) * hour
            #expect(try idsDuring(db, from: start, to: time + 1) == idsByTime(db, from: start, to: time + 1))
        }
        for _ in 0..<400 {
            let start = edges.randomElement(using: &rng)!
            let end: Int64? = Bool.random(using: &rng) ? nil : edges.randomElement(using: &rng)!
            #expect(
                try idsDuring(db, from: start, to: end) == idsByTime(db, from: start, to: end),
                "span \(start) to \(String(describing: end))")
        }
    }

    @Test func spansReadTheEntriesOfTheirTimesWhateverOrderTheyWereAppendedIn() throws {
        var rng = SeededGenerator(seed: 20)
        for round in 0..<6 {
            let store = try ProgressStore()
            var times: [Int64] = []
            var clock = Date(timeIntervalSince1970: 1_780_000_000)
            for index in 0..<300 {
                // Mostly forward by seconds to minutes (several answers an
                // hour), or by hours to days; now and then the clock goes
                // back (minutes to weeks) or an entry comes from long ago.
                var longAgo: Date?
                switch Int.random(in: 0..<20, using: &rng) {
                case 0: clock = clock.addingTimeInterval(-Double.random(in: 60...(86_400 * 20), using: &rng))
                case 1: longAgo = Date(timeIntervalSince1970: Double.random(in: -86_400 * 30...86_400 * 30, using: &rng))
                case 2..<6:
                    clock = clock.addingTimeInterval(Double.random(in: 1...(86_400 * Double(round + 1)), using: &rng))
                default: clock = clock.addingTimeInterval(Double.random(in: 1...900, using: &rng))
                }
                let at = longAgo ?? clock
                let key = "k\(index % 40)"
                _ = try store.record(
                    answer(key, at: at, after: CardSchedule(due: at.addingTimeInterval(600), lastReview: at)))
                times.append(try ProgressColumns.millis(at, path: ""))
            }
            // Entries inserted through the view (a hand-made log), at
            // times before and between the recorded ones.
            try store.write { db in
                for index in 0..<20 {
                    let at = times[index * 7] - Int64(index) * 1_234_567
                    try db.execute(
                        sql: """
                            INSERT INTO review_log (key, deck_file, session, at, kind, rating, duration_ms,
                                b_suspended, a_state, a_suspended)
                            VALUES (?, 'decks/hand.deck', NULL, ?, 'study', 3, 100, 0, 2, 0)
                            """, arguments: ["hand\(index)", at])
                    times.append(at)
                }
            }
            try store.read { db in try expectSameSpans(db, times: times, using: &rng) }
        }
    }

    /// An insert into the view may name its id, below ids already taken:
    /// in the open hour below its first id (the hour's range must widen
    /// down), or in a later hour while the open one holds a larger id (the
    /// open hour must close at that id, not at the id before the insert).
    @Test func entriesGivenLowerIdsThroughTheViewStayInTheirHoursRanges() throws {
        var rng = SeededGenerator(seed: 31)
        for _ in 0..<4 {
            let store = try ProgressStore()
            var times: [Int64] = []
            var free = Array(Int64(1_000)...Int64(90_000)).shuffled(using: &rng)
            var clock: Int64 = 1_780_000_000_000
            try store.write { db in
                for index in 0..<150 {
                    // Forward by minutes to hours, now and then back.
                    clock += Int64.random(in: -2 * ReviewHours.width...3 * ReviewHours.width, using: &rng) / 2
                    let id = free.removeLast()
                    // Each on a card of its own: a card's own entries
                    // follow one another in id order (`EntryChain`).
                    try db.execute(
                        sql: """
                            INSERT INTO review_log (id, key, deck_file, session, at, kind, rating, duration_ms,
                                b_suspended, a_state, a_suspended)
                            VALUES (?, ?, 'decks/hand.deck', NULL, ?, 'study', 3, 100, 0, 2, 0)
                            """, arguments: [id, "k\(index)", clock])
                    times.append(clock)
                }
                #expect(try ReviewHours.mismatches(db).isEmpty)
                try expectSameSpans(db, times: times, using: &rng)
            }
        }
    }

    /// A time held as a real (a hand-edited store) has an hour all the
    /// same: the migration, and every later append, would otherwise stop
    /// at the hour's integer key and the store could not be opened.
    @Test func aTimeHeldAsARealHasAnHour() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("old.sqlite").path
        do {
            let queue = try DatabaseQueue(path: path)
            try Schema.migrator.migrate(queue, upTo: "scale-2-stale-fingerprints")
            try queue.write { db in
                for (index, at) in [1_780_000_000_000.5, 1_780_003_700_000, -1_800_000.25].enumerated() {
                    try db.execute(
                        sql: """
                            INSERT INTO review_log (key, deck_file, session, at, kind, rating, duration_ms,
                                b_suspended, a_state, a_suspended)
                            VALUES (?, 'decks/x.deck', 's', ?, 'study', 3, 100, 0, 2, 0)
                            """, arguments: ["k\(index)", at])
                }
            }
        }
        let store = try ProgressStore(path: path)
        try store.write { db in
            try db.execute(
                sql: """
                    INSERT INTO review_log (key, deck_file, session, at, kind, rating, duration_ms,
                        b_suspended, a_state, a_suspended)
                    VALUES ('k9', 'decks/x.deck', 's', 1780007300000.75, 'study', 3, 100, 0, 2, 0)
                    """)
            #expect(try ReviewHours.mismatches(db).isEmpty)
            let hours = try Int64.fetchAll(db, sql: "SELECT hour FROM review_hour ORDER BY hour")
            #expect(hours == [0, 494_444, 494_445, 494_446])
        }
    }

    @Test func theMigrationKeepsTheHoursOfALogWithATimeIndex() throws {
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("old.sqlite").path
        var rng = SeededGenerator(seed: 8)
        var times: [Int64] = []
        do {
            let queue = try DatabaseQueue(path: path)
            try Schema.migrator.migrate(queue, upTo: "scale-2-stale-fingerprints")
            try queue.write { db in
                for index in 0..<500 {
                    let at = Int64.random(in: -5_000_000_000...5_000_000_000, using: &rng)
                    try db.execute(
                        sql: """
                            INSERT INTO review_log (key, deck_file, session, at, kind, rating, duration_ms,
                                b_suspended, a_state, a_suspended)
                            VALUES (?, 'decks/x.deck', 's', ?, 'study', 3, 100, 0, 2, 0)
                            """, arguments: ["k\(index % 30)", at])
                    times.append(at)
                }
            }
            #expect(try queue.read { db in try db.indexes(on: "review").contains { $0.name == "review_by_time" } })
        }
        let store = try ProgressStore(path: path)
        try store.read { db in
            #expect(try !db.indexes(on: "review").contains { $0.name == "review_by_time" })
            func triples(_ sql: String) throws -> [[Int64]] {
                try Row.fetchAll(db, sql: sql).map { row in (0..<3).map { row[$0] as Int64 } }
            }
            let kept = try triples("SELECT hour, first_id, last_id FROM review_hour ORDER BY hour")
            let expected = try triples("SELECT at / 3600000, min(id), max(id) FROM review GROUP BY 1 ORDER BY 1")
            #expect(kept.count > 300)
            #expect(kept == expected)
            try expectSameSpans(db, times: times, using: &rng)
        }
    }

    @Test func theDaysCountsAndAStoreWithoutHoursAgree() throws {
        // A store opened read-only before its migration compares times
        // through its index: the same answers as the kept hours give.
        let dir = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("p.sqlite").path
        let t0 = Date(timeIntervalSince1970: 1_780_000_000)
        do {
            let store = try ProgressStore(path: path)
            for index in 0..<30 {
                let at = t0.addingTimeInterval(Double(index % 7) * 3_000 - Double(index % 3) * 90_000)
                _ = try store.record(answer("c\(index % 9)", at: at, after: CardSchedule(due: at, lastReview: at)))
            }
        }
        let day = (t0.addingTimeInterval(-86_400), t0.addingTimeInterval(3_600 * 5))
        let kept = try ProgressStore(path: path).studiedCounts(from: day.0, to: day.1)
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: "DROP TRIGGER review_hour_insert; DROP TABLE review_hour; CREATE INDEX review_by_time ON review(at)")
        }
        try queue.close()
        let unkept = try ProgressStore(path: path, options: StoreOptions(readOnly: true)).studiedCounts(from: day.0, to: day.1)
        #expect(kept == unkept)
        #expect(kept.answers > 0 && kept.answers < 30)
    }

    @Test func verifyFindsAnEntryOutsideItsHoursRange() throws {
        let store = try ProgressStore()
        let t0 = Date(timeIntervalSince1970: 1_780_000_000)
        for index in 0..<12 {
            let at = t0.addingTimeInterval(Double(index) * 1_000)
            _ = try store.record(answer("v\(index % 4)", at: at, after: CardSchedule(due: at, lastReview: at)))
        }
        #expect(try store.verify().isEmpty)
        // The first hour, closed, made to end one entry early.
        try store.executeRaw("UPDATE review_hour SET last_id = last_id - 1 WHERE hour = (SELECT min(hour) FROM review_hour)")
        let problems = try store.verify()
        #expect(problems.count == 1)
        #expect(problems.first?.contains("outside its hour's range") == true)
    }
}
