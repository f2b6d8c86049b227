/// Brings a server's `jatta` schema up to `ClassSchema.migrations`: each
/// missing migration in its own transaction, under an advisory lock so two
/// administrators running setup at once do not both apply one.
public enum ClassMigrator {
    /// The advisory lock's key ("jatt" as a number, as the local store's
    /// application id).
    static let lockKey = "1784772724"

    /// Applies what is missing; returns the names applied now. A server with
    /// a migration this jatta does not know was set up by a newer jatta and
    /// is left alone.
    public static func migrate(_ connection: PostgresConnection) throws(ClassError) -> [String] {
        try connection.runScript(
            """
            CREATE SCHEMA IF NOT EXISTS jatta;
            CREATE TABLE IF NOT EXISTS jatta.migration (
                name text PRIMARY KEY,
                applied_at timestamptz NOT NULL DEFAULT now()
            );
            """)
        var applied: [String] = []
        for migration in ClassSchema.migrations {
            let done = try connection.transaction { () throws(ClassError) -> Bool in
                try connection.query("SELECT pg_advisory_xact_lock($1::bigint)", [lockKey])
                let known = try connection.query("SELECT name FROM jatta.migration").compactMap { $0.first ?? nil }
                if let unknown = known.first(where: { name in !ClassSchema.migrations.contains { $0.name == name } }) {
                    throw ClassError(.newerServer, detail: unknown)
                }
                if known.contains(migration.name) { return true }
                try connection.runScript(migration.sql)
                try connection.query("INSERT INTO jatta.migration (name) VALUES ($1)", [migration.name])
                return false
            }
            if !done { applied.append(migration.name) }
        }
        return applied
    }
}
