import GRDB
@testable import ReviewStore

/// Puts a store's registry back as it was before `store-3-grouped-registry`
/// (the table `card` with the deck file and level on every row, its
/// indexes and triggers as the earlier migrations made them) and forgets
/// that migration: what the tests that make an older store start from.
enum FirstLayoutRegistry {
    static func restore(_ db: Database) throws {
        guard try GroupedRegistry.isGrouped(db) else { return }
        // The first layout's statements, from a store migrated up to the
        // migration before: table, then indexes, then triggers.
        let older = try DatabaseQueue()
        try Schema.migrator.migrate(older, upTo: ReviewShape.migrationName)
        let schema = try older.read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT sql FROM sqlite_master WHERE tbl_name = 'card' AND sql IS NOT NULL
                    ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 ELSE 2 END, rowid
                    """)
        }
        try db.execute(
            sql: """
                CREATE TEMP TABLE first_layout_rows AS
                    SELECT key, deck_file, prompt, level, first_seen, answered FROM card;
                DROP VIEW card;
                DROP TABLE registry;
                """)
        try db.execute(sql: schema[0])
        try db.execute(sql: "INSERT INTO card SELECT * FROM temp.first_layout_rows; DROP TABLE temp.first_layout_rows")
        for sql in schema.dropFirst() { try db.execute(sql: sql) }
        try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = ?", arguments: [GroupedRegistry.migrationName])
    }
}
