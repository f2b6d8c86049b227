import FSRS
import Foundation
import GRDB
import Testing
@testable import ReviewStore

/// Today's new cards are read from the `card_new` index alone (migration
/// `queue-2-covering-new-cards`): a lookup of each card's row in the
/// registry was a third of a 9,999-card queue.
@Suite struct NewCardIndexTests {
    /// SQLite's plan for the new-card query, one line per step.
    static func plan(_ db: Database) throws -> [String] {
        try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + ProgressStore.newCardsSQL(grouped: GroupedRegistry.isGrouped(db))).map { $0["detail"] as String }
    }

    /// The same plan, read from `store`.
    static func plan(_ store: ProgressStore) throws -> [String] { try store.read { try plan($0) } }

    @Test func theNewCardQueryReadsNoRegistryRow() throws {
        let store = try ProgressStore()
        #expect(try Self.plan(store) == ["SCAN registry USING COVERING INDEX card_new"])
    }

    /// A store from before the migration (the index without `answered`,
    /// the migration forgotten) gets the covering index when it is opened
    /// again, and names the same new cards, in the same order, as a join
    /// over every registered card.
    @Test func theMigrationMakesTheIndexCoveringAndKeepsTheNewCards() throws {
        let (store, now, folder) = try KeptCountsTests.reopenedAfterPlay(seed: 21) { db in
            try FirstLayoutRegistry.restore(db)
            try db.execute(
                sql: """
                    DROP INDEX card_new;
                    CREATE INDEX card_new ON card(first_seen, key) WHERE answered = 0;
                    DELETE FROM grdb_migrations WHERE identifier = 'queue-2-covering-new-cards';
                    """)
            #expect(try Self.plan(db) == ["SCAN card USING INDEX card_new"])
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try Self.plan(store) == ["SCAN registry USING COVERING INDEX card_new"])
        let expected = try KeptCountsTests.newKeysByJoin(store, limit: 9999, now: now, deckFiles: nil)
        #expect(!expected.isEmpty)
        #expect(try store.newKeys(limit: 9999, now: now) == expected)
    }
}
